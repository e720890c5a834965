import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, ME, mockFetch, renderApp } from '../../test/helpers';
import { TeamBasis } from './TeamBasis';

const row = (membership_id: string, name: string, role: string, extra: Record<string, string>) => ({
  membership_id,
  user_id: `u${membership_id}`,
  name,
  role,
  organisation: role === 'family_worker' ? 'Buurtteam' : 'Gemeente',
  allowed: 'legal_basis' in extra,
  rule: 'entry.8_crossing_organisations',
  reasons: [],
  ...extra,
});

describe('TeamBasis', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the audience preview per subject and folds it per person, leaving out the viewer and the family', async () => {
    const { requests } = mockFetch(async (req) => {
      const { category } = (await req.json()) as { category: string };
      const me = row(ME.active_membership.id, 'Joost', 'mentor', { legal_basis: 'author' });
      const parent = row('70', 'Ouder', 'guardian', { reason: 'not_for_family' });
      const officer = category === 'attendance'
        ? row('20', 'Hans', 'attendance_officer', { legal_basis: 'legal_duty' })
        : row('20', 'Hans', 'attendance_officer', { reason: 'no_legal_basis' });
      const worker = category === 'home' || category === 'wellbeing'
        ? row('30', 'Tom', 'family_worker', { legal_basis: 'consent' })
        : row('30', 'Tom', 'family_worker', { reason: 'no_legal_basis' });
      const all = [me, parent, officer, worker];
      return json(200, { will_see: all.filter((r) => r.allowed), will_not_see: all.filter((r) => !r.allowed) });
    });
    renderApp(<TeamBasis caseId="5" membershipId={ME.active_membership.id} version={1} />, { status: 'active', me: ME });
    const table = await screen.findByRole('table', { name: /Grond per persoon en onderwerp/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2); // Hans and Tom: not the viewer, not the guardian
    const tom = rows.find((r) => r.textContent?.includes('Tom'))!;
    expect(within(tom).getByText('toestemming: Welbevinden, Thuissituatie')).toBeInTheDocument();
    expect(within(tom).getByText(/^geen grond om te delen .*: Verzuim, Gedrag, Leren, Gezondheid, Veiligheid$/)).toBeInTheDocument();
    const hans = rows.find((r) => r.textContent?.includes('Hans'))!;
    expect(within(hans).getByText('wettelijke plicht (leerplicht): Verzuim')).toBeInTheDocument();
    expect(requests).toHaveLength(7);
    expect(await requests[0]!.json()).toEqual({ category: 'attendance', audience: 'case_team', family_visible: false });
  });
});
