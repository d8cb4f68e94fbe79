/** What the browser scripts find on `window`: the vendor bundles the pages load and the scripts' own exports. */
import type * as AdaptiveCardsModule from 'adaptivecards';
import type * as TeamsJs from '@microsoft/teams-js';

declare global {
  /** The JSON in <script id="page-data"> that chatPage.ts and tabPage.ts write (only the parts the scripts read). */
  interface PageData {
    /** Our languages and the locale of each, e.g. { en: 'en-US', … }. */
    locales: Record<string, string>;
    /** The page's UI strings per language, by the key in an element's data-text. */
    strings: Record<string, Record<string, string>>;
  }

  /** chat.js's page data: ChatPageData in chatPage.ts. */
  interface ChatPageData extends PageData {
    locale?: string;
    accent: string;
    accentText: string;
    background?: string;
    tokenUrl: string;
    directLinePath: string;
  }

  /** tab.js's page data: TabPageData in tabPage.ts. */
  interface TabPageData extends PageData {
    hostConfigs: Record<string, object>;
    cardUrl: string;
  }

  /** The languages a page offers, as pageLanguage.js reads them. */
  interface MpnPageLanguage {
    langOfLocale(tag: string | null | undefined, locales: Record<string, string>): string | undefined;
    browserLang(locales: Record<string, string>): string;
  }

  /** The parts of a Direct Line connection (botframework-directlinejs) the chat uses. */
  interface WebChatDirectLine {
    connectionStatus$: { subscribe(next: (status: number) => void): unknown };
    end(): void;
  }

  /** The parts of Bot Framework Web Chat's bundle (window.WebChat) the chat uses. */
  interface WebChatBundle {
    createDirectLine(options: object): WebChatDirectLine;
    renderWebChat(props: object, element: HTMLElement): void;
  }

  interface Window {
    MpnPageLanguage: MpnPageLanguage;
    /** cardMarkdown.js: a card's markdown as safe HTML. */
    MpnCardMarkdown: { toHtml(markdown: string): string };
    MpnSupportChat?: { open(): void; close(): void; toggle(): void };
    WebChat: WebChatBundle;
    AdaptiveCards: typeof AdaptiveCardsModule;
    microsoftTeams?: typeof TeamsJs;
  }
}

export {};
