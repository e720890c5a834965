// Fails when the initial JavaScript of the built app (dist/) is over budget, gzipped.
// "Initial" = the module scripts index.html loads and the chunks it preloads; chunks loaded
// later with import() do not count. Usage: node scripts/check-budget.mjs [budget-kB]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const budgetKb = Number(process.argv[2] ?? process.env.SAMEN_JS_BUDGET_KB ?? 250);
let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error('check-budget: no dist/index.html; run `npm run build` first');
  process.exit(2);
}
const urls = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((m) => m[1]);
if (urls.length === 0) {
  console.error('check-budget: index.html loads no module script');
  process.exit(2);
}
let total = 0;
for (const url of new Set(urls)) {
  const bytes = readFileSync(join(dist, url.replace(/^\//, '')));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`  ${url}: ${(bytes.length / 1000).toFixed(1)} kB, ${(gz / 1000).toFixed(1)} kB gzipped`);
}
const kb = total / 1000;
const verdict = kb <= budgetKb ? 'within' : 'OVER';
console.log(`check-budget: initial JavaScript ${kb.toFixed(1)} kB gzipped, ${verdict} the budget of ${budgetKb} kB`);
process.exit(kb <= budgetKb ? 0 : 1);
