// The browser flows of the case page's editing (features/case/): the care coordinator seats
// and unseats someone, plans goals and actions, changes the level, writes an entry and its
// correction (linked both ways), filters by author, meets a version conflict, and closes a
// case of their own; a youth nurse at the table reads a case without any edit control.
// Rows are found by texts these flows write themselves (other flows share the server).
import assert from 'node:assert/strict';
import { CARE_COORDINATOR, YOUTH_NURSE, description, login, noHorizontalScroll } from './helpers.mjs';

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1000)}`;

/** Yesterday in Dutch notation: a due date that has passed. */
function yesterdayDutch() {
  const d = new Date(Date.now() - 24 * 3600 * 1000);
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d).split('-');
  return `${day}-${m}-${y}`;
}

/** Logged in (the shell is there), the id of the first open case with this category. */
async function caseWith(page, server, category) {
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  const res = await page.request.get(`${server.url}/api/cases?status=open`);
  assert.equal(res.status(), 200);
  const found = (await res.json()).cases.find((c) => c.categories.includes(category));
  assert.ok(found, `an open demo case with category ${category}`);
  return found.id;
}

async function openCase(page, server, id) {
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor(); // the login has gone through
  await page.goto(`${server.url}/dossiers/${id}`);
  await page.getByRole('heading', { name: /^Dossier van /, level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Chronologie', exact: true }).waitFor();
  await page.locator('.samen-chronology, [role="status"]').first().waitFor();
}

async function csrf(page, server) {
  return (await (await page.request.get(`${server.url}/api/me`)).json()).csrf_token;
}

/** Whether an element is within the viewport's height. */
async function inView(page, locator) {
  const box = await locator.boundingBox();
  const height = page.viewportSize().height;
  return box !== null && box.y >= 0 && box.y < height;
}

export const flows = [
  {
    name: 'case workspace: state and index beside the parts, the entry form beside the chronology (1600 px); one column on a phone, the part kept in the address',
    viewport: { width: 1600, height: 900 },
    async run({ page, server, checks }) {
      await login(page, server, CARE_COORDINATOR);
      const id = await caseWith(page, server, 'attendance');
      await openCase(page, server, id);
      const summary = page.getByRole('region', { name: 'Dossier in het kort' });
      const index = page.getByRole('navigation', { name: 'Op deze pagina' });
      const form = page.getByRole('region', { name: 'Nieuw item in de chronologie' });
      const chronology = page.getByRole('region', { name: 'Chronologie', exact: true });
      const [f, c, i] = [await form.boundingBox(), await chronology.boundingBox(), await index.boundingBox()];
      assert.ok(f.x + f.width <= c.x, 'the entry form stands left of the chronology');
      assert.ok(i.x + i.width <= f.x, 'the index stands beside the parts');
      // One step to a part: it comes into view, its heading has the focus, the address keeps it.
      await index.getByRole('link', { name: 'Chronologie', exact: true }).click();
      assert.ok(page.url().endsWith('#case-chronology'));
      assert.ok(await page.evaluate(() => document.activeElement?.id === 'case-chronology'));
      assert.ok(await inView(page, summary), "the case's state stays in view");
      await checks.screen(page, 'case-workspace-wide');

      // On a phone, after a reload of the same address: the same part, one column in order.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.reload();
      await page.getByRole('heading', { name: /^Dossier van /, level: 1 }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'case-chronology');
      assert.ok(await inView(page, summary), "the case's state stays in view on a phone too");
      assert.ok(await noHorizontalScroll(page));
      const top = async (locator) => (await locator.boundingBox()).y;
      const order = [
        await top(index),
        await top(page.getByRole('heading', { name: 'Overzicht', exact: true })),
        await top(page.getByRole('heading', { name: 'Acties', exact: true })),
        await top(form),
        await top(chronology),
      ];
      assert.deepEqual(order, [...order].sort((a, b) => a - b), 'index, overview, plan, entry form, chronology');
      await checks.screen(page, 'case-workspace-360');
    },
  },
  {
    name: 'case-edit: care coordinator seats and unseats, plans a goal and an action, changes the level',
    async run({ page, server, checks, state }) {
      await login(page, server, CARE_COORDINATOR);
      const id = await caseWith(page, server, 'safety'); // the Meldcode story: Ellen leads it
      state.caseEditId = id;
      await openCase(page, server, id);
      await checks.screen(page, 'case-edit');

      // Team: the reason is required, and its error stands beside the field.
      const team = page.getByRole('region', { name: 'Wie zit er aan tafel' });
      const add = team.getByRole('form', { name: 'Iemand aan tafel zetten' });
      await add.getByLabel('Organisatie').selectOption({ label: 'GGD Lindeveld Jeugdgezondheidszorg' });
      await add.getByLabel('Wie', { exact: true }).selectOption({ label: 'Sevda Jeugdverpleegkundige (jeugdverpleegkundige / jeugdarts)' });
      await add.getByRole('button', { name: 'Aan tafel zetten' }).click();
      const reason = add.getByLabel('Waarom aan tafel');
      assert.equal(await reason.getAttribute('aria-invalid'), 'true');
      assert.match(await description(reason), /Schrijf waarom deze persoon aan tafel komt/);
      const why = `E2E: slaap en gezondheid, jeugdverpleegkundige gevraagd (${stamp()})`;
      await reason.fill(why);
      await add.getByRole('button', { name: 'Aan tafel zetten' }).click();
      await team.getByText('Sevda Jeugdverpleegkundige zit nu aan tafel.').waitFor();
      const seat = team.getByRole('table', { name: 'Het casusteam' }).getByRole('row').filter({ hasText: why });
      await seat.getByText('GGD Lindeveld Jeugdgezondheidszorg').waitFor();
      await checks.screen(page, 'case-team-added');

      // Ending the seat asks first; the seat then stands apart, with the day it ended.
      await seat.getByRole('button', { name: 'Sevda Jeugdverpleegkundige van tafel halen' }).click();
      const confirm = team.getByRole('group', { name: /Weet je zeker dat je Sevda Jeugdverpleegkundige van tafel haalt/ });
      await confirm.waitFor();
      assert.ok(await confirm.evaluate((el) => el === document.activeElement));
      await checks.screen(page, 'case-team-remove-confirm');
      await confirm.getByRole('button', { name: 'Ja, van tafel halen' }).click();
      await team.getByText('Sevda Jeugdverpleegkundige zit niet meer aan tafel.').waitFor();
      const ended = team.getByRole('table', { name: 'Eerder aan tafel bij dit dossier' }).getByRole('row').filter({ hasText: why });
      assert.match(await ended.textContent(), /\d{2}-\d{2}-\d{4}.*\d{2}-\d{2}-\d{4}/); // since, until
      assert.equal(await team.getByRole('table', { name: 'Het casusteam' }).getByRole('row').filter({ hasText: why }).count(), 0);

      // A goal.
      const goals = page.getByRole('region', { name: 'Doelen' });
      const goal = `E2E-doel: veilig thuis, rust in de klas (${stamp()})`;
      await goals.getByLabel('Doel', { exact: true }).fill(goal);
      await goals.getByRole('button', { name: 'Doel toevoegen' }).click();
      await goals.getByText('Het doel is toegevoegd.').waitFor();
      await goals.getByRole('article', { name: goal }).getByText('Loopt').waitFor();
      state.caseEditGoal = goal;

      // An action with an owner at the table and a due date that has passed: marked in words.
      const actions = page.getByRole('region', { name: 'Acties' });
      await actions.getByRole('button', { name: 'Actie toevoegen' }).click();
      const form = actions.getByRole('form', { name: 'Actie toevoegen' });
      const action = `E2E-actie: gesprek met moeder plannen (${stamp()})`;
      await form.getByLabel('Actie', { exact: true }).fill(action);
      await form.getByLabel('Wie doet het').selectOption({ label: 'Tom Gezinswerker (gezinswerker, Buurtteam Lindeveld-Oost)' });
      await form.getByLabel('Uiterlijk').fill('31-02-2026');
      await form.getByRole('button', { name: 'Actie toevoegen' }).click();
      const dueField = form.getByLabel('Uiterlijk');
      assert.equal(await dueField.getAttribute('aria-invalid'), 'true');
      assert.match(await description(dueField), /Vul een bestaande datum in/);
      const due = yesterdayDutch();
      await dueField.fill(due);
      await form.getByRole('button', { name: 'Actie toevoegen' }).click();
      await actions.getByText('De actie is toegevoegd.').waitFor();
      const card = actions.getByRole('article', { name: action });
      await card.getByText('Te laat').waitFor();
      await card.getByText(`${due} — verlopen`).waitFor();
      await card.getByText('Tom Gezinswerker').waitFor();
      await checks.screen(page, 'case-actions');
      await card.getByRole('button', { name: 'Afgerond' }).click();
      await card.getByText(/^Afgerond op \d{2}-\d{2}-\d{4}$/).waitFor();
      assert.equal(await card.getByText('Te laat').count(), 0);

      // The level: a reason is required; the history then shows who, when and why.
      const level = page.getByRole('region', { name: 'Ondersteuningsniveau' });
      await level.getByRole('button', { name: 'Niveau wijzigen' }).click();
      await level.getByLabel('Nieuw niveau').selectOption({ label: '3 — jeugdhulp in de school' });
      await level.getByRole('button', { name: 'Niveau wijzigen' }).click();
      const levelWhy = level.getByLabel('Waarom');
      assert.equal(await levelWhy.getAttribute('aria-invalid'), 'true');
      assert.match(await description(levelWhy), /Schrijf waarom het niveau verandert/);
      const levelReason = `E2E: veiligheid thuis verbeterd, jeugdhulp in school volstaat (${stamp()})`;
      await levelWhy.fill(levelReason);
      await level.getByRole('button', { name: 'Niveau wijzigen' }).click();
      await level.getByText('Het niveau is gewijzigd.').waitFor();
      const change = level.getByRole('row').filter({ hasText: levelReason });
      assert.match(await change.textContent(), /4 → 3 \(afgeschaald\)/);
      await change.getByText('Ellen Zorgcoördinator').waitFor();
      await page.getByRole('region', { name: 'Overzicht' }).getByText('3 — jeugdhulp in de school').waitFor();
      // The level change is written into the chronology too.
      await page.getByRole('article').filter({ hasText: levelReason }).waitFor();
      await checks.screen(page, 'case-level');
    },
  },
  {
    name: 'case-edit: an entry and its correction, linked both ways; the author filter',
    async run({ page, server, checks, state }) {
      await login(page, server, CARE_COORDINATOR);
      const id = state.caseEditId ?? (await caseWith(page, server, 'safety'));
      await openCase(page, server, id);

      const form = page.getByRole('region', { name: 'Nieuw item in de chronologie' });
      const original = `E2E-gesprek: moeder belt op maandag (${stamp()})`;
      await form.getByLabel('Tekst').fill(original);
      await form.getByRole('button', { name: 'Bekijk wie het ziet' }).click();
      await form.getByRole('table', { name: 'Zal het zien' }).waitFor();
      await form.getByRole('button', { name: 'Item vastleggen' }).click();
      await form.getByText('Het item is vastgelegd.').waitFor();
      const first = page.getByRole('article').filter({ hasText: original });
      await first.waitFor();

      // "Corrigeren" opens the form as a correction, prefilled with the entry; focus goes there.
      await first.getByRole('button', { name: 'Corrigeren' }).click();
      await form.getByText(/Je schrijft een correctie van: Observatie van Ellen Zorgcoördinator/).waitFor();
      assert.equal(await form.getByLabel('Tekst').inputValue(), original);
      assert.ok(await page.evaluate(() => document.activeElement?.id === 'entry-form'));
      const corrected = original.replace('maandag', 'dinsdag').replace('E2E-gesprek', 'E2E-correctie');
      await form.getByLabel('Tekst').fill(corrected);
      await form.getByRole('button', { name: 'Bekijk wie het ziet' }).click();
      await form.getByRole('table', { name: 'Zal het zien' }).waitFor();
      await checks.screen(page, 'case-correction-form');
      await form.getByRole('button', { name: 'Correctie vastleggen' }).click();
      await form.getByText('Het item is vastgelegd.').waitFor();

      // Both stand; each links to the other, and the links move focus to the linked entry.
      const correction = page.getByRole('article').filter({ hasText: corrected });
      await correction.getByRole('heading', { name: 'Observatie — Correctie' }).waitFor();
      const correctionId = await correction.getAttribute('id');
      await page.waitForFunction((idOf) => document.activeElement?.id === idOf, correctionId);
      const firstAgain = page.getByRole('article').filter({ hasText: original });
      await firstAgain.getByText('Gecorrigeerd', { exact: true }).waitFor();
      const back = correction.getByRole('link', { name: /^Correctie van: Observatie van Ellen Zorgcoördinator/ });
      await back.click();
      const firstId = await firstAgain.getAttribute('id');
      await page.waitForFunction((idOf) => document.activeElement?.id === idOf, firstId);
      await firstAgain.getByRole('link', { name: /^Gecorrigeerd door: Observatie van Ellen Zorgcoördinator/ }).click();
      await page.waitForFunction((idOf) => document.activeElement?.id === idOf, correctionId);
      await checks.screen(page, 'case-correction');

      // The author filter: only the care coordinator's entries, among them both of these.
      const filter = page.getByRole('form', { name: 'Chronologie filteren' });
      await filter.getByLabel('Filter: schrijver').selectOption({ label: 'Ellen Zorgcoördinator, zorgcoördinator' });
      await filter.getByRole('button', { name: 'Filteren' }).click();
      await page.getByRole('article').filter({ hasText: 'Eerste gesprek met moeder' }).waitFor({ state: 'detached' });
      await page.getByRole('article').filter({ hasText: corrected }).waitFor();
      const bylines = await page.locator('.samen-chronology article > p:nth-of-type(1)').allTextContents();
      assert.ok(bylines.length >= 2);
      for (const line of bylines) assert.match(line, /^Ellen Zorgcoördinator, zorgcoördinator/);
      await checks.screen(page, 'case-author-filter');
    },
  },
  {
    name: 'case-edit: a stale goal edit meets the version conflict and loads again',
    async run({ page, server, checks, state }) {
      await login(page, server, CARE_COORDINATOR);
      const id = state.caseEditId ?? (await caseWith(page, server, 'safety'));
      await openCase(page, server, id);
      const goals = page.getByRole('region', { name: 'Doelen' });
      let goalText = state.caseEditGoal;
      if (!goalText) {
        goalText = `E2E-doel: conflict (${stamp()})`;
        await goals.getByLabel('Doel', { exact: true }).fill(goalText);
        await goals.getByRole('button', { name: 'Doel toevoegen' }).click();
      }
      const card = goals.getByRole('article', { name: goalText });
      await card.getByRole('button', { name: 'Wijzigen' }).click();

      // Meanwhile someone else changes the same goal, with the version the page read.
      const kase = await (await page.request.get(`${server.url}/api/cases/${id}`)).json();
      const stored = kase.goals.find((g) => g.text === goalText);
      const theirs = `${goalText} — aangepast door een collega`;
      const res = await page.request.put(`${server.url}/api/goals/${stored.id}`, {
        headers: { 'X-CSRF-Token': await csrf(page, server) },
        data: { text: theirs, achieved: false, version: stored.version },
      });
      assert.equal(res.status(), 200);

      const editor = card.getByRole('form', { name: 'Doel wijzigen' });
      await editor.getByLabel('Doel', { exact: true }).fill(`${goalText} — mijn versie`);
      await editor.getByRole('button', { name: 'Opslaan' }).click();
      await editor.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit intussen gewijzigd' }).waitFor();
      await checks.screen(page, 'case-conflict');
      await editor.getByRole('button', { name: 'Opnieuw laden' }).click();
      const fresh = goals.getByRole('article', { name: theirs });
      await fresh.getByText(/^Opnieuw geladen: je ziet nu de nieuwste gegevens/).waitFor();
      assert.equal(await fresh.getByLabel('Doel', { exact: true }).inputValue(), theirs);
      // Nothing was overwritten: the server has the colleague's text.
      const after = await (await page.request.get(`${server.url}/api/cases/${id}`)).json();
      assert.equal(after.goals.find((g) => g.id === stored.id).text, theirs);
      // Saving now, on the new version, works; "achieved" marks it.
      await fresh.getByLabel('Dit doel is behaald').check();
      await fresh.getByRole('button', { name: 'Opslaan' }).click();
      await fresh.getByText(/^Behaald op \d{2}-\d{2}-\d{4}$/).waitFor();
    },
  },
  {
    name: 'case-edit: closing a case asks for the outcome and a confirmation',
    viewport: { width: 360, height: 740 },
    async run({ page, server, checks }) {
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      // A case of its own, for a pupil of the school without an open case.
      const token = await csrf(page, server);
      const pupils = (await (await page.request.get(`${server.url}/api/pupils?class=6A&limit=50`)).json()).pupils;
      let caseId;
      for (const pupil of pupils.reverse()) {
        const open = (await (await page.request.get(`${server.url}/api/cases?status=open&pupil_id=${pupil.id}`)).json()).cases;
        if (open.length) continue;
        const res = await page.request.post(`${server.url}/api/cases`, {
          headers: { 'X-CSRF-Token': token },
          data: { pupil_id: pupil.id, categories: ['learning'], level: 1 },
        });
        if (res.status() !== 201) continue;
        caseId = (await res.json()).id;
        break;
      }
      assert.ok(caseId, 'a pupil of class 6A without an open case');
      await openCase(page, server, caseId);
      const header = page.getByRole('region', { name: 'Overzicht' });
      await header.getByRole('button', { name: 'Dossier sluiten' }).click();
      const form = header.getByRole('form', { name: 'Dossier sluiten' });
      await form.getByRole('button', { name: 'Verder naar sluiten' }).click();
      await form.getByText('Kies de uitkomst.').waitFor();
      await form.getByLabel('anders').check();
      await form.getByRole('button', { name: 'Verder naar sluiten' }).click();
      const note = form.getByLabel('Toelichting');
      assert.equal(await note.getAttribute('aria-invalid'), 'true');
      assert.match(await description(note), /Licht de uitkomst "anders" toe/);
      await note.fill('E2E: de leerling krijgt bijles buiten de school; geen zorg meer nodig.');
      await form.getByRole('button', { name: 'Verder naar sluiten' }).click();
      const confirm = form.getByRole('group', { name: /Weet je zeker dat je dit dossier sluit/ });
      await confirm.waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'case-close-confirm-360');
      await confirm.getByRole('button', { name: 'Ja, dossier sluiten' }).click();
      await header.getByText('gesloten', { exact: true }).waitFor();
      await header.getByText('E2E: de leerling krijgt bijles buiten de school; geen zorg meer nodig.').waitFor();
      // A closed case no longer changes: no controls. Its chronology still takes an entry
      // (how it ended, what came after: docs/decisions.md), as the server's may says.
      for (const name of ['Dossier sluiten', 'Niveau wijzigen', 'Doel toevoegen', 'Actie toevoegen', 'Aan tafel zetten']) {
        assert.equal(await page.getByRole('button', { name }).count(), 0, name);
      }
      assert.equal(await page.getByRole('region', { name: 'Nieuw item in de chronologie' }).count(), 1);
      await page.getByRole('article').filter({ hasText: 'Afsluiting' }).first().waitFor();
      await checks.screen(page, 'case-closed-360');
    },
  },
  {
    name: 'case-edit: a youth nurse at the table reads the case without edit controls',
    async run({ page, server, checks }) {
      await login(page, server, YOUTH_NURSE);
      const id = await caseWith(page, server, 'attendance'); // the attendance story: she sits at the table
      await openCase(page, server, id);
      await page.getByRole('region', { name: 'Wie zit er aan tafel' }).getByRole('table').waitFor();
      for (const name of [
        'Regievoerder, onderwerpen of evaluatie wijzigen',
        'Dossier sluiten',
        'Aan tafel zetten',
        'Doel toevoegen',
        'Actie toevoegen',
        'Niveau wijzigen',
        'Afgerond',
        'Behaald',
        'Wijzigen',
      ]) {
        assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, name);
      }
      assert.equal(await page.getByRole('button', { name: /van tafel halen$/ }).count(), 0);
      // The reasons on the record are for the lead and the care coordinator; she reads them in
      // the chronology, as far as the rules of sharing allow.
      await page.getByRole('table', { name: 'Het casusteam' }).getByText('staat in de chronologie').first().waitFor();
      // Her own medical note (discipline) and the attendance talk (consent) are there; the
      // mentor's school-only observations are not.
      const entries = page.locator('.samen-chronology').getByRole('article');
      await entries.filter({ hasText: 'Consult: slaapproblemen' }).waitFor();
      await entries.filter({ hasText: 'Verzuimgesprek met ouders en leerling' }).waitFor();
      assert.equal(await entries.filter({ hasText: 'Afwezig op maandag- en dinsdagochtend' }).count(), 0);
      for (const badge of await page.locator('.samen-chronology').getByText(/^Voor: /).allTextContents()) {
        assert.notEqual(badge, 'Voor: school');
      }
      await checks.screen(page, 'case-read-only');
    },
  },
];
