import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURES, type CalibrationModel } from './confidence.ts';

export const CALIBRATION_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'calibration.json');

/** The fitted confidence model shipped with the code; regenerate it with `npm run calibrate`. */
export function loadCalibration(file = CALIBRATION_FILE): CalibrationModel | undefined {
  if (!fs.existsSync(file)) return undefined;
  const model = JSON.parse(fs.readFileSync(file, 'utf8')) as CalibrationModel;
  if (model.features.join() !== FEATURES.join()) {
    throw new Error(`${file} was fitted for features [${model.features}] but the engine uses [${FEATURES}]: run npm run calibrate`);
  }
  return model;
}
