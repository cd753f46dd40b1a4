import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Topic } from '../../bot/domain.ts';
import { loadLanguageData } from '../../bot/engine/lang/language-data.ts';
import { Engine } from '../../bot/engine/pipeline.ts';
import type { Thresholds } from '../../bot/engine/types.ts';
import { loadCalibration } from '../../bot/engine/calibration-file.ts';
import type { CalibrationModel } from '../../bot/engine/confidence.ts';
import { loadIntents } from '../../intents/load-intents.ts';
import { loadKnowledgeDir } from '../../knowledge/load-knowledge.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.45, clarify: 0.25, margin: 0.05 };

/** The engine exactly as the server builds it, from the files in the repository; `calibration: null` leaves raw scores. */
export function buildEngineFromFiles(thresholds: Thresholds = DEFAULT_THRESHOLDS, topics?: Topic[], calibration?: CalibrationModel | null): Engine {
  return new Engine({
    calibration: calibration === null ? undefined : (calibration ?? loadCalibration()),
    topics: topics ?? loadKnowledgeDir(path.join(ROOT, 'knowledge')),
    intents: loadIntents(path.join(ROOT, 'intents')),
    language: loadLanguageData(),
    thresholds,
  });
}
