// Minutes during a meeting (issue 14): the care coordinator opens this morning's care
// advisory team, whose first item they noted already, adds an action to it from the
// keyboard, notes the second item, and closes the minutes; each item's notes are then an
// entry in its case's chronology, the action in its plan.
import assert from 'node:assert/strict';
import { CARE_COORDINATOR, login } from './helpers.mjs';

export const flows = [
  {
    name: 'minutes: the chair notes both items of the care advisory team, adds an action and closes the minutes into the cases',
    async run({ page, server, checks }) {
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleg', exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'Zorgadviesteam Het Baken' }).first().getByRole('link').click();
      await page.getByRole('heading', { name: /^Zorgadviesteam Het Baken — /, level: 1 }).waitFor();
      const first = page.getByRole('article').first();
      // What the chair noted during the item is there, for the chair.
      assert.match(await first.textContent(), /Aanwezig: .*Hans Leerplicht/);
      assert.match(await first.textContent(), /Het verzuim is na het gesprek met moeder afgenomen/);

      await first.getByRole('button', { name: 'Verslag punt 1 bijwerken' }).click();
      const form = page.getByRole('form', { name: 'Verslag van punt 1' });
      await form.getByRole('button', { name: 'Actie toevoegen' }).click();
      await form.getByLabel('Actie 1: wat').fill('Over vier weken het verzuim opnieuw bekijken');
      await form.getByLabel('Actie 1: wie').selectOption({ label: 'Hans Leerplicht (leerplichtambtenaar)' });
      await form.getByLabel('Actie 1: vóór').fill('31-12-2026');
      await checks.screen(page, 'meeting-minutes');
      await form.getByLabel('Actie 1: vóór').press('Control+Enter');
      await first.getByText('1 actie in het plan gezet.', { exact: false }).waitFor();

      const second = page.getByRole('article').nth(1);
      await second.getByRole('button', { name: 'Verslag punt 2' }).click();
      const secondForm = page.getByRole('form', { name: 'Verslag van punt 2' });
      await secondForm.getByRole('checkbox').first().check();
      await secondForm.getByLabel('Samenvatting van het gesprek').fill('Besproken hoe school en thuis de afspraken volhouden.');
      await secondForm.getByRole('button', { name: 'Verslag opslaan' }).click();
      await second.getByRole('button', { name: 'Verslag punt 2 bijwerken' }).waitFor();

      await page.getByRole('button', { name: 'Verslag sluiten' }).click();
      await page.getByRole('button', { name: 'Ja, verslag sluiten' }).click();
      await page.getByText('Verslag gesloten').waitFor();
      assert.equal(await page.getByRole('button', { name: /Verslag punt/ }).count(), 0);
      await checks.screen(page, 'meeting-minutes-closed');
      await first.getByRole('link', { name: 'Het verslag staat in het dossier' }).click();
      await page.locator('.samen-case').waitFor();
      await page.getByText(/Besproken in Zorgadviesteam Het Baken op/).first().waitFor();
      await page.getByText('Het verzuim is na het gesprek met moeder afgenomen', { exact: false }).first().waitFor();
      await page.getByText('Over vier weken het verzuim opnieuw bekijken', { exact: false }).first().waitFor();
    },
  },
];
