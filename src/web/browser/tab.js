// @ts-check
/*
 * The Teams tab "Support benefits" (tabPage.ts). Language and theme come from Teams (teams-js: app.initialize,
 * app.getContext, app.registerOnThemeChangeHandler); outside Teams from the query string (?locale=&theme=), then
 * the browser's language and the light theme. The entitlement checker asks this server for the bot's
 * entitlement card and draws it with the Adaptive Cards renderer.
 * The page carries its state for people and tests: <html data-theme data-host="teams|browser">, #card data-state
 * (loading, shown, failed) and data-membership, data-competency, data-lang of the card shown.
 */
(function () {
  'use strict';

  var TEAMS_TIMEOUT_MS = 5000;

  /**
   * An element the page always has (tabPage.ts writes them), or an error naming the one that is missing.
   * @param {string} id
   */
  function pageElement(id) {
    var element = document.getElementById(id);
    if (!element) throw new Error('the page has no #' + id);
    return element;
  }

  /** @type {TabPageData} */
  var data = JSON.parse(pageElement('page-data').textContent || '');
  var AC = window.AdaptiveCards;
  var root = document.documentElement;
  var form = /** @type {HTMLFormElement} */ (pageElement('checker'));
  var cardHost = pageElement('card');
  var problem = pageElement('card-problem');
  var query = new URLSearchParams(location.search);

  /** @param {string | null | undefined} tag */
  function langOfLocale(tag) {
    return window.MpnPageLanguage.langOfLocale(tag, data.locales);
  }

  function browserLang() {
    return window.MpnPageLanguage.browserLang(data.locales);
  }

  /**
   * @param {string | null | undefined} name
   * @returns {string | undefined}
   */
  function themeOf(name) {
    return name && Object.prototype.hasOwnProperty.call(data.hostConfigs, name) ? name : undefined;
  }

  var state = {
    lang: langOfLocale(query.get('locale')) || browserLang(),
    theme: themeOf(query.get('theme')) || 'default',
  };

  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = window.MpnCardMarkdown.toHtml(text);
    result.didProcess = true;
  };

  /** The parts of the bot's card that talk to the bot (feedback, talk to a person): nobody listens in a tab. */
  /**
   * @param {unknown} node
   * @returns {boolean}
   */
  function holdsSubmit(node) {
    if (Array.isArray(node)) return node.some(holdsSubmit);
    if (!node || typeof node !== 'object') return false;
    var object = /** @type {Record<string, unknown>} */ (node);
    if (object.type === 'Action.Submit') return true;
    return Object.keys(object).some(function (key) {
      return holdsSubmit(object[key]);
    });
  }

  /** @typedef {{ type?: string, body?: unknown[], actions?: { type?: string }[] }} CardJson */

  /** @param {CardJson} card */
  function withoutConversationParts(card) {
    var copy = Object.assign({}, card);
    copy.body = (card.body || []).filter(function (element) {
      return !holdsSubmit(element);
    });
    copy.actions = (card.actions || []).filter(function (action) {
      return action.type !== 'Action.Submit';
    });
    return copy;
  }

  /** @param {string} url */
  function openLink(url) {
    window.open(url, '_blank', 'noopener,noreferrer');
  }

  /** @type {CardJson | undefined} */
  var shownCard;

  /** @param {CardJson} json */
  function renderCard(json) {
    var card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(data.hostConfigs[state.theme]);
    card.onExecuteAction = function (action) {
      if (action instanceof AC.OpenUrlAction && action.url) openLink(action.url);
    };
    // The renderer checks `lang` with a global (/g) regular expression whose lastIndex survives between cards.
    if (AC.CardElement.langProperty.regEx) AC.CardElement.langProperty.regEx.lastIndex = 0;
    card.parse(withoutConversationParts(json));
    var element = card.render();
    if (!element) throw new Error('the Adaptive Cards renderer drew nothing for the card');
    cardHost.replaceChildren(element);
  }

  /** @param {'loading' | 'shown' | 'failed'} cardState */
  function setCardState(cardState) {
    cardHost.setAttribute('data-state', cardState);
    cardHost.setAttribute('aria-busy', String(cardState === 'loading'));
  }

  var request = 0;

  /** Asks for the card of the chosen facts in the page's language, and draws it (the last request wins). */
  function loadCard() {
    var facts = new FormData(form);
    var params = new URLSearchParams({ lang: state.lang });
    ['membership', 'competency'].forEach(function (name) {
      var value = facts.get(name);
      if (typeof value === 'string' && value && !(name === 'competency' && facts.get('membership') === 'action_pack')) {
        params.set(name, value);
      }
    });
    var mine = ++request;
    setCardState('loading');
    return fetch(data.cardUrl + '?' + params.toString(), { headers: { accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('the card request answered HTTP ' + response.status);
        return response.json();
      })
      .then(function (json) {
        if (mine !== request) return;
        shownCard = json;
        renderCard(json);
        problem.hidden = true;
        ['membership', 'competency', 'lang'].forEach(function (name) {
          cardHost.setAttribute('data-' + name, params.get(name) || '');
        });
        setCardState('shown');
      })
      .catch(function (/** @type {unknown} */ error) {
        if (mine !== request) return;
        problem.hidden = false;
        setCardState('failed');
        console.error('The entitlement card could not be loaded:', error instanceof Error ? error.message : error);
      });
  }

  function applyLanguage() {
    root.lang = data.locales[state.lang];
    document.querySelectorAll('[data-text]').forEach(function (element) {
      var text = data.strings[state.lang][element.getAttribute('data-text') || ''];
      if (text) element.textContent = text;
    });
  }

  /** @param {string | undefined} theme */
  function applyTheme(theme) {
    var known = themeOf(theme);
    if (!known) return;
    state.theme = known;
    root.setAttribute('data-theme', known);
    if (shownCard) renderCard(shownCard);
  }

  /** Action Pack has no competency: its choice is disabled while Action Pack is picked. */
  function syncCompetency() {
    /** @type {HTMLFieldSetElement | HTMLInputElement} */ (pageElement('competency')).disabled =
      new FormData(form).get('membership') === 'action_pack';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  form.addEventListener('change', function () {
    syncCompetency();
    loadCard();
  });

  /**
   * @template T
   * @param {Promise<T>} promise
   * @param {number} ms
   * @returns {Promise<T>}
   */
  function withTimeout(promise, ms) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        reject(new Error('timed out'));
      }, ms);
      promise.then(
        function (value) {
          clearTimeout(timer);
          resolve(value);
        },
        function (error) {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** The Teams context when the page runs in Teams, undefined anywhere else. */
  function teamsContext() {
    var teams = window.microsoftTeams;
    if (!teams || !teams.app) return Promise.resolve(undefined);
    var app = teams.app;
    return withTimeout(app.initialize(), TEAMS_TIMEOUT_MS)
      .then(function () {
        return app.getContext();
      })
      .then(function (context) {
        app.registerOnThemeChangeHandler(applyTheme);
        return context;
      })
      .catch(function () {
        return undefined;
      });
  }

  // Preselected facts from the query (?membership=gold&competency=cloud), as a link to the tab may carry them.
  ['membership', 'competency'].forEach(function (name) {
    /** @type {HTMLInputElement | null} */
    var input = form.querySelector('input[name="' + name + '"][value="' + CSS.escape(query.get(name) || '') + '"]');
    if (input) input.checked = true;
  });
  syncCompetency();
  applyLanguage();
  applyTheme(state.theme);
  root.setAttribute('data-host', 'browser');
  var firstCard = loadCard();

  teamsContext().then(function (context) {
    if (!context) return;
    root.setAttribute('data-host', 'teams');
    var lang = langOfLocale(context.app && context.app.locale);
    var theme = themeOf(context.app && context.app.theme);
    if (theme && theme !== state.theme) applyTheme(theme);
    if (lang && lang !== state.lang) {
      state.lang = lang;
      applyLanguage();
      loadCard();
    }
    // Teams hides its loading indicator once the first card is drawn.
    firstCard.then(function () {
      var teams = window.microsoftTeams;
      return teams && Promise.resolve(teams.app.notifySuccess()).catch(function () {});
    });
  });
})();
