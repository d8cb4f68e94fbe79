/** A message activity as a channel posts it to /api/messages. */
let counter = 0;

export function messageActivity(
  serviceUrl: string,
  text: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `activity-${counter}`,
    text,
    locale: 'en-US',
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'user-1', name: 'Partner admin' },
    recipient: { id: 'bot-1', name: 'Support benefits' },
    conversation: { id: `conversation-${counter}`, conversationType: 'personal' },
    ...overrides,
  };
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** Posts an activity to /api/messages and reads the answer's JSON body (an invoke's response), when there is one. */
export async function postReadingBody(url: string, activity: unknown): Promise<{ status: number; body: unknown }> {
  const { status, text } = await post(url, activity);
  return { status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
