// One browser pass in English (issue 13): the care coordinator, the privacy officer and the
// parent work through their main screens with the English texts, every screen checked by
// axe, and no screen shows a translation key instead of a text (a key missing in en.ts
// would show as "case.title" or fall back to Dutch).
import assert from 'node:assert/strict';
import { CARE_COORDINATOR, GUARDIAN, PRIVACY_OFFICER } from './helpers.mjs';
import { PASSWORD } from './server.mjs';

async function loginInEnglish(page, server, email) {
  await page.context().clearCookies();
  await page.goto(`${server.url}/`);
  await page.evaluate(() => localStorage.setItem('samen.language', 'en'));
  await page.reload();
  await page.getByRole('heading', { name: 'Log in to Samen' }).waitFor();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

// Dutch words that only the Dutch texts use, and the shape of an untranslated key.
const DUTCH = /\b(Leerlingen|Dossiers|Uitloggen|Chronologie|Toestemmingen|Signalen beoordelen|Logboek)\b/;
const KEY = /\b[a-z]+[A-Za-z]*\.[a-z]+[A-Za-z]*(\.[a-z]+[A-Za-z]*)?\b/;

async function englishOnly(page, checks, screen) {
  await page.locator('main').waitFor();
  const text = await page.locator('body').innerText();
  const dutch = text.match(DUTCH);
  assert.equal(dutch, null, `${screen}: Dutch text "${dutch?.[0]}" in the English UI`);
  // Addresses and e-mail addresses have dots too: only words outside them count as keys.
  const words = text.split(/\s+/).filter((w) => !w.includes('@') && !w.startsWith('http'));
  const key = words.find((w) => KEY.test(w) && !/^\d/.test(w) && !/\.(example|nl|csv)$/.test(w));
  assert.equal(key, undefined, `${screen}: "${key}" looks like a translation key`);
  await checks.accessible(page, `en-${screen}`);
}

export const flows = [
  {
    name: 'in English: the care coordinator, the privacy officer and the parent on their main screens',
    async run({ page, server, checks }) {
      await loginInEnglish(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { name: 'Triage signals', level: 1 }).waitFor();
      await englishOnly(page, checks, 'triage');
      const nav = page.getByRole('navigation', { name: 'Main menu' });
      await nav.getByRole('link', { name: 'Pupils', exact: true }).click();
      await page.getByRole('heading', { name: 'Pupils', level: 1 }).waitFor();
      await englishOnly(page, checks, 'pupils');
      await nav.getByRole('link', { name: 'Cases', exact: true }).click();
      await page.getByRole('heading', { name: 'My cases', level: 1 }).waitFor();
      await englishOnly(page, checks, 'cases');
      const res = await page.request.get(`${server.url}/api/cases?status=open`);
      const open = (await res.json()).cases[0];
      await page.goto(`${server.url}/dossiers/${open.id}`);
      await page.getByRole('heading', { name: /^Case of /, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Chronology', exact: true }).waitFor();
      await page.getByRole('region', { name: 'Case at a glance' }).waitFor();
      await englishOnly(page, checks, 'case');

      await loginInEnglish(page, server, PRIVACY_OFFICER);
      await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
      await englishOnly(page, checks, 'audit');

      await loginInEnglish(page, server, GUARDIAN);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await englishOnly(page, checks, 'family');
    },
  },
];
