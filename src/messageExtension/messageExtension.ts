/**
 * The message extension: the invoke values Teams sends (`composeExtension/query` for "Search the article" and
 * "Find a ticket", `composeExtension/queryLink` for a pasted link to the article) read defensively and answered
 * with results, never an error: a bad value gets a 200 with a clear, localized result or an empty list.
 * Free of botbuilder; the bot hands the invoke's value and where it came from.
 */
import { sectionView } from '../../cards/views/sectionView';
import { langOfLocale, type Lang } from '../i18n/locales';
import { t } from '../i18n/strings';
import { knowledgeBase } from '../knowledge/knowledgeBase';
import type { Logger } from '../log/logger';
import { readArticleLink } from './articleLink';
import type { ArticleSearch } from './articleSearch';
import { itemOf } from './answerViews';
import { COMMAND_PARAMETERS, MAX_QUERY_LENGTH, MESSAGE_EXTENSION_COMMANDS } from './commands';
import {
  composeExtensionResponse,
  noticeResult,
  previewText,
  resultOf,
  type ComposeExtensionResponse,
  type ExtensionResult,
} from './extensionResult';
import type { InvokeOrigin, TicketSearch } from './ticketSearch';

/** Where an invoke comes from and the user's Teams locale. */
export interface InvokeContext {
  origin: InvokeOrigin;
  locale: string | undefined;
}

type CommandId = keyof typeof MESSAGE_EXTENSION_COMMANDS;

export class MessageExtension {
  constructor(
    private readonly articles: ArticleSearch,
    private readonly tickets: TicketSearch,
    private readonly log: Logger,
  ) {}

  /** `composeExtension/query`: `{ commandId, parameters: [{ name, value }], queryOptions: { skip, count } }`. */
  async query(value: unknown, context: InvokeContext): Promise<ComposeExtensionResponse> {
    const lang = langOfLocale(context.locale) ?? 'en';
    const invoke = isObject(value) ? value : {};
    const command = commandOf(invoke.commandId);
    if (!command) return composeExtensionResponse([notice(lang, 'unknown_command')]);
    // Teams asks for more as the list scrolls: every result is on the first page.
    if (skipOf(invoke.queryOptions) > 0) return composeExtensionResponse([]);
    const text = queryText(invoke.parameters, COMMAND_PARAMETERS[command]);
    if (text.length > MAX_QUERY_LENGTH)
      return composeExtensionResponse([notice(lang, 'too_long', { max: MAX_QUERY_LENGTH })]);
    try {
      const results =
        command === 'searchArticle'
          ? this.articles.search(text, langOfLocale(context.locale))
          : await this.tickets.search(text, context.origin, lang);
      return composeExtensionResponse(results);
    } catch (error) {
      this.log.error({ err: error, command }, 'a message extension search failed');
      return composeExtensionResponse([notice(lang, 'error')]);
    }
  }

  /** `composeExtension/queryLink`: `{ url }`. A link to the article → that section's card in the link's language; anything else → no card. */
  queryLink(value: unknown, context: InvokeContext): ComposeExtensionResponse {
    const link = readArticleLink(isObject(value) ? value.url : undefined, knowledgeBase().meta.liveUrl);
    if (!link) return composeExtensionResponse([]);
    const lang = link.lang ?? langOfLocale(context.locale) ?? 'en';
    const results: ExtensionResult[] = itemOf(sectionView(link.anchor, lang)).flatMap(
      ({ view, title, text }) => resultOf(view, { title, text: previewText(text) }) ?? [],
    );
    return composeExtensionResponse(results);
  }
}

function notice(
  lang: Lang,
  what: 'unknown_command' | 'too_long' | 'error',
  params: Record<string, number> = {},
): ExtensionResult {
  return noticeResult(
    lang,
    t(lang, `messageExtension.${what}.title`),
    t(lang, `messageExtension.${what}.text`, params),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function commandOf(id: unknown): CommandId | undefined {
  return (Object.keys(MESSAGE_EXTENSION_COMMANDS) as CommandId[]).find(
    (command) => MESSAGE_EXTENSION_COMMANDS[command] === id,
  );
}

function skipOf(options: unknown): number {
  const skip = isObject(options) ? options.skip : undefined;
  return typeof skip === 'number' && Number.isFinite(skip) ? skip : 0;
}

/** The command's parameter (Teams sends `initialRun` instead when the command opens): '' when absent or not text. */
function queryText(parameters: unknown, name: string): string {
  if (!Array.isArray(parameters)) return '';
  const parameter = parameters.find((p): p is Record<string, unknown> => isObject(p) && p.name === name);
  return typeof parameter?.value === 'string' ? parameter.value.trim() : '';
}
