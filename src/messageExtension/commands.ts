/**
 * The message extension's commands as the manifest declares them (composeExtensions[0].commands), and the
 * limits its invokes are read within. Nothing else spells the ids (a test checks the manifest against them).
 */

export const MESSAGE_EXTENSION_COMMANDS = {
  /** "Search the article": a question in any of the four languages → the answer cards. */
  searchArticle: 'searchArticle',
  /** "Find a ticket": the support team's tickets by number, status or words of the summary. */
  findTicket: 'findTicket',
} as const;

/** The one parameter each command takes, by command. */
export const COMMAND_PARAMETERS = {
  searchArticle: 'question',
  findTicket: 'ticket',
} as const;

/** A query longer than this is not searched (a question is a sentence or two, not a document). */
export const MAX_QUERY_LENGTH = 500;

/** At most this many results for a search, best first. */
export const MAX_RESULTS = 5;

/** At most this many tickets for a ticket search, newest first. */
export const MAX_TICKET_RESULTS = 10;

/** Teams refuses message extension result cards over 28 KB. */
export const MAX_RESULT_BYTES = 28 * 1024;
