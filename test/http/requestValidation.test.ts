/** /api/messages refuses bad requests with a clear status and no internals: 400, 413, 415. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ACTIVITY_BYTES } from '../../src/server/readJsonBody';
import { FakeConnector } from '../support/fakeConnector';
import { startApp, type RunningApp } from '../support/testApp';
import { messageActivity, post } from './messageActivity';

let connector: FakeConnector;
let app: RunningApp;

beforeAll(async () => {
  connector = await new FakeConnector().start();
  app = await startApp();
});

afterAll(async () => {
  await app.close();
  await connector.stop();
});

const noInternals = (text: string) => expect(text).not.toMatch(/Error:|\bat \w+ \(|Unexpected token|SyntaxError|stack/);

describe('request validation', () => {
  it('answers 400 to an activity without type', async () => {
    const { type: _type, ...activity } = messageActivity(connector.serviceUrl, 'hello');
    const response = await post(app.url, activity);
    expect(response.status).toBe(400);
    noInternals(response.text);
  });

  it('answers 400 to an activity without serviceUrl', async () => {
    const { serviceUrl: _serviceUrl, ...activity } = messageActivity(connector.serviceUrl, 'hello');
    expect((await post(app.url, activity)).status).toBe(400);
  });

  it('answers 400 to a body that is not JSON, without the parser message', async () => {
    const response = await post(app.url, '{"type": "message", ');
    expect(response.status).toBe(400);
    noInternals(response.text);
  });

  it.each([
    ['an array', []],
    ['a string', '"text"'],
    ['null', 'null'],
  ])('answers 400 to %s', async (_name, body) => {
    expect((await post(app.url, body)).status).toBe(400);
  });

  it(`answers 413 to a body over ${MAX_ACTIVITY_BYTES} bytes`, async () => {
    const activity = messageActivity(connector.serviceUrl, 'x'.repeat(MAX_ACTIVITY_BYTES));
    const response = await post(app.url, activity);
    expect(response.status).toBe(413);
    noInternals(response.text);
  });

  it('accepts a body just under the limit', async () => {
    const activity = messageActivity(connector.serviceUrl, '');
    const padding = MAX_ACTIVITY_BYTES - Buffer.byteLength(JSON.stringify(activity)) - 100;
    const response = await post(app.url, { ...activity, text: 'y'.repeat(padding) });
    expect(response.status).toBe(200);
  });

  it('answers 415 to a body that is not JSON by its content type', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(response.status).toBe(415);
  });
});
