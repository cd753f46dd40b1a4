import { describe, expect, it } from 'vitest';
import { splitText, splitWithShortTail } from '../../bot/channels/split-text.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const squash = (s: string) => s.replace(/\s+/g, '');

describe('splitText', () => {
  it('leaves a text within the limit whole', () => {
    expect(splitText('Bawa KK asli.', 4096)).toEqual(['Bawa KK asli.']);
  });

  it('splits long text at paragraph breaks, keeps every piece within the limit and loses no words', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Langkah ${i + 1}: ${'datang ke kantor kecamatan dengan dokumen asli '.repeat(8).trim()}.`);
    const text = paragraphs.join('\n\n');
    const pieces = splitText(text, 1000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(1000);
      expect(piece.startsWith('Langkah')).toBe(true);
    }
    expect(squash(pieces.join(''))).toBe(squash(text));
  });

  it('falls back to word breaks, then to a hard cut that never splits an emoji', () => {
    const words = 'kata '.repeat(500);
    for (const piece of splitText(words, 64)) expect(piece.length).toBeLessThanOrEqual(64);
    const emoji = '😀'.repeat(100);
    const pieces = splitText(emoji, 51);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(51);
      expect(LONE_SURROGATE.test(piece)).toBe(false);
    }
    expect(pieces.join('')).toBe(emoji);
  });
});

describe('splitWithShortTail', () => {
  it('makes the last piece fit the short limit and keeps the others within the long one', () => {
    const text = `${'Paragraf pembuka yang panjang sekali. '.repeat(60)}\n\nPilih salah satu:`;
    const pieces = splitWithShortTail(text, 4096, 1024);
    expect(pieces.at(-1)!.length).toBeLessThanOrEqual(1024);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4096);
    expect(squash(pieces.join(''))).toBe(squash(text));
  });

  it('does not split a text that already fits the short limit', () => {
    expect(splitWithShortTail('Pilih salah satu:', 4096, 1024)).toEqual(['Pilih salah satu:']);
  });
});
