import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderContext } from '../../bot/channels/messaging-channel.ts';
import { renderTelegram } from '../../bot/channels/telegram/telegram-render.ts';
import { renderWhatsApp, type TemplateSettings } from '../../bot/channels/whatsapp/whatsapp-render.ts';
import { createTranslator } from '../../bot/i18n.ts';
import type { Suggestion } from '../../bot/runtime/types.ts';

let context: RenderContext;
beforeAll(async () => {
  context = { locale: 'id', translate: await createTranslator(path.resolve('locales')), author: 'bot', serviceWindowOpen: true };
});

const topics = (n: number): Suggestion[] => Array.from({ length: n }, (_, i) => ({ faqId: `topic.${i + 1}`, label: `Topik nomor ${i + 1}` }));
const template: TemplateSettings = { name: 'layani_reply', language: 'id', bodyParameter: true };

describe('renderTelegram', () => {
  it('adds the source line and puts the keyboard, one button per row, under the last piece only', () => {
    const text = `${'Isi jawaban yang panjang. '.repeat(200)}`;
    const { messages, menu } = renderTelegram(
      { chatId: 42 },
      [{ text, sourceUrl: 'https://dukcapil.kemendagri.go.id', suggestions: [{ faqId: 'ktp.lost', label: 'KTP hilang' }, { label: 'Petugas', action: 'officer' }] }],
      context,
    );
    expect(messages).toHaveLength(2);
    expect(messages[0].request.body.reply_markup).toBeUndefined();
    expect(messages[1].request.body).toMatchObject({
      chat_id: 42,
      reply_markup: { inline_keyboard: [[{ text: 'KTP hilang', callback_data: 't:ktp.lost' }], [{ text: 'Petugas', callback_data: 'a:officer' }]] },
    });
    expect(messages[1].request.body.text).toMatch(/Sumber: https:\/\/dukcapil\.kemendagri\.go\.id$/);
    expect(menu).toHaveLength(2);
  });

  it('drops a button whose callback data would exceed 64 bytes instead of losing the message', () => {
    const { messages } = renderTelegram({ chatId: 1 }, [{ text: 'Pilih:', suggestions: [{ label: 'x', faqId: 'é'.repeat(40) }, { label: 'Petugas', action: 'officer' }] }], context);
    expect(messages[0].request.body.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Petugas', callback_data: 'a:officer' }]] });
  });
});

describe('renderWhatsApp', () => {
  it('sends a reply without suggestions as text, without link previews, to the number with +', () => {
    const { messages, menu } = renderWhatsApp({ to: '6281234567890' }, [{ text: 'Gratis.' }], context, template);
    expect(messages.map((m) => m.request.body)).toEqual([
      { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+6281234567890', type: 'text', text: { body: 'Gratis.', preview_url: false } },
    ]);
    expect(menu).toBeNull();
  });

  it('keeps a button body within 1,024 characters by sending the start of a long reply first', () => {
    const text = 'Kalimat penjelasan yang cukup panjang. '.repeat(60);
    const { messages } = renderWhatsApp({ to: '62811' }, [{ text, suggestions: topics(2) }], context, template);
    const last = messages.at(-1)!.request.body as any;
    expect(last.interactive.type).toBe('button');
    expect(last.interactive.body.text.length).toBeLessThanOrEqual(1024);
    expect(messages.slice(0, -1).every((m) => (m.request.body as any).type === 'text')).toBe(true);
  });

  it('gives buttons whose titles cut to the same 20 characters distinct titles', () => {
    const labels = ['Persyaratan membuat KTP-el baru', 'Persyaratan membuat KTP-el pengganti'];
    const { messages } = renderWhatsApp({ to: '62811' }, [{ text: 'Pilih:', suggestions: labels.map((label, i) => ({ faqId: `t${i}`, label })) }], context, template);
    const titles = (messages[0].request.body as any).interactive.action.buttons.map((b: any) => b.reply.title);
    expect(new Set(titles).size).toBe(2);
    for (const title of titles) expect(title.length).toBeLessThanOrEqual(20);
  });

  it('uses a list for 4 to 10 suggestions and a numbered menu beyond, without repeating lines the text already lists', () => {
    const list = renderWhatsApp({ to: '62811' }, [{ text: 'Pilih:', suggestions: topics(10) }], context, template);
    expect((list.messages[0].request.body as any).interactive).toMatchObject({ type: 'list', action: { button: 'Pilih' } });

    const eleven = topics(11);
    const listed = ['Maksud Anda yang mana?', ...eleven.slice(0, 3).map((s, i) => `${i + 1}. ${s.label}`)].join('\n');
    const menu = renderWhatsApp({ to: '62811' }, [{ text: listed, suggestions: eleven }], context, template);
    const body = (menu.messages[0].request.body as any).text.body as string;
    expect(body.match(/^1\. Topik nomor 1$/gm)).toHaveLength(1);
    expect(body).toContain('11. Topik nomor 11');
    expect(body.endsWith('Balas dengan nomor pilihan Anda.')).toBe(true);
    expect(menu.menu).toEqual(eleven);
  });

  it('sends the template, its variable flattened to one line, once the 24-hour window has closed', () => {
    const closed = { ...context, serviceWindowOpen: false };
    const { messages } = renderWhatsApp({ recipient: 'US.1349' }, [{ text: 'Baris satu\n\nBaris\tdua', suggestions: topics(2) }], closed, template);
    expect(messages.map((m) => m.request.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        recipient: 'US.1349',
        type: 'template',
        template: { name: 'layani_reply', language: { code: 'id' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Baris satu · Baris · dua' }] }] },
      },
    ]);
  });

  it('still renders free text after the window when no template is configured (the send failure is then recorded)', () => {
    const { messages } = renderWhatsApp({ to: '62811' }, [{ text: 'Halo' }], { ...context, serviceWindowOpen: false }, null);
    expect((messages[0].request.body as any).type).toBe('text');
  });
});
