/** Adds facts the user gave to their profile, so no dialog asks for them again. */
import type { TurnContext } from 'botbuilder';
import { sanitizeFacts, type PartnerFacts } from '../rules/facts';
import type { BotStateAccessors } from './botState';

export async function rememberFacts(
  context: TurnContext,
  state: BotStateAccessors,
  facts: PartnerFacts,
): Promise<void> {
  const learned = sanitizeFacts(facts);
  if (!Object.keys(learned).length) return;
  const profile = await state.profile.get(context, { facts: {} });
  await state.profile.set(context, { ...profile, facts: { ...profile.facts, ...learned } });
}
