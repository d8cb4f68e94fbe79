/** Text normalization for matching: Unicode NFKC, one kind of quote, ё → е, and diacritics folded only in matchForm. */
import { describe, expect, it } from 'vitest';
import { foldDiacritics, matchForm, normalizeText } from '../../src/nlu/normalize';

describe('normalizeText', () => {
  it('applies NFKC: full-width letters and digits become ASCII, ligatures come apart', () => {
    expect(normalizeText('ＡＣＣＥＳＳ ＩＤ ２０')).toBe('access id 20');
    expect(normalizeText('ﬁnd the ﬂow')).toBe('find the flow');
  });

  it('makes curly apostrophes and quotes (and guillemets) plain', () => {
    expect(normalizeText('don’t ‘this’')).toBe("don't 'this'");
    expect(normalizeText('“Benefits” «Преимущества» „Vorteile“')).toBe('"benefits" "преимущества" "vorteile"');
    expect(normalizeText('l’ID d’accès')).toBe("l'id d'accès");
  });

  it('writes ё as е, in either case', () => {
    expect(normalizeText('Ёлка ещё')).toBe('елка еще');
  });

  it('keeps accents and Cyrillic letters (folding is for matching only)', () => {
    expect(normalizeText('NÃO Accès Йод')).toBe('não accès йод');
  });

  it('drops invisible characters, unifies dashes and collapses white space', () => {
    expect(normalizeText('Ac\u00ADcess\u200B ID')).toBe('access id');
    expect(normalizeText('on\u2011premises \u2014 cloud')).toBe('on-premises - cloud');
    expect(normalizeText('  many \t spaces\n here ')).toBe('many spaces here');
  });
});

describe('foldDiacritics', () => {
  it('removes combining marks from Latin letters', () => {
    expect(foldDiacritics('não accès façade naïve')).toBe('nao acces facade naive');
  });
});

describe('matchForm', () => {
  it('lets the accented, unaccented and upper-case spellings meet', () => {
    expect(new Set(['não', 'nao', 'NÃO', 'Não'].map(matchForm))).toEqual(new Set(['nao']));
    expect(matchForm('ACCÈS')).toBe(matchForm('acces'));
  });

  it('folds the precomposed and the decomposed spelling alike', () => {
    expect(matchForm('benefi\u0301cio')).toBe(matchForm('benefício'));
  });
});
