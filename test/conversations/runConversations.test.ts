/**
 * Runs every conversation scenario in test/conversations/scenarios/ as one test: the user's steps are sent to
 * the bot in order, and the bot's replies must be exactly the "bot" steps that follow each of them; "check"
 * steps read back what is stored (facts, feedback, tickets) and what was posted to the triage channel.
 */
import type { Activity } from 'botbuilder';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/privacy/redact';
import { langOfLocale, type Lang } from '../../src/i18n/locales';
import { article, checkCard, checkEvent, checkString, describeReply } from './checkReply';
import { Conversation } from './conversationHarness';
import type { CardContext } from './expectedCards';
import { parseScenario, type ConversationType, type Scenario, type Step, type SummarySource } from './scenario';
import { checkPosted, checkTickets, type AgreedSummary } from './storedTickets';

const SCENARIOS = join(__dirname, 'scenarios');
const files = readdirSync(SCENARIOS)
  .filter((name) => name.endsWith('.json'))
  .sort();

function load(file: string): Scenario {
  const text = readFileSync(join(SCENARIOS, file), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON`, { cause: error });
  }
  return parseScenario(file, json);
}

function titleOf(file: string): string {
  try {
    return `${load(file).title} (${file})`;
  } catch {
    return file;
  }
}

class ScenarioFailure extends Error {
  constructor(scenario: Scenario, step: Step, problems: string[]) {
    super(`${scenario.file}, step ${step.at}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioFailure';
  }
}

/** What the runner remembers between steps to rebuild the hand-off's cards. */
class HandoffTrail {
  /** What the user last typed, and in which conversation. */
  typed: string | undefined;
  /** What the user typed in the last action, when it was typing (the mention removed). */
  said: string | undefined;
  conversationType: ConversationType;
  /** The summary of the last consent card checked, and where it came from. */
  consented: AgreedSummary | undefined;
  /** The summary each ticket card's ticket was agreed with, by ticket number. */
  readonly agreed = new Map<string, AgreedSummary>();
  lastTicket: string | undefined;
  localeLang: Lang | undefined;

  constructor(readonly scenario: Scenario) {
    this.conversationType = scenario.conversationType;
  }

  /** The summary the consent card should show: what the user typed (masked), or the stored last question. */
  async summaryFrom(source: SummarySource, conversation: Conversation): Promise<string | undefined> {
    if (source === 'typed') return this.typed === undefined ? undefined : redact(this.typed);
    return (await conversation.conversationData(this.conversationType))?.lastQuestion?.text;
  }
}

async function cardContext(conversation: Conversation, trail: HandoffTrail, summary?: string): Promise<CardContext> {
  const lastQuestion = (await conversation.conversationData(trail.conversationType))?.lastQuestion?.text;
  const known = summary ?? trail.consented?.text;
  return {
    facts: await conversation.facts(),
    ...(lastQuestion ? { lastQuestion } : {}),
    ...(known !== undefined ? { summary: known } : {}),
    tickets: await conversation.allTickets(),
    ...(trail.said
      ? { said: { text: trail.said, ...(trail.localeLang ? { localeLang: trail.localeLang } : {}) } }
      : {}),
  };
}

