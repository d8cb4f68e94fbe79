/** The real app and a fake Teams connector on loopback for a test file: started before its tests, stopped after. */
import { afterAll, beforeAll } from 'vitest';
import { FakeTeamsConnector } from './fakeTeamsConnector';
import { startApp, type RunningApp, type StartAppOptions } from './testApp';

/**
 * Registers the hooks that start the app (with `options`) and the connector before the file's tests and stop them
 * after. The connector is there from the start (its requests; its serviceUrl once started), the app's url once
 * started; hooks the file registers after this call run with both started.
 * @example const app = appWithTeamsConnector({ env: { RATE_LIMIT: 'off' } }); const { connector } = app;
 */
export function appWithTeamsConnector(options: StartAppOptions = {}): {
  readonly url: string;
  readonly connector: FakeTeamsConnector;
} {
  const connector = new FakeTeamsConnector();
  let app: RunningApp | undefined;
  beforeAll(async () => {
    await connector.start();
    app = await startApp(options);
  });
  afterAll(async () => {
    await app?.close();
    await connector.stop();
  });
  return {
    connector,
    get url(): string {
      if (!app) throw new Error('the app is not started: call appWithTeamsConnector() at the top of a test file');
      return app.url;
    },
  };
}
