import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../api/client';
import { ME, renderApp } from '../../test/helpers';
import { FamilyTeamList } from './FamilyTeamList';

const seat = (membership_id: string, role: string, organisation_name: string, removed_at: string | null = null) => ({
  membership_id,
  user_id: null,
  name: null,
  organisation_id: `o${membership_id}`,
  organisation_name,
  role,
  reason: null,
  added_by_user_id: '1',
  added_at: '2026-09-01T08:00:00.000Z',
  removed_at,
  removed_by_user_id: null,
});

const KASE = {
  id: '5',
  pupil_id: '7',
  pupil_name: 'Sem de Vries',
  school_id: '2',
  lead_membership_id: '40',
  categories: ['home'],
  level: 3,
  status: 'open',
  outcome: null,
  outcome_note: null,
  review_date: null,
  opened_by_user_id: '1',
  opened_at: '2026-09-01T08:00:00.000Z',
  closed_at: null,
  version: 1,
  lead: { membership_id: '40', user_id: '4', name: 'Mira Zorg', organisation_id: '2', organisation_name: 'Het Baken College', role: 'care_coordinator' },
  team: [seat('50', 'family_worker', 'Buurtteam Lindeveld-Oost'), seat('60', 'youth_health', 'GGD Lindeveld', '2026-10-01T08:00:00.000Z')],
  level_history: [],
  escalations: 0,
  view: 'full',
  goals: [],
  actions: [],
} as unknown as Case;

describe('FamilyTeamList', () => {
  it('names the lead as the contact and everyone else at the table by role and organisation', () => {
    renderApp(<FamilyTeamList kase={KASE} />, { status: 'active', me: ME });
    const list = screen.getByRole('list', { name: /Wie aan tafel zitten/ });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Mira Zorg, zorgcoördinator bij Het Baken College (jullie contactpersoon)',
      'gezinswerker bij Buurtteam Lindeveld-Oost',
    ]);
    expect(list.textContent).not.toContain('null');
  });

  it('says so when nobody sits at the table', () => {
    renderApp(<FamilyTeamList kase={{ ...KASE, lead: undefined, team: [] }} />, { status: 'active', me: ME });
    expect(screen.getByText('Er zit nog niemand van buiten de school aan tafel.')).toBeInTheDocument();
  });
});
