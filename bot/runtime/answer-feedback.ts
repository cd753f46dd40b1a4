import { isLocale } from '../domain.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/ports.ts';
import type { Rating } from '../storage/web-chat-ports.ts';

export interface RateAnswer {
  conversationId: string;
  messageId: number;
  rating: Rating;
  comment?: string;
}

export type RateResult = 'recorded' | 'no-such-message' | 'not-an-answer';

/**
 * A citizen's 👍/👎 on one of the bot's answers. Every rating is kept for analytics; a thumbs-down
 * also puts the question on the unanswered review list, where editors fix weak answers.
 */
export class AnswerFeedback {
  constructor(
    private readonly storage: Pick<Storage, 'feedback' | 'unanswered' | 'conversations'>,
    private readonly logger: Logger,
  ) {}

  async rate(input: RateAnswer): Promise<RateResult> {
    const { feedback, unanswered, conversations } = this.storage;
    const exchange = await feedback.exchange(input.conversationId, input.messageId);
    if (!exchange) return 'no-such-message';
    if (exchange.answer.author !== 'bot') return 'not-an-answer';
    const outcome = exchange.answer.outcome ?? {};
    const topicId = typeof outcome.faqId === 'string' ? outcome.faqId : null;
    const locale = isLocale(outcome.locale) ? outcome.locale : 'id';
    const before = await feedback.rate({ ...input, comment: input.comment?.trim() || null, topicId, locale });
    this.logger.info({ conversationId: input.conversationId, messageId: input.messageId, rating: input.rating, faqId: topicId }, 'answer rated');
    // A second tap on 👎 (or a reload) must not list the same question twice.
    if (input.rating !== 'down' || before === 'down' || !exchange.question) return 'recorded';
    const conversation = await conversations.find(input.conversationId);
    await unanswered.record({
      conversationId: input.conversationId,
      text: exchange.question.text,
      locale,
      channel: conversation?.channel ?? 'web',
      reason: 'thumbs-down',
      bestTopicId: topicId,
      bestScore: typeof outcome.confidence === 'number' ? outcome.confidence : 0,
    });
    return 'recorded';
  }

  ratings(conversationId: string): Promise<Map<number, Rating>> {
    return this.storage.feedback.ratings(conversationId);
  }
}
