/**
 * Tokens and stems per language, and the traps of natural's defaults: the English tokenizer dropping accented
 * letters, stop-word removal, Cyrillic folding (й → и), and Latin product names inside Russian text.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/locales';
import { stem, tokenize } from '../../src/nlu/tokenize';

const stems = (text: string, lang: Lang) => tokenize(text).map((token) => stem(token, lang));

describe('tokenize', () => {
  it('lowers case and applies NFKC (full-width letters, ligatures)', () => {
    expect(tokenize('ＧＯＬＤ ﬁnd')).toEqual(['gold', 'find']);
  });

  it('splits on curly apostrophes and quotes the way it splits on straight ones', () => {
    expect(tokenize('l’ID d’accès “Benefits”')).toEqual(tokenize('l\'ID d\'accès "Benefits"'));
  });

  it('writes ё as е', () => {
    expect(tokenize('ещё всё')).toEqual(['еще', 'все']);
  });

  it('folds Latin diacritics so the accented and plain spellings meet', () => {
    expect(tokenize('não NÃO nao')).toEqual(['nao', 'nao', 'nao']);
    expect(tokenize('accès')).toEqual(tokenize('acces'));
  });

  it('does not fold Cyrillic: й stays й', () => {
    expect(tokenize('мой йод')).toEqual(['мой', 'йод']);
    expect(tokenize('мой')).not.toEqual(tokenize('мои'));
  });

  it('keeps every letter of non-ASCII words (the English tokenizer would cut "déjà" into pieces)', () => {
    expect(tokenize('déjà vu')).toEqual(['deja', 'vu']);
    expect(tokenize('straße naïve')).toEqual(['straße', 'naive']);
  });

  it('removes no stop words', () => {
    expect(tokenize('how many incidents')).toEqual(['how', 'many', 'incidents']);
    expect(tokenize('não tenho')).toEqual(['nao', 'tenho']);
    expect(tokenize("je n'ai pas d'incidents")).toEqual(['je', 'n', 'ai', 'pas', 'd', 'incidents']);
  });

  it('keeps numbers and letter-digit names whole', () => {
    expect(tokenize('Windows 10, SQL2019!')).toEqual(['windows', '10', 'sql2019']);
  });
});

describe('stem', () => {
  it.each([
    ['en', 'incidents', 'incident'],
    ['en', 'activated', 'activate'],
    ['ru', 'инцидентов', 'инциденты'],
    ['ru', 'преимуществ', 'преимущества'],
    ['pt', 'incidentes', 'incidente'],
    ['pt', 'benefícios', 'benefício'],
    ['fr', 'incidents', 'incident'],
    ['fr', 'avantages', 'avantage'],
  ] as const)('%s: "%s" and "%s" share a stem', (lang, a, b) => {
    expect(stems(a, lang)).toEqual(stems(b, lang));
  });

  it('gives Latin-script words inside Russian text the English stemmer', () => {
    for (const word of ['incidents', 'servers', 'activated', 'benefits'])
      expect(stem(word, 'ru')).toBe(stem(word, 'en'));
    expect(stems('сколько incidents осталось', 'ru')[1]).toBe(stem('incident', 'en'));
  });

  it('keeps the Russian stemmer for Cyrillic words', () => {
    expect(stem('инцидентов', 'ru')).not.toBe('инцидентов');
  });

  it('leaves numbers as they are', () => {
    expect(LANGS.map((lang) => stem('2019', lang))).toEqual(['2019', '2019', '2019', '2019']);
  });
});
