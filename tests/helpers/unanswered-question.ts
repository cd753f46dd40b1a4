import type { Engine } from '../../bot/engine/pipeline.ts';

/** Ways of saying "my KTP is gone" that a curator might have to teach the bot, most ordinary first. */
const LOST_CARD_WORDINGS = [
  'kartu identitas saya raib dicopet di pasar',
  'identitas penduduk sy lenyap entah kemana',
  'surat tanda warga saya lenyap waktu banjir',
  'kartu penduduk saya tidak ketemu sejak pindahan rumah',
];

/**
 * The first wording the engine does not yet answer, found at run time: tests of the unanswered
 * review need a question the bot fails on, and must not break when the engine gets better.
 */
export function unansweredLostCardQuestion(engine: Engine): string {
  const text = LOST_CARD_WORDINGS.find((t) => engine.run({ text: t, conversation: { locale: 'id', lastTopicId: null, pendingChoices: [] } }).decision.action !== 'answer');
  if (!text) throw new Error('the engine now answers every lost-card wording: add a harder one to LOST_CARD_WORDINGS');
  return text;
}
