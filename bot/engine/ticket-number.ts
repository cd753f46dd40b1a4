/** Ticket numbers use letters and digits that cannot be misread (no 0/O, 1/I/L). */
export const TICKET_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const PATTERN = new RegExp(`\\bLYN[-\\s]?([${TICKET_ALPHABET}]{5})\\b`, 'i');

export function findTicketNumber(text: string): string | null {
  const m = PATTERN.exec(text);
  return m ? `LYN-${m[1].toUpperCase()}` : null;
}
