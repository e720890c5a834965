// The browser flow of "nobody grants themself access": the administrator is refused a role
// for itself, a second administrator gives it, and the privacy officer reads who did it in
// the report of new access (and finds the refusal in the log).
import assert from 'node:assert/strict';
import { ADMIN, PRIVACY_OFFICER, login } from './helpers.mjs';
import { PASSWORD } from './server.mjs';

const stamp = String(Date.now()).slice(-7);
const SECOND_PASSWORD = 'twee sleutels voor een deur';

async function apiLogin(page, server, email, password = PASSWORD) {
  const res = await page.request.post(`${server.url}/api/session`, { data: { email, password } });
  assert.equal(res.status(), 200, `login of ${email}`);
  const me = await (await page.request.get(`${server.url}/api/me`)).json();
  return { me, headers: { 'X-CSRF-Token': me.csrf_token } };
}

async function apiLogout(page, server, session) {
  assert.equal((await page.request.delete(`${server.url}/api/session`, { headers: session.headers })).status(), 204);
}

export const flows = [
  {
    name: 'privacy officer: the report of new access names who granted a role, after the admin was refused one for itself',
    async run({ page, server, checks }) {
      const admin = await apiLogin(page, server, ADMIN);
      const orgs = (await (await page.request.get(`${server.url}/api/organisations`)).json()).organisations;
      const school = orgs.find((o) => o.name === 'OBS De Wilgenhoek');
      const municipality = orgs.find((o) => o.name === 'Gemeente Lindeveld');
      const self = await page.request.post(`${server.url}/api/users/${admin.me.user.id}/memberships`, {
        headers: admin.headers,
        data: { organisation_id: school.id, role: 'care_coordinator' },
      });
      assert.equal(self.status(), 403);
      assert.equal((await self.json()).error.code, 'self_grant_forbidden');
      const secondName = `Bram Tweede ${stamp}`;
      const secondEmail = `tweede.${stamp}@lindeveld.example`;
      const created = await page.request.post(`${server.url}/api/users`, {
        headers: admin.headers,
        data: { email: secondEmail, name: secondName, password: SECOND_PASSWORD, memberships: [{ organisation_id: municipality.id, role: 'admin' }] },
      });
      assert.equal(created.status(), 201);
      await apiLogout(page, server, admin);
      const second = await apiLogin(page, server, secondEmail, SECOND_PASSWORD);
      const granted = await page.request.post(`${server.url}/api/users/${admin.me.user.id}/memberships`, {
        headers: second.headers,
        data: { organisation_id: school.id, role: 'teacher' },
      });
      assert.equal(granted.status(), 201);
      await apiLogout(page, server, second);

      await login(page, server, PRIVACY_OFFICER);
      await page.getByRole('heading', { name: 'Logboek', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Nieuwe toegang', exact: true }).click();
      await page.getByRole('heading', { name: 'Nieuwe toegang in de regio', level: 1 }).waitFor();
      const report = page.getByRole('table', { name: 'Nieuwe toegang, nieuwste eerst' });
      const row = report.getByRole('row').filter({ hasText: 'docent bij OBS De Wilgenhoek' }).filter({ hasText: secondName }).first();
      const text = await row.textContent();
      assert.match(text, /rol gegeven/);
      assert.match(text, /Ria Beheerder/);
      assert.match(text, /docent bij OBS De Wilgenhoek/);
      assert.ok(text.includes(`${secondName}, als beheerder bij Gemeente Lindeveld`), text);
      // The second administrator's own role, given by the first, is there too.
      await report.getByRole('row').filter({ hasText: secondName }).filter({ hasText: 'beheerder bij Gemeente Lindeveld' }).first().waitFor();
      await checks.screen(page, 'access-report');

      // The refused self-grant is in the log, among the refusals, linked from the report.
      await row.getByRole('link', { name: 'Ria Beheerder' }).click();
      await page.getByRole('heading', { name: 'Logboek', level: 1 }).waitFor();
      await page.getByLabel('Alleen geweigerde pogingen').check();
      await page.getByRole('button', { name: 'Filteren', exact: true }).click();
      await page.getByRole('table', { name: 'Logboek, nieuwste eerst' }).getByRole('row').filter({ hasText: 'niemand geeft zichzelf toegang' }).first().waitFor();
    },
  },
];
