import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/client';
import { json, ME, mockFetch, NOTHING, renderApp } from '../../test/helpers';
import { App } from '../../App';

const NURSE: Me = {
  ...ME,
  user: { ...ME.user, id: '9', name: 'Sevda Jeugdverpleegkundige' },
  memberships: [{ id: '19', organisation_id: '6', organisation_name: 'GGD', region_id: '1', role: 'youth_health', active: true }],
  active_membership: { id: '19', organisation_id: '6', organisation_name: 'GGD', region_id: '1', role: 'youth_health', active: true },
  may: { ...NOTHING, list_cases: true, list_organisations: true },
};

const summary = (id: string, pupil_name: string, review_date: string | null, status: 'open' | 'closed' = 'open') => ({
  id,
  pupil_id: `p${id}`,
  pupil_name,
  school_id: '3',
  lead_membership_id: null,
  categories: ['attendance', 'health'],
  level: 3,
  status,
  review_date,
  opened_by_user_id: '4',
  opened_at: '2026-09-10T12:00:00.000Z',
  version: 1,
});

describe('CasesPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('is where a youth professional starts: open cases with names, a passed review said in words', async () => {
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/cases' && url.searchParams.get('status') === 'all')
        return json(200, { cases: [summary('1', 'Sanne Dijk', '2020-01-01'), summary('2', 'Daan van Dam', null, 'closed')] });
      if (url.pathname === '/api/cases') return json(200, { cases: [summary('1', 'Sanne Dijk', '2020-01-01')] });
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    renderApp(<App />, { status: 'active', me: NURSE });
    const table = await screen.findByRole('table', { name: 'Dossiers — Open' });
    const row = within(table).getByRole('row', { name: /Sanne Dijk/ });
    expect(row).toHaveTextContent('01-01-2020 — verlopen');
    expect(row).toHaveTextContent('Verzuim, Gezondheid');
    expect(within(row).getByRole('link', { name: 'Sanne Dijk' })).toHaveAttribute('href', '/dossiers/1');
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).not.toHaveTextContent('Leerlingen');
    expect(new URL(requests[0]!.url).searchParams.get('status')).toBe('open');

    await userEvent.setup().selectOptions(screen.getByLabelText('Welke dossiers'), 'all');
    const all = await screen.findByRole('table', { name: 'Dossiers — Alle' });
    expect(within(all).getByRole('row', { name: /Daan van Dam/ })).toHaveTextContent('gesloten');
    expect(location.search).toBe('?status=all');
  });
});
