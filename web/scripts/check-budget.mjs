// Fails when what the first page load of the built app (dist/) sends is over budget, in
// bytes as served: the module scripts and stylesheets index.html loads and the chunks it
// preloads, each as its brotli twin (scripts/compress.mjs; what a browser receives from
// samen serve --static or nginx) or, without one, as it is. Chunks loaded later with
// import() do not count. Usage: node scripts/check-budget.mjs [budget-kB]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const budgetKb = Number(process.argv[2] ?? process.env.SAMEN_JS_BUDGET_KB ?? 160);
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
  ...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
].map((m) => m[1]);
if (urls.length === 0) {
  console.error('check-budget: index.html loads no module script');
  process.exit(2);
}
let total = 0;
for (const url of ['/index.html', ...new Set(urls)]) {
  const file = join(dist, url.replace(/^\//, ''));
  const raw = readFileSync(file).length;
  const served = existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : raw;
  total += served;
  console.log(`  ${url}: ${(raw / 1000).toFixed(1)} kB, ${(served / 1000).toFixed(1)} kB as served`);
}
const kb = total / 1000;
const verdict = kb <= budgetKb ? 'within' : 'OVER';
console.log(`check-budget: first load ${kb.toFixed(1)} kB as served (brotli), ${verdict} the budget of ${budgetKb} kB`);
process.exit(kb <= budgetKb ? 0 : 1);
