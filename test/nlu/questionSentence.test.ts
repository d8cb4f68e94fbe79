/** The question of a long message: the last sentence that asks something, in the four languages. */
import { describe, expect, it } from 'vitest';
import { questionSentence } from '../../src/nlu/questionSentence';

describe('questionSentence', () => {
  it.each([
    [
      'We renewed in May. The benefits page is still empty. Where do I activate the support incidents?',
      'Where do I activate the support incidents?',
    ],
    [
      'Продлили членство в мае. Страница пустая. Где активировать инциденты поддержки?',
      'Где активировать инциденты поддержки?',
    ],
    [
      'Renovamos em maio. A página continua vazia. Onde ativo os incidentes de suporte?',
      'Onde ativo os incidentes de suporte?',
    ],
    [
      'Nous avons renouvelé en mai. La page est vide. Où activer les incidents de support ?',
      'Où activer les incidents de support ?',
    ],
  ])('finds the question at the end of a story: "%s"', (text, question) => {
    expect(questionSentence(text)).toBe(question);
  });

  it('takes the last sentence that asks, not a closing remark after it', () => {
    expect(questionSentence('The portal shows no IDs. How long does activation take? Thanks a lot in advance.')).toBe(
      'How long does activation take?',
    );
  });

  it('asks for a question of several words ("What now?" says too little)', () => {
    expect(questionSentence('The page says we have no benefits yet, although we renewed. What now?')).toBeUndefined();
  });

  it('leaves a message of one sentence whole', () => {
    expect(questionSentence('how many incidents are left on our contract?')).toBeUndefined();
  });
});
