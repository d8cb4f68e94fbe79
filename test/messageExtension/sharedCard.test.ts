/**
 * A card inserted from the message extension and sent in the personal chat with the bot arrives as a message
 * whose text is only the markup that stands for the card (recorded from the Agents Playground, which sends what
 * Teams sends): the bot answers nothing to it, where it used to answer "That's outside what I know". Words typed
 * with a card are still a question.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_EXTENSION_COMMANDS } from '../../src/messageExtension/commands';
import { post } from '../http/messageActivity';
import { appWithTeamsConnector } from '../support/appWithTeamsConnector';
import { BOT, invoke, queryInvoke, TENANT } from './teamsInvokes';

const app = appWithTeamsConnector({ env: { RATE_LIMIT: 'off' } });
const { connector } = app;

const INLINE_CARD_TEXT =
  '\n<span class="inline-compose-card" itemid="0" itemtype="http://schema.skype.com/InputExtension">\n  <span content="0" itemprop="cardId"></span>\n</span>\n';

function sentCard(conversation: string, text: string, card: unknown): Record<string, unknown> {
  return {
    type: 'message',
    id: `sent-${conversation}-${text.length}`,
    text,
    from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
    serviceUrl: connector.serviceUrl,
    conversation: { conversationType: 'personal', tenantId: TENANT.id, id: conversation },
    recipient: BOT,
    attachmentLayout: 'list',
    locale: 'en-US',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'UTC' }],
    channelData: { tenant: TENANT },
    channelId: 'msteams',
  };
}

describe('a card from the message extension, sent to the bot', () => {
  it('gets no answer when nothing but the card was sent, and an answer when words came with it', async () => {
    const found = await invoke(
      app.url,
      queryInvoke({
        serviceUrl: connector.serviceUrl,
        commandId: MESSAGE_EXTENSION_COMMANDS.searchArticle,
        text: 'How many incidents does a Gold partner get?',
      }),
    );
    const card = found.attachments[0]?.content;
    expect(card).toBeDefined();

    const alone = await post(app.url, sentCard('chat-card-alone', INLINE_CARD_TEXT, card));
    expect(alone.status).toBe(200);
    expect(connector.posted('chat-card-alone')).toEqual([]);

    const withWords = await post(
      app.url,
      sentCard('chat-card-words', `${INLINE_CARD_TEXT} and what about Silver?`, card),
    );
    expect(withWords.status).toBe(200);
    expect(connector.posted('chat-card-words').length).toBeGreaterThan(0);
  });
});
