import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONVERSATIONAL_INTENTS, LOCALES, type IntentSet } from '../bot/domain.ts';

const schema = z.object({
  locale: z.enum(LOCALES),
  intents: z.partialRecord(z.enum(CONVERSATIONAL_INTENTS), z.array(z.string().min(1))),
});

/** Reads `intents/<locale>.json` for every locale. */
export function loadIntents(dir: string): IntentSet[] {
  return LOCALES.map((locale) => {
    const file = path.join(dir, `${locale}.json`);
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`);
    return parsed.data as IntentSet;
  });
}
