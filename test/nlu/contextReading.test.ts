/**
 * Reading a message in the conversation's context with the product's classifier: an answer to the pending
 * question (or another fact the topic uses), "I don't know", a follow-up for another case or about the partner,
 * and a new question when the message asks something else.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/locales';
import { classifier } from '../../src/nlu/classifier';
import { readInContext, type TopicContext } from '../../src/nlu/contextReading';

const read = (text: string, context: TopicContext | undefined, lang: Lang = 'en') =>
  readInContext(text, classifier().classify(text, { locale: lang }), context, lang);

const accessIdAsksMembership: TopicContext = {
  topic: 'access_id_already_associated',
  facts: { productKind: 'cloud' },
  asked: 'membership',
};
const goldEntitlement: TopicContext = { topic: 'entitlement', facts: { membership: 'gold' } };

describe('an answer to the pending question', () => {
  it.each([
    ['gold', { membership: 'gold' }],
    ['the third one', { membership: 'gold' }],
    ['the contract was linked before', { contractHistory: 'linked_before' }],
    ['it expired', { contractHistory: 'expired_or_used_up' }],
    ['we are silver and the contract was linked before', { membership: 'silver', contractHistory: 'linked_before' }],
  ])('"%s" gives %j', (text, facts) => {
    expect(read(text, accessIdAsksMembership)).toEqual({ kind: 'answer', facts });
  });
  it.each([
    ['le contrat a déjà été lié avant', 'fr'],
    ['контракт уже был привязан раньше', 'ru'],
    ['o contrato já foi vinculado antes', 'pt'],
  ] as const)('"%s" gives the contract history (%s)', (text, lang) => {
    expect(read(text, accessIdAsksMembership, lang)).toEqual({
      kind: 'answer',
      facts: { contractHistory: 'linked_before' },
    });
  });
  it('"I don\'t know" is read as such', () => {
    expect(read("I don't know", accessIdAsksMembership)).toEqual({ kind: 'dont_know', fact: 'membership' });
  });
  it.each([
    'are there paid support plans for partners?',
    'do we have any gold incidents remaining? we used a lot this year',
    'can my devs get visual studio enterprise with our silver membership',
    'our gold membership was approved yesterday, what do i have to do to start using the support incidents',
  ])('a question about something else is no answer, even naming a membership: "%s"', (text) => {
    expect(read(text, accessIdAsksMembership)).toEqual({ kind: 'new' });
  });
});

describe('a follow-up on the current topic', () => {
  it.each([
    ['and what about silver?', { membership: 'silver' }, true],
    ['what about cloud?', { competency: 'cloud' }, true],
    ['cloud platform', { competency: 'cloud' }, false],
    ["we're silver now", { membership: 'silver' }, false],
  ])('"%s" is the case %j (hypothetical: %s)', (text, facts, hypothetical) => {
    expect(read(text, goldEntitlement)).toEqual({ kind: 'follow_up', topic: 'entitlement', facts, hypothetical });
  });
  it.each([
    ['а для облака?', 'ru', { competency: 'cloud' }],
    ['e se for Action Pack?', 'pt', { membership: 'action_pack' }],
    ['et pour Gold ?', 'fr', { membership: 'gold' }],
    ['а если золотой?', 'ru', { membership: 'gold' }],
  ] as const)('"%s" (%s) is the case %j', (text, lang, facts) => {
    expect(read(text, { topic: 'entitlement', facts: { membership: 'silver' } }, lang)).toMatchObject({
      kind: 'follow_up',
      facts,
      hypothetical: true,
    });
  });
  it('a question on another topic that names a membership is a new question', () => {
    expect(
      read('Azure says the Access ID is already associated to an account, we are a gold partner', goldEntitlement),
    ).toEqual({ kind: 'new' });
  });
  it.each([
    'azure credits for gold partners, how much',
    'сколько стоит продление Action Pack',
    'how many dynamics 365 IUR licenses in gold',
  ])('an out-of-scope question that names a membership is no follow-up: "%s"', (text) => {
    expect(read(text, goldEntitlement)).toEqual({ kind: 'new' });
  });
  it('a question on another topic with an answer word in it is no follow-up', () => {
    expect(
      read('НЕТ ПРЕИМУЩЕСТВ ПИШЕТ', { topic: 'cloud_support_request', facts: { productKind: 'cloud' } }, 'ru'),
    ).toEqual({ kind: 'new' });
  });
  it('a topic that reads no fact has no follow-up: "and gold?" after the incidents left is a new question', () => {
    expect(read('and gold?', { topic: 'remaining_incidents', facts: {} })).toEqual({ kind: 'new' });
  });
});

describe('no context', () => {
  it('"and gold?" as a first message asks what Gold includes', () => {
    expect(read('and gold?', undefined)).toEqual({
      kind: 'follow_up',
      topic: 'entitlement',
      facts: { membership: 'gold' },
      hypothetical: true,
    });
  });
  it('a first question is new', () => {
    expect(read('how do I activate our support benefits?', undefined)).toEqual({ kind: 'new' });
  });
});
