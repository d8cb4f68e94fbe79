/** The common shape of every rule's answer: an outcome, the article segments it rests on, what to ask next. */
import type { FactName } from './facts';
import type { PortalId } from './portals';

export const TOPICS = [
  'activate_benefits',
  'remaining_incidents',
  'access_id_already_associated',
  'entitlement',
  'onprem_support_request',
  'cloud_support_request',
  'not_authorized_error',
  'no_benefits_error',
  'paid_support_plans',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface Decision {
  topic: Topic;
  /** A machine-readable name of what the rule concluded, e.g. "scenario_1_already_linked". */
  outcome: string;
  /** The article segments the decision rests on, in the order an answer reads them. */
  cites: number[];
  /** Figures and conclusions the answer states, for tests, triage and the plain-text face. */
  states: Record<string, string | number | boolean>;
  /** The portals the partner should open, in order of use. */
  portals: PortalId[];
  /** The fact that would make the answer specific, when it is not known yet. */
  ask?: FactName;
}
