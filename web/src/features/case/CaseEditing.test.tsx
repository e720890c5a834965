import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case, ChronologyEntry, Me } from '../../api/client';
import { json, MAY, ME, mockFetch, renderApp, type Handler } from '../../test/helpers';
import { CasePage } from './CasePage';

// The care coordinator of the pupil's school (organisation 3): manages the case.
const CC: Me = {
  ...ME,
  user: { ...ME.user, id: '4', name: 'Ellen Zorgcoördinator' },
  active_membership: { ...ME.active_membership, id: '5', role: 'care_coordinator' },
  may: MAY.care_coordinator,
};

const CASE: Case = {
  id: '1',
  pupil_id: '2',
  pupil_name: 'Sanne de Vries',
  school_id: '3',
  lead_membership_id: '8',
  lead: { membership_id: '8', user_id: '17', name: 'Mirjam', organisation_id: '6', role: 'school_care_worker' },
  categories: ['attendance'],
  level: 2,
  status: 'open',
  opened_at: '2026-09-10T12:00:00.000Z',
  opened_by_user_id: '4',
  review_date: '2026-12-03',
  version: 4,
  team: [
    {
      membership_id: '9',
      user_id: '19',
      name: 'Hans Leerplicht',
      organisation_id: '1',
      role: 'attendance_officer',
      reason: 'Verzuim nadert de meldgrens',
      added_at: '2026-09-10T13:00:00.000Z',
      removed_at: null,
    },
    {
      membership_id: '11',
      user_id: '7',
      name: 'Joost de Mentor',
      organisation_id: '3',
      role: 'mentor',
      reason: null as unknown as string, // the server leaves reasons out for others at the table
      added_at: '2026-09-11T13:00:00.000Z',
      removed_at: null,
    },
    {
      membership_id: '12',
      user_id: '22',
      name: 'Oud Lid',
      organisation_id: '6',
      role: 'family_worker',
      reason: 'Eerder betrokken',
      added_at: '2026-09-01T13:00:00.000Z',
      removed_at: '2026-09-20T13:00:00.000Z',
    },
  ],
  level_history: [
    { from_level: null, to_level: 1, escalation: false, reason: 'Bij opening', changed_by_user_id: '4', changed_by_name: 'Ellen Zorgcoördinator', changed_by_membership_id: '', changed_at: '2026-09-10T12:00:00.000Z' },
    { from_level: 1, to_level: 2, escalation: true, reason: 'Extra begeleiding', changed_by_user_id: '17', changed_by_name: 'Mirjam Maatschappelijk Werk', changed_by_membership_id: '8', changed_at: '2026-09-20T12:00:00.000Z' },
  ],
  escalations: 1,
  view: 'full',
  goals: [{ id: '30', case_id: '1', text: 'Elke ochtend op tijd', achieved: false, achieved_at: null, version: 2, may: { edit: false } }],
  // The mentor (membership 11) owns the action: they mark it done, as the server says.
  actions: [
    { id: '40', case_id: '1', text: 'Huisbezoek', owner_membership_id: '11', due_date: '2020-01-15', done: false, done_at: null, version: 3, may: { edit: false, mark_done: true } },
  ],
  // As the server answers the mentor at the table: they write in the chronology, no more.
  may: { edit: false, close: false, change_level: false, add_member: false, remove_member: false, add_goal: false, add_action: false, write_entry: true, add_family_view: false, read_safety_decisions: false, record_safety_decision: false, put_forward: false },
  put_forward: null,
};

// The same case as the server answers whoever manages it (the care coordinator).
const MANAGED: Case = {
  ...CASE,
  goals: CASE.goals!.map((g) => ({ ...g, may: { edit: true } })),
  actions: CASE.actions!.map((a) => ({ ...a, may: { edit: true, mark_done: true } })),
  may: { ...CASE.may, edit: true, close: true, change_level: true, add_member: true, remove_member: true, add_goal: true, add_action: true },
};

// A closed case: nobody changes it (the server's flags all say no).
const CLOSED_MAY: Case['may'] = { ...CASE.may, write_entry: false };

const ORGS = {
  organisations: [
    { id: '1', region_id: '1', name: 'Gemeente Lindeveld', type: 'municipality', school_type: null, active: true, version: 1 },
    { id: '3', region_id: '1', name: 'Het Baken College', type: 'school', school_type: 'secondary', active: true, version: 1 },
    { id: '6', region_id: '1', name: 'Jeugdhulp De Brug', type: 'care_provider', school_type: null, active: true, version: 1 },
    { id: '7', region_id: '1', name: 'GGD Lindeveld', type: 'health_service', school_type: null, active: true, version: 1 },
  ],
};

