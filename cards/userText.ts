/**
 * What a user (or an agent) typed, as a card shows it: plain text. The one escaping of user text in cards,
 * for every TextBlock and FactSet value that carries it: bidi controls are dropped (the text reads in the order
 * it was typed), and whatever Adaptive Card markdown — or a host's fuller markdown (Web Chat's markdown-it links
 * bare URLs and renders HTML) — would read as a link, an image, HTML, emphasis, code, a list or a heading is
 * escaped with a backslash, which every renderer shows as the character itself.
 */

/** Embeddings, overrides, isolates and marks that reorder what is shown (U+202E shows "exe.gnp" as "png.exe"). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/**
 * What is markdown wherever it stands: links and images ([), emphasis, code, strike-through, autolinks and HTML
 * (<), entities (&: &#x202E; would bring a control back) and the escape itself.
 */
const MARKDOWN_CHARACTERS = /[\\`*_~[\]<&]/g;
/** What turns bare text into a link: "://" and a dot inside a name (www.example.com, jane@example.com). */
const LINK_MAKERS = /:(?=\/\/)|(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;
/** What is markdown at the start of a line: a list item, a heading, a quote, a setext underline, an ordered item. */
const LINE_MARKERS = /^([ \t]*)([-+=#>]|\d{1,9}(?=[.)]))/gm;

/**
 * @example userText('[verify](https://x.example)\u202E') // '\\[verify\\](https\\://x\\.example)'
 */
export function userText(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(MARKDOWN_CHARACTERS, '\\$&')
    .replace(LINK_MAKERS, '\\$&')
    .replace(LINE_MARKERS, (_marker, indent: string, marker: string) =>
      /\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}
