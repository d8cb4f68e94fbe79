/**
 * Runs every conversation scenario in test/conversations/scenarios/ as one test: the user's steps are sent to
 * the bot in order, and the bot's replies must be exactly the "bot" steps that follow each of them.
 */
import type { Activity } from 'botbuilder';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, checkCard, checkString, describeReply } from './checkReply';
import { Conversation } from './conversationHarness';
import { parseScenario, type Scenario, type Step } from './scenario';

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

async function run(scenario: Scenario): Promise<void> {
  const conversation = new Conversation({ locale: scenario.locale, conversationType: scenario.conversationType });
  let pending: Partial<Activity>[] = [];
  let lastAction: Step | undefined;
  const unanswered = async (): Promise<string[]> => {
    const facts = await conversation.facts();
    return pending.map((reply) => `the bot also sent ${describeReply(reply, facts)}`);
  };
  for (const step of scenario.steps) {
    if ('do' in step) {
      const left = await unanswered();
      if (left.length && lastAction) throw new ScenarioFailure(scenario, lastAction, left);
      pending = await conversation.act(step);
      lastAction = step;
      if (conversation.turnErrors.length) throw new ScenarioFailure(scenario, step, [`the turn failed: ${conversation.turnErrors.join('\n')}`]);
      continue;
    }
    if ('check' in step) {
      const problems = await checkStored(conversation, step);
      if (problems.length) throw new ScenarioFailure(scenario, step, problems);
      continue;
    }
    if (step.expect === 'silent') {
      const left = await unanswered();
      if (left.length) throw new ScenarioFailure(scenario, step, [`expected no reply`, ...left]);
      continue;
    }
    const reply = pending.shift();
    const facts = await conversation.facts();
    const want = step.expect === 'card' ? `${article(step.kind)} ${step.kind} card in ${step.lang}` : `the message ${step.key} in ${step.lang}`;
    if (!reply) throw new ScenarioFailure(scenario, step, [`expected ${want}, the bot sent nothing more`]);
    const problems = step.expect === 'card' ? checkCard(reply, step, facts) : checkString(reply, step.key, step.lang, facts);
    if (problems.length) throw new ScenarioFailure(scenario, step, problems);
  }
  const left = await unanswered();
  if (left.length && lastAction) throw new ScenarioFailure(scenario, lastAction, left);
}

async function checkStored(conversation: Conversation, step: Extract<Step, { check: string }>): Promise<string[]> {
  if (step.check === 'remembers') {
    const facts = await conversation.facts();
    return isSameFacts(facts, step.facts)
      ? []
      : [`expected the user's profile to hold ${JSON.stringify(step.facts)}, it holds ${JSON.stringify(facts)}`];
  }
  const records = await conversation.feedbackRecords();
  const problems: string[] = [];
  if (records.length !== step.feedback.length) problems.push(`expected ${step.feedback.length} feedback record(s) under "feedback/", found ${records.length}`);
  step.feedback.forEach((want, i) => {
    const record = records[i]?.record as Record<string, unknown> | undefined;
    const wrong = Object.entries(want).filter(([key, value]) => JSON.stringify(record?.[key]) !== JSON.stringify(value));
    if (wrong.length) problems.push(`feedback record ${i + 1}: expected ${JSON.stringify(want)}, stored ${JSON.stringify(record)}`);
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
