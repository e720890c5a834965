// Debian's Chromium through playwright-core (no browser download), and the checks every
// screen gets: axe (WCAG 2.2 A/AA rules, target size included; serious or critical
// violations fail the flow), every Utrecht component on it styled (web/src/utrecht.css
// imports only the components the UI uses; one left out fails here), and a screenshot
// into docs/screenshots/ for the README tour.
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
    this.utrecht = new Set(); // the Utrecht components seen on the screens checked
    mkdirSync(screenshotDir, { recursive: true });
    mkdirSync(resultsDir, { recursive: true });
  }

  /** axe on what the page shows now; throws on a serious or critical violation. */
  async accessible(page, screen) {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
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
    await this.styled(page, screen);
  }

  /** Throws when a Utrecht component on the page has no rule in the loaded style sheets. */
  async styled(page, screen) {
    const { blocks, unstyled } = await page.evaluate(() => {
      const seen = new Set();
      for (const element of document.querySelectorAll('[class*="utrecht-"]')) {
        for (const name of element.classList) if (name.startsWith('utrecht-')) seen.add(name.replace(/(__|--).*$/, ''));
      }
      const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
      const has = (block) => new RegExp(`\\.${block}(?![a-z0-9-])`).test(rules);
      return { blocks: [...seen], unstyled: [...seen].filter((block) => !has(block)) };
    });
    for (const block of blocks) this.utrecht.add(block);
    if (unstyled.length) throw new Error(`no style for ${unstyled.join(', ')} on ${screen}: import its package in web/src/utrecht.css`);
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
    writeFileSync(join(this.resultsDir, 'utrecht-components.json'), JSON.stringify([...this.utrecht].sort(), null, 2));
    const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
    for (const s of this.axe) for (const v of s.violations) counts[v.impact] = (counts[v.impact] ?? 0) + 1;
    return { screens: this.axe.length, ...counts };
  }
}
