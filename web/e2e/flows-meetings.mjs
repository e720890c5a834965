// The care team's meetings (issue 14): the care coordinator opens the week's case
// consultation from the menu and sees its proposed agenda, every item named with who must
// be there and why; the family worker, a partner from outside the school, sees on a phone
// only the items they are invited for, one of them without the pupil's name because the
// parents withdrew their consent. The care coordinator puts a case forward with a question,
// which the agenda item then shows. Then the chair puts the last item first with a time slot
// and saves the agenda.
import assert from 'node:assert/strict';
import { CARE_COORDINATOR, FAMILY_WORKER, login, noHorizontalScroll } from './helpers.mjs';

const openWeekly = async (page) => {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleg', exact: true }).click();
  await page.getByRole('heading', { name: 'Overleg', level: 1 }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Zorgoverleg Het Baken' }).first();
  await row.getByRole('link').click();
  await page.getByRole('heading', { name: /^Zorgoverleg Het Baken — / , level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Agenda', level: 2 }).waitFor();
};

export const flows = [
  {
    name: "meetings: the chair's agenda of the week's case consultation, every item named with who must be there",
    async run({ page, server, checks }) {
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await openWeekly(page);
      await checks.screen(page, 'meeting-agenda');
      const items = page.getByRole('article');
      const count = await items.count();
      assert.ok(count >= 3, `agenda items: ${count}`);
      assert.equal(await page.getByRole('article', { name: /leerling zonder naam/ }).count(), 0);
      // The urgent signal first; the attendance case calls the attendance officer.
      assert.match(await items.first().textContent(), /dringend/);
      const attendance = items.filter({ hasText: 'Verzuim' }).filter({ hasText: 'Naar het dossier' }).first();
      assert.match(await attendance.textContent(), /Hans Leerplicht \(leerplichtambtenaar, Gemeente Lindeveld\)/);
      await attendance.getByRole('link', { name: 'Naar het dossier' }).click();
      await page.locator('.samen-case').waitFor();
    },
  },
  {
    name: 'meetings: the care coordinator puts a case forward with a question, and the agenda item shows it',
    async run({ page, server, checks }) {
      const question = 'Is een gesprek met de jeugdverpleegkundige eerst nodig?';
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await openWeekly(page);
      const attendance = page.getByRole('article').filter({ hasText: 'Verzuim' }).filter({ hasText: 'Naar het dossier' }).first();
      const title = await attendance.getByRole('heading').textContent();
      await attendance.getByRole('link', { name: 'Naar het dossier' }).click();
      await page.getByRole('button', { name: 'Inbrengen voor het zorgoverleg' }).click();
      const form = page.getByRole('form', { name: 'Inbrengen voor het zorgoverleg' });
      await form.getByLabel('Wat moet het overleg beantwoorden?').fill(question);
      await checks.screen(page, 'case-put-forward');
      await form.getByRole('button', { name: 'Inbrengen' }).click();
      await page.getByText('Ingebracht: de casus staat op de agenda van het volgende zorgoverleg.').waitFor();
      await page.getByText(`Vraag aan het overleg: ${question}`).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Inbrengen voor het zorgoverleg' }).count(), 0);
      await openWeekly(page);
      const item = page.getByRole('article', { name: title });
      assert.match(await item.textContent(), /ingebracht/);
      assert.match(await item.textContent(), new RegExp(`Vraag aan het overleg\\s*${question.replace('?', '\\?')}`));
    },
  },
  {
    name: 'meetings: a partner on a 360 px phone sees only their own items, one anonymous',
    viewport: { width: 360, height: 780 },
    async run({ page, server, checks }) {
      await login(page, server, FAMILY_WORKER);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await openWeekly(page);
      await page.getByText('Je ziet alleen de punten waarvoor je bent uitgenodigd.').waitFor();
      const anonymous = page.getByRole('article', { name: /leerling zonder naam/ });
      assert.ok((await anonymous.count()) >= 1);
      assert.match(await anonymous.first().textContent(), /geen grondslag/);
      assert.equal(await anonymous.first().getByRole('link').count(), 0);
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'meeting-partner-360');
    },
  },
  {
    name: 'meetings: the chair moves an item to the top, gives it a time slot and saves the agenda',
    async run({ page, server, checks }) {
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await openWeekly(page);
      const count = await page.getByRole('article').count();
      const lastTitle = (await page.getByRole('article').last().getByRole('heading').textContent()).replace(/^Punt \d+: /, '');
      await page.getByRole('button', { name: 'Agenda aanpassen' }).click();
      await page.getByRole('button', { name: `Punt ${count} omhoog` }).waitFor();
      for (let n = count; n > 1; n--) await page.getByRole('button', { name: `Punt ${n} omhoog` }).click();
      await page.getByLabel('Tijdslot punt 1').fill('8:40');
      await checks.screen(page, 'meeting-agenda-edit');
      await page.getByRole('button', { name: 'Agenda opslaan' }).click();
      await page.getByRole('button', { name: 'Agenda aanpassen' }).waitFor();
      // The server's answer, not the editor's state: the item leads the agenda with its slot.
      const first = page.getByRole('article').first();
      assert.equal(await first.getByRole('heading').textContent(), `Punt 1: ${lastTitle}`);
      assert.match(await first.textContent(), /Tijdslot\s*08:40/);
      await page.reload();
      await page.getByRole('heading', { name: 'Agenda', level: 2 }).waitFor();
      assert.match(await page.getByRole('article').first().textContent(), /08:40/);
    },
  },
];
