import type { Reply, Suggestion } from '../../runtime/types.ts';
import type { ChannelAddress, OutboundRequest } from '../../storage/channel-ports.ts';
import type { RenderContext, RenderedMessage, RenderedReplies } from '../messaging-channel.ts';
import { splitText, splitWithShortTail } from '../split-text.ts';
import { encodeSuggestion } from '../suggestion-codes.ts';

/** Cloud API limits (messages/text-messages, interactive-reply-buttons-messages, interactive-list-messages). */
export const WHATSAPP_LIMITS = {
  text: 4096,
  buttons: 3,
  buttonBody: 1024,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  listBody: 4096,
  listButton: 20,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  templateParameter: 1000,
} as const;

export interface TemplateSettings {
  name: string;
  language: string;
  /** The approved template has one body variable ({{1}}) that carries the message. */
  bodyParameter: boolean;
}

/**
 * Replies as Cloud API send requests. Up to 3 suggestions become reply buttons, up to 10 a list;
 * beyond that the choices are written as a numbered menu the citizen answers by typing the number.
 * Titles are cut to the platform limits (the full label goes into a list row's description).
 * Outside the 24-hour customer-service window only a template can reach the citizen.
 */
export function renderWhatsApp(address: ChannelAddress, replies: Reply[], context: RenderContext, template: TemplateSettings | null): RenderedReplies {
  const messages: RenderedMessage[] = [];
  let menu: Suggestion[] | null = null;
  for (const reply of replies) {
    const text = reply.sourceUrl ? `${reply.text}\n\n${context.translate(context.locale, 'source', { url: reply.sourceUrl })}` : reply.text;
    const suggestions = reply.suggestions ?? [];
    if (suggestions.length) menu = suggestions;
    if (!context.serviceWindowOpen && template) messages.push(templateMessage(address, text, template));
    else messages.push(...freeFormMessages(address, text, suggestions, context));
  }
  return { messages, menu };
}

function freeFormMessages(address: ChannelAddress, text: string, suggestions: Suggestion[], context: RenderContext): RenderedMessage[] {
  if (suggestions.length === 0 || suggestions.length > WHATSAPP_LIMITS.listRows) {
    const full = suggestions.length ? withNumberedMenu(text, suggestions, context) : text;
    return splitText(full, WHATSAPP_LIMITS.text).map((piece) => textMessage(address, piece));
  }
  const useButtons = suggestions.length <= WHATSAPP_LIMITS.buttons;
  const pieces = useButtons ? splitWithShortTail(text, WHATSAPP_LIMITS.text, WHATSAPP_LIMITS.buttonBody) : splitText(text, WHATSAPP_LIMITS.listBody);
  const body = pieces.pop() ?? '…';
  const interactive = useButtons ? buttons(body, suggestions) : list(body, suggestions, context);
  return [...pieces.map((piece) => textMessage(address, piece)), { request: send(address, { type: 'interactive', interactive }), preview: body }];
}

function buttons(body: string, suggestions: Suggestion[]) {
  const titles = uniqueTitles(suggestions.map((s) => s.label), WHATSAPP_LIMITS.buttonTitle);
  return {
    type: 'button',
    body: { text: body },
    action: {
      buttons: suggestions.map((s, i) => ({ type: 'reply', reply: { id: encodeSuggestion(s).slice(0, WHATSAPP_LIMITS.buttonId), title: titles[i] } })),
    },
  };
}

function list(body: string, suggestions: Suggestion[], context: RenderContext) {
  const titles = uniqueTitles(suggestions.map((s) => s.label), WHATSAPP_LIMITS.rowTitle);
  const rows = suggestions.map((s, i) => ({
    id: encodeSuggestion(s).slice(0, WHATSAPP_LIMITS.rowId),
    title: titles[i],
    // A cut title is completed in the description, which has room for 72 characters.
    ...(titles[i] !== s.label ? { description: cut(s.label, WHATSAPP_LIMITS.rowDescription) } : {}),
  }));
  const button = cut(context.translate(context.locale, 'channel.choose'), WHATSAPP_LIMITS.listButton);
  return { type: 'list', body: { text: body }, action: { button, sections: [{ rows }] } };
}

/** Appends "n. label" for each choice the text does not already list, and says to answer with the number. */
function withNumberedMenu(text: string, suggestions: Suggestion[], context: RenderContext): string {
  const lines = suggestions.map((s, i) => `${i + 1}. ${s.label}`);
  const missing = lines.filter((line) => !text.split('\n').includes(line));
  if (missing.length === 0) return text;
  return `${text}\n\n${missing.join('\n')}\n\n${context.translate(context.locale, 'channel.menuHint')}`;
}

export function textMessage(address: ChannelAddress, text: string): RenderedMessage {
  return { request: send(address, { type: 'text', text: { body: text, preview_url: false } }), preview: text };
}

/** A pre-approved template: the only message WhatsApp delivers once the 24-hour window has closed. */
export function templateMessage(address: ChannelAddress, text: string, template: TemplateSettings): RenderedMessage {
  const components = template.bodyParameter ? [{ type: 'body', parameters: [{ type: 'text', text: templateParameter(text) }] }] : [];
  const body = { name: template.name, language: { code: template.language }, ...(components.length ? { components } : {}) };
  return { request: send(address, { type: 'template', template: body }), preview: `[template ${template.name}] ${text}` };
}

/** Template variables may not hold new lines, tabs or more than four spaces in a row (error 132018). */
function templateParameter(text: string): string {
  const flat = text.replace(/\s*[\n\t\r]+\s*/g, ' · ').replace(/ {4,}/g, '   ').trim();
  return cut(flat, WHATSAPP_LIMITS.templateParameter);
}

function send(address: ChannelAddress, message: Record<string, unknown>): OutboundRequest {
  // Phone numbers go with "+" and country code; a business-scoped user id goes in `recipient`.
  const to = address.to !== undefined ? { to: `+${String(address.to).replace(/^\+/, '')}` } : { recipient: String(address.recipient) };
  return { method: 'messages', body: { messaging_product: 'whatsapp', recipient_type: 'individual', ...to, ...message } };
}

/** Cuts to `max` code units with an ellipsis, never inside a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Buttons and rows must have distinct titles; two labels that cut to the same title get a number. */
function uniqueTitles(labels: string[], max: number): string[] {
  const seen = new Set<string>();
  return labels.map((label, i) => {
    let title = cut(label, max);
    if (seen.has(title)) title = `${cut(label, max - 3)} ${i + 1}`;
    seen.add(title);
    return title;
  });
}

/** The words of a free-form message, for rewriting it as a template. */
export function textOf(request: OutboundRequest): string | null {
  const body = request.body as { type?: string; text?: { body?: string }; interactive?: { body?: { text?: string } } };
  if (body.type === 'text') return body.text?.body ?? null;
  if (body.type === 'interactive') return body.interactive?.body?.text ?? null;
  return null;
}
