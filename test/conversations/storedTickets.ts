/**
 * The checks of a scenario on tickets: what the store holds (status, language, summary, facts, top intents,
 * an excerpt with nothing unmasked, the link back to the requester, what "forget my details" leaves) and
 * what the bot posted to the triage channel.
 */
import { isDeepStrictEqual } from 'node:util';
import { renderView } from '../../cards/renderCard';
import { MASKS, redact } from '../../src/privacy/redact';
import { REDACTED_AT_REQUEST } from '../../src/tickets/ticketTransitions';
import type { Ticket } from '../../src/tickets/ticket';
import { triageCardView } from '../../cards/views/triageCardView';
import { cardOf, TEAM, type Conversation } from './conversationHarness';
import type { PostExpectation, SummarySource, TicketExpectation } from './scenario';

/** The summary a user agreed to share on the consent card, and where it came from. */
export interface AgreedSummary {
  source: SummarySource;
  text: string;
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The store holds exactly these tickets, oldest first, each as the scenario says. */
export async function checkTickets(
  conversation: Conversation,
  expected: readonly TicketExpectation[],
  agreed: ReadonlyMap<string, AgreedSummary>,
): Promise<string[]> {
  const tickets = await conversation.allTickets();
  const problems: string[] = [];
  const numbers = tickets.map((t) => t.number);
  if (
    !isDeepStrictEqual(
      numbers,
      expected.map((e) => e.number),
    )
  ) {
    problems.push(
      `expected the tickets ${expected.map((e) => e.number).join(', ') || '(none)'} in the store, it holds ${numbers.join(', ') || 'none'}`,
    );
  }
  for (const want of expected) {
    const ticket = tickets.find((t) => t.number === want.number);
    if (ticket)
      problems.push(
        ...ticketProblems(ticket, want, conversation, agreed.get(want.number)).map(
          (problem) => `${want.number}: ${problem}`,
        ),
      );
  }
  return problems;
}

function ticketProblems(
  ticket: Ticket,
  want: TicketExpectation,
  conversation: Conversation,
  agreed: AgreedSummary | undefined,
): string[] {
  const problems: string[] = [];
  const stored = JSON.stringify(ticket);
  if (want.status && ticket.status !== want.status) problems.push(`status ${ticket.status}, expected ${want.status}`);
  if (want.lang && ticket.lang !== want.lang) problems.push(`lang ${ticket.lang}, expected ${want.lang}`);
  if (want.summary) {
    if (!agreed) problems.push(`no consent card with a summary came before the ticket card of ${ticket.number}`);
    else if (agreed.source !== want.summary)
      problems.push(`the summary came from ${agreed.source}, expected ${want.summary}`);
    else if (ticket.summary !== agreed.text)
      problems.push(
        `summary ${JSON.stringify(ticket.summary)}, the user agreed to share ${JSON.stringify(agreed.text)}`,
      );
  }
  if (want.facts && !isDeepStrictEqual(json(ticket.facts), want.facts))
    problems.push(`facts ${JSON.stringify(ticket.facts)}, expected ${JSON.stringify(want.facts)}`);
  if (want.intents) {
    const top = ticket.intents.slice(0, want.intents.length).map((i) => i.intent);
    if (!isDeepStrictEqual(top, want.intents))
      problems.push(
        `top intents ${JSON.stringify(ticket.intents)}, expected them to start with ${want.intents.join(', ')}`,
      );
  }
  const confidences = ticket.intents.map((i) => i.confidence);
  if (
    confidences.some((c) => !(c >= 0 && c <= 1)) ||
    confidences.some((c, i) => i > 0 && c > (confidences[i - 1] ?? 1))
  ) {
    problems.push(`the intents' confidences are not probabilities, best first: ${JSON.stringify(ticket.intents)}`);
  }
  for (const line of ticket.excerpt) {
    if (redact(line.text) !== line.text)
      problems.push(`an excerpt line still holds something to mask: ${JSON.stringify(line.text)}`);
  }
  if (redact(ticket.summary) !== ticket.summary)
    problems.push(`the summary still holds something to mask: ${JSON.stringify(ticket.summary)}`);
  for (const [text, mask] of Object.entries(want.redacted ?? {})) {
    if (stored.toLowerCase().includes(text.toLowerCase()))
      problems.push(`${JSON.stringify(text)} is stored in the ticket unmasked`);
    if (!ticket.excerpt.some((line) => line.text.includes(MASKS[mask])))
      problems.push(
        `the excerpt shows no ${MASKS[mask]} where ${JSON.stringify(text)} was: ${JSON.stringify(ticket.excerpt.map((l) => l.text))}`,
      );
  }
  if (!want.forgotten && (want.redacted || want.summary) && !ticket.excerpt.length)
    problems.push('the excerpt is empty');
  if (want.requester === true) {
    const reference = ticket.requester?.conversation;
    if (ticket.requester?.userKey !== conversation.requesterKey)
      problems.push(`the requester is ${JSON.stringify(ticket.requester?.userKey)}, not the scenario's user`);
    if (
      reference?.conversation?.id !== conversation.conversationIdOf(conversation.defaults.conversationType) ||
      !reference?.serviceUrl ||
      reference?.channelId !== conversation.channelId
    ) {
      problems.push(
        `the requester's conversation reference ${JSON.stringify(reference)} does not lead back to the user's conversation`,
      );
    }
  }
  if (want.requester === false && ticket.requester)
    problems.push(`expected no requester, the ticket keeps ${JSON.stringify(ticket.requester)}`);
  if (want.forgotten) {
    if (ticket.summary !== REDACTED_AT_REQUEST)
      problems.push(`the summary was not removed: ${JSON.stringify(ticket.summary)}`);
    if (ticket.excerpt.length) problems.push(`the excerpt was not removed: ${JSON.stringify(ticket.excerpt)}`);
    if (Object.keys(ticket.facts).length) problems.push(`the facts were not removed: ${JSON.stringify(ticket.facts)}`);
    if (ticket.requester) problems.push(`the requester was not removed: ${JSON.stringify(ticket.requester)}`);
  }
  return problems;
}

/** The proactive sends the bot asked for, in order: each ticket card posted to the channel itself (not a thread). */
export async function checkPosted(conversation: Conversation, expected: readonly PostExpectation[]): Promise<string[]> {
  const sends = conversation.messenger.sent.filter((s) => s.kind === 'send');
  const problems: string[] = [];
  if (sends.length !== expected.length)
    problems.push(
      `expected ${expected.length} proactive message(s), the bot sent ${sends.length}: ${JSON.stringify(sends.map((s) => s.reference.conversation?.id))}`,
    );
  const tickets = await conversation.allTickets();
  expected.forEach((want, i) => {
    const send = sends[i];
    if (!send) return;
    const where = want.to === 'channel' ? TEAM.id : conversation.conversationIdOf(want.to);
    if (send.reference.conversation?.id !== where)
      problems.push(
        `post ${i + 1} went to ${JSON.stringify(send.reference.conversation?.id)}, expected ${where} (the ${want.to})`,
      );
    const ticket = tickets.find((t) => t.number === want.ticket);
    if (!ticket) return void problems.push(`post ${i + 1}: the store holds no ticket ${want.ticket}`);
    const card = cardOf(send.activity);
    const expectedCard = json(renderView(triageCardView(ticket, want.lang)));
    if (!card || !isDeepStrictEqual(json(card), expectedCard))
      problems.push(
        `post ${i + 1} is not the triage card of ${want.ticket} in ${want.lang}: ${JSON.stringify(card ?? send.activity.text)}`,
      );
  });
  return problems;
}
