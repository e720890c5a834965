// A Meldcode safety decision end to end: the care coordinator records one naming Buurtteam
// Lindeveld-Oost on the case of the guardian's child; the family worker then sees the case's
// entries on the basis of safety, with the decision (who, why, how long) in "Waarom zie ik
// dit?"; the guardian's portal shows nothing of it. Against the real server.
import assert from 'node:assert/strict';
import { CARE_COORDINATOR, FAMILY_WORKER, GUARDIAN, login } from './helpers.mjs';

const stamp = () => Date.now().toString(36);

async function loginAs(page, server, email) {
  await page.context().clearCookies();
  await login(page, server, email);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

export const flows = [
  {
    name: 'safety decision: recorded for the neighbourhood team, the family worker sees on that basis, the family sees nothing',
    async run({ page, server, checks }) {
      await loginAs(page, server, GUARDIAN);
      const child = await page.evaluate(async () => (await (await fetch('/api/family/pupils')).json()).pupils[0]);
      assert.ok(child, 'the demo guardian has a child');

      await loginAs(page, server, CARE_COORDINATOR);
      const caseId = await page.evaluate(
        async (pupilId) => (await (await fetch(`/api/cases?pupil_id=${pupilId}&status=open`)).json()).cases[0]?.id,
        child.id,
      );
      assert.ok(caseId, 'the guardian’s child has an open case');
      await page.goto(`${server.url}/dossiers/${caseId}`);
      await page.getByRole('heading', { name: /^Dossier van /, level: 1 }).waitFor();
      const section = page.getByRole('region', { name: 'Veiligheidsbesluiten (Meldcode)' });
      await section.getByText('Er is voor dit dossier geen veiligheidsbesluit vastgelegd.').waitFor();
      await section.getByRole('button', { name: 'Veiligheidsbesluit vastleggen' }).click();
      const reason = `E2E Meldcode: vermoeden van huiselijk geweld, delen is nodig (${stamp()}).`;
      await section.getByLabel('Reden van het besluit').fill(reason);
      await section.getByLabel('Stap 1: signalen in kaart brengen').check();
      await section.getByLabel('Stap 2: collegiale consultatie en zo nodig Veilig Thuis raadplegen').check();
      await section.getByLabel('Buurtteam Lindeveld-Oost').check();
      await checks.accessible(page, 'case-safety-form');
      await section.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await section.getByText(/^Het veiligheidsbesluit is vastgelegd\./).waitFor();
      const decision = section.getByRole('article').filter({ hasText: reason });
      await decision.getByText('Ellen Zorgcoördinator (zorgcoördinator, Het Baken College)').waitFor();
      await decision.getByText('Van kracht').waitFor();
      await decision.getByText('Buurtteam Lindeveld-Oost').waitFor();
      // The team's basis names the decision beside the family worker.
      const basis = page.getByRole('region', { name: 'Op welke grond ziet wie wat' });
      await basis
        .getByRole('row')
        .filter({ hasText: 'Buurtteam Lindeveld-Oost' })
        .getByText(/^Op grond van het veiligheidsbesluit van Ellen Zorgcoördinator .*Reden: E2E Meldcode/)
        .waitFor();
      await checks.screen(page, 'case-safety-decision');

      // The family worker reads the decision's entry, and the others, on the basis of safety.
      await loginAs(page, server, FAMILY_WORKER);
      await page.goto(`${server.url}/dossiers/${caseId}`);
      await page.getByRole('heading', { name: 'Chronologie', exact: true }).waitFor();
      assert.equal(await page.getByRole('region', { name: 'Veiligheidsbesluiten (Meldcode)' }).count(), 0);
      const chronology = page.getByRole('region', { name: 'Chronologie' });
      const entry = chronology.getByRole('article').filter({ hasText: reason });
      await entry.getByText('Waarom zie ik dit?').click();
      await entry.getByText('Je ziet dit op grond van: veiligheid (meldcode).').waitFor();
      await entry.getByRole('button', { name: 'Toon de regels die dit beslisten' }).click();
      await entry.getByText(/^Op grond van het veiligheidsbesluit van Ellen Zorgcoördinator \(zorgcoördinator, Het Baken College\), geldig van \d{2}-\d{2}-\d{4} tot \d{2}-\d{2}-\d{4}\. Reden: E2E Meldcode/).waitFor();
      const other = chronology.getByRole('article').filter({ hasText: 'Verzuimgesprek met ouders en leerling' });
      await other.getByText('Waarom zie ik dit?').click();
      await other.getByText('Je ziet dit op grond van: veiligheid (meldcode).').waitFor();
      await checks.screen(page, 'case-safety-basis');

      // The guardian's portal of that child: nothing of the decision.
      await loginAs(page, server, GUARDIAN);
      await page.goto(`${server.url}/gezin/${child.id}`);
      await page.getByRole('heading', { name: 'Het plan' }).waitFor();
      await page.getByText('Elke ochtend op tijd op school').waitFor();
      const shown = await page.getByRole('main').textContent();
      for (const secret of [reason, 'E2E Meldcode', 'Veiligheidsbesluit', 'veiligheidsbesluit', 'Meldcode'])
        assert.ok(!shown.includes(secret), `the family portal shows "${secret}"`);
      await checks.accessible(page, 'family-portal-after-safety-decision');
    },
  },
];
