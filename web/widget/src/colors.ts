/**
 * An agency's brand colour must not make the widget unreadable: the text on the accent colour is
 * white or near-black, whichever contrasts more, and links/outlines fall back to a dark ink when
 * the accent itself is too light to read on white (WCAG AA asks 4.5:1 for text).
 */
const INK = '#1b1f24';

export function accentColors(hex: string): { accent: string; onAccent: string; accentText: string } {
  const onAccent = contrast(hex, '#ffffff') >= contrast(hex, INK) ? '#ffffff' : INK;
  const accentText = contrast(hex, '#ffffff') >= 4.5 ? hex : INK;
  return { accent: hex, onAccent, accentText };
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c) : hex;
  const channels = [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
