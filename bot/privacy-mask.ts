/**
 * Personal data is masked before anything is stored, logged or sent to a model: a citizen who types
 * their NIK or phone number into a chat must not find it in a log file or a third party's prompt.
 */

// Separators people put between digit groups: spaces, dots, dashes, slashes, commas, a few at a time.
const SEP = '[\\s./,_-]{0,3}';
// 16 digits, possibly grouped: the shape of an NIK and of a KK number.
const SIXTEEN_DIGITS = new RegExp(`(?<![\\d])(?:\\d${SEP}){15}\\d(?![\\d])`, 'g');
// Indonesian mobile and landline numbers: +62 / 62 / 0 followed by 8–12 more digits, optional separators.
const PHONE = new RegExp(`(?<![\\w\\d])(?:\\+?62|0)${SEP}\\d{2,4}(?:${SEP}\\d{2,5}){2,3}(?![\\d])`, 'g');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Any other long run of digits (account numbers, foreign phone numbers).
const LONG_DIGITS = /(?<![\d])\d{10,}(?![\d])/g;

export const MASKS = { nik: '[NIK]', phone: '[PHONE]', email: '[EMAIL]', number: '[NUMBER]' } as const;

export function maskPersonalData(text: string): string {
  // NFKC first, so full-width digits ("３２０１…") are masked like ASCII ones.
  return text
    .normalize('NFKC')
    .replace(EMAIL, MASKS.email)
    .replace(SIXTEEN_DIGITS, MASKS.nik)
    .replace(PHONE, MASKS.phone)
    .replace(LONG_DIGITS, MASKS.number);
}

/**
 * A WhatsApp conversation id is the citizen's phone number ("wa:6281234567890"). Logs keep only
 * the last four digits: enough to tell conversations apart while reading a log, not to call anyone.
 */
export function maskConversationId(id: string): string {
  return id.replace(/^wa:\+?(\d+)(\d{4})$/, (_match, head: string, tail: string) => `wa:${'*'.repeat(head.length)}${tail}`);
}
