/** What the pages read from a request: the language (query, then Accept-Language) and the chat page options. */
import { describe, expect, it } from 'vitest';
import { chatOptionsOf, cleanTitle, isHexColour, MAX_TITLE_LENGTH } from '../../src/web/chatOptions';
import { langOfAcceptLanguage } from '../../src/web/pageLanguage';

describe('the language of Accept-Language', () => {
  it.each([
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['de-DE, pt-BR;q=0.8, en;q=0.5', 'pt'],
    ['en;q=0.2, fr-CA;q=0.9', 'fr'],
    ['fr;q=0, en-GB', 'en'],
    ['de, it', undefined],
    ['', undefined],
  ])('%j is %s', (header, lang) => {
    expect(langOfAcceptLanguage(header)).toBe(lang);
  });
});

describe('the chat page options', () => {
  it('keeps a locale of one of our languages, as that language locale', () => {
    expect(chatOptionsOf(new URLSearchParams('locale=pt'))).toEqual({ locale: 'pt-BR' });
    expect(chatOptionsOf(new URLSearchParams('locale=ru-UA'))).toEqual({ locale: 'ru-RU' });
    expect(chatOptionsOf(new URLSearchParams('locale=es-ES'))).toEqual({});
  });

  it.each(['#0F6CBD', '#fff', '#C50F1F'])('takes the colour %s', (colour) => {
    expect(isHexColour(colour)).toBe(true);
  });

  it.each(['red', '#12345', '#0F6CBDFF', 'rgb(0,0,0)', '#0F6CBD;background:url(x)', ''])(
    'refuses the colour %j',
    (colour) => {
      expect(isHexColour(colour)).toBe(false);
    },
  );

  it('cleans a title: no control characters, spaces collapsed, at most MAX_TITLE_LENGTH characters', () => {
    expect(cleanTitle('  Support\u0000 \u202eContoso\n ')).toBe('Support Contoso');
    expect([...(cleanTitle('é'.repeat(200)) ?? '')]).toHaveLength(MAX_TITLE_LENGTH);
    expect(cleanTitle(' \t ')).toBeUndefined();
  });
});