const entry = (id: string, text: string, more: Partial<ChronologyEntry> = {}): ChronologyEntry => ({
  id,
  case_id: '1',
  pupil_id: '2',
  kind: 'observation',
  category: 'attendance',
  audience: 'case_team',
  family_visible: false,
  text,
  created_at: '2026-09-20T08:00:00.000Z',
  author: { user_id: '7', membership_id: '11', organisation_id: '3', role: 'mentor', name: 'Joost de Mentor' },
  access: { rule: 'entry.1_author', legal_basis: 'author' },
  corrected_by: [],
  may: { correct: false },
  ...more,
});

// The audience previews of the team's basis (components/TeamBasis.tsx): answered, not counted.
const isPreview = (req: Request) => new URL(req.url).pathname.endsWith('/entries/preview');

/** The case page's reads; `extra` answers anything else first. */
// The case the server answers unless a test names one: CASE, or MANAGED for the manager's tests.
let current: Case = CASE;

function server(extra: Handler = () => json(599, {}), kase: Case = current, entries: ChronologyEntry[] = []) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    if (isPreview(req)) return json(200, { will_see: [], will_not_see: [] });
    const answer = await extra(req);
    if (answer.status !== 599) return answer;
    if (req.method === 'GET' && url.pathname === '/api/cases/1') return json(200, kase);
    if (url.pathname === '/api/pupils/2') return json(200, { id: '2', given_name: 'Isa', name_prefix: '', family_name: 'Janssen' });
    if (url.pathname === '/api/organisations') return json(200, ORGS);
    if (url.pathname === '/api/cases/1/entries') return json(200, { entries });
    return json(404, { error: { code: 'not_found', message: 'no' } });
  }, isPreview);
}

const bodyOf = async (r: Request) => JSON.parse(await r.text()) as Record<string, unknown>;
const region = (name: string) => screen.getByRole('region', { name });

