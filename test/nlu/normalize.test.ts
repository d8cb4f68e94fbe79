/** Text normalization for matching: Unicode NFKC, one kind of quote, ё → е, and diacritics folded only in matchForm. */
import { describe, expect, it } from 'vitest';
import { foldDiacritics, foldNormalized, matchForm, normalizeText } from '../../src/nlu/normalize';

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

  it('gives what the whole chain of replacements gives, for every BMP character at the start, inside and at the end', () => {
    const reference = (text: string) =>
      text
        .normalize('NFKC')
        .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
        .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g, "'")
        .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u300C\u300D]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, '-')
        .toLowerCase()
        .replace(/ё/g, 'е')
        .replace(/\s+/g, ' ')
        .trim();
    const different: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `${c}ab`, `Ab ${c}d`, `ab${c}`, `a ${c} `, `${c}${c} x`]) {
        if (normalizeText(text) !== reference(text))
          different.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(different).toEqual([]);
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

describe('foldNormalized', () => {
  it('folds as foldDiacritics does every pair of Latin-1, Latin Extended-A, Cyrillic and ASCII characters', () => {
    const codes: number[] = [];
    for (let code = 0x20; code < 0x180; code++) codes.push(code);
    for (let code = 0x400; code < 0x500; code++) codes.push(code);
    const different: string[] = [];
    for (const a of codes) {
      for (const b of codes) {
        const text = String.fromCharCode(a, b);
        if (foldNormalized(text) !== foldDiacritics(text)) different.push(text);
      }
    }
    expect(different).toEqual([]);
    expect(foldNormalized('não está à venda, ещё йод')).toBe('nao esta a venda, еще иод');
    expect(foldNormalized('e\u0301 ǅ 𝐀 é')).toBe(foldDiacritics('e\u0301 ǅ 𝐀 é'));
  });
});
