// @ts-check
/*
 * /embed.js: one <script src="https://<bot host>/embed.js" …></script> on any site adds a button that opens the
 * chat: this server's /chat page in a frame, so the host page needs nothing else. Options, all optional, are
 * data- attributes of the script tag:
 *   data-locale      en-US, ru-RU, pt-BR or fr-FR (another region maps to its language); default: the browser's
 *   data-title       the title of the chat panel; default: the assistant's name in that language
 *   data-accent      #RRGGBB: the button, the panel's header and the chat's accent; default #0F6CBD
 *   data-background  #RRGGBB behind the conversation
 *   data-position    right (default) or left
 *   data-open        "true" opens the chat when the page loads
 * The host page may also call window.MpnSupportChat.open(), .close() and .toggle().
 * Everything lives in a shadow root, styled through a constructed style sheet and built without innerHTML, so the
 * host page's CSS cannot reach it and a strict host CSP (no inline styles, Trusted Types) does not block it.
 */
(function () {
  'use strict';

  /** @type {Record<string, { locale: string, title: string, open: string, close: string }>} */
  var LABELS = {}; // the launcher's labels per language, filled in by the server (src/web/embedScript.ts)
  var DEFAULT_ACCENT = '#0F6CBD';
  var CHAT_PATH = '/chat';
  var HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var SVG = 'http://www.w3.org/2000/svg';
  var CHAT_ICON = 'M12 3C7 3 3 6.6 3 11c0 2.2 1 4.2 2.6 5.6L5 21l4.3-2.3c.9.2 1.8.3 2.7.3 5 0 9-3.6 9-8s-4-8-9-8z';
  var CLOSE_ICON = 'M6.7 5.3 12 10.6l5.3-5.3 1.4 1.4-5.3 5.3 5.3 5.3-1.4 1.4-5.3-5.3-5.3 5.3-1.4-1.4 5.3-5.3-5.3-5.3z';

  var script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || !script.src) {
    console.error('MPN support chat: load embed.js with a <script src="https://<bot host>/embed.js"> tag.');
    return;
  }
  if (window.MpnSupportChat) return; // the snippet is on the page twice
  var serverOrigin = new URL(script.src, location.href).origin;
  var options = script.dataset;

  /** @param {string | null | undefined} tag */
  function langOfLocale(tag) {
    var primary = String(tag || '')
      .trim()
      .toLowerCase()
      .split(/[-_]/)[0];
    return Object.prototype.hasOwnProperty.call(LABELS, primary) ? primary : undefined;
  }

  function browserLang() {
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < preferred.length; i++) {
      var lang = langOfLocale(preferred[i]);
      if (lang) return lang;
    }
    return 'en';
  }

  /**
   * An option's colour, or the fallback with a warning that says what was wrong.
   * @template {string | undefined} F
   * @param {'accent' | 'background'} name
   * @param {F} fallback
   * @returns {string | F}
   */
  function colourOption(name, fallback) {
    var value = options[name];
    if (value === undefined || value === '') return fallback;
    if (HEX_COLOUR.test(value)) return value;
    console.warn('MPN support chat: data-' + name + '="' + value + '" is not a colour like #0F6CBD; it is ignored.');
    return fallback;
  }

  if (options.locale && !langOfLocale(options.locale)) {
    console.warn(
      'MPN support chat: data-locale="' +
        options.locale +
        '" is none of en-US, ru-RU, pt-BR, fr-FR; the browser language is used.',
    );
  }
  var lang = langOfLocale(options.locale) || browserLang();
  var labels = LABELS[lang];
  var title = (options.title || '').trim() || labels.title;
  var accent = colourOption('accent', DEFAULT_ACCENT);
  var background = colourOption('background', undefined);
  var side = options.position === 'left' ? 'left' : 'right';

  /** @param {string} hex */
  function luminance(hex) {
    var digits = hex.slice(1);
    if (digits.length === 3) digits = digits.replace(/./g, '$&$&');
    var channels = [0, 2, 4].map(function (at) {
      var c = parseInt(digits.slice(at, at + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  /** @param {string} hex */
  function readableOn(hex) {
    var l = luminance(hex);
    return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#FFFFFF';
  }

  var CSS =
    ':host{all:initial}' +
    '.launcher{position:fixed;bottom:20px;' +
    side +
    ':20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;' +
    'background:' +
    accent +
    ';color:' +
    readableOn(accent) +
    ';box-shadow:0 4px 12px rgba(0,0,0,.25);cursor:pointer;display:flex;' +
    'align-items:center;justify-content:center;padding:0}' +
    '.launcher:hover{filter:brightness(1.08)}' +
    '.launcher:focus-visible,.close:focus-visible{outline:2px solid ' +
    accent +
    ';outline-offset:3px}' +
    '.launcher svg{width:28px;height:28px;fill:currentColor}' +
    '.panel{position:fixed;bottom:88px;' +
    side +
    ':20px;z-index:2147483000;width:min(400px,calc(100vw - 40px));' +
    'height:min(640px,calc(100vh - 120px));display:flex;flex-direction:column;border-radius:12px;overflow:hidden;background:#fff;' +
    'box-shadow:0 8px 28px rgba(0,0,0,.28);font:14px/1.4 "Segoe UI",system-ui,-apple-system,"Helvetica Neue",Arial,sans-serif}' +
    '.panel[hidden]{display:none}' +
    '.header{flex:none;display:flex;align-items:center;gap:8px;padding:10px 8px 10px 16px;background:' +
    accent +
    ';color:' +
    readableOn(accent) +
    '}' +
    '.title{flex:1;font-weight:600;font-size:15px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
    '.close{flex:none;width:32px;height:32px;border:0;border-radius:4px;background:transparent;color:inherit;cursor:pointer;padding:4px}' +
    '.close:hover{background:rgba(127,127,127,.25)}' +
    '.close svg{width:20px;height:20px;fill:currentColor}' +
    'iframe{flex:1;width:100%;border:0;background:' +
    (background || '#fff') +
    '}' +
    // On a phone the open chat fills the screen: its header's close button replaces the launcher.
    '@media (max-width:480px){.panel{bottom:0;' +
    side +
    ':0;width:100vw;height:100vh;border-radius:0}' +
    '.panel:not([hidden])~.launcher{display:none}}';

  /** @param {string} path */
  function icon(path) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    var shape = document.createElementNS(SVG, 'path');
    shape.setAttribute('d', path);
    svg.appendChild(shape);
    return svg;
  }

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [className]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function element(tag, className) {
    var created = document.createElement(tag);
    if (className) created.className = className;
    return created;
  }

  var container = element('div');
  container.id = 'mpn-support-chat';
  var root = container.attachShadow({ mode: 'open' });
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (error) {
    var style = element('style');
    style.textContent = CSS;
    root.appendChild(style);
  }

  var panel = element('div', 'panel');
  panel.id = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', title);
  var header = element('div', 'header');
  var heading = element('span', 'title');
  heading.textContent = title;
  var closeButton = element('button', 'close');
  closeButton.type = 'button';
  closeButton.setAttribute('aria-label', labels.close);
  closeButton.title = labels.close;
  closeButton.appendChild(icon(CLOSE_ICON));
  header.appendChild(heading);
  header.appendChild(closeButton);
  panel.appendChild(header);

  var launcher = element('button', 'launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-controls', 'panel');
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-label', labels.open);
  launcher.title = labels.open;
  launcher.appendChild(icon(CHAT_ICON));

  root.appendChild(panel);
  root.appendChild(launcher);

  /** @type {HTMLIFrameElement | undefined} */
  var frame;

  /** The chat page, created the first time the chat opens so that a page nobody chats on loads nothing more. */
  function chatFrame() {
    if (frame) return frame;
    var query = new URLSearchParams({ locale: LABELS[lang].locale, accent: accent });
    if (options.title) query.set('title', title);
    if (background) query.set('background', background);
    frame = element('iframe');
    frame.title = title;
    // The chat may open links in new tabs, never navigate the host page.
    frame.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox',
    );
    frame.src = serverOrigin + CHAT_PATH + '?' + query.toString();
    panel.appendChild(frame);
    return frame;
  }

  /**
   * @param {boolean} open
   * @param {boolean} [moveFocus]
   */
  function setOpen(open, moveFocus) {
    if (open === !panel.hidden) return;
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? labels.close : labels.open);
    launcher.title = open ? labels.close : labels.open;
    launcher.replaceChildren(icon(open ? CLOSE_ICON : CHAT_ICON));
    var target = open ? chatFrame() : launcher;
    if (moveFocus !== false) target.focus();
  }

  launcher.addEventListener('click', function () {
    setOpen(panel.hidden);
  });
  closeButton.addEventListener('click', function () {
    setOpen(false);
  });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') setOpen(false);
  });

  window.MpnSupportChat = {
    open: function () {
      setOpen(true);
    },
    close: function () {
      setOpen(false);
    },
    toggle: function () {
      setOpen(panel.hidden);
    },
  };

  function mount() {
    document.body.appendChild(container);
    if (options.open === 'true') setOpen(true, false);
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
