/** The document around a page drawn on the server for staff (review, insights): its language, kept out of search indexes, its own style under the CSP nonce. */
import { escapeUTF8 } from 'entities';
import { LOCALE_OF, type Lang } from '../i18n/locales';

export interface StaffPage {
  lang: Lang;
  /** Plain text; escaped here. */
  title: string;
  /** The response's CSP nonce, which lets the inline style in. */
  nonce: string;
  css: string;
  /** HTML, already escaped, that goes inside <main>. */
  body: string;
}

/**
 * @example staffPageHtml({ lang: 'fr', title: 'Revue', nonce, css: STYLE, body: '<h1>Revue</h1>' })
 */
export function staffPageHtml({ lang, title, nonce, css, body }: StaffPage): string {
  return `<!DOCTYPE html>
<html lang="${LOCALE_OF[lang]}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${escapeUTF8(title)}</title>
  <style nonce="${nonce}">${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
