/** The article segments rules cite, looked up by what their English text says rather than by copied sentences. */
import { expect } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { Segment } from '../../src/knowledge/types';
import type { Decision } from '../../src/rules/decision';

export const kb = knowledgeBase();

export function segment(id: number): Segment {
  const found = kb.segments[id];
  if (!found) throw new Error(`segment ${id} is not in the knowledge base`);
  return found;
}

export function english(id: number): string {
  return segment(id).text.en;
}

/** The one segment whose English text contains `phrase` (case-insensitive); throws on none or several. */
export function segmentSaying(phrase: string): number {
  const wanted = phrase.toLowerCase();
  const found = Object.values(kb.segments).filter((s) => s.text.en.toLowerCase().includes(wanted));
  const [only] = found;
  if (!only || found.length > 1) throw new Error(`${found.length} segments say "${phrase}", expected exactly one`);
  return only.id;
}

/** The segments of one numbered step of the section that holds `segmentId`. */
export function stepSegments(segmentId: number, step: number): number[] {
  const { anchor } = segment(segmentId);
  return Object.values(kb.segments)
    .filter((s) => s.anchor === anchor && s.place.step === step)
    .map((s) => s.id);
}

/** Checks that the decision cites the one segment saying each phrase. */
export function expectCitesSaying(decision: Decision, ...phrases: string[]): void {
  for (const phrase of phrases)
    expect(decision.cites, `cites the segment saying "${phrase}"`).toContain(segmentSaying(phrase));
}
