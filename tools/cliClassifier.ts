/**
 * The classifier for a command-line tool, or, when there is no trained model yet (a fresh clone) or it is stale,
 * one line on stderr saying what to run, and exit code 2: never a stack trace.
 */
import { classifier, type Classifier } from '../src/nlu/classifier';
import { ModelUnavailableError } from '../src/nlu/modelStore';

/** @example const nlu = classifierOrExit('classify'); // "classify: no NLU model at …: run `npm run train` …" */
export function classifierOrExit(tool: string): Classifier {
  try {
    return classifier();
  } catch (error) {
    if (!(error instanceof ModelUnavailableError)) throw error;
    process.stderr.write(`${tool}: ${error.message}\n`);
    process.exit(2);
  }
}
