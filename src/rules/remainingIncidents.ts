/** How many incidents remain (segments 158–170): only Support for Business shows it, and how to read it there. */
import type { Decision } from './decision';

export function remainingIncidents(): Decision {
  return {
    topic: 'remaining_incidents',
    outcome: 'check_in_support_for_business',
    cites: [159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170],
    states: { onlyIn: 'Support for Business', cloudPortalsShowIt: false },
    portals: ['support_for_business', 'remaining_incidents_help'],
  };
}
