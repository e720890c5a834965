// Notifications (issue 14): the youth nurse, invited to the coming meetings, finds the
// unread count in the header on a phone, reads what happened (a kind, never a name), opens
// one (read, and the meeting it is about), chooses a daily e-mail digest, which stays
// chosen after a reload, and makes a calendar link that a calendar client can fetch.
import assert from 'node:assert/strict';
import { login, noHorizontalScroll, YOUTH_NURSE } from './helpers.mjs';

export const flows = [
  {
    name: 'notifications: the unread count, a notification opened, the e-mail choice on a 360 px phone',
    viewport: { width: 360, height: 780 },
    async run({ page, server, checks }) {
      await login(page, server, YOUTH_NURSE);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The demo invited the partners to the two coming meetings; earlier flows may have
      // added to it (a seat at a case's table).
      const header = page.getByRole('link', { name: /^Meldingen, \d+ ongelezen$/ });
      const unread = Number((await header.textContent()).match(/\d+/)[0]);
      assert.ok(unread >= 2, `unread: ${unread}`);
      await header.click();
      await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
      await page.getByText(`${unread} ongelezen meldingen`).waitFor();
      const list = page.getByRole('list', { name: 'Je meldingen, nieuwste eerst' });
      assert.ok((await list.getByRole('listitem').count()) >= 2);
      assert.match(await list.textContent(), /Je bent uitgenodigd voor een overleg/);
      assert.doesNotMatch(await list.textContent(), /Zorgoverleg|Kernpartneroverleg/); // the kind only
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'notifications-360');

      await list.getByRole('link', { name: 'Bekijken: Je bent uitgenodigd voor een overleg' }).first().click();
      await page.getByRole('heading', { name: /overleg .* — /i, level: 1 }).waitFor();
      assert.match(page.url(), /\/overleg\/\d+$/);
      await page.getByRole('link', { name: `Meldingen, ${unread - 1} ongelezen` }).click();
      await page.getByText(`${unread - 1} ongelezen melding`, { exact: false }).first().waitFor();

      const choice = page.getByRole('group', { name: 'Wanneer wil je een e-mail?' });
      assert.ok(await choice.getByLabel('Direct, bij elke melding').isChecked());
      await choice.getByLabel('Eén keer per dag een overzicht').check();
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('Je keuze is opgeslagen.').waitFor();
      await page.getByRole('button', { name: 'Alles gelezen' }).click();
      await page.getByText('Alles is gelezen.').waitFor();
      await page.getByRole('link', { name: 'Meldingen', exact: true }).waitFor();

      await page.reload();
      await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
      assert.ok(await page.getByRole('group', { name: 'Wanneer wil je een e-mail?' }).getByLabel('Eén keer per dag een overzicht').isChecked());
      await page.getByText('Alles is gelezen.').waitFor();

      await page.getByRole('button', { name: 'Agendalink maken' }).click();
      const link = await page.getByLabel('Je agendalink').inputValue();
      assert.match(link, /\/api\/calendar\/[A-Za-z0-9_-]{20,}$/);
      await page.getByText(/^Je hebt een agendalink sinds /).waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'calendar-link-360');
      // What a calendar client gets, without the session: the nurse's meetings, no pupil.
      const feed = await fetch(`${server.url}${new URL(link).pathname}`);
      assert.equal(feed.status, 200);
      const ics = await feed.text();
      assert.match(ics, /METHOD:PUBLISH/);
      assert.match(ics, /SUMMARY:Zorgoverleg Het Baken/);
    },
  },
];