describe('the case page for whoever manages the case', () => {
  beforeEach(() => {
    current = MANAGED;
  });
  afterEach(() => {
    current = CASE;
    vi.unstubAllGlobals();
  });

  it('seats someone with a required reason, chosen from an organisation\'s memberships', async () => {
    const { requests } = server((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/organisations/7/memberships')
        return json(200, {
          memberships: [
            { id: '10', organisation_id: '7', organisation_name: 'GGD Lindeveld', region_id: '1', role: 'youth_health', active: true, name: 'Sevda', user_id: '30', works_on_cases: true },
            { id: '13', organisation_id: '7', organisation_name: 'GGD Lindeveld', region_id: '1', role: 'admin', active: true, name: 'Beheer', user_id: '31', works_on_cases: false },
          ],
        });
      if (req.method === 'POST' && url.pathname === '/api/cases/1/team')
        return json(201, { ...MANAGED, team: [...MANAGED.team, { membership_id: '10', name: 'Sevda', organisation_id: '7', role: 'youth_health', reason: 'Slaap', added_at: '2026-12-01T10:00:00Z', removed_at: null }] });
      return json(599, {});
    });
    renderApp(<CasePage id="1" />, { status: 'active', me: CC });
    const user = userEvent.setup();
    const team = await screen.findByRole('region', { name: 'Wie zit er aan tafel' });
    // Seats with organisation names; the reason hidden from this viewer is said so; ended seats apart.
    expect(within(team).getByRole('table', { name: 'Het casusteam' })).toHaveTextContent('Gemeente Lindeveld');
    expect(within(team).getByText('staat in de chronologie')).toBeInTheDocument();
    const ended = within(team).getByRole('table', { name: 'Eerder aan tafel bij dit dossier' });
    expect(ended).toHaveTextContent('Oud Lid');
    expect(ended).toHaveTextContent('20-09-2026');

    await user.selectOptions(within(team).getByLabelText('Organisatie'), '7');
    const who = await within(team).findByLabelText('Wie');
    expect(within(who).queryByText(/Beheer/)).not.toBeInTheDocument(); // a role without case work
    await user.selectOptions(who, '10');
    await user.click(within(team).getByRole('button', { name: 'Aan tafel zetten' }));
    const reason = within(team).getByLabelText('Waarom aan tafel');
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Schrijf waarom deze persoon aan tafel komt.'));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(reason, 'Slaap');
    await user.click(within(team).getByRole('button', { name: 'Aan tafel zetten' }));
    expect(await within(team).findByText('Sevda zit nu aan tafel.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await bodyOf(post)).toEqual({ membership_id: '10', reason: 'Slaap' });
  });

  it('ends a seat only after the confirmation', async () => {
    const { requests } = server((req) => (req.method === 'DELETE' ? new Response(null, { status: 204 }) : json(599, {})));
    renderApp(<CasePage id="1" />, { status: 'active', me: CC });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hans Leerplicht van tafel halen' }));
    const confirm = screen.getByRole('group', { name: /Weet je zeker dat je Hans Leerplicht van tafel haalt/ });
    expect(confirm).toHaveFocus();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'Ja, van tafel halen' }));
    expect(await screen.findByText('Hans Leerplicht zit niet meer aan tafel.')).toBeInTheDocument();
    expect(new URL(requests.find((r) => r.method === 'DELETE')!.url).pathname).toBe('/api/cases/1/team/9');
  });

  it('sends the goal\'s version, and on a conflict offers to load again without overwriting', async () => {
    let reads = 0;
    const { requests } = server((req) => {
      const url = new URL(req.url);
      if (req.method === 'GET' && url.pathname === '/api/cases/1' && ++reads > 1)
        return json(200, { ...MANAGED, goals: [{ ...MANAGED.goals![0], text: 'Door een collega', version: 3 }] });
      if (req.method === 'PUT') return json(409, { error: { code: 'version_conflict', message: 'changed', field: 'version' } });
      return json(599, {});
    });
    renderApp(<CasePage id="1" />, { status: 'active', me: CC });
    const user = userEvent.setup();
    const goal = await screen.findByRole('article', { name: 'Elke ochtend op tijd' });
    await user.click(within(goal).getByRole('button', { name: 'Wijzigen' }));
    const field = within(goal).getByLabelText('Doel');
    await user.clear(field);
    await user.type(field, 'Mijn versie');
    await user.click(within(goal).getByRole('button', { name: 'Opslaan' }));
    expect(await within(goal).findByText(/Iemand anders heeft dit intussen gewijzigd/)).toBeInTheDocument();
    expect(await bodyOf(requests.find((r) => r.method === 'PUT')!)).toEqual({ text: 'Mijn versie', achieved: false, version: 2 });

    await user.click(within(goal).getByRole('button', { name: 'Opnieuw laden' }));
    const fresh = await screen.findByRole('article', { name: 'Door een collega' });
    expect(within(fresh).getByText(/^Opnieuw geladen/)).toBeInTheDocument();
    expect(within(fresh).getByLabelText('Doel')).toHaveValue('Door een collega');
  });

  it('marks an overdue action in words and adds an action with a Dutch due date', async () => {
    const { requests } = server((req) =>
      req.method === 'POST'
        ? json(201, { id: '41', case_id: '1', text: 'Bellen', owner_membership_id: '9', due_date: '2026-12-24', done: false, version: 1 })
        : json(599, {}),
    );
    renderApp(<CasePage id="1" />, { status: 'active', me: CC });
    const user = userEvent.setup();
    const action = await screen.findByRole('article', { name: 'Huisbezoek' });
    expect(within(action).getByText('Te laat')).toBeInTheDocument();
    expect(within(action).getByText('15-01-2020 — verlopen')).toBeInTheDocument();
    expect(within(action).getByText('Joost de Mentor')).toBeInTheDocument();

    const actions = region('Acties');
    await user.click(within(actions).getByRole('button', { name: 'Actie toevoegen' }));
    const form = within(actions).getByRole('form', { name: 'Actie toevoegen' });
    await user.type(within(form).getByLabelText('Actie'), 'Bellen');
    // Owners: who sits at the table now (the lead first), not the seat that ended.
    const owner = within(form).getByLabelText('Wie doet het');
    expect(within(owner).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies…',
      'Mirjam (hulpverlener in school, Jeugdhulp De Brug)',
      'Hans Leerplicht (leerplichtambtenaar, Gemeente Lindeveld)',
      'Joost de Mentor (mentor, Het Baken College)',
    ]);
    await user.selectOptions(owner, '9');
    await user.type(within(form).getByLabelText('Uiterlijk'), '24-12-2026');
    await user.click(within(form).getByRole('button', { name: 'Actie toevoegen' }));
    expect(await within(actions).findByRole('article', { name: 'Bellen' })).toBeInTheDocument();
    expect(await bodyOf(requests.find((r) => r.method === 'POST')!)).toEqual({
      text: 'Bellen',
      owner_membership_id: '9',
      due_date: '2026-12-24',
    });
  });

  it('changes the level with a required reason and the case\'s version; the history names who', async () => {
    const { requests } = server((req) =>
      req.method === 'POST' && new URL(req.url).pathname === '/api/cases/1/level'
        ? json(200, { ...MANAGED, level: 3, version: 5 })
        : json(599, {}),
    );
    renderApp(<CasePage id="1" />, { status: 'active', me: CC });
    const user = userEvent.setup();
    const level = await screen.findByRole('region', { name: 'Ondersteuningsniveau' });
    const history = within(level).getByRole('table', { name: 'Verloop van het niveau, oudste eerst' });
    expect(history).toHaveTextContent('1 → 2 (opgeschaald)');
    expect(history).toHaveTextContent('Mirjam');
    expect(history).toHaveTextContent('Ellen Zorgcoördinator'); // the opening: the API's name, no seat needed
    await user.click(within(level).getByRole('button', { name: 'Niveau wijzigen' }));
    const select = within(level).getByLabelText('Nieuw niveau');
    expect(within(select).queryByRole('option', { name: /^2 — / })).not.toBeInTheDocument(); // the current level
    await user.selectOptions(select, '3');
    await user.click(within(level).getByRole('button', { name: 'Niveau wijzigen' }));
    expect(within(level).getByLabelText('Waarom')).toHaveAttribute('aria-invalid', 'true');
    await user.type(within(level).getByLabelText('Waarom'), 'Jeugdhulp in school nodig');
    await user.click(within(level).getByRole('button', { name: 'Niveau wijzigen' }));
    expect(await within(level).findByText('Het niveau is gewijzigd.')).toBeInTheDocument();
    expect(await bodyOf(requests.find((r) => r.method === 'POST')!)).toEqual({ level: 3, reason: 'Jeugdhulp in school nodig', version: 4 });
  });

  it('closes a case only after the outcome and a confirmation', async () => {
    const { requests } = server((req) =>
      req.method === 'POST' ? json(200, { ...MANAGED, status: 'closed', outcome: 'goals_met', closed_at: '2026-12-01T10:00:00Z', version: 5, may: CLOSED_MAY }) : json(599, {}),
    );
    renderApp(<CasePage id="1" />, { status: 'active', me: CC });
    const user = userEvent.setup();
    const header = await screen.findByRole('region', { name: 'Overzicht' });
    await user.click(within(header).getByRole('button', { name: 'Dossier sluiten' }));
    await user.click(within(header).getByRole('button', { name: 'Verder naar sluiten' }));
    expect(within(header).getByText('Kies de uitkomst.')).toBeInTheDocument();
    await user.click(within(header).getByLabelText('doelen behaald'));
    await user.click(within(header).getByRole('button', { name: 'Verder naar sluiten' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(within(header).getByRole('button', { name: 'Ja, dossier sluiten' }));
    expect(await within(header).findByText('gesloten')).toBeInTheDocument();
    expect(await bodyOf(requests.find((r) => r.method === 'POST')!)).toEqual({ outcome: 'goals_met', version: 4 });
    expect(screen.queryByRole('button', { name: 'Niveau wijzigen' })).not.toBeInTheDocument();
  });
});

describe('the case page for others at the table', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows no edit controls, but the owner of an action marks it done', async () => {
    const { requests } = server((req) =>
      req.method === 'PUT' ? json(200, { ...CASE.actions![0], done: true, done_at: '2026-12-01T10:00:00Z', version: 4 }) : json(599, {}),
    );
    renderApp(<CasePage id="1" />, { status: 'active', me: ME }); // the mentor, membership 11
    const user = userEvent.setup();
    const action = await screen.findByRole('article', { name: 'Huisbezoek' });
    for (const name of ['Dossier sluiten', 'Niveau wijzigen', 'Doel toevoegen', 'Actie toevoegen', 'Aan tafel zetten', 'Behaald', 'Wijzigen']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    await user.click(within(action).getByRole('button', { name: 'Afgerond' }));
    expect(await within(action).findByText('Afgerond op 01-12-2026')).toBeInTheDocument();
    expect(within(action).queryByText('Te laat')).not.toBeInTheDocument();
    expect(await bodyOf(requests.find((r) => r.method === 'PUT')!)).toEqual({
      text: 'Huisbezoek',
      owner_membership_id: '11',
      due_date: '2020-01-15',
      done: true,
      version: 3,
    });
  });
});

