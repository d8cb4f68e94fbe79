// @ts-check
/*
 * The markdown of a bot card's text as the browser pages render it with the Adaptive Cards renderer: **bold**,
 * *italic*, [links](https://…) and paragraphs; everything else stays text (escaped first). The Teams tab loads
 * this before tab.js; the card gallery (tools/gallery) inlines the same file.
 */
(function () {
  'use strict';

  /** @param {string} text */
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  /** @param {string} markdown */
  function toHtml(markdown) {
    return escapeHtml(markdown)
      .split(/\n{2,}/)
      .map(function (paragraph) {
        var html = paragraph
          .replace(
            /\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g,
            '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>',
          )
          .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
          .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?![*\w])/g, '$1<em>$2</em>')
          .replace(/\n/g, '<br>');
        return '<p>' + html + '</p>';
      })
      .join('');
  }

  window.MpnCardMarkdown = { toHtml: toHtml };
})();
