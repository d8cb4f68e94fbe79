/**
 * The bot's entry point. The server (restify, CloudAdapter, storage, routes) is wired here by the bot issue;
 * until it lands, this says so plainly and points to what works today.
 */
console.log(
  [
    'MPN support benefits assistant',
    '',
    'The chat server is not wired yet (it comes with the bot issue). What works today:',
    '  echo \'{"text":"how many incidents does a Gold partner get?"}\' | npm run --silent answer',
    '  npm run gallery   # every card in every language, rendered: generated/gallery.html',
    '  npm run eval      # the classifier on the development set: generated/eval/report.html',
  ].join('\n'),
);