describe('the case page for the family', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads team, plan and level without controls, organisation names or hidden reasons', async () => {
    const GUARDIAN: Me = { ...ME, workspace: 'family', may: MAY.family, active_membership: { ...ME.active_membership, id: '60', role: 'guardian' } };
    const family: Case = { ...CASE, actions: CASE.actions!.map((a) => ({ ...a, may: { edit: false, mark_done: false } })), may: CLOSED_MAY };
    const { requests } = server(undefined, family);
    renderApp(<CasePage id="1" />, { status: 'active', me: GUARDIAN });
    const table = await screen.findByRole('table', { name: 'Het casusteam' });
    expect(within(table).queryByRole('columnheader', { name: 'Organisatie' })).not.toBeInTheDocument();
    expect(within(table).queryByText('staat in de chronologie')).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Elke ochtend op tijd' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Afgerond' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Nieuw item in de chronologie' })).not.toBeInTheDocument();
    expect(requests.some((r) => new URL(r.url).pathname === '/api/organisations')).toBe(false); // 403 for families
  });
});

describe('corrections and the author filter', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('links a correction and what it corrects both ways, and corrects as a new entry', async () => {
    const original = entry('50', 'Afwezig op maandag', { corrected_by: ['51'] });
    const correction = entry('51', 'Het was dinsdag', { corrects: '50', created_at: '2026-09-21T08:00:00.000Z' });
    const { requests } = server(
      (req) => {
        const url = new URL(req.url);
        if (url.pathname === '/api/cases/1/entries/preview') return json(200, { will_see: [], will_not_see: [] });
        if (req.method === 'POST' && url.pathname === '/api/cases/1/entries') return json(201, { id: '52' });
        return json(599, {});
      },
      CASE,
      [original, correction],
    );
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    const user = userEvent.setup();
    const first = await screen.findByRole('article', { name: 'Observatie' });
    const second = screen.getByRole('article', { name: 'Observatie — Correctie' });
    const forward = within(first).getByRole('link', { name: /^Gecorrigeerd door: Observatie van Joost de Mentor, mentor, 21 september 2026/ });
    expect(forward).toHaveAttribute('href', '#item-51');
    const backward = within(second).getByRole('link', { name: /^Correctie van: Observatie van Joost de Mentor, mentor, 20 september 2026/ });
    expect(backward).toHaveAttribute('href', '#item-50');
    await user.click(backward);
    expect(first).toHaveFocus();
    await user.click(forward);
    expect(second).toHaveFocus();

    // "Corrigeren" prefills the form as a correction; what is saved names the entry.
    await user.click(within(first).getByRole('button', { name: 'Corrigeren' }));
    const form = screen.getByRole('region', { name: 'Nieuw item in de chronologie' });
    expect(within(form).getByText(/Je schrijft een correctie van: Observatie van Joost de Mentor/)).toBeInTheDocument();
    expect(within(form).getByLabelText('Tekst')).toHaveValue('Afwezig op maandag');
    expect(screen.getByRole('heading', { name: 'Nieuw item in de chronologie' })).toHaveFocus();
    await user.clear(within(form).getByLabelText('Tekst'));
    await user.type(within(form).getByLabelText('Tekst'), 'Het was donderdag');
    await user.click(within(form).getByRole('button', { name: 'Bekijk wie het ziet' }));
    await user.click(await within(form).findByRole('button', { name: 'Correctie vastleggen' }));
    expect(await within(form).findByText('Het item is vastgelegd.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/entries'))!;
    expect(await bodyOf(post)).toMatchObject({ text: 'Het was donderdag', corrects: '50', kind: 'observation', category: 'attendance', audience: 'case_team' });
  });

  it('filters by author with the API\'s author parameter, offering the people of the case', async () => {
    const { requests } = server(undefined, CASE, [entry('50', 'Iets')]);
    renderApp(<CasePage id="1" />, { status: 'active', me: CC });
    const user = userEvent.setup();
    await screen.findByText('Iets');
    const author = screen.getByLabelText('Filter: schrijver');
    const labels = within(author).getAllByRole('option').map((o) => o.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Alle', 'Ellen Zorgcoördinator, zorgcoördinator', 'Hans Leerplicht, leerplichtambtenaar']));
    await user.selectOptions(author, '19');
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    await vi.waitFor(() => {
      const last = new URL(requests.filter((r) => r.url.includes('/entries')).at(-1)!.url);
      expect(last.searchParams.get('author')).toBe('19');
    });
  });
});
