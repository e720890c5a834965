import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ME, NOTHING, json, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';

const OFFICER = {
  ...ME,
  user: { ...ME.user, name: 'Marco Privacy' },
  active_membership: { ...ME.active_membership, role: 'privacy_officer' as const, organisation_id: '2', organisation_name: 'Gemeente Lindeveld' },
  may: { ...NOTHING, list_organisations: true, read_audit_log: true, explain_others: true, read_access_report: true },
  memberships: [],
};
const ENTRY = {
  seq: 812,
  at: '2026-12-01T09:15:00Z',
  actor_user_id: '14',
  actor_organisation_id: '3',
  actor_role: 'family_worker',
  action: 'read',
  pupil_id: '42',
  resource_type: 'entry',
  resource_id: '77',
  decision: 'deny',
  reason: 'not_on_case_team',
  legal_basis: null,
  request_id: 'r1',
  client_address: '127.0.0.1',
  hash: 'ab',
};

describe('privacy officer screens', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('shows where the chain is broken, filters the log, and says each row in plain words', async () => {
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/audit/verify') {
        return json(200, { intact: false, entries: 900, head: '900:ff', first_bad_seq: 512, problem: 'hash does not recompute' });
      }
      if (url.pathname === '/api/organisations') {
        return json(200, { organisations: [{ id: '3', region_id: '1', name: 'Buurtteam Oost', type: 'neighbourhood_team', school_type: null, active: true, version: 1 }] });
      }
      if (url.pathname === '/api/audit') return json(200, { entries: [ENTRY], next_before_seq: null });
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    renderApp(<App />, { status: 'active', me: OFFICER });
    expect(await screen.findByRole('heading', { level: 1, name: 'Logboek' })).toBeInTheDocument();
    expect(await screen.findByText(/De keten is verbroken bij regel 512: hash does not recompute/)).toBeInTheDocument();
    const row = within(await screen.findByRole('table', { name: 'Logboek, nieuwste eerst' })).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('1 december 2026, 10:15');
    expect(row).toHaveTextContent('gebruiker 14');
    expect(row).toHaveTextContent('gezinswerker bij Buurtteam Oost');
    expect(row).toHaveTextContent('gelezen: item 77');
    expect(row).toHaveTextContent('geweigerd');
    expect(row).toHaveTextContent('zit niet aan tafel bij dit dossier');
    expect(within(row).getByRole('link', { name: 'Waarom? (item 77)' })).toHaveAttribute(
      'href',
      '/privacy/uitleg?gebruiker=14&item=77&moment=2026-12-01T09%3A15%3A00Z',
    );

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Leerling (nummer in Samen)'), '42');
    await user.type(screen.getByLabelText('Van (dd-mm-jjjj)'), '31-11-2026');
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    expect(screen.getByLabelText('Van (dd-mm-jjjj)')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByLabelText('Van (dd-mm-jjjj)'));
    await user.type(screen.getByLabelText('Van (dd-mm-jjjj)'), '01-11-2026');
    await user.type(screen.getByLabelText('Tot en met (dd-mm-jjjj)'), '30-11-2026');
    await user.click(screen.getByLabelText('Alleen geweigerde pogingen'));
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    await waitFor(() => {
      const query = new URL(requests.filter((r) => new URL(r.url).pathname === '/api/audit').at(-1)!.url).searchParams;
      expect(Object.fromEntries(query)).toEqual({
        pupil_id: '42',
        from: '2026-10-31T23:00:00.000Z',
        until: '2026-11-30T23:00:00.000Z',
        denied_only: 'true',
        limit: '50',
      });
    });
    expect(location.search).toBe('?leerling=42&van=2026-11-01&tot=2026-11-30&geweigerd=ja');
  });

  it('says in words when signed checkpoints show a deleted tail or a re-chained stretch', async () => {
    const checkpoints = (over: object) => ({
      status: 'ok', checked: 4, unsigned_entries: 3, bad_signatures: 0, missing_tail: null, rechained: null,
      last_signed: { seq: 897, at: '2026-12-01T09:15:00Z', key_id: 'k' }, problems: [], ...over,
    });
    let answer: object = checkpoints({});
    mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/audit/verify') return json(200, { intact: true, entries: 900, head: '900:ff', checkpoints: answer });
      if (url.pathname === '/api/audit') return json(200, { entries: [], next_before_seq: null });
      return json(200, { organisations: [] });
    });
    renderApp(<App />, { status: 'active', me: OFFICER });
    expect(await screen.findByText(/Ondertekend tot en met regel 897 \(1 december 2026, 10:15\); 3 regels daarna/)).toBeInTheDocument();

    answer = checkpoints({
      status: 'tampered', missing_tail: { from_seq: 901, to_seq: 950 }, rechained: { from_seq: 700, to_seq: 897 },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Opnieuw controleren' }));
    expect(await screen.findByText(/Regels 901 tot en met 950 ontbreken/)).toHaveTextContent(
      /Regels 700 tot en met 897 zijn herschreven .* Meld dit direct als beveiligingsincident/,
    );

    answer = checkpoints({ status: 'not_configured', last_signed: null });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Opnieuw controleren' }));
    expect(await screen.findByText(/Het logboek wordt niet ondertekend/)).toBeInTheDocument();
  });

  it('explains a decision for a user, entry and moment filled in from the address', async () => {
    const { requests } = mockFetch(() =>
      json(200, {
        allowed: false,
        rule: 'entry.4_need_to_know',
        reason: 'not_on_case_team',
        reasons: ['the viewer is not on the case team'],
        user_id: '14',
        membership_id: '30',
        role: 'family_worker',
        at: '2026-12-01T09:15:00Z',
      }),
    );
    history.replaceState(null, '', '/privacy/uitleg?gebruiker=14&item=77&moment=2026-12-01T09%3A15%3A00Z');
    renderApp(<App />, { status: 'active', me: OFFICER });
    expect(await screen.findByRole('heading', { level: 1, name: 'Uitleg inzage' })).toBeInTheDocument();
    expect(screen.getByLabelText('Datum (dd-mm-jjjj)')).toHaveValue('01-12-2026');
    expect(screen.getByLabelText('Tijd (uu:mm)')).toHaveValue('10:15');
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Tijd (uu:mm)'));
    await user.type(screen.getByLabelText('Tijd (uu:mm)'), '8:30');
    await user.click(screen.getByRole('button', { name: 'Uitleggen' }));
    expect(await screen.findByText('Mag het item niet zien')).toBeInTheDocument();
    expect(screen.getByText('entry.4_need_to_know')).toBeInTheDocument();
    expect(screen.getByText('zit niet aan tafel bij dit dossier')).toBeInTheDocument();
    expect(screen.getByText('the viewer is not on the case team').closest('ul')).toHaveAttribute('lang', 'en');
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/entries/77/explain');
    expect(Object.fromEntries(url.searchParams)).toEqual({ user: '14', at: '2026-12-01T07:30:00.000Z' });
  });
});
