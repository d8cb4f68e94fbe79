/**
 * The words of a reply in context (content/nlu/replies.json), in all four languages: yes and no, including the
 * informal ones, "I don't know", a choice by its place, and how a follow-up is put (another case, or a
 * statement about the partner).
 */
import { describe, expect, it } from 'vitest';
import { asksSomething, followUpForm, ordinalOf, saysDontKnow, yesOrNo } from '../../src/nlu/replyWords';

describe('yes or no', () => {
  it.each([
    'yes',
    'yep',
    'sure',
    'ok',
    'Go ahead',
    'да',
    'ага',
    'конечно',
    'давай',
    'sim',
    'claro',
    'pode',
    'beleza',
    'oui',
    "d'accord",
    'ouais',
    'vas-y',
    'yes, please open it',
  ])('"%s" is yes', (text) => {
    expect(yesOrNo(text)).toBe('yes');
  });
  it.each(['no', 'nope', 'нет', 'não', 'non', 'non merci'])('"%s" is no', (text) => {
    expect(yesOrNo(text)).toBe('no');
  });
  it.each(['how many incidents does a gold partner get, yes or no?', 'gold', "I don't know", 'nobody answers'])(
    '"%s" is neither',
    (text) => {
      expect(yesOrNo(text)).toBeUndefined();
    },
  );
});

describe("I don't know", () => {
  it.each(["I don't know", 'not sure', 'не знаю', 'não sei', 'je ne sais pas'])('"%s"', (text) => {
    expect(saysDontKnow(text)).toBe(true);
  });
  it('is not a question that contains the words', () => {
    expect(saysDontKnow('where can I see what I do not know about my membership and the incidents left?')).toBe(false);
  });
});

describe('a choice by its place', () => {
  it.each([
    ['the second one', 2],
    ['2', 2],
    ['второй', 2],
    ['a segunda', 2],
    ['la deuxième', 2],
    ['the first', 1],
    ['третий', 3],
    ['le troisième', 3],
  ])('"%s" is choice %i', (text, place) => {
    expect(ordinalOf(text)).toBe(place);
  });
  it('a word that is not a place is none', () => {
    expect(ordinalOf('gold')).toBeUndefined();
  });
});

describe('how a follow-up is put', () => {
  it.each([
    ['and what about silver?', 'silver'],
    ['а для облака?', 'облака'],
    ['e se for Action Pack?', 'action pack'],
    ['et pour Gold ?', 'gold'],
    ['а если золотой?', 'золотои'],
  ])('"%s" asks about another case: %s', (text, rest) => {
    expect(followUpForm(text)).toEqual({ hypothetical: true, aboutUs: false, rest });
  });
  it.each([
    ["we're gold now", 'gold now'],
    ['actually we are silver', 'silver'],
    ['мы серебряные', 'серебряные'],
    ['somos prata', 'prata'],
    ['nous sommes argent', 'argent'],
  ])('"%s" says something about the partner', (text, rest) => {
    expect(followUpForm(text)).toEqual({ hypothetical: false, aboutUs: true, rest });
  });
  it('a bare value is neither asked nor said about the partner', () => {
    expect(followUpForm('cloud platform')).toEqual({ hypothetical: false, aboutUs: false, rest: 'cloud platform' });
  });
});

describe('whether a part of a message asks something', () => {
  it.each([
    'where do I check how many are left',
    'and how many incidents does gold get',
    'где посмотреть, сколько осталось',
    'onde vejo quantos restam',
    'combien il en reste',
    'are there paid plans?',
  ])('"%s" asks', (text) => {
    expect(asksSomething(text)).toBe(true);
  });
  it.each(['it has been almost a week since activation', 'we are a gold partner', 'Entrei no Azure e não achei'])(
    '"%s" tells',
    (text) => {
      expect(asksSomething(text)).toBe(false);
    },
  );
});
