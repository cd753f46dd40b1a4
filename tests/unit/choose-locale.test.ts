import { describe, expect, it } from 'vitest';
import { buildEngineFromFiles } from '../../scripts/lib/build-engine.ts';

const engine = buildEngineFromFiles();
const localeOf = (text: string, conversation: 'id' | 'en' | 'jv' | 'su' | null = null, extra: Record<string, unknown> = {}) =>
  engine.run({ text, conversation: { locale: conversation, lastTopicId: null, pendingChoices: [] }, ...extra }).trace;

describe('choosing the reply language', () => {
  it.each([
    ['Apa saja syarat membuat KTP elektronik?', 'id'],
    ['what do I need to bring for my baby vaccination', 'en'],
    ['KTP-ku ilang, piye carane ngurus maneh?', 'jv'],
    ['kumaha carana mariksa bansos', 'su'],
  ])('detects %j as %s', (text, locale) => {
    expect(localeOf(text).locale).toBe(locale);
  });

  it('keeps the conversation language for a short reply', () => {
    expect(localeOf('ok 2', 'jv')).toMatchObject({ locale: 'jv', localeReason: 'conversation' });
  });

  it('follows an explicit switch phrase', () => {
    expect(localeOf('pakai bahasa jawa ya', 'id')).toMatchObject({ locale: 'jv', localeReason: 'switch-phrase' });
    expect(localeOf('English please', 'su')).toMatchObject({ locale: 'en', localeReason: 'switch-phrase' });
  });

  it('lets the citizen’s explicit choice win over detection', () => {
    expect(localeOf('KTP-ku ilang piye', null, { locale: 'en' })).toMatchObject({ locale: 'en', localeReason: 'explicit' });
  });

  it('uses the channel hint when the text says little', () => {
    expect(localeOf('ktp', null, { localeHint: 'en' })).toMatchObject({ locale: 'en', localeReason: 'hint' });
  });
});
