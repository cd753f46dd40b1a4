/**
 * Platforms cap a message's length (Telegram and WhatsApp text 4,096, a WhatsApp button body
 * 1,024). Long replies are split where a reader would pause: a paragraph, a line, a sentence, a
 * word; never inside a surrogate pair, so an emoji is never cut in half. Lengths are UTF-16 code
 * units, which is how both platforms count (and never fewer than the characters a person sees).
 */

const BREAKS = ['\n\n', '\n', '. ', ' '] as const;

/** Splits `text` into pieces of at most `limit` code units. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = headCut(rest, limit);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Like `splitText`, but the last piece fits `tailLimit`: it becomes the body of an interactive
 * message (buttons under a WhatsApp body of at most 1,024), the rest go before it as plain text.
 */
export function splitWithShortTail(text: string, limit: number, tailLimit: number): string[] {
  const pieces = splitText(text, limit);
  const last = pieces.pop();
  if (last === undefined) return [];
  if (last.length <= tailLimit) return [...pieces, last];
  const cut = tailCut(last, tailLimit);
  return [...pieces, ...splitText(last.slice(0, cut), limit), last.slice(cut).trim()];
}

/** Where to end the first piece: the last break in the second half of the window, else a hard cut. */
function headCut(text: string, limit: number): number {
  for (const mark of BREAKS) {
    const at = text.lastIndexOf(mark, limit - mark.length);
    const end = mark === '. ' ? at + 1 : at;
    if (at >= limit / 2 && end <= limit) return end;
  }
  return safeIndex(text, limit);
}

/** Where the tail starts: the first break that leaves at most `tailLimit` after it, else a hard cut. */
function tailCut(text: string, tailLimit: number): number {
  const earliest = text.length - tailLimit;
  for (const mark of BREAKS) {
    const at = text.indexOf(mark, earliest);
    if (at !== -1 && at + mark.length < text.length && at >= 1) return at + mark.length;
  }
  return isHighSurrogate(text, earliest - 1) ? earliest + 1 : earliest;
}

/** `index`, moved back one if it would separate a surrogate pair. */
function safeIndex(text: string, index: number): number {
  return isHighSurrogate(text, index - 1) ? index - 1 : index;
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}
