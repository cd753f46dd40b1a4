import type { Locale, Topic } from '../../domain.ts';
import { tokenize } from '../lang/tokenize.ts';

/**
 * After a clarify, the citizen may answer with the number of a choice ("2"), its title, or a
 * tap that carries the topic id. Returns the chosen topic id, or null when the message is new.
 */
export function pickChoice(tokens: string[], choices: string[], topics: Map<string, Topic>, locale: Locale): string | null {
  if (choices.length === 0 || tokens.length === 0) return null;
  if (tokens.length <= 2) {
    const n = Number(tokens.find((t) => /^\d+$/.test(t)));
    if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1];
  }
  const text = tokens.join(' ');
  for (const id of choices) {
    const topic = topics.get(id);
    if (!topic) continue;
    const titles = [topic.content[locale].title, ...Object.values(topic.content).map((c) => c.title)];
    if (titles.some((t) => tokenize(t).join(' ') === text)) return id;
  }
  return null;
}
