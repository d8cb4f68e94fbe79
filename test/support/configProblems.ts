/** The configuration problems readConfig reports for an environment (none: an empty list). */
import { readConfig } from '../../src/config/config';
import { ConfigError } from '../../src/config/configError';

/** @example configProblems({ NODE_ENV: 'production' }) // ['MicrosoftAppId is required when NODE_ENV=production …', …] */
export function configProblems(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    readConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
