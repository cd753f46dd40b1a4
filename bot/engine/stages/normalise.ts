import { MASKS, maskPersonalData } from '../../privacy-mask.ts';
import { tokenize } from '../lang/tokenize.ts';

export interface Normalised {
  /** The citizen's text with personal data masked: the only form later stages see. */
  masked: string;
  tokens: string[];
  /** Tokens joined by single spaces, for phrase matching. */
  normalized: string;
}

// The placeholders stand for the citizen's data, not for words: "[NIK]" must not match the NIK topic.
const PLACEHOLDERS = new RegExp(Object.values(MASKS).map((m) => m.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

// "NIK 3201…", "no hp 0812…": the word that labels a masked number says nothing about the question.
const LABELLED_PLACEHOLDER = new RegExp(`(?:\\b(?:nik|no\\.?\\s*kk|kk|nomor|nomer|no|hp|wa|telp|telepon|phone|number|email|e-mail)\\b\\s*[:=]?\\s*)?(?:${PLACEHOLDERS.source})`, 'gi');

export function normalise(text: string): Normalised {
  const masked = maskPersonalData(text.trim());
  const tokens = tokenize(masked.replace(LABELLED_PLACEHOLDER, ' '));
  return { masked, tokens, normalized: tokens.join(' ') };
}
