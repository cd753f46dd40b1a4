import { describe, expect, it } from 'vitest';
import { resolveMenuChoice } from '../../bot/channels/inbox/menu-choice.ts';
import type { InboundMessage } from '../../bot/runtime/types.ts';

const menu = [
  { faqId: 'ktp.lost', label: 'KTP-el hilang' },
  { faqId: 'ktp.damaged', label: 'KTP-el rusak' },
  { label: 'Bicara dengan petugas', action: 'officer' as const },
];
const message = (text: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({ conversationId: 'wa:1', channel: 'whatsapp', text, ...extra });

describe('resolveMenuChoice', () => {
  it.each([
    ['2', { text: 'KTP-el rusak', choiceTopicId: 'ktp.damaged' }],
    [' 1. ', { text: 'KTP-el hilang', choiceTopicId: 'ktp.lost' }],
    ['3)', { text: 'Bicara dengan petugas', action: 'officer' }],
  ])('turns a typed "%s" into the numbered choice', (typed, expected) => {
    expect(resolveMenuChoice(message(typed), menu)).toMatchObject(expected);
  });

  it('leaves numbers outside the menu and ordinary text alone', () => {
    expect(resolveMenuChoice(message('4'), menu)).toEqual(message('4'));
    expect(resolveMenuChoice(message('2 KTP'), menu)).toEqual(message('2 KTP'));
    expect(resolveMenuChoice(message('2'), null)).toEqual(message('2'));
  });

  it('records a tapped button under its full label when the platform cut the title', () => {
    expect(resolveMenuChoice(message('Bicara dengan petug…', { action: 'officer' }), menu).text).toBe('Bicara dengan petugas');
  });
});
