// The browser flows of the administrator, the pupil import, the family invitations and the
// privacy officer, against the real server. Everything they look for they made themselves
// (names and numbers with this run's stamp), so other flows' data does not matter.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, CARE_COORDINATOR, FAMILY_WORKER, PRIVACY_OFFICER, description, login, noHorizontalScroll } from './helpers.mjs';
import { PASSWORD } from './server.mjs';

const stamp = String(Date.now()).slice(-7);
const nav = (page, name) => page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();

/** The administrator, acting for Het Baken College (the school of the import and the invitations). */
async function adminAtSchool(page, server) {
  await login(page, server, ADMIN);
  await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
  await page.getByLabel('Werkt als').selectOption({ label: 'beheerder — Het Baken College' });
  await page.getByRole('button', { name: 'Wisselen' }).click();
  await page.getByText('Je werkt nu als beheerder bij Het Baken College.').waitFor();
}

/** Logs in through the API in this browser context (its cookie), for what a flow needs set up. */
async function apiLogin(page, server, email) {
  const res = await page.request.post(`${server.url}/api/session`, { data: { email, password: PASSWORD } });
  assert.equal(res.status(), 200, `login of ${email}`);
  const me = await (await page.request.get(`${server.url}/api/me`)).json();
  return { me, csrf: me.csrf_token };
}

async function apiLogout(page, server, { csrf }) {
  const res = await page.request.delete(`${server.url}/api/session`, { headers: { 'X-CSRF-Token': csrf } });
  assert.equal(res.status(), 204);
}

function csvFile(dir, name, rows) {
  const header = 'leerlingnummer;roepnaam;achternaam;geboortedatum;klas;ouder1_naam;ouder1_relatie;ouder1_email;ouder1_gezag;opmerking';
  const path = join(dir, name);
  writeFileSync(path, [header, ...rows].join('\n') + '\n');
  return path;
}