async function run(scenario: Scenario): Promise<void> {
  const conversation = new Conversation({
    locale: scenario.locale,
    conversationType: scenario.conversationType,
    ...(scenario.channelId ? { channelId: scenario.channelId } : {}),
  });
  const trail = new HandoffTrail(scenario);
  let pending: Partial<Activity>[] = [];
  let lastAction: Step | undefined;
  const unanswered = async (): Promise<string[]> => {
    const state = await cardContext(conversation, trail);
    return pending.map((reply) => `the bot also sent ${describeReply(reply, state)}`);
  };
  for (const step of scenario.steps) {
    if ('do' in step) {
      const left = await unanswered();
      if (left.length && lastAction) throw new ScenarioFailure(scenario, lastAction, left);
      if (step.do === 'redeliver') pending = await conversation.redeliver(step.stateLost);
      else {
        if (step.do === 'say') trail.typed = step.text;
        trail.said =
          step.do === 'say' || step.do === 'teams' ? step.text.replace(/<at>[^<]*<\/at>/g, '').trim() : undefined;
        trail.localeLang = langOfLocale(step.locale ?? scenario.locale);
        trail.conversationType = step.conversationType ?? scenario.conversationType;
        pending = await conversation.act(step);
      }
      lastAction = step;
      if (conversation.turnErrors.length)
        throw new ScenarioFailure(scenario, step, [`the turn failed: ${conversation.turnErrors.join('\n')}`]);
      continue;
    }
    if ('check' in step) {
      const problems = await checkStored(conversation, step, trail);
      if (problems.length) throw new ScenarioFailure(scenario, step, problems);
      continue;
    }
    if (step.expect === 'silent') {
      const left = await unanswered();
      if (left.length) throw new ScenarioFailure(scenario, step, [`expected no reply`, ...left]);
      continue;
    }
    const reply = pending.shift();
    const want =
      step.expect === 'card'
        ? `${article(step.kind)} ${step.kind} card in ${step.lang}`
        : step.expect === 'event'
          ? `the event ${step.name}`
          : `the message ${step.key} in ${step.lang}`;
    if (!reply) throw new ScenarioFailure(scenario, step, [`expected ${want}, the bot sent nothing more`]);
    let problems: string[];
    if (step.expect === 'card') {
      const summary = step.summary ? await trail.summaryFrom(step.summary, conversation) : undefined;
      if (step.summary && summary === undefined)
        throw new ScenarioFailure(scenario, step, [
          `the consent card's summary comes from "${step.summary}", and there is none`,
        ]);
      problems = checkCard(reply, step, await cardContext(conversation, trail, summary));
      if (!problems.length && step.summary && summary !== undefined)
        trail.consented = { source: step.summary, text: summary };
      if (!problems.length && step.number) {
        trail.lastTicket = step.number;
        if (trail.consented && !trail.agreed.has(step.number)) trail.agreed.set(step.number, trail.consented);
      }
    } else if (step.expect === 'event') {
      problems = checkEvent(reply, step.name, step.lang, await cardContext(conversation, trail), trail.lastTicket);
    } else {
      problems = checkString(reply, step.key, step.lang, await cardContext(conversation, trail));
    }
    if (problems.length) throw new ScenarioFailure(scenario, step, problems);
  }
  const left = await unanswered();
  if (left.length && lastAction) throw new ScenarioFailure(scenario, lastAction, left);
}

async function checkStored(
  conversation: Conversation,
  step: Extract<Step, { check: string }>,
  trail: HandoffTrail,
): Promise<string[]> {
  if (step.check === 'remembers') {
    const facts = await conversation.facts();
    return isSameFacts(facts, step.facts)
      ? []
      : [`expected the user's profile to hold ${JSON.stringify(step.facts)}, it holds ${JSON.stringify(facts)}`];
  }
  if (step.check === 'posted') return checkPosted(conversation, step.posts);
  const problems: string[] = [];
  if (step.feedback) problems.push(...(await checkFeedback(conversation, step.feedback)));
  if (step.tickets) problems.push(...(await checkTickets(conversation, step.tickets, trail.agreed)));
  if (step.profile === null) {
    const profile = await conversation.profile();
    const record = await conversation.userRecord();
    if (profile !== undefined || record !== undefined)
      problems.push(`expected no stored profile for the user, the storage holds ${JSON.stringify(record)}`);
  }
  return problems;
}

async function checkFeedback(conversation: Conversation, feedback: Record<string, unknown>[]): Promise<string[]> {
  const records = await conversation.feedbackRecords();
  const problems: string[] = [];
  if (records.length !== feedback.length)
    problems.push(`expected ${feedback.length} feedback record(s) under "feedback/", found ${records.length}`);
  feedback.forEach((want, i) => {
    const record = records[i]?.record as Record<string, unknown> | undefined;
    const wrong = Object.entries(want).filter(
      ([key, value]) => JSON.stringify(record?.[key]) !== JSON.stringify(value),
    );
    if (wrong.length)
      problems.push(`feedback record ${i + 1}: expected ${JSON.stringify(want)}, stored ${JSON.stringify(record)}`);
  });
  return problems;
}

function isSameFacts(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

describe('conversations', () => {
  it('has scenarios', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [titleOf(file), file] as const))('%s', async (_title, file) => {
    await run(load(file));
  });
});
