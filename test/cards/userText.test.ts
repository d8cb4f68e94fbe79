/**
 * userText, the one escaping of user text in cards: markdown's characters escaped where they are syntax, bidi
 * controls dropped, everything else as typed; and the plain-text face of a card gives the typed text back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userText } from '../../cards/userText';
import { markdownToPlain } from '../../cards/cardToText';

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

describe('userText', () => {
  it.each([
    ['[verify here](https://phish.example/login)', '\\[verify here\\](https\\://phish\\.example/login)'],
    ['<a href="x">y</a> &#x202E;', '\\<a href="x">y\\</a> \\&#x202E;'],
    ['**bold** _it_ `code` ~~strike~~', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~strike\\~\\~'],
    [
      '- one\n  + two\n# three\n> four\n12. five\n3) six\n===',
      '\\- one\n  \\+ two\n\\# three\n\\> four\n12\\. five\n3\\) six\n\\===',
    ],
    ['jane@contoso.com www.example.org', 'jane@contoso\\.com www\\.example\\.org'],
    ['C:\\path', 'C:\\\\path'],
    ['invoice \u202Egnp.exe\u202C \u2067x\u2069 \u200Fy', 'invoice gnp\\.exe x y'],
  ])('%j → %j', (typed, shown) => {
    expect(userText(typed)).toBe(shown);
  });

  it.each([
    'How many incidents does a Gold partner get?',
    'Ça ne marche pas, l’ID d’accès est refusé.',
    'Сколько инцидентов осталось? 5 или 20',
    'Não consigo ativar (erro 403) - ajuda!',
  ])('leaves ordinary text as it is: %s', (text) => {
    expect(userText(text)).toBe(text);
  });

  it("gives the typed text back (without bidi controls) in a card's plain-text face, for any text (fixed seed)", () => {
    const markdownish = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '*',
      '_',
      '`',
      '~',
      '<',
      '>',
      '&',
      '#',
      '-',
      '+',
      '=',
      '1.',
      '2)',
      '\\',
      '://',
      '.',
      '!',
      '\n',
      ' ',
      '\u202E',
      '\u2066',
      'a',
      'Ж',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(markdownish, fc.string({ maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join('')),
        (typed) => {
          expect(markdownToPlain(userText(typed))).toBe(typed.replace(BIDI, ''));
        },
      ),
      { seed: 20261204, numRuns: 1000 },
    );
  });
});
