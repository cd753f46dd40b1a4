import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { maskConversationId } from '../../bot/privacy-mask.ts';

describe('phone numbers in logs', () => {
  it('masks a WhatsApp conversation id down to its last four digits', () => {
    expect(maskConversationId('wa:6281234567890')).toBe('wa:*********7890');
    expect(maskConversationId('wa:US.13491208655302741918')).toBe('wa:US.13491208655302741918');
    expect(maskConversationId('tg:123456789')).toBe('tg:123456789');
  });

  it('never writes a citizen’s phone number from a conversation id to the log', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    createLogger('info', sink).info({ conversationId: 'wa:6281234567890', channel: 'whatsapp' }, 'turn');
    expect(lines.join('')).not.toContain('6281234567890');
    expect(JSON.parse(lines[0]).conversationId).toBe('wa:*********7890');
  });
});
