/** The article sections each topic's rule quotes: where a detail question on that topic is looked up first. */
import type { KnowledgeBase } from '../../knowledge/types';
import { decide } from '../../rules/decide';
import { TOPICS, type Topic } from '../../rules/decision';

/** Topic → the anchors of the sections its decision (with nothing known yet) cites. */
export function topicSections(knowledge: KnowledgeBase): Record<Topic, ReadonlySet<string>> {
  const anchorsOf = (topic: Topic): ReadonlySet<string> =>
    new Set(
      decide(topic, {})
        .cites.map((id) => knowledge.segments[id]?.anchor)
        .filter((anchor): anchor is string => anchor !== undefined),
    );
  return Object.fromEntries(TOPICS.map((topic) => [topic, anchorsOf(topic)])) as Record<Topic, ReadonlySet<string>>;
}
