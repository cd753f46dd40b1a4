import type { Locale, Topic } from '../domain.ts';
import type { Decision } from '../engine/types.ts';
import type { Translate } from '../i18n.ts';
import type { Reply, Suggestion } from './types.ts';

/** Turns an engine decision into the words and buttons the citizen sees, in their locale. */
export function renderReply(decision: Decision, locale: Locale, t: Translate, topic: (id: string) => Topic | undefined): Reply[] {
  const officer: Suggestion = { label: t(locale, 'suggestion.officer'), action: 'officer' };
  switch (decision.action) {
    case 'answer': {
      const entry = topic(decision.topicId)!;
      return [{ text: entry.content[locale].answer, sourceUrl: entry.sourceUrl }];
    }
    case 'clarify': {
      const choices = decision.topicIds.map((id, i) => ({ id, title: topic(id)!.content[locale].title, n: i + 1 }));
      const text = [t(locale, 'clarify'), ...choices.map((c) => `${c.n}. ${c.title}`)].join('\n');
      return [{ text, suggestions: [...choices.map((c) => ({ faqId: c.id, label: c.title })), officer] }];
    }
    case 'fallback':
      return [{ text: t(locale, 'fallback'), suggestions: [officer] }];
    case 'smalltalk':
      return [{ text: t(locale, decision.intent) }];
    case 'language-switch':
      return [{ text: t(locale, 'languageSwitched') }];
    case 'back-to-bot':
      return [{ text: t(locale, 'backToBotIdle') }];
    case 'ticket-status':
      return [{ text: t(locale, 'ticketUnknown') }];
    case 'handoff':
      // The runtime opens a ticket and renders it (handoff/handoff-replies.ts); this is only its first line.
      return [{ text: t(locale, `handoff.${decision.reason}`) }];
  }
}
