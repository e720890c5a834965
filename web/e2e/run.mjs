// The browser tests of the web UI against the real server. Builds nothing: it needs
// SAMEN_BIN (the samen binary) and web/dist (npm run build). Starts a fresh demo region on
// a free port, runs every flow in Debian's Chromium, stops the server. The flows are those
// of e2e/flows.mjs, then of each e2e/flows-*.mjs in name order (one file per area of the
// UI), with the flows marked `last` at the end; all share one server and one `state`.
// Screenshots go to docs/screenshots/, the axe report to web/e2e/results/axe.json.
// Usage: SAMEN_BIN=build/samen node e2e/run.mjs [part of a flow name]
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { Checks, launch } from './browser.mjs';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, '..');
const bin = process.env.SAMEN_BIN;
const dist = join(web, 'dist');
if (!bin || !existsSync(bin)) {
  console.error('e2e: set SAMEN_BIN to the samen binary (e.g. SAMEN_BIN=build/samen)');
  process.exit(2);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error('e2e: no web/dist/index.html; run `npm run build` first');
  process.exit(2);
}
const files = ['flows.mjs', ...readdirSync(here).filter((f) => /^flows-.+\.mjs$/.test(f)).sort()];
const flows = [];
for (const file of files) flows.push(...(await import(pathToFileURL(join(here, file)).href)).flows);
flows.sort((a, b) => Number(Boolean(a.last)) - Number(Boolean(b.last))); // stable: file order otherwise
const only = process.argv[2];
const chosen = flows.filter((f) => !only || f.name.includes(only));

const server = await startServer({ bin: resolve(bin), staticDir: dist });
const checks = new Checks({ screenshotDir: resolve(web, '../docs/screenshots'), resultsDir: join(here, 'results') });
const browser = await launch();
const state = {};
let passed = 0;
let failed = 0;
try {
  for (const flow of chosen) {
    const context = await browser.newContext({ viewport: flow.viewport ?? { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const started = Date.now();
    try {
      await flow.run({ page, server, checks, state });
      if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
      passed++;
      console.log(`ok   ${flow.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${flow.name}\n     ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n     ')}`);
      await page.screenshot({ path: join(here, 'results', `failed-${passed + failed}.png`), fullPage: true }).catch(() => {});
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
const axe = checks.writeReport();
console.log(
  `axe: ${axe.screens} screens checked; violations: ${axe.critical} critical, ${axe.serious} serious, ${axe.moderate} moderate, ${axe.minor} minor`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
