// Precompresses the built web UI (dist/) once, at build time, at the highest settings: a
// .br (brotli 11) and a .gz (gzip 9) beside every text file, kept only where smaller. samen
// serve --static and nginx (brotli_static, gzip_static) send them to clients that accept
// them, so nothing is compressed per request. Usage: node scripts/compress.mjs [dist-dir]
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? new URL('../dist/', import.meta.url).pathname;
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt', '.map']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

let raw = 0;
let served = 0;
for (const path of [...files(dist)]) {
  if (!TEXT.has(extname(path))) continue;
  const bytes = readFileSync(path);
  const twins = {
    '.br': brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
    '.gz': gzipSync(bytes, { level: 9 }),
  };
  for (const [suffix, compressed] of Object.entries(twins)) {
    // A twin no smaller than the file would only cost a read; an old one must not stay.
    if (compressed.length < bytes.length) writeFileSync(path + suffix, compressed);
    else rmSync(path + suffix, { force: true });
  }
  raw += bytes.length;
  served += Math.min(bytes.length, twins['.br'].length);
}
console.log(`compress: ${(raw / 1024).toFixed(0)} KiB of text, ${(served / 1024).toFixed(0)} KiB as brotli`);
