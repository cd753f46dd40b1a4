import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(ROOT, 'web/widget/src/main.ts');
export const WIDGET_DIST = path.join(ROOT, 'web/widget/dist');

/** The promise to agencies: the widget costs a citizen on 3G at most this much to download. */
export const GZIP_BUDGET_BYTES = 20 * 1024;

export interface WidgetSizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * Bundles web/widget/src into one minified script with no dependencies, and writes .gz and .br
 * copies next to it so the server sends compressed bytes without compressing on every request.
 * Targets ES2019 (Chrome 73 era), which old Android WebViews still run; newer DOM methods are avoided.
 */
export async function buildWidget(outDir = WIDGET_DIST): Promise<WidgetSizes> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    legalComments: 'none',
    banner: { js: '/*! Layani widget | Apache-2.0 */' },
    write: false,
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0].contents);
  const gzip = zlib.gzipSync(code, { level: 9 });
  const brotli = zlib.brotliCompressSync(code, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
  fs.mkdirSync(outDir, { recursive: true });
  // Write to temporary names first so a running server never serves a half-written file.
  for (const [name, bytes] of [['widget.js', code], ['widget.js.gz', gzip], ['widget.js.br', brotli]] as const) {
    const target = path.join(outDir, name);
    fs.writeFileSync(`${target}.tmp`, bytes);
    fs.renameSync(`${target}.tmp`, target);
  }
  return { raw: code.length, gzip: gzip.length, brotli: brotli.length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const sizes = await buildWidget();
  const file = path.relative(process.cwd(), path.join(WIDGET_DIST, 'widget.js'));
  process.stdout.write(
    `${file}: ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzipped, ${kb(sizes.brotli)} brotli (budget ${kb(GZIP_BUDGET_BYTES)} gzipped)\n`,
  );
  if (sizes.gzip > GZIP_BUDGET_BYTES) {
    process.stderr.write(`widget.js is ${kb(sizes.gzip - GZIP_BUDGET_BYTES)} over its gzipped budget: trim it before shipping.\n`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
