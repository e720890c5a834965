import { screen, within } from '@testing-library/react';
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

const GRANT = {
  seq: 905,
  at: '2026-12-02T08:05:00Z',
  change: 'create',
  subject: 'membership',
  membership_id: '61',
  user: { id: '3', name: 'Ria Beheerder' },
  organisation: { id: '4', name: 'Het Baken College' },
  role: 'care_coordinator',
  granted_by: { id: '40', name: 'Bram Tweede', role: 'admin', organisation: { id: '2', name: 'Gemeente Lindeveld' } },
  invited_by: null,
};
const SWITCHED_OFF = {
  seq: 700,
  at: '2026-11-30T15:00:00Z',
  change: 'deactivate',
  subject: 'user',
  membership_id: null,
  user: { id: '9', name: 'Kees Oud' },
  organisation: null,
  role: null,
  granted_by: { id: '3', name: 'Ria Beheerder', role: 'admin', organisation: { id: '2', name: 'Gemeente Lindeveld' } },
  invited_by: null,
};
const FAMILY = {
  seq: 650,
  at: '2026-11-29T10:00:00Z',
  change: 'create',
  subject: 'membership',
  membership_id: '70',
  user: { id: '55', name: 'Eva de Vries' },
  organisation: { id: '4', name: 'Het Baken College' },
  role: 'guardian',
  granted_by: { id: '55', name: 'Eva de Vries', role: 'guardian', organisation: { id: '4', name: 'Het Baken College' } },
  invited_by: { id: '12', name: 'Zeynep Zorg' },
};

describe('the report of new access', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('lists who got which role where and who granted it, and pages back', async () => {
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname !== '/api/audit/access-changes') return json(404, { error: { code: 'not_found', message: 'no' } });
      if (url.searchParams.get('before_seq') === '905') return json(200, { changes: [SWITCHED_OFF, FAMILY], next_before_seq: null });
      return json(200, { changes: [GRANT], next_before_seq: 905 });
    });
    history.replaceState(null, '', '/privacy/nieuwe-toegang');
    renderApp(<App />, { status: 'active', me: OFFICER });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nieuwe toegang in de regio' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nieuwe toegang' })).toHaveAttribute('href', '/privacy/nieuwe-toegang');
    const table = await screen.findByRole('table', { name: 'Nieuwe toegang, nieuwste eerst' });
    const first = within(table).getAllByRole('row')[1]!;
    expect(first).toHaveTextContent('2 december 2026, 09:05');
    expect(first).toHaveTextContent('rol gegeven');
    expect(first).toHaveTextContent('zorgcoördinator bij Het Baken College');
    expect(within(first).getByRole('link', { name: 'Ria Beheerder' })).toHaveAttribute('href', '/privacy/logboek?gebruiker=3');
    expect(within(first).getByRole('link', { name: 'Bram Tweede, als beheerder bij Gemeente Lindeveld' })).toHaveAttribute(
      'href',
      '/privacy/logboek?gebruiker=40',
    );
    expect(new URL(requests[0]!.url).searchParams.get('limit')).toBe('50');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Oudere wijzigingen laden' }));
    const second = (await within(table).findAllByRole('row'))[2]!;
    expect(second).toHaveTextContent('account uitgezet');
    expect(second).toHaveTextContent('het account (alle rollen)');
    const family = within(table).getAllByRole('row')[3]!;
    expect(family).toHaveTextContent('na een uitnodiging van Zeynep Zorg');
    expect(screen.queryByRole('button', { name: 'Oudere wijzigingen laden' })).not.toBeInTheDocument();
  });

  it('says so when nobody was given access', async () => {
    mockFetch(() => json(200, { changes: [], next_before_seq: null }));
    history.replaceState(null, '', '/privacy/nieuwe-toegang');
    renderApp(<App />, { status: 'active', me: OFFICER });
    expect(await screen.findByText('Er is nog niemand toegang gegeven of ontnomen.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the refusal the server gives anyone else, and no table', async () => {
    mockFetch(() => json(403, { error: { code: 'forbidden', message: 'only the privacy officer reads the report of new access in the region' } }));
    history.replaceState(null, '', '/privacy/nieuwe-toegang');
    renderApp(<App />, { status: 'active', me: ME });
    expect(await screen.findByText('Dit mag je niet met je huidige rol.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
