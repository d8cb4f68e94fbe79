/**
 * Several questions in one message, with the product's classifier: split where every part is a sure, in-scope
 * question, never inside one question.
 */
import { describe, expect, it } from 'vitest';
import { classifier } from '../../src/nlu/classifier';
import { splitQuestions } from '../../src/nlu/splitQuestions';

const split = (text: string) =>
  splitQuestions(text, (part) => classifier().classify(part))?.map((p) => [p.text, p.classification.intent]);

describe('several questions', () => {
  it.each([
    [
      'how many incidents does gold get and where do I check how many are left?',
      [
        ['how many incidents does gold get', 'entitlement'],
        ['where do I check how many are left?', 'remaining_incidents'],
      ],
    ],
    [
      'Como ativo os benefícios de suporte? E também: existem planos de suporte pagos para parceiros?',
      [
        ['Como ativo os benefícios de suporte?', 'activate_benefits'],
        ['E também: existem planos de suporte pagos para parceiros?', 'paid_support_plans'],
      ],
    ],
    [
      'Сколько инцидентов у золотого партнера и где посмотреть, сколько осталось?',
      [
        ['Сколько инцидентов у золотого партнера', 'entitlement'],
        ['где посмотреть, сколько осталось?', 'remaining_incidents'],
      ],
    ],
    [
      "Combien d'incidents a un partenaire Gold et où voir combien il en reste ?",
      [
        ["Combien d'incidents a un partenaire Gold", 'entitlement'],
        ['où voir combien il en reste ?', 'remaining_incidents'],
      ],
    ],
    [
      'How many incidents does a Gold partner get?\nWhere do I open an on-premises request?\nAre there paid support plans?',
      [
        ['How many incidents does a Gold partner get?', 'entitlement'],
        ['Where do I open an on-premises request?', 'onprem_support_request'],
        ['Are there paid support plans?', 'paid_support_plans'],
      ],
    ],
  ])('"%s"', (text, parts) => {
    expect(split(text)).toEqual(parts);
  });
});

describe('one question', () => {
  it.each([
    'where do I find the Access ID and Contract ID?',
    'what do silver and gold partners get?',
    'Azure says the Access ID is already associated and I am gold',
    'We are a gold partner and Azure says the Access ID is already associated to an account',
    'it has been almost a week since activation and the contract id field is still empty',
    'Meu diretor perguntou quantos incidentes de suporte on-prem ainda temos pra este ano fiscal. Entrei no Azure e não achei. Onde essa informação fica?',
    'Y a-t-il un support payant pour les partenaires en plus des incidents MPN ?',
    'our incidents balance shows 0, did they expire? when was the contract end date',
    'Мы золотой партнер, и Azure пишет, что Access ID уже связан с учетной записью',
    'how many incidents does a gold partner get?',
    'and gold?',
  ])('"%s" is not split', (text) => {
    expect(split(text)).toBeUndefined();
  });
});
