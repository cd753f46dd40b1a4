import type { ChannelAddress } from '../../storage/channel-ports.ts';
import type { MessagingChannel } from '../messaging-channel.ts';
import { isServiceWindowOpen } from './service-window.ts';
import { renderWhatsApp, templateMessage, textOf, type TemplateSettings } from './whatsapp-render.ts';
import { whatsappSender, type WhatsAppApiSettings } from './whatsapp-transport.ts';

/** The WhatsApp Cloud API channel: renderer, sender, and the 24-hour window rules. */
export function createWhatsAppChannel(api: WhatsAppApiSettings, template: TemplateSettings | null): MessagingChannel {
  return {
    name: 'whatsapp',
    render: (address, replies, context) => renderWhatsApp(address, replies, context, template),
    send: whatsappSender(api),
    addressFor(conversationId): ChannelAddress | null {
      const key = conversationId.startsWith('wa:') ? conversationId.slice(3) : '';
      if (!key) return null;
      const address: ChannelAddress = /^\+?\d+$/.test(key) ? { to: key } : { recipient: key };
      return address;
    },
    isServiceWindowOpen,
    outsideWindowFallback(request) {
      const text = textOf(request);
      if (!template || text === null) return null;
      const body = request.body as { to?: string; recipient?: string };
      const address: ChannelAddress = body.to ? { to: body.to } : { recipient: String(body.recipient) };
      return templateMessage(address, text, template);
    },
  };
}
