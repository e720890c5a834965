import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case, ChronologyEntry } from '../../api/client';
import { json, ME, mockFetch, renderApp } from '../../test/helpers';
import { CasePage } from './CasePage';

const CASE: Case = {
  id: '1',
  pupil_id: '2',
  pupil_name: 'Sanne de Vries',
  school_id: '3',
  lead_membership_id: null,
  categories: ['attendance'],
  level: 3,
  status: 'open',
  opened_at: '2026-09-10T12:00:00.000Z',
  opened_by_user_id: '4',
  review_date: '2026-12-03',
  version: 1,
  team: [],
  level_history: [],
  escalations: 0,
  view: 'full',
  goals: [],
  actions: [],
  may: { edit: false, close: false, change_level: false, add_member: false, remove_member: false, add_goal: false, add_action: false, write_entry: false, add_family_view: false, read_safety_decisions: false, record_safety_decision: false, put_forward: false },
  put_forward: null,
};

const entry = (id: string, text: string, family = false): ChronologyEntry => ({
  id,
  case_id: '1',
  pupil_id: '2',
  kind: 'conversation',
  category: 'attendance',
  audience: 'case_team',
  family_visible: family,
  text,
  created_at: '2026-09-20T08:00:00.000Z',
  author: { user_id: '9', membership_id: '8', organisation_id: '5', role: 'school_care_worker', name: 'Mirjam' },
  access: { rule: 'entry.8_crossing_organisations', legal_basis: 'consent' },
  corrected_by: [],
  may: { correct: false },
});

describe('CasePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the header, the badges of each entry, and pages through the chronology', async () => {
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/cases/1') return json(200, CASE);
      if (url.pathname === '/api/pupils/2') return json(404, { error: { code: 'not_found', message: 'no' } });
      if (url.pathname.endsWith('/preview')) return json(200, { will_see: [], will_not_see: [] }); // TeamBasis
      if (url.pathname === '/api/organisations') return json(200, { organisations: [] });
      if (url.searchParams.get('after') === 'p2') return json(200, { entries: [entry('11', 'Tweede pagina')] });
      return json(200, { entries: [entry('10', 'Eerste gesprek', true)], next: 'p2' });
    });
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    expect(await screen.findByText('Eerste gesprek')).toBeInTheDocument();
    expect(screen.getByText('03-12-2026')).toBeInTheDocument(); // review date, Dutch notation
    expect(screen.getByText('Voor: casusteam')).toBeInTheDocument();
    expect(screen.getByText('Zichtbaar voor gezin')).toBeInTheDocument();
    expect(screen.getByText('Waarom zie ik dit?')).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Meer items laden' }));
    expect(await screen.findByText('Tweede pagina')).toBeInTheDocument();
    expect(screen.getByText('Eerste gesprek')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Meer items laden' })).not.toBeInTheDocument();
    const pageRequests = requests.filter((r) => r.url.includes('/entries?'));
    expect(new URL(pageRequests[1]!.url).searchParams.get('after')).toBe('p2');
  });

  it('asks for the first chronology page beside the case, not after it, and only once', async () => {
    // The case answers only once the chronology has been asked for: a page that waited for
    // the case before asking would never show the entry.
    let chronologyAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => (chronologyAsked = resolve));
    const { requests } = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/cases/1') {
        await asked;
        return json(200, CASE);
      }
      if (url.pathname.endsWith('/preview')) return json(200, { will_see: [], will_not_see: [] });
      if (url.pathname === '/api/organisations') return json(200, { organisations: [] });
      if (url.pathname === '/api/cases/1/entries') {
        chronologyAsked();
        return json(200, { entries: [entry('10', 'Eerste gesprek')] });
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    expect(await screen.findByText('Eerste gesprek')).toBeInTheDocument();
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/cases/1/entries')).toHaveLength(1);
  });

  it('asks the server for the chosen category and audience, and starts again from page one', async () => {
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/cases/1') return json(200, CASE);
      if (url.pathname === '/api/pupils/2') return json(404, { error: { code: 'not_found', message: 'no' } });
      if (url.pathname.endsWith('/preview')) return json(200, { will_see: [], will_not_see: [] }); // TeamBasis
      if (url.pathname === '/api/organisations') return json(200, { organisations: [] });
      if (url.searchParams.get('audience') === 'school') return json(200, { entries: [] });
      return json(200, { entries: [entry('10', 'Eerste gesprek')], next: 'p2' });
    });
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    await screen.findByText('Eerste gesprek');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Filter: voor wie'), 'school');
    await user.selectOptions(screen.getByLabelText('Filter: onderwerp'), 'attendance');
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    expect(await screen.findByText('Geen items die jij mag zien.')).toBeInTheDocument();
    const last = new URL(requests.filter((r) => r.url.includes('/entries?')).at(-1)!.url);
    expect(last.searchParams.get('audience')).toBe('school');
    expect(last.searchParams.get('category')).toBe('attendance');
    expect(last.searchParams.get('after')).toBeNull();
  });

  it('is a workspace: the case\'s state in view, each part one step away, the part kept in the address', async () => {
    mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/cases/1') return json(200, { ...CASE, actions: [{ id: '40', case_id: '1', text: 'Bellen', owner_membership_id: '8', done: false, version: 1 }] });
      if (url.pathname.endsWith('/preview')) return json(200, { will_see: [], will_not_see: [] });
      if (url.pathname === '/api/organisations') return json(200, { organisations: [] });
      return json(200, { entries: [entry('10', 'Eerste gesprek')] });
    });
    history.replaceState(null, '', '/dossiers/1#case-actions');
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    const summary = await screen.findByRole('region', { name: 'Dossier in het kort' });
    expect(summary).toHaveTextContent('Dossier van Sanne de Vries');
    expect(summary).toHaveTextContent('open');
    expect(summary).toHaveTextContent('3 — ');
    expect(summary).toHaveTextContent('Evaluatie: 03-12-2026');
    expect(summary).toHaveTextContent('1 open actie');
    // Opened on a part: its heading has the focus.
    expect(screen.getByRole('heading', { name: 'Acties' })).toHaveFocus();
    const index = screen.getByRole('navigation', { name: 'Op deze pagina' });
    await userEvent.setup().click(within(index).getByRole('link', { name: 'Chronologie' }));
    expect(screen.getByRole('heading', { name: 'Chronologie' })).toHaveFocus();
    expect(location.hash).toBe('#case-chronology');
    history.replaceState(null, '', '/');
  });
});
