import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAY, ME, json, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';

const ADMIN = {
  ...ME,
  user: { ...ME.user, name: 'Ria Beheerder' },
  active_membership: { ...ME.active_membership, role: 'admin' as const },
  memberships: [{ ...ME.active_membership, role: 'admin' as const }],
  may: MAY.admin,
};
const USER = {
  id: '21',
  email: 'a.jansen@hetbaken.example',
  name: 'Anna Jansen',
  active: true,
  version: 3,
  memberships: [
    { id: '31', organisation_id: '3', organisation_name: 'Het Baken College', region_id: '1', role: 'mentor', active: true },
  ],
  may: { change_access: true },
};
const ORGS = {
  organisations: [
    { id: '3', region_id: '1', name: 'Het Baken College', type: 'school', school_type: 'secondary', active: true, version: 1 },
  ],
};
const PUPIL = {
  id: '42',
  school_id: '3',
  pupil_number: '1000042',
  given_name: 'Sem',
  name_prefix: 'de',
  family_name: 'Vries',
  class: '2A',
  view: 'full',
  version: 1,
  guardians: [
    { id: '7', name: 'Eva de Vries', relation: 'moeder', email: 'eva@ouders.example', phone: null, parental_authority: true },
    { id: '8', name: 'Piet de Vries', relation: 'vader', email: null, phone: null, parental_authority: false },
  ],
};
const pending = (id: string, email: string) => ({
  id,
  pupil_id: '42',
  guardian_id: '7',
  pupil: false,
  email,
  status: 'pending',
  created_by_user_id: '5',
  created_at: '2026-12-01T09:00:00Z',
  expires_at: '2026-12-08T09:00:00Z',
  accepted_at: null,
  accepted_user_id: null,
  revoked_at: null,
  revoked_by_user_id: null,
});

const NOTHING_HELD = { cases_led: 0, open_actions: 0, seats: 0, series_chaired: 0, series_member: 0, needs_successor: false };

