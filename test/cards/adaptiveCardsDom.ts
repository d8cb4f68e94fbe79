/**
 * The official `adaptivecards` renderer inside a happy-dom window. The library reads `window` and
 * `document` when it is imported, so the DOM globals are set first and the library is imported after.
 */
import type { Window } from 'happy-dom' with { 'resolution-mode': 'import' };

type AdaptiveCards = typeof import('adaptivecards');

/** The globals the renderer uses, copied from the happy-dom window onto globalThis. */
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'HTMLInputElement',
  'HTMLSelectElement',
  'HTMLButtonElement',
  'HTMLTextAreaElement',
  'DocumentFragment',
  'DOMParser',
  'Event',
  'KeyboardEvent',
  'MouseEvent',
  'getComputedStyle',
] as const;

export interface AdaptiveCardsDom {
  AC: AdaptiveCards;
  window: Window;
  /** Closes the window and puts back the globals as they were. */
  close(): Promise<void>;
}

/**
 * @example const { AC, close } = await openAdaptiveCardsDom(); new AC.AdaptiveCard(); await close();
 */
export async function openAdaptiveCardsDom(): Promise<AdaptiveCardsDom> {
  // happy-dom is an ES module: imported dynamically from this CommonJS project.
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'https://localhost/', width: 1024, height: 768 });
  const scope = globalThis as Record<string, unknown>;
  const source = window as unknown as Record<string, unknown>;
  const saved = new Map(DOM_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));
  for (const name of DOM_GLOBALS) {
    const own = name === 'window' ? window : source[name];
    // Window methods (getComputedStyle) need the window as `this`; constructors do not.
    const value =
      typeof own === 'function' && /^[a-z]/.test(name) ? (own as (...args: unknown[]) => unknown).bind(window) : own;
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  const AC = (await import('adaptivecards')) as AdaptiveCards;
  return {
    AC,
    window,
    async close() {
      await window.happyDOM.close();
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete scope[name];
      }
    },
  };
}
