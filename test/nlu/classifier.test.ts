/** The classifier as the product uses it: intent, calibrated confidence, runners-up, rejection and entities. */
import { describe, expect, it } from 'vitest';
import { classifier } from '../../src/nlu/classifier';
import { INTENTS } from '../../src/nlu/intents';
import { readUtterances } from '../../src/nlu/utterances';

const nlu = classifier();

/** Questions of every kind: topics, portal messages, chit-chat and nonsense, in all four languages. */
const SAMPLE = [
  'how many on-premises incidents does a Gold partner get?',
  'You are not authorized for this action',
  'Сколько инцидентов у нас осталось?',
  'Como ativo os benefícios técnicos?',
  'Je veux parler à quelqu’un',
  'hi',
  'asdf qwerty zxcv',
  '',
  '🙂',
];

describe('every classification', () => {
  const results = [...SAMPLE, ...readUtterances('dev').map((u) => u.text)].map((text) => ({
    text,
    result: nlu.classify(text),
  }));

  it('has a known intent and a confidence between 0 and 1', () => {
    const bad = results.filter(
      ({ result }) => !INTENTS.includes(result.intent) || !(result.confidence >= 0 && result.confidence <= 1),
    );
    expect(bad.length).toBe(0);
  });

  it('lists alternatives best first, without the chosen intent, each with a confidence between 0 and 1', () => {
    for (const { result } of results) {
      const confidences = result.alternatives.map((a) => a.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      expect(result.alternatives.map((a) => a.intent)).not.toContain(result.intent);
      expect(confidences.every((c) => c >= 0 && c <= 1)).toBe(true);
    }
  });
});

describe('typos', () => {
  it.each([
    ['incidnets remainig', 'remaining_incidents'],
    ['how do I activte my tecnical benefits', 'activate_benefits'],
    ['скольк инцидентов осталос', 'remaining_incidents'],
    ['quantos incidentes resatm', 'remaining_incidents'],
    ["combien d'incidnts il nous reste", 'remaining_incidents'],
  ])('"%s" is still %s', (text, intent) => {
    expect(nlu.classify(text).intent).toBe(intent);
  });
});

describe('near-topic questions outside the article', () => {
  it.each([
    'When will my co-sell incentive payout arrive?',
    'How do I claim Azure credits for our internal use?',
    'How do we register a co-sell opportunity in Partner Center?',
    'How much Azure sponsorship credit do we get as a Gold partner?',
    'where can I download internal use rights licenses',
    'Когда придет выплата по программе стимулирования партнеров?',
    'Как получить кредиты Azure для внутреннего использования?',
    'Quando vou receber o pagamento do incentivo de parceiro?',
    'Como registro uma oportunidade de co-sell?',
    'Comment enregistrer une opportunité de co-sell ?',
    'Comment obtenir des crédits Azure pour un usage interne ?',
  ])('rejects "%s"', (text) => {
    expect(nlu.classify(text).intent).toBe('out_of_scope');
  });
});

describe("another product's error worded like a portal message", () => {
  it.each([
    'Running Get-PartnerCustomerSubscription in PowerShell returns: You are not authorized to perform this action. Status 403. Which scope does the app need?',
    'Our script calls the Partner Center REST API for invoices and gets 401 Unauthorized "You don\'t have permission to perform this action" since the secret was rotated',
    'Командлет Get-PartnerCustomer в PowerShell возвращает 403: у вас нет прав на выполнение этого действия. Какие разрешения нужны приложению?',
    'O script chama a API REST do Partner Center e recebe 403: você não tem permissão para executar esta ação. Qual escopo o aplicativo precisa?',
    "Le script appelle l'API REST Partner Center et reçoit 403 : vous n'avez pas l'autorisation d'effectuer cette action. Quelle étendue faut-il à l'application ?",
  ])('"%s" is out of scope, not the portal message', (text) => {
    expect(nlu.classify(text).intent).toBe('out_of_scope');
  });

  it.each([
    [
      'I open Technical benefits in Partner Center and it shows: You are not authorized to perform this action. What role do I need?',
      'not_authorized_error',
    ],
    [
      'В Partner Center на странице технических преимуществ пишет: у вас нет прав на выполнение этого действия. Какая роль нужна?',
      'not_authorized_error',
    ],
  ])('the same wording on the benefits page is still the portal message: "%s"', (text, intent) => {
    expect(nlu.classify(text).intent).toBe(intent);
  });
});

describe('entities and language', () => {
  it('returns the partner facts the question names, with its language', () => {
    expect(nlu.classify('how many on-premises incidents does a Gold partner get?')).toMatchObject({
      intent: 'entitlement',
      lang: 'en',
      entities: { membership: 'gold', productKind: 'on_premises' },
    });
    expect(nlu.classify('Сколько инцидентов для SQL Server получает партнер с золотой компетенцией?')).toMatchObject({
      lang: 'ru',
      entities: { membership: 'gold', productKind: 'on_premises' },
    });
  });

  it('says a pasted portal message was recognised as such', () => {
    expect(nlu.classify('Looks like you don’t have any benefits yet')).toMatchObject({
      intent: 'no_benefits_error',
      by: 'portal_message',
    });
  });
});
