// The case page of a 200-entry case in Debian's Chromium (playwright-core, web/e2e/browser.mjs):
// RUNS navigations to /dossiers/<id> in one browser context, the first with an empty cache
// (cold), the rest warm. "usable" = ms from navigation start to the first animation frame in
// which the h1 and the first page of chronology entries are in the DOM, plus one rAF and a
// setTimeout(0) after it (the main thread free to take input). Also: Long Tasks until then,
// PerformanceNavigationTiming, JS transferred, API requests and their timings, the filter's
// response (submit → list re-rendered) and "more" (click → entries 101.. shown).
// Env: URL, CASE_ID, COOKIE, EXPECT (entries on the first page), RUNS.
import { launch } from '../web/e2e/browser.mjs';

const { URL: BASE, CASE_ID, COOKIE } = process.env;
const RUNS = Number(process.env.RUNS ?? 15);
const EXPECT = Number(process.env.EXPECT ?? 25);
const TOTAL = Number(process.env.TOTAL ?? 0);

function installProbe(expect) {
  const b = (window.__bench = { longtasks: [], usable: null });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) b.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const h1 = document.querySelector('h1');
    const n = document.querySelectorAll('.samen-chronology > li').length;
    if (h1 && n >= expect) {
      const seen = performance.now();
      requestAnimationFrame(() => setTimeout(() => (b.usable = { seen, idle: performance.now(), n }), 0));
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const browser = await launch();
const context = await browser.newContext();
// __Host- cookies must be Secure with Path=/; Chromium accepts them on http://127.0.0.1.
// Given by host and path, not by url: Chromium 156 refuses a Secure cookie for an http url.
const host = new URL(BASE).hostname;
await context.addCookies([{ name: '__Host-samen_session', value: COOKIE, domain: host, path: '/', secure: true }]);
await context.addInitScript(installProbe, EXPECT);
const page = await context.newPage();
const cores = await page.evaluate(() => navigator.hardwareConcurrency);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto('about:blank');
  await page.goto(`${BASE}/dossiers/${CASE_ID}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.usable, null, { timeout: 30000, polling: 50 });
  await page.waitForLoadState('load');
  const m = await page.evaluate((caseId) => {
    const b = window.__bench;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const api = res.filter((r) => r.name.includes('/api/'));
    const one = (re) => {
      const r = api.find((x) => re.test(new URL(x.name).pathname + new URL(x.name).search));
      return r ? { start: r.startTime, server: r.responseStart - r.requestStart, end: r.responseEnd, bytes: r.transferSize } : null;
    };
    const lt = b.longtasks.filter(([s]) => s < b.usable.idle);
    return {
      usable: b.usable.idle,
      seen: b.usable.seen,
      longtaskMs: lt.reduce((a, [, d]) => a + d, 0),
      longtasks: lt.length,
      ttfb: nav.responseStart,
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      jsBytes: res.filter((r) => /\.m?js(\?|$)/.test(r.name)).reduce((a, r) => a + r.transferSize, 0),
      jsDecoded: res.filter((r) => /\.m?js(\?|$)/.test(r.name)).reduce((a, r) => a + r.decodedBodySize, 0),
      apiRequests: api.length,
      apiPaths: api.map((r) => new URL(r.name).pathname + new URL(r.name).search),
      caseApi: one(new RegExp(`^/api/cases/${caseId}$`)),
      meApi: one(/^\/api\/me$/),
      entriesApi: one(new RegExp(`^/api/cases/${caseId}/entries`)),
      lastApiEnd: Math.max(...api.map((r) => r.responseEnd)),
    };
  }, CASE_ID);
  m.render = m.usable - m.lastApiEnd;
  // "more": entries 101.. shown
  const more = page.getByRole('button', { name: /meer items/i });
  if (TOTAL > EXPECT && (await more.count())) {
    const t = await page.evaluate(() => performance.now());
    await more.first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.samen-chronology > li').length > n, EXPECT, { polling: 'raf' });
    m.more = (await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))))) - t;
  }
  // the filter: pick the second category and submit; list re-rendered with other entries
  const sel = page.locator('#filter-category');
  const opts = await sel.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  if (opts.length) {
    const before = await page.evaluate(() => document.querySelector('.samen-chronology')?.textContent ?? '');
    await sel.selectOption(opts[0]);
    const t = await page.evaluate(() => performance.now());
    await page.locator('form.samen-filter button[type=submit]').click();
    await page.waitForFunction((b) => (document.querySelector('.samen-chronology')?.textContent ?? '') !== b, before, { polling: 'raf', timeout: 10000 });
    m.filter = (await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))))) - t;
  }
  runs.push(m);
  if (i === 0) console.error(`case_page: API requests of the page: ${m.apiPaths.join(' ')}`);
}
await browser.close();

const stats = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1], n: s.length };
};
const cold = runs[0];
const warm = runs.slice(1);
const figures = {
  usable_ms: (r) => r.usable,
  entries_in_dom_ms: (r) => r.seen,
  longtask_total_ms: (r) => r.longtaskMs,
  longtask_count: (r) => r.longtasks,
  ttfb_ms: (r) => r.ttfb,
  dcl_ms: (r) => r.dcl,
  load_ms: (r) => r.load,
  api_me_end_ms: (r) => r.meApi?.end,
  api_case_start_ms: (r) => r.caseApi?.start,
  api_entries_start_ms: (r) => r.entriesApi?.start,
  api_case_server_ms: (r) => r.caseApi?.server,
  api_case_end_ms: (r) => r.caseApi?.end,
  api_entries_server_ms: (r) => r.entriesApi?.server,
  api_entries_end_ms: (r) => r.entriesApi?.end,
  last_api_end_ms: (r) => r.lastApiEnd,
  render_after_api_ms: (r) => r.render,
  filter_response_ms: (r) => r.filter,
  more_entries_ms: (r) => r.more,
  api_requests: (r) => r.apiRequests,
  js_transferred_bytes: (r) => r.jsBytes,
  js_decoded_bytes: (r) => r.jsDecoded,
};
const f1 = (x) => (x == null ? '-' : Number.isInteger(x) ? String(x) : x.toFixed(1));
console.log(`case_page: cores=${cores} runs=${RUNS} (1 cold + ${warm.length} warm) expect_first_page=${EXPECT} total_visible=${TOTAL}`);
for (const [name, get] of Object.entries(figures)) {
  const s = stats(warm.map(get));
  console.log(`case_page ${name}: cold=${f1(get(cold))} warm_median=${f1(s?.median)} warm_p95=${f1(s?.p95)} warm_max=${f1(s?.max)}`);
}
const u = stats(warm.map((r) => r.usable));
const worst = Math.max(cold.usable, u.max);
console.log(`case_page goal usable<=1000ms: warm_p95=${f1(u.p95)} cold=${f1(cold.usable)} -> ${u.p95 <= 1000 && cold.usable <= 1000 ? 'met' : 'missed'} (worst run ${f1(worst)})`);
