// @ts-check
/*
 * The language of one of our pages (the chat and the tab load this before their own script): one of the
 * languages the page offers for a BCP 47 tag ("fr-CA" → "fr"), or the browser's first one, else English.
 * /embed.js keeps its own copy: it is the single tag a partner's site adds, and loads nothing else.
 */
(function () {
  'use strict';

  /**
   * @param {string | null | undefined} tag
   * @param {Record<string, string>} locales the page's { lang: locale } map (page-data.locales)
   * @returns {string | undefined}
   */
  function langOfLocale(tag, locales) {
    var primary = String(tag || '')
      .trim()
      .toLowerCase()
      .split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(locales, primary) ? primary : undefined;
  }

  /** @param {Record<string, string>} locales */
  function browserLang(locales) {
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < preferred.length; i++) {
      var lang = langOfLocale(preferred[i], locales);
      if (lang) return lang;
    }
    return 'en';
  }

  window.MpnPageLanguage = { langOfLocale: langOfLocale, browserLang: browserLang };
})();
