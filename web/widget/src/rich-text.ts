/**
 * Parses message text into a small, safe structure: paragraphs, numbered steps, bullet lists and
 * links to http(s) addresses. Nothing here produces HTML: the view turns these parts into DOM
 * nodes with textContent, so neither an answer nor a citizen's message can inject markup.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'steps'; start: number; items: Inline[][] }
  | { kind: 'bullets'; items: Inline[][] };

const STEP = /^\s*(\d{1,3})[.)]\s+(.+)$/;
const BULLET = /^\s*[-•*]\s+(.+)$/;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

export function parseRichText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let current: Block | null = null;
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      const step = STEP.exec(line);
      const bullet = step ? null : BULLET.exec(line);
      if (step) {
        if (current?.kind !== 'steps') blocks.push((current = { kind: 'steps', start: Number(step[1]), items: [] }));
        current.items.push(parseInline(step[2]));
      } else if (bullet) {
        if (current?.kind !== 'bullets') blocks.push((current = { kind: 'bullets', items: [] }));
        current.items.push(parseInline(bullet[1]));
      } else {
        if (current?.kind !== 'paragraph') blocks.push((current = { kind: 'paragraph', lines: [] }));
        current.lines.push(parseInline(line.trim()));
      }
    }
  }
  return blocks;
}

/** Splits a line into text and links; only absolute http(s) URLs become links. */
export function parseInline(line: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const raw = trimTrailingPunctuation(match[0]);
    const href = safeHref(raw);
    if (!href) continue;
    const at = match.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: line.slice(last, at) });
    parts.push({ kind: 'link', text: raw, href });
    last = at + raw.length;
  }
  if (last < line.length) parts.push({ kind: 'text', text: line.slice(last) });
  return parts;
}

/** "lihat https://x.go.id." ends a sentence; the dot and an unbalanced ")" are not the address. */
function trimTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0) {
    const ch = url[end - 1];
    const opens = url.slice(0, end).split('(').length - 1;
    const closes = url.slice(0, end).split(')').length - 1;
    if (/[.,;:!?'"]/.test(ch) || (ch === ')' && closes > opens)) end -= 1;
    else break;
  }
  return url.slice(0, end);
}

/** The normalised address when it is a real http(s) URL, else null. */
export function safeHref(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
