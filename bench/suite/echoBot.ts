/**
 * The baseline of the throughput comparison: the smallest bot on the same stack (restify 11, botbuilder 4.23
 * CloudAdapter, anonymous), echoing the text back, as the Bot Framework samples write it. Compiled with
 * `tsc -p bench/tsconfig.echo.json` and run as `PORT=… node dist/bench/suite/echoBot.js`, like the bot itself.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import restify from 'restify';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`echo bot turn failed: ${error.message}`);
  await context.sendActivity('The echo bot failed.');
};
const bot = new EchoBot();

const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/readyz', (_req, res, next) => {
  res.send(200, { status: 'ready' });
  return next();
});

server.listen(Number(process.env.PORT ?? 3979), () => console.log(`echo bot listening on ${server.url}`));
const stop = () => {
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
