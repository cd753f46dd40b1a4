import { expect, it } from 'vitest';
import { findTicketNumber } from '../../bot/engine/ticket-number.ts';

it.each([
  ['status tiket LYN-7K2Q9', 'LYN-7K2Q9'],
  ['cek lyn-7k2q9 dong', 'LYN-7K2Q9'],
  ['tiket LYN 7K2Q9 piye', 'LYN-7K2Q9'],
  ['LYN-7K2Q0 (has a zero)', null],
  ['no ticket here', null],
])('finds the ticket number in %j', (text, expected) => {
  expect(findTicketNumber(text)).toBe(expected);
});
