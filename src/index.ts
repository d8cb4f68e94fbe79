/** The bot's entry point: reads the configuration, assembles the app and listens. Nothing else. */
import { createApp } from './app';
import { readConfig } from './config/config';
import { ConfigError } from './config/configError';
import { loadEnvFile } from './config/loadEnvFile';
import { createLogger } from './log/logger';
import { StorageUnavailableError } from './storage/storageUnavailableError';

loadEnvFile();
const log = createLogger();

async function start(): Promise<void> {
  const config = readConfig(process.env);
  const app = await createApp(config, log);
  app.server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${config.port} is in use: stop what uses it or set PORT to another port.`
        : `The server could not start: ${error.message}`,
    );
    process.exit(1);
  });
  app.server.listen(config.port, () => {
    log.info(
      { port: config.port, storage: config.storageUrl.split(':')[0], anonymous: !config.microsoftAppId },
      'bot listening',
    );
    if (!config.microsoftAppId)
      log.info(
        `local development: no MicrosoftAppId, replies only to loopback service URLs; messages at http://localhost:${config.port}/api/messages`,
      );
  });
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

start().catch((error: unknown) => {
  // A mistake the operator fixes (configuration, a database that cannot be reached): the message, no stack.
  if (!(error instanceof ConfigError || error instanceof StorageUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
});
