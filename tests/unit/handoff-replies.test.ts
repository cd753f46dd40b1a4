import { expect, it } from 'vitest';
import path from 'node:path';
import { formatWhen, parseRating, stillNeedHelpReply } from '../../bot/handoff/handoff-replies.ts';
import { createTranslator } from '../../bot/i18n.ts';
import { generateTicketNumber } from '../../bot/handoff/ticket-number.ts';
import { findTicketNumber } from '../../bot/engine/ticket-number.ts';

it.each([
  ['4', 4],
  [' 5 ', 5],
  ['3/5', 3],
  ['4 bintang', 4],
  ['5 stars', 5],
  ['2 ⭐', 2],
  ['0', null],
  ['6', null],
  ['45', null],
  ['4 jam nunggu', null],
  ['berapa biaya ktp', null],
])('reads %j as the rating %s', (text, expected) => {
  expect(parseRating(text)).toBe(expected);
});

it('tells office hours in Jakarta time in the citizen’s language', () => {
  const monday8 = '2026-05-18T01:00:00.000Z';
  expect(formatWhen(monday8, 'id')).toBe('Senin, 18 Mei pukul 08.00 WIB');
  expect(formatWhen(monday8, 'en')).toBe('Monday 18 May at 08:00 WIB');
  expect(formatWhen(monday8, 'jv')).toContain('Senin');
  expect(formatWhen(monday8, 'su')).toContain('Senén');
});

it('draws ticket numbers the engine recognises when a citizen quotes them', () => {
  for (let i = 0; i < 200; i += 1) {
    const number = generateTicketNumber();
    expect(number).toMatch(/^LYN-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
    expect(findTicketNumber(`status tiket ${number.toLowerCase()}`)).toBe(number);
  }
});

it.each(['id', 'en', 'jv', 'su'] as const)('offers an officer after a thumbs-down in %s', async (locale) => {
  const t = await createTranslator(path.resolve('locales'));
  const reply = stillNeedHelpReply(locale, t);
  expect(reply.text).not.toBe('feedback.stillNeedHelp');
  expect(reply.suggestions).toEqual([{ label: t(locale, 'suggestion.stillNeedHelp'), action: 'officer' }]);
});
