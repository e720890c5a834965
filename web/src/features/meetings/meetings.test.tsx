import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, MAY, ME, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';
import type { Schemas } from '../../api/client';

type Why = Schemas['AgendaItem']['attendees'][number]['why'];

const attendee = (membership_id: string, name: string, role: string, why: Why) => ({
  membership_id,
  name,
  role,
  organisation_name: role === 'family_worker' ? 'Buurtteam Lindeveld-Oost' : 'Het Baken College',
  why,
});

const MEETING: Schemas['Meeting'] = {
  id: '5',
  series_id: '1',
  school_id: '3',
  kind: 'case_consultation',
  title: 'Zorgoverleg Het Baken',
  starts_at: '2026-12-08T07:30:00Z',
  duration_minutes: 90,
  place: 'Lokaal 1.12',
  video_link: 'https://video.example/zorgoverleg',
  status: 'planned',
  chair_membership_id: '12',
  version: 1,
  sees_every_item: false,
  may: { plan: false },
  items: [
    {
      id: '21',
      case_id: '7',
      reason: 'review_due',
      reasons: ['review_due', 'overdue_actions'],
      named: true,
      pupil: { id: '40', name: 'Sanne Bakker', class: '2A' },
      categories: ['attendance', 'home'],
      starts_at: null,
      attendees: [attendee('13', 'Mirjam Maatschappelijk Werk', 'school_care_worker', 'lead'), attendee('11', 'Tom Gezinswerker', 'family_worker', 'case_team')],
    },
    {
      id: '22',
      reason: 'review_due',
      reasons: ['review_due'],
      named: false,
      anonymous_reason: 'no_legal_basis',
      categories: ['behaviour', 'home'],
      starts_at: null,
      attendees: [attendee('11', 'Tom Gezinswerker', 'family_worker', 'case_team')],
    },
  ],
};

describe('meetings', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('lists the meetings one takes part in, with one’s own items counted', async () => {
    mockFetch(() =>
      json(200, { meetings: [{ id: '5', series_id: '1', kind: 'case_consultation', title: 'Zorgoverleg Het Baken', starts_at: MEETING.starts_at, duration_minutes: 90, place: 'Lokaal 1.12', status: 'planned', items_for_you: 2 }] }),
    );
    history.replaceState(null, '', '/overleg');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.mentor } });
    expect(await screen.findByText('1 overleg')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '8 december 2026, 08:30' })).toHaveAttribute('href', '/overleg/5');
    expect(screen.getByText('2 punten')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Overleg' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows a named item with its case and an anonymous one that says why and names nobody', async () => {
    mockFetch(() => json(200, MEETING));
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.mentor } });
    const named = await screen.findByRole('article', { name: 'Punt 1: Sanne Bakker' });
    expect(within(named).getByRole('link', { name: 'Naar het dossier' })).toHaveAttribute('href', '/dossiers/7');
    expect(within(named).getByText('evaluatie, acties over de datum')).toBeInTheDocument();
    expect(within(named).getByText(/Tom Gezinswerker \(gezinswerker, Buurtteam Lindeveld-Oost\) — aan tafel/)).toBeInTheDocument();
    const anonymous = screen.getByRole('article', { name: 'Punt 2: leerling zonder naam' });
    expect(within(anonymous).getByText(/geen grondslag/)).toBeInTheDocument();
    expect(within(anonymous).queryByRole('link')).toBeNull();
    expect(screen.getByText('Je ziet alleen de punten waarvoor je bent uitgenodigd.')).toBeInTheDocument();
  });

  it('says a meeting one is not invited to does not exist for one', async () => {
    mockFetch(() => json(404, { error: { code: 'not_found', message: 'no such meeting' } }));
    history.replaceState(null, '', '/overleg/9');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.mentor } });
    expect(await screen.findByText('Dit overleg bestaat niet, of je bent er niet voor uitgenodigd.')).toBeInTheDocument();
  });
});
