// The safety-decision section of the case page: shown as the case's `may` says (the UI
// decides nothing), the decisions with who, why, the steps, who may receive and the
// period; recording one sends what the form holds; and the basis details in explain and
// in the team's basis.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case, ChronologyEntry, Schemas } from '../../api/client';
import { json, ME, mockFetch, renderApp } from '../../test/helpers';
import { CasePage } from './CasePage';

// Only the safety flags matter here; the case's other flags are off.
const MAY_OTHERS = { edit: false, close: false, change_level: false, add_member: false, remove_member: false, add_goal: false, add_action: false, write_entry: false, add_family_view: false, put_forward: false };
const MAY_ALL = { ...MAY_OTHERS, read_safety_decisions: true, record_safety_decision: true };
const MAY_NONE = { ...MAY_OTHERS, read_safety_decisions: false, record_safety_decision: false };

const CASE: Case = {
  id: '1',
  pupil_id: '2',
  pupil_name: 'Sanne de Vries',
  school_id: '3',
  lead_membership_id: null,
  categories: ['safety'],
  level: 4,
  status: 'open',
  opened_at: '2026-10-19T08:00:00.000Z',
  opened_by_user_id: '4',
  review_date: '2026-12-01',
  version: 1,
  team: [],
  level_history: [],
  escalations: 0,
  goals: [],
  actions: [],
  view: 'full',
  may: MAY_ALL,
  put_forward: null,
};

const DECISION: Schemas['SafetyDecision'] = {
  id: '70',
  case_id: '1',
  organisation_ids: ['9'],
  organisations: [{ id: '9', name: 'Buurtteam Lindeveld-Oost' }],
  reason: 'Vermoeden van huiselijk geweld',
  steps: 'Stap 1: signalen in kaart brengen\nStap 2: collegiale consultatie',
  valid_from: '2026-10-19T22:00:00.000Z',
  valid_until: '2027-01-19T23:00:00.000Z',
  status: 'active',
  decided_by_user_id: '4',
  decided_by: {
    user_id: '4',
    name: 'Ellen Zorgcoördinator',
    membership_id: '12',
    role: 'care_coordinator',
    organisation_id: '3',
    organisation_name: 'Het Baken College',
  },
  recorded_at: '2026-10-20T08:00:00.000Z',
};

const ORGS = {
  organisations: [
    { id: '3', region_id: '1', name: 'Het Baken College', type: 'school', school_type: 'secondary', active: true, version: 1 },
    { id: '9', region_id: '1', name: 'Buurtteam Lindeveld-Oost', type: 'neighbourhood_team', school_type: null, active: true, version: 1 },
    { id: '7', region_id: '1', name: 'GGD Lindeveld', type: 'health_service', school_type: null, active: true, version: 1 },
  ],
};

const ENTRY: ChronologyEntry = {
  id: '10',
  case_id: '1',
  pupil_id: '2',
  kind: 'observation',
  category: 'home',
  audience: 'case_team',
  family_visible: false,
  text: 'Eerste gesprek met moeder',
  created_at: '2026-10-27T14:00:00.000Z',
  author: { user_id: '9', membership_id: '8', organisation_id: '3', role: 'care_coordinator', name: 'Ellen' },
  access: { rule: 'entry.8_crossing_organisations', legal_basis: 'safety' },
  corrected_by: [],
  may: { correct: false },
};

function serve(kase: Case, decisions: Schemas['SafetyDecision'][] = [DECISION]) {
  return mockFetch((req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/cases/1') return json(200, kase);
    if (url.pathname === '/api/organisations') return json(200, ORGS);
    if (url.pathname === '/api/cases/1/safety-decisions' && req.method === 'GET') return json(200, { safety_decisions: decisions });
    if (url.pathname === '/api/cases/1/safety-decisions') return json(201, DECISION);
    if (url.pathname.endsWith('/preview'))
      return json(200, {
        will_see: [
          {
            allowed: true,
            rule: 'entry.8_crossing_organisations',
            legal_basis: 'safety',
            safety_decision_id: '70',
            safety_decision: DECISION,
            reasons: [],
            user_id: '20',
            membership_id: '21',
            role: 'family_worker',
            name: 'Tom Gezinswerker',
            organisation: 'Buurtteam Lindeveld-Oost',
          },
        ],
        will_not_see: [],
      });
    if (url.pathname === '/api/entries/10/explain')
      return json(200, {
        allowed: true,
        rule: 'entry.8_crossing_organisations',
        legal_basis: 'safety',
        safety_decision_id: '70',
        safety_decision: DECISION,
        reasons: ['rule 8: safety decision 70 names the viewer’s organisation'],
        user_id: '7',
        membership_id: '11',
        role: 'mentor',
        at: '2026-11-01T10:00:00.000Z',
      });
    if (url.pathname === '/api/cases/1/entries') return json(200, { entries: [ENTRY] });
    return json(404, { error: { code: 'not_found', message: 'no' } });
  });
}

