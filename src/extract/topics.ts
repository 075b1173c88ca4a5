/** Finds vocabulary topics (data/topics.json) in a talk's text. */
export function matchTopics(_text: string): string[] {
  return [];
}
