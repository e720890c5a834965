// Debian's Chromium through playwright-core (no browser download), and the checks every
// screen gets: axe (WCAG 2.1 A/AA rules; serious or critical violations fail the flow) and
// a screenshot into docs/screenshots/ for the README tour.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.SAMEN_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export class Checks {
  constructor({ screenshotDir, resultsDir }) {
    this.screenshotDir = screenshotDir;
    this.resultsDir = resultsDir;
    this.axe = []; // { screen, violations: [{id, impact, nodes}] }
    mkdirSync(screenshotDir, { recursive: true });
    mkdirSync(resultsDir, { recursive: true });
  }

  /** axe on what the page shows now; throws on a serious or critical violation. */
  async accessible(page, screen) {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
    this.axe.push({ screen, passes: result.passes.length, violations });
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    if (bad.length) {
      throw new Error(`axe on ${screen}: ${bad.map((v) => `${v.id} (${v.impact}) at ${v.nodes.join(', ')}`).join('; ')}`);
    }
  }

  async screenshot(page, name) {
    await page.screenshot({ path: join(this.screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
  }

  /** axe and a screenshot, for a screen of the tour. */
  async screen(page, name) {
    await this.accessible(page, name);
    await this.screenshot(page, name);
  }

  writeReport() {
    writeFileSync(join(this.resultsDir, 'axe.json'), JSON.stringify(this.axe, null, 2));
    const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
    for (const s of this.axe) for (const v of s.violations) counts[v.impact] = (counts[v.impact] ?? 0) + 1;
    return { screens: this.axe.length, ...counts };
  }
}
