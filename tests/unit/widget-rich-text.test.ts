import { describe, expect, it } from 'vitest';
import { parseInline, parseRichText } from '../../web/widget/src/rich-text.ts';

const text = (t: string) => ({ kind: 'text', text: t });
const link = (t: string, href = t) => ({ kind: 'link', text: t, href });

describe('formatting message text safely', () => {
  it('turns blank-line-separated text into paragraphs, and single newlines into line breaks', () => {
    expect(parseRichText('Halo.\nApa kabar?\n\nSilakan tanya.')).toEqual([
      { kind: 'paragraph', lines: [[text('Halo.')], [text('Apa kabar?')]] },
      { kind: 'paragraph', lines: [[text('Silakan tanya.')]] },
    ]);
  });

  it('turns lines starting "1. " into numbered steps, keeping the first number', () => {
    expect(parseRichText('Syarat:\n1. Fotokopi KK.\n2. Datang sendiri.\n\n3) Tunggu SMS.')).toEqual([
      { kind: 'paragraph', lines: [[text('Syarat:')]] },
      { kind: 'steps', start: 1, items: [[text('Fotokopi KK.')], [text('Datang sendiri.')]] },
      { kind: 'steps', start: 3, items: [[text('Tunggu SMS.')]] },
    ]);
  });

  it('turns "- " and "• " lines into a bullet list', () => {
    expect(parseRichText('- satu\n• dua')).toEqual([{ kind: 'bullets', items: [[text('satu')], [text('dua')]] }]);
  });

  it.each([
    ['lihat https://www.lapor.go.id.', [text('lihat '), link('https://www.lapor.go.id', 'https://www.lapor.go.id/'), text('.')]],
    ['(https://dukcapil.kemendagri.go.id/layanan)', [text('('), link('https://dukcapil.kemendagri.go.id/layanan'), text(')')]],
    ['https://id.wikipedia.org/wiki/KTP_(Indonesia) ok', [link('https://id.wikipedia.org/wiki/KTP_(Indonesia)'), text(' ok')]],
    ['SMS 1708 atau http://contoh.go.id/a?b=1&c=2', [text('SMS 1708 atau '), link('http://contoh.go.id/a?b=1&c=2')]],
  ])('links only the address in %j', (input, parts) => {
    expect(parseInline(input)).toEqual(parts);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'www.lapor.go.id', 'ftp://contoh.go.id/x', '<a href="https://x.go.id">x</a>'])(
    'never makes a link of anything but an http(s) address: %j',
    (input) => {
      const parts = parseInline(input);
      expect(parts.filter((p) => p.kind === 'link').every((p) => p.kind === 'link' && /^https?:\/\//.test(p.href))).toBe(true);
      expect(parts.map((p) => p.text).join('')).toBe(input);
    },
  );

  it('keeps markup as literal text for the view to show with textContent', () => {
    expect(parseRichText('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'paragraph', lines: [[text('<img src=x onerror=alert(1)>')]] }]);
  });
});