describe('administrator screens', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('deactivates a user with the version read, and says so on a version conflict instead of overwriting', async () => {
    let patch = json(409, { error: { code: 'version_conflict', message: 'stale', field: 'version' } });
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/users' && req.method === 'GET') return json(200, { users: [USER] });
      if (url.pathname === '/api/organisations') return json(200, ORGS);
      if (url.pathname === '/api/users/21' && req.method === 'PATCH') return patch;
      if (url.pathname === '/api/memberships/31' && req.method === 'DELETE') return json(204, null);
      if (url.pathname === '/api/memberships/31/handover') return json(200, { ...NOTHING_HELD, membership_id: '31' });
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    history.replaceState(null, '', '/beheer/gebruikers/21');
    renderApp(<App />, { status: 'active', me: ADMIN });
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Jansen' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Gebruiker deactiveren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Er is niets overschreven');
    const sent = requests.find((r) => r.method === 'PATCH');
    expect(await sent?.json()).toEqual({ active: false, version: 3 });
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toBeInTheDocument();

    patch = json(200, { ...USER, active: false, version: 4 });
    await user.click(screen.getByRole('button', { name: 'Gebruiker deactiveren' }));
    expect(await screen.findByText('Anna Jansen is nu niet actief.')).toBeInTheDocument();

    // Ending a role asks first; only then the DELETE goes out.
    await user.click(screen.getByRole('button', { name: 'Rol mentor bij Het Baken College beëindigen' }));
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, beëindigen' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.url.endsWith('/api/memberships/31'))).toBe(true));
  });

  it('ends a role that still holds work by handing it to a colleague who works on cases', async () => {
    const held = { ...NOTHING_HELD, membership_id: '31', cases_led: 2, open_actions: 1, needs_successor: true };
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/users' && req.method === 'GET') return json(200, { users: [USER] });
      if (url.pathname === '/api/organisations') return json(200, ORGS);
      if (url.pathname === '/api/memberships/31/handover' && req.method === 'GET') return json(200, held);
      if (url.pathname === '/api/organisations/3/memberships')
        return json(200, {
          memberships: [
            { id: '31', organisation_id: '3', organisation_name: 'Het Baken College', region_id: '1', role: 'mentor', active: true, name: 'Anna Jansen', user_id: '21', works_on_cases: true },
            { id: '40', organisation_id: '3', organisation_name: 'Het Baken College', region_id: '1', role: 'mentor', active: true, name: 'Joost de Mentor', user_id: '7', works_on_cases: true },
            { id: '41', organisation_id: '3', organisation_name: 'Het Baken College', region_id: '1', role: 'school_leader', active: true, name: 'Directeur', user_id: '8', works_on_cases: false },
            { id: '42', organisation_id: '3', organisation_name: 'Het Baken College', region_id: '1', role: 'mentor', active: false, name: 'Oud Collega', user_id: '9', works_on_cases: true },
          ],
        });
      if (url.pathname === '/api/memberships/31/handover' && req.method === 'POST')
        return json(200, { membership: { ...USER.memberships[0], active: false }, successor_membership_id: '40', moved: held });
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    history.replaceState(null, '', '/beheer/gebruikers/21');
    renderApp(<App />, { status: 'active', me: ADMIN });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Rol mentor bij Het Baken College beëindigen' }));
    const form = await screen.findByRole('form', { name: 'Werk van mentor bij Het Baken College overdragen' });
    expect(form).toHaveTextContent('Deze rol is regievoerder van 2 dossiers, heeft 1 open actie.');
    const who = within(form).getByLabelText('Wie neemt het over');
    // Only active colleagues who work on cases, never the role itself.
    await waitFor(() => expect(within(who).getAllByRole('option').map((o) => o.textContent)).toEqual(['Kies…', 'Joost de Mentor (mentor)']));
    await user.click(within(form).getByRole('button', { name: 'Overdragen en beëindigen' }));
    expect(within(form).getByText('Kies wie het werk overneemt.')).toBeInTheDocument();
    await user.selectOptions(who, '40');
    await user.click(within(form).getByRole('button', { name: 'Overdragen en beëindigen' }));
    expect(await screen.findByText('De rol mentor bij Het Baken College is beëindigd; Joost de Mentor heeft het werk overgenomen.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/memberships/31/handover'))!;
    expect(await post.json()).toEqual({ successor_membership_id: '40' });
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('offers no way to change one\'s own roles or account: the server says so with may.change_access', async () => {
    mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/users') return json(200, { users: [{ ...USER, may: { change_access: false } }] });
      if (url.pathname === '/api/organisations') return json(200, ORGS);
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    history.replaceState(null, '', '/beheer/gebruikers/21');
    renderApp(<App />, { status: 'active', me: ADMIN });
    expect(await screen.findByRole('heading', { level: 1, name: 'Anna Jansen' })).toBeInTheDocument();
    expect(screen.getByText(/niemand geeft zichzelf toegang/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gebruiker deactiveren' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /beëindigen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Rol toevoegen/ })).not.toBeInTheDocument();
  });

  it('creates a user with a first role, and puts a weak password message beside the field', async () => {
    let post = json(400, { error: { code: 'weak_password', message: 'weak', field: 'password' } });
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/users' && req.method === 'POST') return post;
      if (url.pathname === '/api/users') return json(200, { users: [USER] });
      if (url.pathname === '/api/organisations') return json(200, ORGS);
      return json(200, {});
    });
    history.replaceState(null, '', '/beheer/gebruikers');
    renderApp(<App />, { status: 'active', me: ADMIN });
    expect(await screen.findByRole('link', { name: 'Anna Jansen' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Zoek op naam of e-mailadres'), 'zzz');
    expect(screen.getByText('0 gebruikers.')).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Nieuwe gebruiker' });
    await user.type(within(form).getByLabelText('Naam'), 'Bram Bos');
    await user.type(within(form).getByLabelText('E-mailadres'), 'b.bos@hetbaken.example');
    await user.type(within(form).getByLabelText('Eerste wachtwoord'), 'aaaaaaaaaaaa');
    await user.selectOptions(within(form).getByLabelText('Organisatie'), 'Het Baken College');
    await user.click(within(form).getByRole('button', { name: 'Gebruiker aanmaken' }));
    // The role is missing for the organisation chosen: asked for before anything is sent.
    expect(within(form).getByLabelText('Rol')).toHaveAttribute('aria-invalid', 'true');
    await user.selectOptions(within(form).getByLabelText('Rol'), 'docent');
    await user.click(within(form).getByRole('button', { name: 'Gebruiker aanmaken' }));
    await waitFor(() => expect(within(form).getByLabelText('Eerste wachtwoord')).toHaveAttribute('aria-invalid', 'true'));
    const body = await requests.find((r) => r.method === 'POST')?.json();
    expect(body).toEqual({
      name: 'Bram Bos',
      email: 'b.bos@hetbaken.example',
      password: 'aaaaaaaaaaaa',
      memberships: [{ organisation_id: '3', role: 'teacher' }],
    });

    post = json(201, { ...USER, id: '22', name: 'Bram Bos' });
    await user.click(within(form).getByRole('button', { name: 'Gebruiker aanmaken' }));
    expect(await screen.findByText('Bram Bos is aangemaakt.')).toBeInTheDocument();
  });

  it('invites a guardian (the link shown once) and revokes an open invitation', async () => {
    let invitations = [pending('51', 'oud@ouders.example')];
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/pupils/42') return json(200, PUPIL);
      if (url.pathname === '/api/pupils/42/invitations' && req.method === 'POST') {
        invitations = [...invitations, pending('52', 'eva@ouders.example')];
        return json(201, { id: '52', token: 'tok-abc', accept_path: '/api/invitations/tok-abc/accept', expires_at: '2026-12-08T09:00:00Z', emailed: true });
      }
      if (url.pathname === '/api/pupils/42/invitations') return json(200, { invitations });
      if (url.pathname === '/api/invitations/51/revoke') {
        invitations = invitations.map((i) => (i.id === '51' ? { ...i, status: 'revoked' } : i));
        return json(200, invitations[0]);
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    history.replaceState(null, '', '/leerlingen/42/gezinsinlog');
    renderApp(<App />, { status: 'active', me: ADMIN });
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen voor het gezin van Sem de Vries' })).toBeInTheDocument();
    const user = userEvent.setup();
    // Only guardians with parental authority, and the pupil, can be invited.
    expect(screen.queryByLabelText(/Piet de Vries/)).toBeNull();
    await user.click(screen.getByLabelText('Eva de Vries (moeder)'));
    expect(screen.getByLabelText('E-mailadres voor de inlog')).toHaveValue('eva@ouders.example');
    await user.click(screen.getByRole('button', { name: 'Uitnodiging maken' }));
    expect(await screen.findByLabelText('Link voor de uitnodiging')).toHaveValue(`${location.origin}/uitnodiging/tok-abc`);
    // The server mailed it; the link stays there to pass on if the mail does not arrive.
    expect(screen.getByText(/is gemaakt en per e-mail verstuurd/)).toHaveTextContent('eva@ouders.example');
    expect(await requests.find((r) => r.method === 'POST')?.json()).toEqual({ guardian_id: '7', email: 'eva@ouders.example' });

    await user.click(screen.getByRole('button', { name: 'Uitnodiging voor oud@ouders.example intrekken' }));
    expect(await screen.findByText(/De uitnodiging voor oud@ouders.example is ingetrokken/)).toBeInTheDocument();
    const row = (await screen.findAllByRole('row')).find((r) => r.textContent?.includes('oud@ouders.example'));
    expect(row).toHaveTextContent('ingetrokken');
    expect(screen.queryByLabelText('Link voor de uitnodiging')).toBeNull(); // shown once
  });

  it('accepts an invitation without being logged in: a password, then logged in with it', async () => {
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/invitations/tok-xyz/accept') {
        return json(201, { user_id: '90', email: 'eva@ouders.example', membership_id: '91', role: 'guardian', pupil_id: '42' });
      }
      if (url.pathname === '/api/session') {
        return json(200, {
          ...ADMIN,
          user: { ...ADMIN.user, name: 'Eva de Vries' },
          active_membership: { ...ADMIN.active_membership, role: 'guardian' },
          workspace: 'family',
          may: MAY.family,
        });
      }
      return json(200, { pupils: [] });
    });
    history.replaceState(null, '', '/uitnodiging/tok-xyz');
    renderApp(<App />, { status: 'anonymous' });
    expect(screen.getByRole('heading', { level: 1, name: 'Uitnodiging voor Samen' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), 'vier woorden op een rij');
    await user.type(screen.getByLabelText('Herhaal het wachtwoord'), 'vier woorden op een rj');
    await user.click(screen.getByRole('button', { name: 'Inlog aanmaken' }));
    expect(screen.getByLabelText('Herhaal het wachtwoord')).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(0);

    await user.clear(screen.getByLabelText('Herhaal het wachtwoord'));
    await user.type(screen.getByLabelText('Herhaal het wachtwoord'), 'vier woorden op een rij');
    await user.click(screen.getByRole('button', { name: 'Inlog aanmaken' }));
    expect(await screen.findByText('Ingelogd als Eva de Vries')).toBeInTheDocument();
    expect(await requests[0]?.json()).toEqual({ password: 'vier woorden op een rij' });
    expect(await requests[1]?.json()).toEqual({ email: 'eva@ouders.example', password: 'vier woorden op een rij' });
    expect(location.pathname).toBe('/gezin');
  });
});
