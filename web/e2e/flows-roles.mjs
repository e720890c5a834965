// Every demo role logs in and lands where its work is: care and youth professionals at the
// cases they may open, school staff at pupils, roles without a screen yet at a page that says
// so. Each start page has its h1, no error, and passes axe.
import assert from 'node:assert/strict';
import {
  ATTENDANCE_OFFICER,
  FAMILY_WORKER,
  SCHOOL_CARE_WORKER,
  TEACHER,
  YOUTH_NURSE,
  login,
  noHorizontalScroll,
} from './helpers.mjs';

const INCLUSION_COUNSELLOR = 'po-begeleider@swv-lindeveld.example';
const SCHOOL_LEADER = 'directie@hetbaken.example';
const POLICY_OFFICER = 'beleid@lindeveld.example';
const RESEARCHER = 'onderzoek@swv-lindeveld.example';
const PRIMARY_CARE_COORDINATOR = 'ib@wilgenhoek.example';

/** No error alert on the page (an empty list is fine, a failed load is not). */
async function noErrorAlert(page) {
  const alerts = await page.locator('.utrecht-alert--error').count();
  assert.equal(alerts, 0, 'an error alert is shown');
}

export const flows = [
  {
    name: 'roles: care and youth professionals start at their cases, and open one',
    async run({ page, server, checks }) {
      for (const [email, shot] of [
        [YOUTH_NURSE, 'cases'],
        [ATTENDANCE_OFFICER, null],
        [SCHOOL_CARE_WORKER, null],
        [FAMILY_WORKER, null],
        [INCLUSION_COUNSELLOR, null],
      ]) {
        await page.context().clearCookies();
        await login(page, server, email);
        await page.getByRole('heading', { name: 'Mijn dossiers', level: 1 }).waitFor();
        await page.getByRole('status').filter({ hasText: /dossier/ }).waitFor();
        await noErrorAlert(page);
        // No pupils menu: these roles see no school's pupil list, only the pupils of their cases.
        const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
        assert.equal(await nav.getByRole('link', { name: 'Leerlingen', exact: true }).count(), 0, email);
        if (shot) await checks.screen(page, shot);
        // What a seat gives depends on consents other flows give and withdraw; the youth
        // nurse's seat at the attendance case does not.
        if (email !== YOUTH_NURSE) continue;
        const table = page.getByRole('table', { name: /^Dossiers — Open/ });
        const first = table.getByRole('link').first();
        const name = (await first.textContent()).trim();
        await first.click();
        await page.getByRole('heading', { name: `Dossier van ${name}`, level: 1 }).waitFor();
        await noErrorAlert(page);
        await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
        await page.getByLabel('Welke dossiers').selectOption({ label: 'Alle' });
        await page.getByRole('table', { name: /^Dossiers — Alle/ }).waitFor();
        assert.match(page.url(), /status=all/);
      }
    },
  },
  {
    name: 'roles: school staff start at pupils, roles without a screen (the school leader, policy, research) are told so (360 px)',
    viewport: { width: 360, height: 740 },
    async run({ page, server, checks }) {
      for (const email of [TEACHER, PRIMARY_CARE_COORDINATOR]) {
        await page.context().clearCookies();
        await login(page, server, email);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen', exact: true }).waitFor();
        await noErrorAlert(page);
      }
      for (const [email, shot] of [
        [POLICY_OFFICER, 'welcome-360'],
        [RESEARCHER, null],
        [SCHOOL_LEADER, null],
      ]) {
        await page.context().clearCookies();
        await login(page, server, email);
        await page.getByRole('heading', { name: /^Welkom, /, level: 1 }).waitFor();
        await page.getByText('heeft Samen nog geen eigen scherm').waitFor();
        assert.ok(await noHorizontalScroll(page));
        if (shot) await checks.screen(page, shot);
      }
    },
  },
];
