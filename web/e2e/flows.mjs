// The browser flows of the first web slice (login, pupils, signals, triage, case, family), against the real server. Each flow gets a
// fresh browser context (its own cookies); flows that build on each other share `state`.
import assert from 'node:assert/strict';
import { PASSWORD } from './server.mjs';
import { ADMIN, CARE_COORDINATOR, MENTOR, description, login } from './helpers.mjs';

export const flows = [
  {
    name: 'login page on a 360 px phone, wrong password, language switch',
    viewport: { width: 360, height: 740 },
    async run({ page, server, checks }) {
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { name: 'Inloggen bij Samen' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
      await checks.screen(page, 'login-360');
      // No horizontal scrolling at 360 px (WCAG 1.4.10 reflow).
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));

      await page.getByRole('button', { name: 'Inloggen' }).click();
      const email = page.getByLabel('E-mailadres');
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      assert.match(await description(email), /Vul je e-mailadres in/);

      await email.fill(MENTOR);
      await page.getByLabel('Wachtwoord').fill('not-the-password');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).waitFor();
      await checks.screen(page, 'login-wrong-password');

      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.getByRole('heading', { name: 'Log in to Samen' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await checks.accessible(page, 'login-english');
      await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
      await page.getByRole('heading', { name: 'Inloggen bij Samen' }).waitFor();
    },
  },
  {
    name: 'mentor: search a pupil, open the pupil page, record a signal',
    async run({ page, server, checks, state }) {
      await login(page, server, MENTOR);
      await page.getByRole('heading', { name: 'Leerlingen', level: 1 }).waitFor();
      // Keyboard, on a fresh load: the first Tab reaches the skip link, which moves focus to
      // the main content.
      await page.reload();
      await page.getByRole('heading', { name: 'Leerlingen', level: 1 }).waitFor();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Naar de inhoud' });
      assert.ok(await skip.evaluate((el) => el === document.activeElement));
      await page.keyboard.press('Enter');
      assert.ok(await page.evaluate(() => document.activeElement?.closest('main') !== null));

      await page.getByLabel('Klas').fill('2A');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('status').filter({ hasText: 'gevonden' }).waitFor();
      await checks.screen(page, 'pupils');
      // A pupil of the mentor's own class: the row with the full view.
      const row = page.getByRole('row').filter({ hasText: 'volledig' }).first();
      const link = row.getByRole('link');
      const name = (await link.textContent()).trim();
      state.pupilName = name;

      // Search by name finds the same pupil.
      await page.getByLabel('Klas').fill('');
      await page.getByLabel('Naam of leerlingnummer').fill(name.split(' ').at(-1));
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('link', { name }).first().click();

      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Ouders en verzorgers' }).waitFor();
      assert.match(await page.locator('main').textContent(), /\d{2}-\d{2}-\d{4}/); // Dutch date notation
      await checks.screen(page, 'pupil');

      await page.getByRole('link', { name: `Signaal melden over ${name}` }).click();
      await page.getByRole('heading', { name: 'Signaal melden', level: 1 }).waitFor();
      await page.getByText(`Leerling: ${name}`).waitFor();
      // Submitting without text: the error stands beside the field and is tied to it.
      await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
      const text = page.getByLabel('Wat zie je?');
      await page.getByText('Kies minstens één onderwerp.').waitFor();
      assert.match(await description(text), /Beschrijf kort wat je ziet/);
      await checks.accessible(page, 'signal-errors');

      state.signalText = `E2E: sinds twee weken stil in de klas (${Date.now()}).`;
      await page.getByLabel('Welbevinden').check();
      await page.getByLabel('Binnenkort').check();
      await text.fill(state.signalText);
      await checks.screen(page, 'signal-new');
      await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
      await page.getByText(`Het signaal over ${name} is vastgelegd.`).waitFor();
      await checks.accessible(page, 'signal-saved');
      // The signal shows on the pupil page and among the mentor's open signals.
      await page.getByRole('link', { name: `Naar ${name}` }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.getByText(state.signalText).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signalen' }).click();
      await page.getByRole('heading', { name: 'Mijn open signalen', level: 1 }).waitFor();
      await page.getByText(state.signalText).waitFor();
      await checks.accessible(page, 'my-signals');
    },
  },
  {
    name: 'session expiry: back to login, the draft of the signal is offered again',
    async run({ page, server, checks }) {
      await login(page, server, MENTOR);
      await page.getByRole('heading', { name: 'Leerlingen', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Signaal melden' }).click();
      const draft = 'Concept: wordt geschreven terwijl de sessie verloopt.';
      await page.getByLabel('Verzuim').check();
      await page.getByLabel('Wat zie je?').fill(draft);
      // 31 minutes idle, as the server counts it.
      server.sql(
        `UPDATE sessions SET last_seen_at = last_seen_at - ${31 * 60 * 1000} WHERE user_id = (SELECT id FROM users WHERE email = '${MENTOR}')`,
      );
      await page.getByLabel('Zoek de leerling').fill('Bakker');
      await page.getByRole('button', { name: 'Zoek', exact: true }).click();
      await page.getByText('Je sessie is verlopen.').waitFor();
      await checks.screen(page, 'session-expired');
      // On the device the draft is sealed with the mentor's key: none of the typed text is there.
      const stored = await page.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}=${v}`).join('\n'));
      assert.match(stored, /samen\.draft\./);
      for (const word of ['Concept', 'sessie verloopt', 'signal-new']) assert.ok(!stored.includes(word), `localStorage holds "${word}"`);
      await page.getByLabel('E-mailadres').fill(MENTOR);
      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: 'Signaal melden', level: 1 }).waitFor();
      await page.getByText(/Er is een concept bewaard van/).waitFor();
      await checks.accessible(page, 'draft-offer');
      await page.getByRole('button', { name: 'Concept terugzetten' }).click();
      assert.equal(await page.getByLabel('Wat zie je?').inputValue(), draft);
      assert.ok(await page.getByLabel('Verzuim').isChecked());
    },
  },
  {
    name: 'care coordinator: triage queue, the mentor signal as advice, another into a case',
    async run({ page, server, checks, state }) {
      assert.ok(state.signalText, 'needs the signal of the mentor flow');
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { name: 'Signalen beoordelen', level: 1 }).waitFor();
      await checks.screen(page, 'triage');
      const card = page.getByRole('article').filter({ hasText: state.signalText });
      await card.getByRole('heading', { name: `Over ${state.pupilName}` }).waitFor();
      await card.getByLabel('Advies aan de melder').check();
      await card.getByLabel('Advies', { exact: true }).fill('Bespreek het met de leerling en ouders; meld opnieuw als het aanhoudt.');
      await card.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await card.getByText('Het advies is vastgelegd en het signaal is afgesloten.').waitFor();
      await checks.accessible(page, 'triage-advice-done');

      // Another open signal (the demo's) becomes a case; the case page opens from there.
      const open = page.getByRole('article').filter({ has: page.getByRole('button', { name: 'Beoordeling vastleggen' }) });
      const other = page.locator(`article[aria-labelledby="${await open.first().getAttribute('aria-labelledby')}"]`);
      await other.getByLabel('Dossier openen of aanvullen').check();
      await other.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
      await other.getByRole('link', { name: 'Naar het dossier' }).click();
      await page.getByRole('heading', { name: /^Dossier van / , level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Chronologie', exact: true }).waitFor();
      await page.getByText('Voor: school').first().waitFor();
      // "Why can I see this?": the basis at once, the policy's reasons on request.
      const entry = page.getByRole('article').filter({ hasText: 'Signaal' }).first();
      await entry.getByText('Waarom zie ik dit?').click();
      await entry.getByText(/Je ziet dit op grond van: /).waitFor();
      await entry.getByRole('button', { name: 'Toon de regels die dit beslisten' }).click();
      await entry.locator('ul[lang="en"] li').first().waitFor();
      await checks.screen(page, 'case');

      // Writing in the chronology: the audience preview comes before saving.
      const form = page.getByRole('region', { name: 'Nieuw item in de chronologie' });
      const note = `E2E: gesprek met de leerling gevoerd (${Date.now()}).`;
      await form.getByLabel('Tekst').fill(note);
      await form.getByRole('button', { name: 'Item vastleggen' }).click();
      await form.getByText('Bekijk eerst wie het item zal zien.').waitFor();
      await form.getByLabel('casusteam').check();
      await form.getByRole('button', { name: 'Bekijk wie het ziet' }).click();
      await form.getByRole('table', { name: 'Zal het zien' }).waitFor();
      await form.getByRole('row').filter({ hasText: 'Ellen Zorgcoördinator' }).first().waitFor();
      await checks.screen(page, 'entry-preview');
      await form.getByRole('button', { name: 'Item vastleggen' }).click();
      await form.getByText('Het item is vastgelegd.').waitFor();
      await page.getByRole('article').filter({ hasText: note }).waitFor();
      await checks.accessible(page, 'entry-saved');
    },
  },
  {
    name: 'administrator with two memberships switches, then logs out',
    async run({ page, server, checks }) {
      // Keyboard only: Tab to the e-mail field, type, Tab, type, Enter.
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { name: 'Inloggen bij Samen' }).waitFor();
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.getAttribute('name') === 'email')) break;
      }
      await page.keyboard.type(ADMIN);
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      // For the municipality the administrator reaches users and organisations, no pupils.
      await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
      const select = page.getByLabel('Werkt als');
      assert.match(await select.locator('option:checked').textContent(), /Gemeente Lindeveld/);
      await select.selectOption({ label: 'beheerder — Het Baken College' });
      await page.getByRole('button', { name: 'Wisselen' }).click();
      await page.getByText('Je werkt nu als beheerder bij Het Baken College.').waitFor();
      const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      assert.equal(me.active_membership.organisation_name, 'Het Baken College');
      await checks.screen(page, 'membership-switched');

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('Je bent uitgelogd.').waitFor();
      const status = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
      assert.equal(status, 401);
      await checks.accessible(page, 'logged-out');
    },
  },
  {
    name: 'guardian on a 360 px phone: own child, who looked at the file, the case as far as the family sees it',
    viewport: { width: 360, height: 740 },
    async run({ page, server, checks }) {
      await login(page, server, 'ouder@ouders.example');
      await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
      await checks.screen(page, 'family-360');
      const child = page.getByRole('main').getByRole('listitem').getByRole('link').first();
      const name = (await child.textContent()).trim();
      await child.click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      const log = page.getByRole('region', { name: 'Wie keek in het dossier' });
      // The mentor flow listed class 2A, the child's class: that access is shown.
      await log.getByRole('row').filter({ hasText: 'Het Baken College' }).first().waitFor();
      // Tables scroll inside their own box; the page itself does not widen (WCAG 1.4.10).
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
      await checks.screen(page, 'family-access-log-360');
      await page.getByRole('link', { name: /^Dossier bekijken/ }).click();
      await page.getByRole('heading', { name: /^Dossier van /, level: 1 }).waitFor();
      await page.getByText('Zichtbaar voor gezin').first().waitFor();
      await checks.accessible(page, 'family-case-360');
    },
  },
  {
    // Last: five failures block this account from 127.0.0.1, where every flow logs in from.
    last: true,
    name: 'too many failed logins: the wait from Retry-After is shown',
    viewport: { width: 360, height: 740 },
    async run({ page, server, checks }) {
      const account = 'docent@hetbaken.example';
      let status = 0;
      for (let i = 0; i < 12 && status !== 429; i++) {
        const res = await page.request.post(`${server.url}/api/session`, {
          data: { email: account, password: `wrong-${i}` },
        });
        status = res.status();
      }
      assert.equal(status, 429);
      await login(page, server, account);
      await page.getByRole('alert').filter({ hasText: /Te veel mislukte pogingen\. Probeer het over \d+ minuten? opnieuw\./ }).waitFor();
      await checks.screen(page, 'login-rate-limited');
    },
  },
];
