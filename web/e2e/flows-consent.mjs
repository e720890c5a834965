// The consent story end to end — recorded on paper by the school, and asked of the family
// and answered in the family portal (issue 11: consent comes from the family) — and the
// family portal on a 360 px phone for the guardian and for the pupil login. Against the real
// server; rows are found by texts these flows write.
import assert from 'node:assert/strict';
import { CARE_COORDINATOR, FAMILY_WORKER, GUARDIAN, PUPIL, login, description, noHorizontalScroll } from './helpers.mjs';
import { PASSWORD } from './server.mjs';

const stamp = () => Date.now().toString(36);

/** Log out by forgetting the cookie, then log in as someone else. */
async function loginAs(page, server, email) {
  await page.context().clearCookies();
  await login(page, server, email);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

/** The demo's story of a withdrawn consent: the family worker sits at the table, every grant of the pupil is withdrawn. */
async function findWithdrawnStory(page) {
  return page.evaluate(async () => {
    const get = async (path) => (await fetch(path)).json();
    for (const c of (await get('/api/cases?status=open')).cases) {
      const kase = await get(`/api/cases/${c.id}`);
      const worker = kase.team.find((m) => m.role === 'family_worker' && !m.removed_at);
      if (!worker) continue;
      const grants = (await get(`/api/pupils/${c.pupil_id}/consents`)).consents;
      if (grants.length > 0 && grants.every((g) => g.status === 'withdrawn'))
        return { caseId: c.id, pupilId: c.pupil_id, worker: worker.name };
    }
    return null;
  });
}

/**
 * A login for the pupil (the care coordinator invites, the pupil accepts with a password):
 * the guardian's child is 13, so a question to the family waits for the pupil too.
 */
async function pupilLoginFor(page, server, pupilId) {
  const email = `kind-${stamp()}@leerling.example`;
  const token = await page.evaluate(
    async ({ pupilId, email }) => {
      const me = await (await fetch('/api/me')).json();
      const res = await fetch(`/api/pupils/${pupilId}/invitations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({ pupil: true, email }),
      });
      return (await res.json()).token;
    },
    { pupilId, email },
  );
  assert.ok(token, 'the care coordinator invites the pupil');
  const accepted = await fetch(`${server.url}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password: PASSWORD }),
  });
  assert.equal(accepted.status, 201);
  return email;
}

/** The family worker's view of the case's chronology, filtered to the home situation. */
async function homeEntries(page, server, caseId) {
  await page.goto(`${server.url}/dossiers/${caseId}`);
  await page.getByRole('heading', { name: 'Chronologie', exact: true }).waitFor();
  await page.getByLabel('Filter: onderwerp').selectOption({ label: 'Thuissituatie' });
  await page.getByRole('button', { name: 'Filteren' }).click();
  return page.getByRole('region', { name: 'Chronologie' });
}

