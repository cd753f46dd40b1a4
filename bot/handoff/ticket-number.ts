import { randomInt } from 'node:crypto';
import { TICKET_ALPHABET } from '../engine/ticket-number.ts';

const LENGTH = 5;

/**
 * A new ticket number such as `LYN-7K2Q9`: random (not sequential, so numbers reveal nothing about
 * volume and cannot be walked), from an alphabet without 0/O or 1/I/L so it survives being read
 * aloud or copied off a phone screen. Uniqueness is enforced by the store, which retries.
 */
export function generateTicketNumber(pick: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += TICKET_ALPHABET[pick(TICKET_ALPHABET.length)];
  return `LYN-${code}`;
}
