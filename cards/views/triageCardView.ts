/** The card a ticket is posted as in the triage channel: what the requester asked, and Assign / Resolve. */
import type { CardView, Fact } from '../cardData';
import { userText } from '../userText';
import { EXECUTE_VERBS, RESOLUTION_NOTE_INPUT } from '../verbs';
import { knownFacts } from './knownFacts';
import type { Lang } from '../../src/i18n/locales';
import { hasString, t } from '../../src/i18n/strings';
import { FACT_NAMES } from '../../src/rules/facts';
import type { Ticket } from '../../src/tickets/ticket';

/** A topic's title, or "none of the bot's topics" for greetings, help and out-of-scope questions. */
function topicTitle(intent: string, lang: Lang): string {
  const key = `topic.${intent}.title`;
  return hasString(key) ? t(lang, key) : t(lang, 'triage.topic_other');
}

/** Teams refreshes a card automatically for at most this many users. */
const MAX_REFRESH_USERS = 60;

/** @param lang the triage team's language */
export function triageCardView(ticket: Ticket, lang: Lang): CardView {
  const data = { ticket: ticket.number };
  const top = ticket.intents[0];
  const facts: Fact[] = [
    { title: t(lang, 'ticket.status'), value: t(lang, `ticket.status.${ticket.status}`) },
    { title: t(lang, 'ticket.language'), value: t(ticket.lang, 'language.name') },
    ...(top
      ? [
          {
            title: t(lang, 'triage.topic'),
            value: `${topicTitle(top.intent, lang)} (${Math.round(top.confidence * 100)}%)`,
          },
        ]
      : []),
    { title: t(lang, 'ticket.created'), value: `${ticket.createdAt.slice(0, 16).replace('T', ' ')} UTC` },
    ...(ticket.assignee ? [{ title: t(lang, 'triage.assigned_to'), value: userText(ticket.assignee.name) }] : []),
    ...(ticket.resolution
      ? [{ title: t(lang, 'triage.resolved_by'), value: userText(ticket.resolution.by.name) }]
      : []),
  ];
  const open = ticket.status !== 'resolved';
  const actors = [ticket.assignee?.id, ticket.resolution?.by.id].filter((id): id is string => Boolean(id));
  return {
    kind: 'triage',
    data: {
      lang,
      title: t(lang, 'triage.title', { number: ticket.number }),
      facts,
      // What the requester, the bot or an agent wrote: shown as typed, never as links or formats.
      summary: userText(ticket.summary),
      partnerFacts: knownFacts(FACT_NAMES, ticket.facts, lang),
      excerptTitle: t(lang, 'triage.excerpt'),
      excerpt: ticket.excerpt.map((line) => ({ text: `${line.from === 'user' ? '👤' : '🤖'} ${userText(line.text)}` })),
      resolution: userText(ticket.resolution?.note ?? ''),
      canAssign: open,
      canResolve: open,
      assign: { title: t(lang, 'triage.assign'), verb: EXECUTE_VERBS.assign, data },
      resolve: {
        title: t(lang, 'triage.resolve'),
        verb: EXECUTE_VERBS.resolve,
        data,
        noteInputId: RESOLUTION_NOTE_INPUT,
        noteLabel: t(lang, 'triage.note_label'),
        notePlaceholder: t(lang, 'triage.note_placeholder'),
      },
      refresh: {
        title: t(lang, 'triage.refresh'),
        verb: EXECUTE_VERBS.refresh,
        data,
        userIds: [...new Set(actors)].slice(0, MAX_REFRESH_USERS),
      },
    },
  };
}
