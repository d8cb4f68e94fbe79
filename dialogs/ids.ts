/** Dialog ids. `DialogSet.add()` silently renames a duplicate, so every id is built here and only here. */

export const DIALOG_IDS = {
  main: 'main',
  mainFlow: 'main.flow',
  topicFlow: 'topic.flow',
  topic: (intent: string) => `topic.${intent}`,
  handoff: 'handoff',
  handoffFlow: 'handoff.flow',
} as const;
