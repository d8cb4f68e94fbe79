/**
 * How well the three portal messages are recognised: every wording in content/nlu/portal-messages, pasted
 * whole, pasted in part (its first two thirds) and with a typo, inside a short sentence of its language.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../../contentPath';
import { LANGS, type Lang } from '../../i18n/locales';
import type { Classifier } from '../classifier';

const FRAMES: Record<Lang, (message: string) => string> = {
  en: (m) => `I get this: "${m}" what now?`,
  ru: (m) => `Выдаёт ошибку: «${m}» что делать?`,
  pt: (m) => `Aparece isso: "${m}" o que faço?`,
  fr: (m) => `J'ai ce message : « ${m} » que faire ?`,
};

/** Swaps two inner letters of the longest word: a typo a person makes. */
function withTypo(text: string): string {
  const words = text.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest.length < 6) return text;
  const i = Math.floor(longest.length / 2);
  const typo = longest.slice(0, i - 1) + longest[i] + longest[i - 1] + longest.slice(i + 1);
  return text.replace(longest, typo);
}

function firstPart(text: string): string {
  const words = text.split(' ');
  return words.slice(0, Math.max(5, Math.ceil((words.length * 2) / 3))).join(' ');
}

export interface PortalMessageCheck {
  total: number;
  recognised: number;
  misses: { lang: Lang; intent: string; text: string; got: string }[];
}

export function checkPortalMessages(classifier: Classifier): PortalMessageCheck {
  const misses: PortalMessageCheck['misses'] = [];
  let total = 0;
  for (const lang of LANGS) {
    const file = JSON.parse(readFileSync(contentPath('nlu', 'portal-messages', `${lang}.json`), 'utf8')) as Record<
      string,
      string[]
    >;
    for (const [intent, wordings] of Object.entries(file)) {
      for (const wording of wordings) {
        for (const variant of [wording, firstPart(wording), withTypo(wording)]) {
          const text = FRAMES[lang](variant);
          total++;
          const got = classifier.classify(text).intent;
          if (got !== intent) misses.push({ lang, intent, text, got });
        }
      }
    }
  }
  return { total, recognised: total - misses.length, misses };
}