export const flows = [
  {
    name: 'admin: organisations (create, a stale version refused, deactivate), users (create with a role, add and end a role)',
    async run({ page, server, checks, state }) {
      await login(page, server, ADMIN);
      await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen', exact: true }).count(), 0);

      await nav(page, 'Organisaties');
      await page.getByRole('heading', { name: 'Organisaties', level: 1 }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Het Baken College' }).waitFor();
      const orgName = `E2E Buurtteam ${stamp}`;
      const orgForm = page.getByRole('form', { name: 'Nieuwe organisatie' });
      await orgForm.getByRole('button', { name: 'Organisatie toevoegen' }).click();
      assert.match(await description(orgForm.getByLabel('Naam')), /Vul de naam in/);
      await orgForm.getByLabel('Naam').fill(orgName);
      await orgForm.getByLabel('Soort').selectOption({ label: 'buurtteam' });
      await orgForm.getByRole('button', { name: 'Organisatie toevoegen' }).click();
      await page.getByText(`${orgName} is toegevoegd.`).waitFor();
      const orgRow = page.getByRole('row').filter({ hasText: orgName });
      await orgRow.getByRole('cell', { name: 'actief', exact: true }).waitFor();
      await checks.screen(page, 'admin-organisations');

      // Someone else deactivates it meanwhile: the screen's version is stale, nothing is overwritten.
      const { csrf_token } = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      const org = (await page.evaluate(() => fetch('/api/organisations').then((r) => r.json()))).organisations.find(
        (o) => o.name === orgName,
      );
      const patched = await page.evaluate(
        ([id, token, version]) =>
          fetch(`/api/organisations/${id}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
            body: JSON.stringify({ active: false, version }),
          }).then((r) => r.status),
        [org.id, csrf_token, org.version],
      );
      assert.equal(patched, 200);
      await orgRow.getByRole('button', { name: `${orgName} deactiveren` }).click();
      await orgRow.getByRole('alert').filter({ hasText: 'Er is niets overschreven' }).waitFor();
      await checks.accessible(page, 'admin-organisation-conflict');
      await orgRow.getByRole('button', { name: 'Opnieuw laden' }).click();
      await orgRow.getByRole('cell', { name: 'niet actief' }).waitFor();
      await orgRow.getByRole('button', { name: `${orgName} activeren` }).click();
      await page.getByText(`${orgName} is nu actief.`).waitFor();

      // A new user with a first role.
      await nav(page, 'Gebruikers');
      await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
      const users = (await page.evaluate(() => fetch('/api/users').then((r) => r.json()))).users;
      state.userIds = Object.fromEntries(users.map((u) => [u.email, u.id]));
      const name = `Bram Testgebruiker ${stamp}`;
      const email = `bram.${stamp}@hetbaken.example`;
      const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
      await form.getByLabel('Naam').fill(name);
      await form.getByLabel('E-mailadres').fill(email);
      await form.getByLabel('Eerste wachtwoord').fill('kort');
      await form.getByLabel('Organisatie').selectOption({ label: 'Het Baken College' });
      await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      assert.match(await description(form.getByLabel('Eerste wachtwoord')), /minstens 12 tekens/);
      assert.match(await description(form.getByLabel('Rol')), /Kies ook de rol/);
      await checks.accessible(page, 'admin-user-errors');
      await form.getByLabel('Eerste wachtwoord').fill('groene lantaarn boven de rivier');
      await form.getByLabel('Rol').selectOption({ label: 'docent' });
      await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
      await page.getByText(`${name} is aangemaakt.`).waitFor();
      await page.getByLabel('Zoek op naam of e-mailadres').fill(`bram.${stamp}`);
      await page.getByText('1 gebruiker.').waitFor();
      await page.getByRole('row').filter({ hasText: email }).getByText('docent — Het Baken College').waitFor();
      await checks.screen(page, 'admin-users');

      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      const add = page.getByRole('form', { name: 'Rol toevoegen' });
      await add.getByLabel('Organisatie').selectOption({ label: 'Het Baken College' });
      await add.getByLabel('Rol').selectOption({ label: 'mentor' });
      await add.getByRole('button', { name: 'Rol toevoegen' }).click();
      await page.getByText('De rol mentor bij Het Baken College is toegevoegd.').waitFor();
      await page.getByRole('button', { name: 'Rol docent bij Het Baken College beëindigen' }).click();
      await page.getByRole('button', { name: 'Ja, beëindigen' }).click();
      await page.getByText('De rol docent bij Het Baken College is beëindigd.').waitFor();
      const roles = page.getByRole('table', { name: `Rollen van ${name}` });
      await roles.getByRole('row').filter({ hasText: 'docent' }).getByRole('cell', { name: 'niet actief' }).waitFor();
      await roles.getByRole('row').filter({ hasText: 'mentor' }).getByRole('cell', { name: 'actief', exact: true }).waitFor();
      await checks.screen(page, 'admin-user');
      state.newMentor = { name, email };
      // The new user logs in with the password the administrator gave, as mentor.
      const res = await page.request.post(`${server.url}/api/session`, {
        data: { email, password: 'groene lantaarn boven de rivier' },
      });
      assert.equal(res.status(), 200);
      assert.equal((await res.json()).active_membership.role, 'mentor');
    },
  },
  {
    name: 'import: a file with an error changes nothing, the corrected file dry-runs with counts, then imports',
    async run({ page, server, checks, state }) {
      const dir = mkdtempSync(join(tmpdir(), 'samen-import-'));
      const first = `7${stamp}1`;
      const second = `7${stamp}2`;
      const family = `Importtest${stamp}`;
      state.imported = { number: first, name: `Lotte ${family}`, guardian: 'Marieke Import', guardianEmail: `marieke.${stamp}@ouders.example` };
      const row1 = `${first};Lotte;${family};09-03-2013;1Z;Marieke Import;moeder;marieke.${stamp}@ouders.example;ja;eerste`;
      const bad = csvFile(dir, 'fout.csv', [row1, `${second};Daan;${family};31-02-2013;1Z;Kees Import;vader;;ja;tweede`]);
      const good = csvFile(dir, 'goed.csv', [row1, `${second};Daan;${family};28-02-2013;1Z;Kees Import;vader;;ja;tweede`]);

      await adminAtSchool(page, server);
      await nav(page, 'Leerlingen importeren');
      await page.getByRole('heading', { name: 'Leerlingen importeren', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Voorbeeldbestand downloaden (CSV)' }).waitFor();
      const sample = await page.request.get(`${server.url}/voorbeeld-leerlingen.csv`);
      assert.match(await sample.text(), /^leerlingnummer;roepnaam/);
      await checks.screen(page, 'import');

      await page.getByLabel('CSV-bestand').setInputFiles(bad);
      await page.getByText('Gekozen: fout.csv').waitFor();
      await page.getByRole('button', { name: 'Bestand controleren (proefimport)' }).click();
      const problems = page.getByRole('table', { name: 'Problemen in het bestand' });
      const problem = problems.getByRole('row').nth(1);
      await problem.waitFor();
      assert.equal(await problems.getByRole('row').count(), 2);
      assert.equal((await problem.getByRole('cell').nth(0).textContent()).trim(), '3');
      assert.equal((await problem.getByRole('cell').nth(1).textContent()).trim(), 'geboortedatum');
      assert.equal(await page.getByRole('button', { name: 'Import bevestigen' }).count(), 0);
      await checks.screen(page, 'import-errors');
      // The real import of the bad file is refused as a whole too (the API is atomic).
      const { csrf_token } = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      const refused = await page.request.post(`${server.url}/api/pupils/import`, {
        headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': csrf_token },
        data: `leerlingnummer;roepnaam;achternaam;geboortedatum\n${first};Lotte;${family};09-03-2013\n${second};Daan;${family};31-02-2013\n`,
      });
      assert.equal(refused.status(), 400);

      const findNumber = async (number) => {
        await nav(page, 'Leerlingen');
        await page.getByRole('heading', { name: 'Leerlingen', level: 1 }).waitFor();
        await page.getByLabel('Naam of leerlingnummer').fill(number);
        await page.getByRole('button', { name: 'Zoeken' }).click();
        return page.getByRole('status').filter({ hasText: /gevonden/ }).textContent();
      };
      assert.match(await findNumber(first), /Geen leerlingen gevonden/);

      // The corrected file dropped on the field, as from a file manager.
      await nav(page, 'Leerlingen importeren');
      const dropped = await page.evaluateHandle(
        (text) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], 'goed.csv', { type: 'text/csv' }));
          return transfer;
        },
        readFileSync(good, 'utf8'),
      );
      await page.locator('.samen-dropzone').dispatchEvent('drop', { dataTransfer: dropped });
      await page.getByText('Gekozen: goed.csv').waitFor();
      await page.getByRole('button', { name: 'Bestand controleren (proefimport)' }).click();
      await page.getByRole('heading', { name: 'Resultaat van de proefimport' }).waitFor();
      const facts = page.locator('#import-result dl').first();
      assert.match(await facts.textContent(), /Nieuwe leerlingen\s*2\s*Bijgewerkte leerlingen\s*0\s*Ongewijzigd\s*0/);
      assert.match(await facts.textContent(), /Genegeerde kolommen\s*opmerking/);
      // The guardians the import adds, ends and changes, before anything is written.
      const guardianFacts = page.locator('#import-result dl').nth(1);
      assert.match(await guardianFacts.textContent(), /Nieuw\s*2\s*Beëindigd\s*0\s*Gewijzigd\s*0/);
      const guardianRows = page.getByRole('table', { name: 'Wijzigingen bij ouders en verzorgers' }).getByRole('row');
      assert.equal(await guardianRows.count(), 3);
      await guardianRows.filter({ hasText: 'Marieke Import' }).getByText('nieuw').waitFor();
      await checks.screen(page, 'import-dry-run');
      assert.match(await findNumber(first), /Geen leerlingen gevonden/); // a dry run writes nothing

      await nav(page, 'Leerlingen importeren');
      await page.getByLabel('CSV-bestand').setInputFiles(good);
      await page.getByRole('button', { name: 'Bestand controleren (proefimport)' }).click();
      await page.getByRole('button', { name: 'Import bevestigen' }).click();
      await page.getByRole('heading', { name: 'De import is uitgevoerd' }).waitFor();
      assert.match(await facts.textContent(), /Nieuwe leerlingen\s*2/);
      await checks.screen(page, 'import-done');
      assert.match(await findNumber(first), /1 leerling gevonden/);
      await page.getByRole('link', { name: state.imported.name }).waitFor();
    },
  },
  {
    name: 'admin: invites the guardian of the imported pupil, invites the pupil and revokes that invitation',
    async run({ page, server, checks, state }) {
      assert.ok(state.imported, 'needs the pupil of the import flow');
      await adminAtSchool(page, server);
      await page.getByLabel('Naam of leerlingnummer').fill(state.imported.number);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('link', { name: state.imported.name }).click();
      await page.getByRole('heading', { name: state.imported.name, level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Inloggen voor het gezin' }).click();
      await page.getByRole('heading', { name: `Inloggen voor het gezin van ${state.imported.name}`, level: 1 }).waitFor();
      await page.getByText('Er zijn nog geen uitnodigingen.').waitFor();

      const form = page.getByRole('form', { name: 'Uitnodigen' });
      await form.getByRole('button', { name: 'Uitnodiging maken' }).click();
      await form.getByText('Kies wie je uitnodigt.').waitFor();
      await form.getByLabel('Marieke Import (moeder)').check();
      assert.equal(await form.getByLabel('E-mailadres voor de inlog').inputValue(), state.imported.guardianEmail);
      await form.getByRole('button', { name: 'Uitnodiging maken' }).click();
      const link = page.getByLabel('Link voor de uitnodiging');
      await link.waitFor();
      state.invitationLink = await link.inputValue();
      assert.match(state.invitationLink, new RegExp(`^${server.url}/uitnodiging/.+`));
      await checks.screen(page, 'invitations');

      const pupilEmail = `lotte.${stamp}@hetbaken.example`;
      await form.getByLabel(`${state.imported.name} zelf (de leerling)`).check();
      await form.getByLabel('E-mailadres voor de inlog').fill(pupilEmail);
      await form.getByRole('button', { name: 'Uitnodiging maken' }).click();
      await page.getByText(`De uitnodiging voor ${pupilEmail} is gemaakt.`, { exact: false }).waitFor();
      state.revokedLink = await page.getByLabel('Link voor de uitnodiging').inputValue();
      assert.notEqual(state.revokedLink, state.invitationLink);

      const table = page.getByRole('table', { name: `Uitnodigingen voor het gezin van ${state.imported.name}` });
      await table.getByRole('row').filter({ hasText: pupilEmail }).getByRole('button', { name: `Uitnodiging voor ${pupilEmail} intrekken` }).click();
      await page.getByText(`De uitnodiging voor ${pupilEmail} is ingetrokken; de link werkt niet meer.`).waitFor();
      await table.getByRole('row').filter({ hasText: pupilEmail }).getByRole('cell', { name: 'ingetrokken' }).waitFor();
      await table.getByRole('row').filter({ hasText: state.imported.guardianEmail }).getByRole('cell', { name: 'open' }).waitFor();
      await checks.accessible(page, 'invitations-revoked');
    },
  },
  {
    name: 'invited guardian, not logged in: sets a password, sees the child; a revoked link says so',
    viewport: { width: 360, height: 740 },
    async run({ page, checks, state, server }) {
      assert.ok(state.invitationLink, 'needs the invitation of the previous flow');
      await page.goto(state.revokedLink);
      await page.getByRole('heading', { name: 'Uitnodiging voor Samen', level: 1 }).waitFor();
      await page.getByLabel('Nieuw wachtwoord').fill('zonnig paars kompas veertien');
      await page.getByLabel('Herhaal het wachtwoord').fill('zonnig paars kompas veertien');
      await page.getByRole('button', { name: 'Inlog aanmaken' }).click();
      await page.getByRole('alert').filter({ hasText: 'Deze uitnodiging is ingetrokken.' }).waitFor();

      await page.goto(state.invitationLink);
      await page.getByRole('heading', { name: 'Uitnodiging voor Samen', level: 1 }).waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'invitation-accept-360');
      const password = 'zonnig paars kompas veertien';
      await page.getByLabel('Nieuw wachtwoord').fill(password);
      await page.getByLabel('Herhaal het wachtwoord').fill('zonnig paars kompas');
      await page.getByRole('button', { name: 'Inlog aanmaken' }).click();
      assert.match(await description(page.getByLabel('Herhaal het wachtwoord')), /niet gelijk/);
      await page.getByLabel('Herhaal het wachtwoord').fill(password);
      await page.getByRole('button', { name: 'Inlog aanmaken' }).click();
      await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
      await page.getByRole('main').getByRole('link', { name: state.imported.name }).waitFor();
      await checks.screen(page, 'invitation-accepted-family-360');

      // Logged out and in again with the new login: the family overview with the child.
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('Je bent uitgelogd.').waitFor();
      // The link works once.
      const again = await page.request.post(`${server.url}/api/invitations/${state.invitationLink.split('/').at(-1)}/accept`, {
        data: { password },
      });
      assert.equal(again.status(), 410);
      await login(page, server, state.imported.guardianEmail, password);
      await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
      await page.getByRole('main').getByRole('link', { name: state.imported.name }).click();
      await page.getByRole('heading', { name: state.imported.name, level: 1 }).waitFor();
    },
  },
  {
    name: 'privacy officer: chain verified, the log filtered (denied, one pupil), an entry explained for a chosen user and moment',
    async run({ page, server, checks, state }) {
      assert.ok(state.imported && state.userIds, 'needs the admin and import flows');
      // Set-up through the API: the family worker tries to read the imported pupil (denied), the
      // care coordinator lists a case's chronology (entries, allowed).
      const coordinator = await apiLogin(page, server, CARE_COORDINATOR);
      const pupilList = await (await page.request.get(`${server.url}/api/pupils?q=${state.imported.number}`)).json();
      const pupilId = pupilList.pupils[0].id;
      const { cases } = await (await page.request.get(`${server.url}/api/cases?status=open`)).json();
      assert.ok(cases.length > 0);
      const entries = await (await page.request.get(`${server.url}/api/cases/${cases[0].id}/entries`)).json();
      assert.ok(entries.entries.length > 0);
      await apiLogout(page, server, coordinator);
      const worker = await apiLogin(page, server, FAMILY_WORKER);
      assert.equal((await page.request.get(`${server.url}/api/pupils/${pupilId}`)).status(), 404);
      await apiLogout(page, server, worker);

      await login(page, server, PRIVACY_OFFICER);
      await page.getByRole('heading', { name: 'Logboek', level: 1 }).waitFor();
      await page.getByText(/De keten is intact: \d+ regels gecontroleerd/).waitFor();
      // The signed checkpoint under the check (the e2e server signs every second).
      await page.getByText(/Ondertekend tot en met regel \d+/).waitFor();

      await page.getByLabel('Leerling (nummer in Samen)').fill(pupilId);
      await page.getByLabel('Alleen geweigerde pogingen').check();
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      const log = page.getByRole('table', { name: 'Logboek, nieuwste eerst' });
      const denied = log.getByRole('row').filter({ hasText: `gebruiker ${worker.me.user.id}` });
      await denied.first().waitFor();
      assert.match(await denied.first().textContent(), /gezinswerker bij Buurtteam Lindeveld-Oost/);
      const rows = await log.getByRole('row').count();
      for (let i = 1; i < rows; i++) {
        const text = await log.getByRole('row').nth(i).textContent();
        assert.match(text, /geweigerd/);
        assert.ok(text.includes(pupilId));
      }
      await checks.screen(page, 'audit');

      // Unfiltered, the log comes page by page (50 rows), older ones on request.
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await log.getByRole('row').nth(50).waitFor();
      assert.equal(await log.getByRole('row').count(), 51);
      const newest = await log.getByRole('row').nth(1).textContent();
      await page.getByRole('button', { name: 'Oudere regels laden' }).click();
      await log.getByRole('row').nth(51).waitFor();
      assert.equal(await log.getByRole('row').nth(1).textContent(), newest);

      // The care coordinator's listing of the chronology: explain one of its entries.
      await page.getByLabel('Gebruiker (nummer in Samen)').fill(coordinator.me.user.id);
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      const why = log.getByRole('row').filter({ hasText: 'toegestaan' }).getByRole('link', { name: /^Waarom\? \(item / }).first();
      await why.click();
      await page.getByRole('heading', { name: 'Uitleg inzage', level: 1 }).waitFor();
      assert.equal(await page.getByLabel('Gebruiker (nummer in Samen)').inputValue(), coordinator.me.user.id);
      assert.match(await page.getByLabel('Datum (dd-mm-jjjj)').inputValue(), /^\d{2}-\d{2}-\d{4}$/);
      assert.match(await page.getByLabel('Tijd (uu:mm)').inputValue(), /^\d{2}:\d{2}$/);
      await page.getByRole('button', { name: 'Uitleggen' }).click();
      const result = page.getByRole('region', { name: 'Het besluit' });
      await result.getByText('Mag het item zien', { exact: true }).waitFor();
      await result.locator('ul[lang="en"] li').first().waitFor();
      await checks.screen(page, 'explain');

      // The same entry for another user, the family worker, at a moment typed in.
      await page.getByLabel('Gebruiker (nummer in Samen)').fill(worker.me.user.id);
      await page.getByLabel('Tijd (uu:mm)').fill('00:01');
      await page.getByRole('button', { name: 'Uitleggen' }).click();
      await result.getByText(/^gezinswerker \(lidmaatschap \d+\)$/).waitFor();
      assert.match(await result.textContent(), /00:01/);
      await checks.accessible(page, 'explain-other-user');
    },
  },
  {
    name: 'admin: a role that still holds work is handed over to a colleague in one step, then ends',
    async run({ page, server, checks, state }) {
      // Set up through the API: the care coordinator seats the new mentor at a case's table.
      const coordinator = await apiLogin(page, server, CARE_COORDINATOR);
      const get = async (path) => (await page.request.get(`${server.url}${path}`)).json();
      const baken = (await get('/api/organisations')).organisations.find((o) => o.name === 'Het Baken College').id;
      const leaving = (await get(`/api/organisations/${baken}/memberships`)).memberships.find(
        (m) => m.name === state.newMentor.name && m.role === 'mentor',
      );
      const caseId = (await get('/api/cases')).cases.find((c) => c.status === 'open' && c.school_id === baken).id;
      const seat = await page.request.post(`${server.url}/api/cases/${caseId}/team`, {
        headers: { 'X-CSRF-Token': coordinator.csrf },
        data: { membership_id: leaving.id, reason: 'Begeleiding in de klas' },
      });
      assert.equal(seat.status(), 201);
      await apiLogout(page, server, coordinator);

      await login(page, server, ADMIN);
      await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
      await page.getByLabel('Zoek op naam of e-mailadres').fill(state.newMentor.email);
      await page.getByRole('link', { name: state.newMentor.name, exact: true }).click();
      await page.getByRole('heading', { name: state.newMentor.name, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Rol mentor bij Het Baken College beëindigen' }).click();
      const form = page.getByRole('form', { name: 'Werk van mentor bij Het Baken College overdragen' });
      await form.getByText('Deze rol zit aan tafel bij 1 dossier.', { exact: false }).waitFor();
      await form.getByLabel('Wie neemt het over').selectOption({ label: 'Joost de Mentor (mentor)' });
      await checks.screen(page, 'admin-handover');
      await form.getByRole('button', { name: 'Overdragen en beëindigen' }).click();
      await page.getByText('De rol mentor bij Het Baken College is beëindigd; Joost de Mentor heeft het werk overgenomen.').waitFor();
      const roles = page.getByRole('table', { name: `Rollen van ${state.newMentor.name}` });
      await roles.getByRole('row').filter({ hasText: 'mentor' }).getByRole('cell', { name: 'niet actief' }).waitFor();
    },
  },
];
