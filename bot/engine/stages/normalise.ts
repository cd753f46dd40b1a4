import { maskPersonalData } from '../../privacy-mask.ts';
import { tokenize } from '../lang/tokenize.ts';

export interface Normalised {
  /** The citizen's text with personal data masked: the only form later stages see. */
  masked: string;
  tokens: string[];
  /** Tokens joined by single spaces, for phrase matching. */
  normalized: string;
}

export function normalise(text: string): Normalised {
  const masked = maskPersonalData(text.trim());
  const tokens = tokenize(masked);
  return { masked, tokens, normalized: tokens.join(' ') };
}
