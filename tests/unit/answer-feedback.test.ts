import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswerFeedback } from '../../bot/runtime/answer-feedback.ts';
import { createSqliteStorage } from '../../bot/storage/sqlite/sqlite-storage.ts';

describe('rating an answer', () => {
  let storage: ReturnType<typeof createSqliteStorage>;
  afterEach(() => storage?.close());

  async function answered(channel: 'web' | 'telegram' = 'web') {
    storage = createSqliteStorage(':memory:');
    const now = new Date().toISOString();
    await storage.conversations.save({ id: 'c1', channel, locale: 'jv', mode: 'bot', lastTopicId: null, pendingChoices: [], consecutiveFallbacks: 0, createdAt: now, updatedAt: now });
    const [, answer] = await storage.conversations.appendMessages([
      { conversationId: 'c1', author: 'citizen', text: 'KTP kula ical, nomer 081234567890' },
      { conversationId: 'c1', author: 'bot', text: 'Lapor dhateng Disdukcapil.', outcome: { action: 'answer', faqId: 'ktp.lost', locale: 'jv', confidence: 0.61 } },
    ]);
    return { feedback: new AnswerFeedback(storage, pino({ level: 'silent' })), answerId: answer.id };
  }

  it('a thumbs-down puts the question, masked, on the unanswered review with the topic that was answered', async () => {
    const { feedback, answerId } = await answered('telegram');
    expect(await feedback.rate({ conversationId: 'c1', messageId: answerId, rating: 'down' })).toBe('recorded');
    expect(await storage.unanswered.list()).toEqual([
      expect.objectContaining({ conversationId: 'c1', text: 'KTP kula ical, nomer [PHONE]', locale: 'jv', channel: 'telegram', reason: 'thumbs-down', bestTopicId: 'ktp.lost', bestScore: 0.61 }),
    ]);
  });

  it('a second thumbs-down on the same answer does not list the question twice', async () => {
    const { feedback, answerId } = await answered();
    await feedback.rate({ conversationId: 'c1', messageId: answerId, rating: 'down' });
    await feedback.rate({ conversationId: 'c1', messageId: answerId, rating: 'down' });
    expect(await storage.unanswered.list()).toHaveLength(1);
  });

  it('a thumbs-up is stored for analytics and lists nothing for review', async () => {
    const { feedback, answerId } = await answered();
    await feedback.rate({ conversationId: 'c1', messageId: answerId, rating: 'up' });
    expect(await storage.unanswered.list()).toEqual([]);
    expect(await feedback.ratings('c1')).toEqual(new Map([[answerId, 'up']]));
  });

  it('refuses to rate a message that is not the bot’s, or not in the conversation', async () => {
    const { feedback, answerId } = await answered();
    expect(await feedback.rate({ conversationId: 'c1', messageId: answerId - 1, rating: 'down' })).toBe('not-an-answer');
    expect(await feedback.rate({ conversationId: 'other', messageId: answerId, rating: 'down' })).toBe('no-such-message');
    expect(await storage.unanswered.list()).toEqual([]);
  });
});
