/**
 * The retrieved sentences as the card quotes them (cards/views/quotedSentences.ts): the best one in the first
 * quoted block, a section's sentences together under one citation, sections in the order of their best sentence.
 */
import { describe, expect, it } from 'vitest';
import { articleUrl, quote } from '../../cards/views/articleText';
import { quotedSentences } from '../../cards/views/quotedSentences';
import { LANGS } from '../../src/i18n/locales';
import { t } from '../../src/i18n/strings';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';

const ALLOW_A_FEW_DAYS = 124;
const SUPPORT_FOR_BUSINESS_LINK = 157;
const ACTIVATE_BUTTON = 122;

describe.each(LANGS)('quotedSentences (%s)', (lang) => {
  it('quotes the best sentence first and keeps a section together under one citation, in the order of its best sentence', () => {
    const kb = knowledgeBase();
    const anchorOf = (id: number) => kb.segments[id]?.anchor;
    expect(anchorOf(ALLOW_A_FEW_DAYS)).toBe(anchorOf(ACTIVATE_BUTTON));
    expect(anchorOf(ALLOW_A_FEW_DAYS)).not.toBe(anchorOf(SUPPORT_FOR_BUSINESS_LINK));
    const passages = quotedSentences(
      [ALLOW_A_FEW_DAYS, SUPPORT_FOR_BUSINESS_LINK, ACTIVATE_BUTTON].map((segment, rank) => ({
        segment,
        score: 1 - rank / 10,
      })),
      lang,
    );
    const quoted = (id: number) => t(lang, 'card.quote', { text: quote(id, lang) });
    expect(passages.map((p) => p.cite.url)).toEqual([
      articleUrl(lang, anchorOf(ALLOW_A_FEW_DAYS)),
      articleUrl(lang, anchorOf(SUPPORT_FOR_BUSINESS_LINK)),
    ]);
    expect(passages[0]?.sentences.map((s) => s.text)).toEqual([quoted(ALLOW_A_FEW_DAYS), quoted(ACTIVATE_BUTTON)]);
    expect(passages[1]?.sentences.map((s) => s.text)).toEqual([quoted(SUPPORT_FOR_BUSINESS_LINK)]);
  });
});
