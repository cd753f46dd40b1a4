import { buildWidget } from '../../scripts/build-widget.ts';

/**
 * Vitest global setup: the browser tests load /widget.js, so build it once before any test runs
 * (`npx vitest run` does not go through `npm test`'s pretest build).
 */
export default async function setup(): Promise<void> {
  await buildWidget();
}
