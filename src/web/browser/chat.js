// @ts-check
/*
 * The chat of the demo page (/) and of the chat page (/chat) that /embed.js frames: Bot Framework Web Chat talking
 * to this server's Direct Line over a WebSocket, switching to polling when the socket cannot open (a proxy that
 * drops upgrades, a network that blocks them). Settings come from <script id="page-data"> (chatPage.ts).
 * #webchat carries its state for people and tests: data-status (connecting, online, failed) and data-transport
 * (websocket, polling).
 */
(function () {
  'use strict';

  var ConnectionStatus = { Online: 2, FailedToConnect: 4, Ended: 5 };
  var nonce = document.currentScript && document.currentScript.nonce ? document.currentScript.nonce : undefined;

  /**
   * An element the page always has (chatPage.ts writes them), or an error naming the one that is missing.
   * @param {string} id
   */
  function pageElement(id) {
    var element = document.getElementById(id);
    if (!element) throw new Error('the page has no #' + id);
    return element;
  }

  /** @type {ChatPageData} */
  var data = JSON.parse(pageElement('page-data').textContent || '');
  var host = pageElement('webchat');
  var problem = pageElement('chat-problem');

  /**
   * One of our languages for a BCP 47 tag ("fr-CA" → "fr"), or undefined.
   * @param {string | null | undefined} tag
   */
  function langOfLocale(tag) {
    return window.MpnPageLanguage.langOfLocale(tag, data.locales);
  }

  /** The browser's first language that is one of ours, else English. */
  function browserLang() {
    return window.MpnPageLanguage.browserLang(data.locales);
  }

  var lang = langOfLocale(data.locale) || browserLang();
  var locale = data.locales[lang];

  function applyLanguage() {
    document.documentElement.lang = locale;
    document.querySelectorAll('[data-text]').forEach(function (element) {
      var text = data.strings[lang][element.getAttribute('data-text') || ''];
      if (text) element.textContent = text;
    });
  }

  function styleOptions() {
    /** @type {Record<string, string | number | boolean>} */
    var options = {
      accent: data.accent,
      bubbleBorderRadius: 8,
      // Cards read better wider than Web Chat's 480 px where there is room (the frame of /embed.js is narrower).
      bubbleMaxWidth: 600,
      bubbleFromUserBorderRadius: 8,
      bubbleFromUserBackground: data.accent,
      bubbleFromUserBorderColor: data.accent,
      bubbleFromUserTextColor: data.accentText,
      hideUploadButton: true,
      primaryFont: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
      rootHeight: '100%',
      rootWidth: '100%',
      suggestedActionBorderColor: data.accent,
      suggestedActionTextColor: data.accent,
    };
    if (data.background) options.backgroundColor = data.background;
    return options;
  }

  /**
   * @param {'connecting' | 'online' | 'failed'} status
   * @param {'websocket' | 'polling'} [transport]
   */
  function setState(status, transport) {
    host.setAttribute('data-status', status);
    if (transport) host.setAttribute('data-transport', transport);
    host.setAttribute('aria-busy', String(status === 'connecting'));
  }

  /** @param {unknown} error */
  function fail(error) {
    setState('failed');
    problem.hidden = false;
    console.error('The chat could not start:', error instanceof Error ? error.message : error);
  }

  /**
   * A Direct Line token for a new conversation, from this server (same origin).
   * @returns {Promise<{ token: string }>}
   */
  function fetchSession() {
    return fetch(data.tokenUrl, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('the token request answered HTTP ' + response.status);
        return response.json();
      })
      .then(function (session) {
        if (!session || typeof session.token !== 'string') throw new Error('the token response has no token');
        return session;
      });
  }

  /**
   * A WebSocket constructor that reports whether its sockets open. directlinejs takes the constructor when a
   * DirectLine is created, so it is put in place only for that moment.
   * @param {typeof WebSocket} Native
   * @param {SocketEvents} events
   * @returns {typeof WebSocket}
   */
  function watchedWebSocket(Native, events) {
    /**
     * @param {string | URL} url
     * @param {string | string[]} [protocols]
     */
    function WatchedWebSocket(url, protocols) {
      var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
      var opened = false;
      socket.addEventListener('open', function () {
        opened = true;
        events.open();
      });
      socket.addEventListener('close', function () {
        if (!opened) events.neverOpened();
      });
      return socket;
    }
    WatchedWebSocket.prototype = Native.prototype;
    /** @type {const} */ (['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']).forEach(function (name) {
      Object.defineProperty(WatchedWebSocket, name, {
        value: Native[name],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    });
    return /** @type {typeof WebSocket} */ (/** @type {unknown} */ (WatchedWebSocket));
  }

  /** @typedef {{ open(): void, neverOpened(): void }} SocketEvents */

  /**
   * @param {{ token: string }} session
   * @param {boolean} webSocket
   * @param {SocketEvents} events
   */
  function createDirectLine(session, webSocket, events) {
    var options = {
      token: session.token,
      domain: location.origin + data.directLinePath,
      webSocket: webSocket,
      // The conversation's locale, so that the bot's welcome is in the page's language too.
      conversationStartProperties: { locale: locale },
    };
    if (!webSocket) return window.WebChat.createDirectLine(options);
    var Native = window.WebSocket;
    window.WebSocket = watchedWebSocket(Native, events);
    try {
      return window.WebChat.createDirectLine(options);
    } finally {
      window.WebSocket = Native;
    }
  }

  /** @type {WebChatDirectLine | undefined} */
  var current;

  /**
   * Starts a conversation over a WebSocket (polling after the socket failed) and shows it in Web Chat.
   * @param {boolean} webSocket
   * @returns {Promise<void>}
   */
  function start(webSocket) {
    /** @type {'websocket' | 'polling'} */
    var transport = webSocket ? 'websocket' : 'polling';
    setState('connecting', transport);
    return fetchSession()
      .then(function (session) {
        var directLine = createDirectLine(session, webSocket, {
          open: function () {
            if (current === directLine) setState('online', transport);
          },
          neverOpened: function () {
            if (current !== directLine) return;
            current = undefined;
            directLine.end();
            start(false);
          },
        });
        current = directLine;
        directLine.connectionStatus$.subscribe(function (status) {
          if (current !== directLine) return;
          if (status === ConnectionStatus.Online && !webSocket) setState('online', transport);
          if (status === ConnectionStatus.FailedToConnect) fail(new Error('Direct Line: failed to connect'));
        });
        window.WebChat.renderWebChat(
          { directLine: directLine, locale: locale, styleOptions: styleOptions(), nonce: nonce },
          host,
        );
      })
      .catch(fail);
  }

  applyLanguage();
  start(typeof window.WebSocket === 'function');
})();