export const flows = [
  {
    name: 'consent story: the family worker is denied, consent is recorded on paper and signed, the family worker sees, consent withdrawn, denied again',
    async run({ page, server, checks, state }) {
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { name: 'Signalen beoordelen', level: 1 }).waitFor();
      const story = await findWithdrawnStory(page);
      assert.ok(story, 'the demo has a case whose consent was withdrawn, with the family worker at the table');
      const note = `E2E toestemming: huisbezoek gepland, moeder vraagt om hulp (${stamp()}).`;

      // The care coordinator writes about the home situation for the case team.
      await page.goto(`${server.url}/dossiers/${story.caseId}`);
      await page.getByRole('heading', { name: /^Dossier van /, level: 1 }).waitFor();
      const basis = page.getByRole('region', { name: 'Op welke grond ziet wie wat' });
      const workerRow = basis.getByRole('row').filter({ hasText: story.worker });
      await workerRow.waitFor();
      assert.match(await workerRow.textContent(), /geen grond om te delen[^:]*: [^;]*Thuissituatie/);
      await checks.screen(page, 'case-team-basis');
      const form = page.getByRole('region', { name: 'Nieuw item in de chronologie' });
      await form.getByLabel('Onderwerp').selectOption({ label: 'Thuissituatie' });
      await form.getByLabel('casusteam').check();
      await form.getByLabel('Tekst').fill(note);
      await form.getByRole('button', { name: 'Bekijk wie het ziet' }).click();
      const wontSee = form.getByRole('table', { name: 'Zal het niet zien' });
      await wontSee.getByRole('row').filter({ hasText: story.worker }).filter({ hasText: 'geen grond om te delen' }).waitFor();
      await form.getByRole('button', { name: 'Item vastleggen' }).click();
      await form.getByText('Het item is vastgelegd.').waitFor();

      // The family worker sits at the table but sees nothing of the home situation.
      await loginAs(page, server, FAMILY_WORKER);
      let list = await homeEntries(page, server, story.caseId);
      await list.getByText('Geen items die jij mag zien.').waitFor();
      assert.equal(await page.getByText(note).count(), 0);
      await checks.screen(page, 'consent-story-denied');

      // The care coordinator records the consent, with the parties the pupil's age needs.
      await loginAs(page, server, CARE_COORDINATOR);
      await page.goto(`${server.url}/dossiers/${story.caseId}`);
      await page.getByRole('link', { name: /^Toestemmingen van / }).click();
      await page.getByRole('heading', { name: /^Toestemmingen van /, level: 1 }).waitFor();
      const band = await page.getByText(/ is \d+: /).first().textContent();
      const sixteen = /beslist .* zelf over toestemming/.test(band);
      if (!sixteen) assert.match(band, /Op \d{2}-\d{2}-\d{4} wordt .* 1[26]: vanaf dan/);
      await page.getByRole('button', { name: 'Nieuwe toestemming vastleggen' }).click();
      const record = page.getByRole('form', { name: 'Toestemming vastleggen' });
      const parties = record.getByRole('group', { name: 'Wie geeft toestemming?' });
      await record.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      await record.getByText('Kies wie toestemming geeft.').waitFor();
      assert.match(await description(parties), /Kies wie toestemming geeft/);
      const grantText = `Wij geven toestemming dat de gezinswerker informatie over de thuissituatie ziet (${stamp()}).`;
      await record.getByRole('group', { name: 'Welke organisaties mogen meekijken?' }).getByRole('checkbox', { name: 'Buurtteam Lindeveld-Oost', exact: true }).check();
      await record.getByRole('group', { name: 'Over welke onderwerpen?' }).getByLabel('Thuissituatie').check();
      await record.getByLabel('De tekst zoals het gezin die heeft gezien').fill(grantText);
      // How the family gave it is asked of every professional; the school records a signed form.
      await record.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      await record.getByText('Kies hoe het gezin toestemming gaf.').waitFor();
      await record.getByRole('group', { name: 'Hoe heeft het gezin toestemming gegeven?' }).getByLabel('Op papier (een getekend formulier)').check();
      await record.getByText(/telt ze pas als het gezin haar in het ouderportaal ondertekent/).waitFor();
      if (sixteen) {
        await parties.getByRole('checkbox', { name: /\(leerling\)/ }).check();
      } else {
        // A parent only: the band needs the pupil too, so the form says so first …
        await parties.getByRole('checkbox').first().check();
        await record.getByRole('button', { name: 'Toestemming vastleggen' }).click();
        await record.getByText(/Kies die partijen, of vink aan dat een partij later tekent/).waitFor();
        await checks.accessible(page, 'consent-form-band');
        // … and the pupil signs later.
        await record.getByLabel(/Een partij tekent later/).check();
      }
      await checks.screen(page, 'consent-form');
      await record.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      const card = page.getByRole('article').filter({ hasText: grantText });
      await card.waitFor();
      if (!sixteen) {
        await page.getByText('De toestemming is vastgelegd. Ze telt pas als de ontbrekende partij heeft getekend.').waitFor();
        await card.getByText('wacht op handtekening').waitFor();
        await card.getByRole('button', { name: /^Handtekening van .* \(leerling\) vastleggen$/ }).click();
        await page.getByText(/De handtekening van .* is vastgelegd\. De toestemming telt vanaf nu\./).waitFor();
      }
      await card.getByText('geldig', { exact: true }).waitFor();
      await card.getByText('Op papier (een getekend formulier)').waitFor();
      await checks.screen(page, 'consents');

      // Now the family worker sees the entry, on the basis of consent.
      await loginAs(page, server, FAMILY_WORKER);
      list = await homeEntries(page, server, story.caseId);
      const entry = list.getByRole('article').filter({ hasText: note });
      await entry.waitFor();
      await entry.getByText('Waarom zie ik dit?').click();
      await entry.getByText('Je ziet dit op grond van: toestemming.').waitFor();
      await checks.screen(page, 'consent-story-allowed');

      // The family withdraws; the care coordinator records it on their word.
      await loginAs(page, server, CARE_COORDINATOR);
      await page.goto(`${server.url}/leerlingen/${story.pupilId}/toestemmingen?dossier=${story.caseId}`);
      const again = page.getByRole('article').filter({ hasText: grantText });
      await again.getByRole('button', { name: 'Intrekken' }).click();
      const confirm = again.getByRole('group', { name: 'Toestemming intrekken' });
      if (!sixteen) {
        await confirm.getByRole('button', { name: 'Ja, intrekken' }).click();
        await confirm.getByText('Kies wie de toestemming intrekt.').waitFor();
        await confirm.getByRole('radio').first().check();
      }
      await checks.screen(page, 'consent-withdraw-confirm');
      await confirm.getByRole('button', { name: 'Ja, intrekken' }).click();
      await page.getByText('De toestemming is ingetrokken.').waitFor();
      await again.getByText('ingetrokken', { exact: true }).waitFor();

      // Withdrawal takes effect at once: the family worker is denied again.
      await loginAs(page, server, FAMILY_WORKER);
      list = await homeEntries(page, server, story.caseId);
      await list.getByText('Geen items die jij mag zien.').waitFor();
      assert.equal(await page.getByText(note).count(), 0);
      state.consentStory = story;
    },
  },
  {
    name: 'guardian on a 360 px phone: plan, actions, shared entries, consent given and withdrawn in plain language, our view, access log',
    viewport: { width: 360, height: 740 },
    async run({ page, server, checks }) {
      // The care coordinator asks for a consent that waits for a parent (recorded with the pupil only).
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { name: 'Signalen beoordelen', level: 1 }).waitFor();
      const child = await page.evaluate(async () => {
        const cases = (await (await fetch('/api/cases?status=open')).json()).cases;
        for (const c of cases) {
          const kase = await (await fetch(`/api/cases/${c.id}`)).json();
          if (kase.goals.some((g) => g.text === 'Elke ochtend op tijd op school')) return { pupilId: c.pupil_id };
        }
        return null;
      });
      assert.ok(child, "the demo's attendance story (the guardian's child)");
      await page.goto(`${server.url}/leerlingen/${child.pupilId}`);
      const consents = page.getByRole('region', { name: 'Toestemmingen' });
      // The lead noted by phone a grant for her own organisation: it waits, and the care
      // coordinator, who is no recipient, confirms it.
      const byLead = consents.getByRole('article').filter({ hasText: 'Moeder vindt het goed dat De Brug ook meekijkt' });
      await byLead.getByText('wacht op bevestiging').waitFor();
      await byLead.getByText('Telefonisch', { exact: true }).waitFor();
      await checks.screen(page, 'consent-pending');
      await byLead.getByRole('button', { name: 'Bevestigen' }).click();
      await consents.getByText('De toestemming is bevestigd. Ze telt vanaf nu.').waitFor();
      await byLead.getByText('geldig', { exact: true }).waitFor();
      // The normal way: ask the family, in plain words; they answer in the portal.
      await consents.getByRole('button', { name: 'Toestemming vragen aan het gezin' }).click();
      const ask = consents.getByRole('form', { name: 'Toestemming vragen aan het gezin' });
      const question = `Mag de jeugdverpleegkundige meekijken bij de gezondheid van uw kind (${stamp()})?`;
      await ask.getByRole('button', { name: 'Vraag versturen' }).click();
      await ask.getByText('Kies minstens één organisatie of beroep.').waitFor();
      await ask.getByRole('group', { name: 'Welke organisaties mogen meekijken?' }).getByRole('checkbox', { name: 'GGD Lindeveld Jeugdgezondheidszorg', exact: true }).check();
      await ask.getByRole('group', { name: 'Over welke onderwerpen?' }).getByLabel('Gezondheid').check();
      await ask.getByLabel('Tekst voor het gezin').fill(question);
      await checks.accessible(page, 'consent-request-form');
      await ask.getByRole('button', { name: 'Vraag versturen' }).click();
      await consents.getByText('Je vraag staat klaar in het ouderportaal.').waitFor();
      const sent = consents.getByRole('article').filter({ hasText: question });
      await sent.getByText('wacht op antwoord').waitFor();
      const pupilEmail = await pupilLoginFor(page, server, child.pupilId);

      await loginAs(page, server, GUARDIAN);
      await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
      await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Het plan' }).waitFor();
      await page.getByText('Elke ochtend op tijd op school').waitFor();
      const actions = page.getByRole('list', { name: 'Afspraken, met wie het doet en wanneer' });
      await actions.getByText('Huisbezoek', { exact: true }).waitFor();
      await page.getByText(/Het plan wordt besproken rond \d{2}-\d{2}-\d{4}\./).waitFor();
      // The coming consultation about the child, when and what kind, not which meeting.
      const meetings = page.getByRole('list', { name: 'Overleggen van het zorgteam over het plan' });
      await meetings.getByText(/^Het zorgteam bespreekt het plan op .+ \(Zorgoverleg\)\.$/).waitFor();
      assert.equal(await meetings.getByRole('link').count(), 0);
      // The family sees roles, not people: the lead by name (their contact), the others by role.
      const team = page.getByRole('list', { name: /Wie aan tafel zitten/ });
      await team.getByText(/\(jullie contactpersoon\)$/).waitFor();
      await team.getByText('gezinswerker bij Buurtteam Lindeveld-Oost', { exact: true }).waitFor();
      const shared = page.getByRole('region', { name: 'Wat met jullie is gedeeld' });
      await shared.getByText(/Verzuimgesprek met ouders en leerling/).waitFor();
      const portal = page.getByRole('region', { name: 'Toestemmingen' });
      await portal.getByText(/^Je hebt toestemming gegeven dat de gezinswerker .*informatie over thuissituatie, welbevinden en verzuim mag zien/).waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'family-portal-360');

      // The question of the team: the parent agrees; at 13 the pupil must agree too.
      const requests = portal.getByRole('region', { name: 'Vragen om toestemming' });
      const asked = requests.getByRole('listitem').filter({ hasText: question });
      await asked.getByText(/vraagt of .* informatie over gezondheid mag zien/).waitFor();
      await checks.screen(page, 'family-consent-request-360');
      await asked.getByRole('button', { name: 'Ja, ik geef toestemming' }).click();
      await requests.getByText('Je antwoord is vastgelegd: ja.').waitFor();
      await asked.getByText(/Jouw antwoord is binnen\. Nu nog: /).waitFor();

      // The pupil answers in their own portal: the question becomes a consent given by both.
      await loginAs(page, server, pupilEmail);
      await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
      const own = page.getByRole('region', { name: 'Vragen om toestemming' }).getByRole('listitem').filter({ hasText: question });
      await own.getByRole('button', { name: 'Ja, ik geef toestemming' }).click();
      await page.getByText('Je antwoord is vastgelegd: ja.').waitFor();
      await page.getByRole('region', { name: 'Toestemmingen' }).getByText(/^Je hebt toestemming gegeven dat .* informatie over gezondheid mag zien/).waitFor();

      // Back to the parent, who withdraws it again.
      await loginAs(page, server, GUARDIAN);
      await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
      await portal.getByRole('heading', { name: 'Toestemmingen' }).waitFor();
      const mine = portal.getByRole('listitem').filter({ hasText: /^Je hebt toestemming gegeven dat .* informatie over gezondheid mag zien/ });
      await mine.getByRole('button', { name: 'Toestemming intrekken' }).click();
      await mine.getByText(/Als je intrekt, kan .* vanaf nu geen informatie over gezondheid meer zien\./).waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'family-consent-withdraw-360');
      await mine.getByRole('button', { name: 'Ja, trek mijn toestemming in' }).click();
      await portal.getByText(/Je toestemming is ingetrokken\./).waitFor();
      await portal.getByText(/^Ingetrokken op \d+ \w+ \d{4}: .* ziet geen informatie over gezondheid meer\./).waitFor();

      // Our view: write it, then correct it.
      const view = page.getByRole('region', { name: 'Onze kijk' });
      const words = `E2E: thuis gaat het beter sinds opa op maandag helpt (${stamp()}).`;
      await view.getByRole('button', { name: 'Delen met het team' }).click();
      await view.getByText('Schrijf eerst wat je wilt delen.').waitFor();
      await view.getByLabel('Onze kijk, in onze eigen woorden').fill(words);
      await view.getByRole('button', { name: 'Delen met het team' }).click();
      await view.getByText('Dank je. Het team kan jullie kijk nu lezen.').waitFor();
      const written = view.getByRole('listitem').filter({ hasText: words });
      await written.getByRole('button', { name: 'Verbeteren' }).click();
      await view.getByLabel('Jullie verbetering').fill(`${words} Ook dinsdag.`);
      await view.getByRole('button', { name: 'Verbetering delen' }).click();
      await view.getByRole('listitem').filter({ hasText: 'Ook dinsdag.' }).getByText(/^Verbetering · Jij/).waitFor();
      await view.getByRole('listitem').filter({ hasText: words }).filter({ hasNotText: 'Ook dinsdag.' }).getByText('Later verbeterd.').waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'family-our-view-360');

      const log = page.getByRole('region', { name: 'Wie keek in het dossier' });
      await log.getByRole('row').filter({ hasText: 'Het Baken College' }).first().waitFor();
      assert.ok(await noHorizontalScroll(page));
    },
  },
  {
    name: 'pupil login on a 360 px phone: own plan, consents in plain language, a consent of their own, our view, access log',
    viewport: { width: 360, height: 740 },
    async run({ page, server, checks }) {
      await login(page, server, PUPIL);
      await page.getByRole('heading', { name: 'Overzicht', level: 1 }).waitFor();
      await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Het plan' }).waitFor();
      await page.getByText('Profielwerkstuk af voor de kerstvakantie').waitFor();
      await page.getByRole('region', { name: 'Wat met jullie is gedeeld' }).getByText(/twee uur per week begeleiding/).waitFor();
      const portal = page.getByRole('region', { name: 'Toestemmingen' });
      await portal.getByText(/Je bent \d+: je beslist zelf over toestemming\./).waitFor();
      await portal.getByText(/^Je hebt toestemming gegeven dat de begeleider passend onderwijs .*en je ouders informatie over leren en welbevinden mag zien/).waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'pupil-portal-360');

      // A consent of the pupil's own, then withdrawn again.
      const own = portal.getByRole('form', { name: 'Zelf toestemming geven' });
      await own.getByRole('button', { name: 'Toestemming geven' }).click();
      await own.getByText('Kies wie mag meekijken.').waitFor();
      await own.getByRole('group', { name: 'Wie mag meekijken?' }).getByRole('checkbox').first().check();
      await own.getByRole('group', { name: 'Waarover?' }).getByLabel('Gezondheid').check();
      await own.getByRole('button', { name: 'Toestemming geven' }).click();
      await portal.getByText('Je toestemming is vastgelegd.', { exact: true }).waitFor();
      const given = portal.getByRole('listitem').filter({ hasText: /^Je hebt toestemming gegeven dat .* informatie over gezondheid mag zien/ });
      await given.getByRole('button', { name: 'Toestemming intrekken' }).click();
      await given.getByRole('button', { name: 'Ja, trek mijn toestemming in' }).click();
      await portal.getByText(/Je toestemming is ingetrokken\./).waitFor();

      const view = page.getByRole('region', { name: 'Onze kijk' });
      const words = `E2E: ik wil het werkstuk in stukjes plannen (${stamp()}).`;
      await view.getByLabel('Onze kijk, in onze eigen woorden').fill(words);
      await view.getByLabel('Waarover gaat het? (mag leeg)').selectOption({ label: 'Leren' });
      await view.getByRole('button', { name: 'Delen met het team' }).click();
      await view.getByRole('listitem').filter({ hasText: words }).waitFor();
      await page.getByRole('region', { name: 'Wie keek in het dossier' }).waitFor();
      assert.ok(await noHorizontalScroll(page));
      await checks.screen(page, 'pupil-our-view-360');
    },
  },
  {
    name: 'care coordinator: the pupil page shows the history of parental authority, an ended guardian marked',
    async run({ page, server, checks }) {
      await login(page, server, CARE_COORDINATOR);
      await page.getByRole('heading', { name: 'Signalen beoordelen', level: 1 }).waitFor();
      // The demo's pupil whose father's parental authority ended (src/demo/demo_cases.cpp).
      const pupilId = await page.evaluate(async () => {
        const list = (await (await fetch('/api/pupils?limit=200')).json()).pupils;
        for (const p of list) {
          const record = await (await fetch(`/api/pupils/${p.id}`)).json();
          if ((record.ended_guardians ?? []).length > 0) return p.id;
        }
        return null;
      });
      assert.ok(pupilId, 'the demo has a pupil with an ended guardian');
      await page.goto(`${server.url}/leerlingen/${pupilId}`);
      const table = page.getByRole('table', { name: /^Ouders en verzorgers van / });
      const ended = table.getByRole('row').filter({ hasText: 'beëindigd' });
      await ended.first().waitFor();
      assert.equal(await ended.count(), 1);
      assert.match(await ended.textContent(), /\d{2}-\d{2}-\d{4} tot 12-10-2026/);
      await table.getByRole('row').filter({ hasText: 'Marleen Vos' }).getByText('huidig').waitFor();
      await page.getByText(/Een beëindigde ouder of verzorger heeft geen toegang meer/).waitFor();
      await checks.screen(page, 'pupil-guardian-history');
    },
  },
];