describe('safety decisions on the case page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists who decided, why, the steps, who may receive and the period', async () => {
    serve(CASE);
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    const section = within((await screen.findByRole('heading', { name: 'Veiligheidsbesluiten (Meldcode)' })).closest('section')!);
    expect(await section.findByText('Ellen Zorgcoördinator (zorgcoördinator, Het Baken College)')).toBeInTheDocument();
    expect(section.getByText('Vermoeden van huiselijk geweld')).toBeInTheDocument();
    expect(section.getByText(/Stap 2: collegiale consultatie/)).toBeInTheDocument();
    expect(section.getByText('Buurtteam Lindeveld-Oost')).toBeInTheDocument();
    expect(section.getByText('van 20-10-2026 tot 20-01-2027')).toBeInTheDocument();
    expect(section.getByText('Van kracht')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Veiligheidsbesluiten (Meldcode)' })).toHaveAttribute('href', '#case-safety');
  });

  it('is not there when the case says the viewer may not read them, and asks nothing', async () => {
    const { requests } = serve({ ...CASE, may: MAY_NONE });
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    await screen.findByText('Eerste gesprek met moeder');
    expect(screen.queryByRole('heading', { name: 'Veiligheidsbesluiten (Meldcode)' })).not.toBeInTheDocument();
    expect(requests.some((r) => r.url.includes('safety-decisions'))).toBe(false);
  });

  it('records a decision with the Meldcode steps, the organisations and the period', async () => {
    const { requests } = serve(CASE, []);
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Veiligheidsbesluit vastleggen' }));
    await user.click(screen.getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await screen.findByText('Schrijf de reden van het besluit op.')).toBeInTheDocument();
    expect(screen.getByText('Kies de stappen die gezet zijn.')).toBeInTheDocument();
    expect(screen.getByText('Kies minstens één organisatie.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/safety-decisions'))).toBe(false);

    await user.click(screen.getByLabelText('Reden van het besluit'));
    await user.paste('Vermoeden van huiselijk geweld');
    await user.click(screen.getByLabelText('Stap 1: signalen in kaart brengen'));
    await user.click(screen.getByLabelText('Stap 2: collegiale consultatie en zo nodig Veilig Thuis raadplegen'));
    await user.click(screen.getByLabelText('Toelichting op de stappen (niet verplicht)'));
    await user.paste('Overleg met Veilig Thuis op 18-10');
    const form = within(screen.getByRole('form', { name: 'Nieuw veiligheidsbesluit' }));
    expect(form.queryByLabelText('Het Baken College')).not.toBeInTheDocument(); // the school itself
    await user.click(form.getByLabelText('Buurtteam Lindeveld-Oost'));
    await user.clear(screen.getByLabelText('Geldig vanaf'));
    await user.paste('20-10-2026');
    await user.clear(screen.getByLabelText('Geldig tot'));
    await user.paste('20-01-2027');
    await user.click(screen.getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await screen.findByText(/Het veiligheidsbesluit is vastgelegd/)).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/safety-decisions'))!;
    expect(await post.json()).toEqual({
      organisation_ids: ['9'],
      reason: 'Vermoeden van huiselijk geweld',
      steps: 'Stap 1: signalen in kaart brengen\nStap 2: collegiale consultatie en zo nodig Veilig Thuis raadplegen\nOverleg met Veilig Thuis op 18-10',
      valid_from: '2026-10-20',
      valid_until: '2027-01-20',
    });
  }, 20000); // a whole form, typed

  it('names the decision in the team’s basis and in “why can I see this?”', async () => {
    serve({ ...CASE, may: MAY_NONE });
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    const basis = within((await screen.findByRole('heading', { name: /Op welke grond/ })).closest('section')!);
    expect(
      await basis.findByText(
        'Op grond van het veiligheidsbesluit van Ellen Zorgcoördinator (zorgcoördinator, Het Baken College), geldig van 20-10-2026 tot 20-01-2027. Reden: Vermoeden van huiselijk geweld',
      ),
    ).toBeInTheDocument();

    const entry = within(screen.getAllByRole('article').find((a) => a.textContent?.includes('Eerste gesprek met moeder'))!);
    const user = userEvent.setup();
    await user.click(entry.getByText('Waarom zie ik dit?'));
    await user.click(entry.getByRole('button', { name: 'Toon de regels die dit beslisten' }));
    await waitFor(() => expect(entry.getByText(/Op grond van het veiligheidsbesluit van Ellen Zorgcoördinator/)).toBeInTheDocument());
  });
});
