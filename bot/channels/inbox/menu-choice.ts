import type { ChoiceMenu } from '../../storage/channel-ports.ts';
import type { InboundMessage } from '../../runtime/types.ts';
import { choiceOf } from '../suggestion-codes.ts';

const TYPED_NUMBER = /^\s*(\d{1,2})\s*[.)]?\s*$/;

/**
 * Connects what the citizen sent to the choices last shown: a typed "2" (WhatsApp numbered menu,
 * or any channel's buttons) picks the second choice, and a tapped button whose title the platform
 * cut short is recorded under its full label.
 */
export function resolveMenuChoice(message: InboundMessage, menu: ChoiceMenu): InboundMessage {
  if (!menu?.length) return message;
  if (message.choiceTopicId || message.action) {
    const tapped = menu.find((s) => (message.choiceTopicId ? s.faqId === message.choiceTopicId : !s.faqId && s.action === message.action));
    return tapped ? { ...message, text: tapped.label } : message;
  }
  const typed = TYPED_NUMBER.exec(message.text);
  const picked = typed ? menu[Number(typed[1]) - 1] : undefined;
  return picked ? { ...message, text: picked.label, ...choiceOf(picked) } : message;
}
