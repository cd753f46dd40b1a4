import type { DeliveryStatus, InboxPayload, NewInboxItem } from '../../storage/channel-ports.ts';
import { decodeSuggestion } from '../suggestion-codes.ts';
import { whatsappChangeValue, whatsappMessage, whatsappNotification, whatsappStatus, type WhatsAppChangeValue, type WhatsAppMessage } from './whatsapp-schema.ts';

export interface DeliveryReport {
  messageId: string;
  status: DeliveryStatus;
  error?: string;
}

/** What one notification (possibly a batch) becomes. */
export interface WhatsAppInbound {
  items: NewInboxItem[];
  deliveryReports: DeliveryReport[];
  /** Why each skipped part was skipped, for the log. */
  ignored: string[];
}

// Media the bot cannot read yet: the citizen is told to type instead of hearing nothing.
const UNREADABLE = new Set(['image', 'audio', 'voice', 'video', 'document', 'sticker', 'location', 'contacts', 'unsupported']);
const STATUS: Record<string, DeliveryStatus> = { sent: 'sent', delivered: 'delivered', read: 'read', played: 'read', failed: 'failed' };

/** Turns a Cloud API webhook notification into inbox items and delivery reports for our phone number. */
export function parseWhatsAppNotification(body: unknown, phoneNumberId: string): WhatsAppInbound {
  const result: WhatsAppInbound = { items: [], deliveryReports: [], ignored: [] };
  const parsed = whatsappNotification.safeParse(body);
  if (!parsed.success) return { ...result, ignored: ['not a WhatsApp Business Account notification'] };
  for (const change of parsed.data.entry.flatMap((e) => e.changes)) {
    if (change.field !== 'messages') {
      result.ignored.push(`${change.field} change`);
      continue;
    }
    const value = whatsappChangeValue.safeParse(change.value);
    if (!value.success) result.ignored.push('malformed messages change');
    else if (value.data.metadata.phone_number_id !== phoneNumberId) result.ignored.push('for another phone number of the account');
    else collect(value.data, result);
  }
  return result;
}

function collect(value: WhatsAppChangeValue, result: WhatsAppInbound): void {
  for (const error of value.errors ?? []) result.ignored.push(`platform error #${error.code ?? '?'}: ${error.title ?? error.message ?? ''}`);
  for (const raw of value.messages ?? []) {
    const message = whatsappMessage.safeParse(raw);
    if (!message.success) result.ignored.push('malformed message');
    else {
      const item = toItem(message.data, value);
      if (typeof item === 'string') result.ignored.push(item);
      else result.items.push(item);
    }
  }
  for (const raw of value.statuses ?? []) {
    const status = whatsappStatus.safeParse(raw);
    const mapped = status.success ? STATUS[status.data.status] : undefined;
    if (!status.success || !mapped) result.ignored.push('unknown status');
    else result.deliveryReports.push({ messageId: status.data.id, status: mapped, ...errorText(status.data.errors) });
  }
}

function errorText(errors: { code?: number; title?: string; message?: string }[] | undefined) {
  const first = errors?.[0];
  return first ? { error: `WhatsApp #${first.code ?? '?'}: ${first.message ?? first.title ?? 'delivery failed'}` } : {};
}

function toItem(message: WhatsAppMessage, value: WhatsAppChangeValue): NewInboxItem | string {
  const key = message.from ?? message.from_user_id;
  if (!key) return 'message without a sender';
  const payload = payloadOf(message, `wa:${key}`);
  if (typeof payload === 'string') return payload;
  const userId = message.from_user_id ?? value.contacts?.find((c) => c.wa_id !== undefined && c.wa_id === message.from)?.user_id;
  return {
    channel: 'whatsapp',
    externalId: message.id,
    conversationId: `wa:${key}`,
    address: message.from ? { to: message.from } : { recipient: key },
    ...(userId ? { platformUserId: userId } : {}),
    sentAt: new Date(Math.min(Number(message.timestamp) * 1000, Date.now())).toISOString(),
    payload,
  };
}

function payloadOf(message: WhatsAppMessage, conversationId: string): InboxPayload | string {
  const base = { conversationId, channel: 'whatsapp' as const };
  if (message.type === 'text' && message.text) {
    const text = message.text.body.trim();
    return text ? { kind: 'message', message: { ...base, text } } : 'empty text';
  }
  const tapped = message.interactive?.button_reply ?? message.interactive?.list_reply;
  if (message.type === 'interactive' && tapped) {
    const choice = decodeSuggestion(tapped.id);
    const fields = { ...(choice?.choiceTopicId ? { choiceTopicId: choice.choiceTopicId } : {}), ...(choice?.action ? { action: choice.action } : {}) };
    return { kind: 'message', message: { ...base, text: tapped.title || choice?.fallbackText || tapped.id, ...fields } };
  }
  if (message.type === 'button' && message.button) return { kind: 'message', message: { ...base, text: message.button.text } };
  if (UNREADABLE.has(message.type)) return { kind: 'notice', notice: 'unsupported' };
  return `${message.type} message, ignored`;
}
