import { LOCALES, type Locale } from '../../bot/domain.ts';
import type { Engine } from '../../bot/engine/pipeline.ts';
import type { ExternalLine } from './eval-set.ts';

const EMPTY = { locale: null, lastTopicId: null, pendingChoices: [] };
const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/**
 * Real text nobody on the project wrote: language detection on NusaX (the same sentences in all
 * four languages) and how often out-of-domain questions are wrongly answered from the knowledge base.
 */
export function externalReport(engine: Engine, load: (file: string) => ExternalLine[]) {
  const nusax = load('nusax_senti_jv_su_id_en.jsonl');
  const languageDetection = Object.fromEntries(
    LOCALES.map((l) => {
      const rows = nusax.filter((r) => r.lang === l);
      return [l, ratio(rows.filter((r) => engine.run({ text: r.text, conversation: EMPTY }).trace.locale === (l as Locale)).length, rows.length)];
    }),
  );
  const answeredRate = (rows: ExternalLine[]) =>
    ratio(rows.filter((r) => engine.run({ text: r.text, conversation: EMPTY }).decision.action === 'answer').length, rows.length);
  const clinc = load('clinc150_oos_en.jsonl');
  const xsid = load('xsid_id_en.jsonl');
  const facqa = load('indonlu_facqa_questions_id.jsonl');
  const tico = load('tico19_covid_health_id.jsonl');
  const outOfDomain = [...clinc, ...xsid, ...facqa];
  return {
    'nusax language detected': languageDetection,
    'out-of-domain answered (≤3%)': {
      all: answeredRate(outOfDomain),
      clinc150: answeredRate(clinc),
      xsid: answeredRate(xsid),
      facqa: answeredRate(facqa),
    },
    'tico19 health text answered': answeredRate(tico),
    'real public-service mentions answered': answeredRate(load('real_user_public_service_mentions.jsonl')),
  };
}
