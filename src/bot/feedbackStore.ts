/** "Was this helpful?" answers and comments, kept with the intent, the question (redacted) and its language for curation. */
import type { Storage } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Lang } from '../i18n/locales';
import type { Intent } from '../nlu/intents';
import { redact } from '../privacy/redact';

export interface FeedbackRecord {
  intent: Intent;
  lang: Lang;
  helpful?: boolean;
  /** Redacted before it is stored. */
  comment?: string;
  channelId: string;
  /** The question the answer was for (the conversation's last question, redacted), when it could be told. */
  question?: string;
  /** The review item a "No" became (src/review). */
  reviewItemId?: string;
  at: string;
}

export const FEEDBACK_KEY_PREFIX = 'feedback/';

export class FeedbackStore {
  constructor(private readonly storage: Storage) {}

  async record(feedback: Omit<FeedbackRecord, 'at'>): Promise<void> {
    const record: FeedbackRecord = {
      ...feedback,
      ...(feedback.comment === undefined ? {} : { comment: redact(feedback.comment) }),
      ...(feedback.question === undefined ? {} : { question: redact(feedback.question) }),
      at: new Date().toISOString(),
    };
    await this.storage.write({ [`${FEEDBACK_KEY_PREFIX}${record.at}/${randomUUID()}`]: record });
  }
}
