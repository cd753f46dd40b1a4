import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONSOLE = path.join(ROOT, 'web/console');
const DIST_INDEX = path.join(CONSOLE, 'dist/index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * `npm test` builds the console first (pretest); a bare `vitest run` on a fresh clone, or after
 * editing the console's sources, (re)builds it here so browser tests never run a stale bundle.
 */
export async function ensureConsoleBuilt(): Promise<void> {
  if (fs.existsSync(DIST_INDEX) && fs.statSync(DIST_INDEX).mtimeMs >= newestSource(CONSOLE)) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(CONSOLE, 'vite.config.ts'), logLevel: 'warn' });
}
