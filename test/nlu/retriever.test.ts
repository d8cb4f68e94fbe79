/**
 * The sentence retriever over the real knowledge base, asserted through segment ids and sections: what it
 * finds, the order it keeps (topic section first), its limits (1-3, no sentence twice) and its threshold.
 */
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import { classifier } from '../../src/nlu/classifier';
import { createRetriever, topicQuestionSegments, type Retriever } from '../../src/nlu/retrieval';
import { RETRIEVAL_SETTINGS } from '../../src/nlu/retrieval/retrievalSettings';
import { topicSections } from '../../src/nlu/retrieval/topicSections';
import { readUtterances } from '../../src/nlu/utterances';
import { LANGS } from '../../src/i18n/locales';

const kb = knowledgeBase();
const retriever: Retriever = createRetriever(kb);
const ids = (question: string, ...rest: Parameters<Retriever['retrieve']> extends [string, ...infer R] ? R : never) =>
  retriever.retrieve(question, ...rest).map((r) => r.segment);
const anchorOf = (id: number) => kb.segments[id]?.anchor;

describe('createRetriever(knowledgeBase).retrieve', () => {
  it("answers from a ruled-out topic's sections only as surely as with no topic: 'how many incidents does Gold get?' is not asking how many remain", () => {
    const remaining = topicSections(kb).remaining_incidents;
    const question = 'how many incidents does gold get';
    const fromRemaining = (options: Parameters<Retriever['retrieve']>[2]) =>
      ids(question, 'en', options).filter((id) => remaining.has(anchorOf(id) ?? ''));
    expect(fromRemaining({ topic: 'entitlement' })).not.toEqual([]);
    expect(fromRemaining({ topic: 'entitlement', ruledOut: ['remaining_incidents'] })).toEqual([]);
    // The topic's own sections are never ruled out, even when named.
    expect(
      ids('where do I check how many incidents are left?', 'en', {
        topic: 'remaining_incidents',
        ruledOut: ['remaining_incidents'],
      }),
    ).not.toEqual([]);
  });

  it('answers from a section no topic owns (the overview) only as surely as with no topic once the classifier ruled topics out', () => {
    const owned = new Set(Object.values(topicSections(kb)).flatMap((anchors) => [...anchors]));
    const unowned = (options: Parameters<Retriever['retrieve']>[2]) =>
      ids('how many incidents does a gold partner get', 'en', options).filter((id) => !owned.has(anchorOf(id) ?? ''));
    expect(unowned({ topic: 'entitlement' })).not.toEqual([]);
    expect(unowned({ topic: 'entitlement', ruledOut: ['remaining_incidents'] })).toEqual([]);
    // A topic the classifier still finds plausible keeps its sections open: only the sections of no topic close.
    expect(
      ids('how many incidents does a gold partner get', 'en', {
        topic: 'entitlement',
        ruledOut: ['paid_support_plans'],
      }).map(anchorOf),
    ).not.toContain('overview');
  });

  it('never leads a sure entitlement question of the training set with a sentence of a section no topic owns that scores below the no-topic threshold', () => {
    const owned = new Set(Object.values(topicSections(kb)).flatMap((anchors) => [...anchors]));
    const sure = readUtterances('train')
      .filter((u) => u.intent === 'entitlement')
      .map((u) => ({ u, classification: classifier().classify(u.text) }))
      .filter(
        ({ classification }) =>
          classification.intent === 'entitlement' &&
          classification.confidence >= RETRIEVAL_SETTINGS.sureTopicConfidence,
      );
    expect(sure.length).toBeGreaterThan(100);
    const weakUnowned = sure.flatMap(({ u, classification }) =>
      topicQuestionSegments(retriever, u.text, classification, 'entitlement', u.lang)
        .filter((r) => !owned.has(anchorOf(r.segment) ?? '') && r.score < RETRIEVAL_SETTINGS.threshold)
        .map((r) => `${u.lang}: ${u.text} → ${r.segment} (${r.score})`),
    );
    expect(weakUnowned).toEqual([]);
  });

  it.each([
    ['and for silver?', 'en'],
    ['et pour silver ?', 'fr'],
    ['and for the cloud?', 'en'],
  ] as const)("leads with nothing a follow-up that only names another case of the topic: '%s' (%s)", (text, lang) => {
    const classification = { ...classifier().classify(text, { locale: lang }), intent: 'entitlement' as const };
    // The retriever alone finds sentences for these words (the activation section's list of memberships).
    expect(ids(text, lang, { topic: 'entitlement' })).not.toEqual([]);
    expect(topicQuestionSegments(retriever, text, classification, 'entitlement', lang)).toEqual([]);
  });

  it('leads a follow-up that asks a detail with the sentence that answers it', () => {
    const text = 'and for silver, where do I see how many are left?';
    const classification = classifier().classify(text, { locale: 'en' });
    expect(classification.intent).toBe('remaining_incidents');
    expect(
      topicQuestionSegments(retriever, text, classification, 'remaining_incidents', 'en').map((r) => r.segment)[0],
    ).toBe(159);
  });

  it('finds the sentence a detail question asks for, in each language', () => {
    expect(ids('where do I find the Access ID and Contract ID?', 'en', { topic: 'activate_benefits' })[0]).toBe(121);
    expect(ids('which link is it for on-premises requests?', 'en', { topic: 'onprem_support_request' })[0]).toBe(157);
    expect(ids('сколько дней займет обработка запроса на активацию?', 'ru', { topic: 'activate_benefits' })).toContain(
      124,
    );
    expect(
      ids('parceiros CSP podem criar solicitações do Azure sem contrato de suporte?', 'pt', {
        topic: 'cloud_support_request',
      })[0],
    ).toBe(175);
    expect(ids("faut-il ignorer le message d'erreur ?", 'fr', { topic: 'access_id_already_associated' })).toContain(
      182,
    );
  });

  it('lets a sentence that ends in ":" but links the page it names answer (the plans comparison), while a bare intro still answers nothing', () => {
    const comparison = 197;
    expect(kb.segments[comparison]?.text.en).toMatch(/\]\(https:[^)]+\).*:\s*$/);
    const asked = {
      en: 'is there a page comparing the partner support plans?',
      ru: 'есть ли страница, где сравниваются планы поддержки партнеров?',
      pt: 'existe uma página que compara os planos de suporte para parceiros?',
      fr: 'existe-t-il une page qui compare les plans de support partenaires ?',
    } as const;
    for (const lang of LANGS) expect(ids(asked[lang], lang, { topic: 'paid_support_plans' })).toContain(comparison);
    const intro = 111;
    expect(kb.segments[intro]?.text.en).toMatch(/:\s*$/);
    for (const lang of LANGS)
      expect(
        ids('view and activate technical benefits partner center', lang, { topic: 'activate_benefits' }),
      ).not.toContain(intro);
  });

  it('lets a question word call for the words its answer uses (content/nlu/retrieval-cues.json): "twice" for "more than once"', () => {
    const moreThanOnce = 185;
    const topic = { topic: 'access_id_already_associated' } as const;
    expect(ids('я связал преимущества поддержки в azure', 'ru', topic)[0]).not.toBe(moreThanOnce);
    expect(ids('я дважды связал преимущества поддержки в azure', 'ru', topic)[0]).toBe(moreThanOnce);
  });

  it('answers a question no topic names from the whole article, at the strict threshold', () => {
    const found = retriever.retrieve('CSP partners creating Azure requests without a support contract', 'en');
    expect(found[0]?.segment).toBe(175);
    expect(found[0]?.score).toBeGreaterThanOrEqual(RETRIEVAL_SETTINGS.threshold);
  });

  it('puts the topic section first: the same words give the topic section its sentence', () => {
    const question = 'you will need the access id and contract id the first time you use the benefit';
    const onPremises = topicSections(kb).onprem_support_request;
    const cloud = topicSections(kb).cloud_support_request;
    expect(onPremises.has(anchorOf(ids(question, 'en', { topic: 'onprem_support_request' })[0] ?? 0) ?? '')).toBe(true);
    expect(cloud.has(anchorOf(ids(question, 'en', { topic: 'cloud_support_request' })[0] ?? 0) ?? '')).toBe(true);
  });

  it('returns 1 to 3 segments, best first, never the same sentence twice, never a heading or a table cell', () => {
    for (const lang of LANGS) {
      for (const question of [
        'Access ID Contract ID',
        'benefits account expire incidents remaining',
        'support request Azure portal',
      ]) {
        const found = retriever.retrieve(question, lang, { topic: 'cloud_support_request' });
        expect(found.length).toBeLessThanOrEqual(RETRIEVAL_SETTINGS.maxSegments);
        const texts = found.map((r) => kb.segments[r.segment]?.text[lang]);
        expect(new Set(texts).size).toBe(texts.length);
        for (const { segment } of found)
          expect(['heading', 'table-cell', 'link']).not.toContain(kb.segments[segment]?.place.kind);
      }
    }
  });

  it('finds nothing for an empty question or words the article never uses', () => {
    expect(retriever.retrieve('', 'en')).toEqual([]);
    expect(retriever.retrieve('?!', 'fr', { topic: 'entitlement' })).toEqual([]);
    expect(retriever.retrieve('zebra giraffe pineapple', 'en')).toEqual([]);
  });

  it('answers almost none of the training set’s out-of-scope questions without a topic (the threshold)', () => {
    const outOfScope = readUtterances('train').filter((u) => u.intent === 'out_of_scope');
    const answered = outOfScope.filter((u) => retriever.retrieve(u.text, u.lang).length > 0);
    expect(outOfScope.length).toBeGreaterThan(100);
    expect(answered.length / outOfScope.length).toBeLessThan(0.01);
  });
});
