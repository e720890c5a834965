import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case, ChronologyEntry, Me, Pupil } from '../../api/client';
import type { Grant } from '../consent/consents';
import { json, MAY, ME, mockFetch, renderApp } from '../../test/helpers';
import { FamilyChildPage } from './FamilyChildPage';

const GUARDIAN: Me = {
  ...ME,
  user: { id: '30', email: 'ouder@ouders.example', name: 'Eva Bakker', active: true, version: 1 },
  active_membership: { ...ME.active_membership, id: '31', role: 'guardian' },
  memberships: [{ ...ME.active_membership, id: '31', role: 'guardian' }],
  workspace: 'family',
  may: MAY.family,
};

const PUPIL: Pupil = {
  id: '40',
  school_id: '3',
  pupil_number: '1001',
  given_name: 'Sanne',
  name_prefix: '',
  family_name: 'Bakker',
  class: '2A',
  mentor_user_id: null,
  view: 'full',
  version: 1,
  date_of_birth: '2012-03-14',
  bsn: null,
  enrolment_start: null,
  enrolment_end: null,
  guardians: [
    { id: 'g1', name: 'Eva Bakker', relation: 'moeder', email: 'eva@example.org', phone: null, parental_authority: true, has_login: true, is_you: true },
    { id: 'g2', name: 'Rob Bakker', relation: 'vader', email: null, phone: null, parental_authority: true, has_login: false, is_you: false },
  ],
};

const CASE: Case = {
  id: '5',
  pupil_id: '40',
  pupil_name: 'Mila Jansen',
  school_id: '3',
  lead_membership_id: '50',
  categories: ['home'],
  level: 2,
  status: 'open',
  opened_at: '2026-09-10T12:00:00.000Z',
  opened_by_user_id: '4',
  review_date: '2026-12-03',
  version: 1,
  lead: { membership_id: '50', user_id: '51', name: 'Ellen', organisation_id: '3', organisation_name: 'Het Baken College', role: 'care_coordinator' },
  // As the API shows the table to the family: the lead by name, the others by role and organisation.
  team: [{ membership_id: '60', user_id: null, name: null, organisation_id: '8', organisation_name: 'Buurtteam Lindeveld-Oost', role: 'family_worker', reason: null, added_at: '2026-09-15T09:00:00.000Z' }],
  level_history: [],
  escalations: 0,
  view: 'full',
  goals: [{ id: 'goal1', case_id: '5', text: 'Elke ochtend op tijd', achieved: false, version: 1 }],
  actions: [{ id: 'a1', case_id: '5', text: 'Huisbezoek', owner_membership_id: '60', due_date: '2026-10-15', done: true, version: 1 }],
  // When, not which: the family gets no meeting id.
  meetings: [
    { kind: 'case_consultation', title: 'Zorgoverleg Het Baken', starts_at: '2026-12-08T07:30:00Z', state: 'planned' },
    { kind: 'care_meeting', title: 'Zorgadviesteam Het Baken', starts_at: '2026-11-10T12:00:00Z', state: 'discussed' },
  ],
  may: { edit: false, close: false, change_level: false, add_member: false, remove_member: false, add_goal: false, add_action: false, write_entry: false, add_family_view: false, read_safety_decisions: false, record_safety_decision: false, put_forward: false },
  put_forward: null,
};

const entry = (over: Partial<ChronologyEntry>): ChronologyEntry => ({
  id: 'e1',
  case_id: '5',
  pupil_id: '40',
  kind: 'conversation',
  category: 'home',
  audience: 'case_team',
  family_visible: true,
  text: 'Gesprek met ouders.',
  created_at: '2026-09-20T08:00:00.000Z',
  author: { user_id: '61', membership_id: '60', organisation_id: '8', role: 'family_worker', name: 'Tom', organisation: 'Buurtteam Lindeveld-Oost' },
  access: { rule: 'family', legal_basis: 'family' },
  corrected_by: [],
  may: { correct: false },
  ...over,
});

const grant = (over: Partial<Grant>): Grant => ({
  id: '1',
  pupil_id: '40',
  given_by: { guardian_ids: ['g1'], pupil: true },
  recipients: { organisation_ids: ['8'], roles: [], guardians: false },
  categories: ['home'],
  valid_from: '2026-09-19T22:00:00.000Z',
  valid_until: '2027-05-31T22:00:00.000Z',
  text: 'Wij geven toestemming.',
  status: 'active',
  complete_for_age_now: true,
  missing_parties: [],
  later_signatures: [],
  recorded_at: '2026-09-20T09:00:00.000Z',
  version: 1,
  ...over,
});

const REQUEST = {
  id: '7',
  pupil_id: '40',
  recipients: { organisations: [{ id: '9', name: 'GGD Lindeveld Jeugdgezondheidszorg' }], roles: [] },
  categories: ['health'],
  valid_from: '2026-11-30T23:00:00.000Z',
  valid_until: null,
  text: 'Mag de jeugdverpleegkundige meekijken bij de gezondheid van Sanne?',
  sent_by: { role: 'care_coordinator', organisation: 'Het Baken College' },
  sent_at: '2026-12-01T09:00:00.000Z',
  status: 'open',
  agreements: [],
  required_parties: 'a guardian with parental authority and the pupil',
  waiting_for: ['guardian', 'pupil'],
  may: { withdraw: false, answer_as: [{ guardian_id: 'g1' }] },
  version: 1,
};

function server(grants: Grant[], views: ChronologyEntry[] = [], requests: unknown[] = []) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    const path = url.pathname;
    if (path === '/api/pupils/40/consent-requests') return json(200, { requests });
    if (path === '/api/consent-requests/7/answer')
      return json(200, { ...REQUEST, agreements: [{ guardian_id: 'g1', at: '2026-12-01T10:00:00.000Z' }], waiting_for: ['pupil'], may: { withdraw: false, answer_as: [] }, version: 2 });
    if (path === '/api/consents/3/sign')
      return json(200, grant({ id: '3', status: 'active', awaits_confirmation: true, confirmed_at: '2026-12-01T10:00:00.000Z', confirmed_by: 'family', obtained_via: 'phone', text: 'Moeder belde.' }));
    if (path === '/api/pupils/40') return json(200, PUPIL);
    if (path === '/api/cases') return json(200, { cases: [CASE] });
    if (path === '/api/cases/5') return json(200, CASE);
    if (path === '/api/cases/5/entries') return json(200, { entries: [entry({}), ...views] });
    if (path === '/api/pupils/40/consents') return json(200, { consents: grants });
    if (path === '/api/consents/2/sign') return json(200, grant({ id: '2', categories: ['health'], later_signatures: [{ guardian_id: 'g1', signed_at: '2026-12-01T10:00:00.000Z' }], given_by: { guardian_ids: [], pupil: true } }));
    if (path === '/api/consents/1/withdraw') return json(200, grant({ status: 'withdrawn', withdrawn_at: '2026-12-01T10:00:00.000Z', withdrawn_by: { guardian_id: 'g1' } }));
    if (path === '/api/family/cases/5/views') return json(201, { id: 'v9' });
    if (path.endsWith('/access-log')) return json(200, { pupil_id: '40', entries: [], next_before_seq: null });
    return json(404, { error: { code: 'not_found', message: 'no' } });
  });
}

describe('FamilyChildPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('shows the plan, who does what, the next review and what was shared, and consents in plain words', async () => {
    server([grant({})]);
    renderApp(<FamilyChildPage pupilId="40" />, { status: 'active', me: GUARDIAN });
    expect(await screen.findByRole('heading', { name: 'Sanne Bakker', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Elke ochtend op tijd')).toBeInTheDocument();
    expect(screen.getByText(/Wie: gezinswerker bij Buurtteam Lindeveld-Oost · Wanneer: 15-10-2026/)).toBeInTheDocument();
    const team = screen.getByRole('list', { name: /Wie aan tafel zitten/ });
    expect(within(team).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Ellen, zorgcoördinator bij Het Baken College (jullie contactpersoon)',
      'gezinswerker bij Buurtteam Lindeveld-Oost',
    ]);
    expect(screen.getByText('Het plan wordt besproken rond 03-12-2026.')).toBeInTheDocument();
    const meetings = screen.getByRole('list', { name: 'Overleggen van het zorgteam over het plan' });
    expect(within(meetings).getByText('Het zorgteam bespreekt het plan op 8 december 2026, 08:30 (Zorgoverleg).')).toBeInTheDocument();
    expect(within(meetings).getByText('Besproken op 10-11-2026 (Overleg).')).toBeInTheDocument();
    expect(within(meetings).queryByRole('link')).toBeNull();
    expect(screen.getByText('Gesprek met ouders.')).toBeInTheDocument();
    // The guardian's own grant, in plain words, with the name of the organisation as the family met it.
    expect(
      screen.getByText(
        'Je hebt toestemming gegeven dat de gezinswerker van Buurtteam Lindeveld-Oost informatie over thuissituatie mag zien, tot 1 juni 2027.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Op 14-03-2028 wordt Sanne 16\. Vanaf dan beslist Sanne zelf\./)).toBeInTheDocument();
  });

  it('gives a consent that waits for this parent, and withdraws one only after confirming', async () => {
    const { requests } = server([
      grant({}),
      grant({ id: '2', categories: ['health'], given_by: { guardian_ids: [], pupil: true }, missing_parties: ['guardian'], complete_for_age_now: false }),
    ]);
    const user = userEvent.setup();
    renderApp(<FamilyChildPage pupilId="40" />, { status: 'active', me: GUARDIAN });
    const asked = (await screen.findByText(/Dat mag pas als jij ook toestemming geeft\./)).closest('li')!;
    await user.click(within(asked).getByRole('button', { name: 'Ik geef toestemming' }));
    expect(await screen.findByText('Je toestemming is vastgelegd. Vanaf nu mag de gezinswerker van Buurtteam Lindeveld-Oost dit zien.')).toBeInTheDocument();
    // The login's guardian record is found by name (the API does not say which one it is).
    expect(await requests.find((r) => r.url.endsWith('/api/consents/2/sign'))!.json()).toEqual({ by: { guardian_id: 'g1' }, version: 1 });

    const mine = screen.getByText(/^Je hebt toestemming gegeven dat .* over thuissituatie/).closest('li')!;
    await user.click(within(mine).getByRole('button', { name: 'Toestemming intrekken' }));
    expect(within(mine).getByText(/Als je intrekt, kan de gezinswerker van Buurtteam Lindeveld-Oost vanaf nu geen informatie over thuissituatie meer zien\./)).toBeInTheDocument();
    expect(requests.some((r) => r.url.endsWith('/withdraw'))).toBe(false);
    await user.click(within(mine).getByRole('button', { name: 'Ja, trek mijn toestemming in' }));
    expect(await screen.findByText(/Je toestemming is ingetrokken\./)).toBeInTheDocument();
    expect(await requests.find((r) => r.url.endsWith('/api/consents/1/withdraw'))!.json()).toEqual({ by: { guardian_id: 'g1' } });
    expect(screen.getByText(/^Ingetrokken op 1 december 2026: de gezinswerker/)).toBeInTheDocument();
  });

  it('writes our view, and corrects an earlier one of our own', async () => {
    const earlier = entry({ id: 'v1', kind: 'family_view', text: 'Thuis gaat het beter.', author: { user_id: '30', membership_id: '31', organisation_id: '3', role: 'guardian' } });
    const { requests } = server([], [earlier]);
    const user = userEvent.setup();
    renderApp(<FamilyChildPage pupilId="40" />, { status: 'active', me: GUARDIAN });
    const view = await screen.findByRole('region', { name: 'Onze kijk' });
    await user.click(within(view).getByRole('button', { name: 'Delen met het team' }));
    expect(within(view).getByText('Schrijf eerst wat je wilt delen.')).toBeInTheDocument();

    const card = (await within(view).findByText('Thuis gaat het beter.')).closest('li')!;
    await user.click(within(card).getByRole('button', { name: 'Verbeteren' }));
    const text = within(view).getByLabelText('Jullie verbetering');
    expect(text).toHaveValue('Thuis gaat het beter.');
    await user.type(text, ' Ook op dinsdag.');
    await user.click(within(view).getByRole('button', { name: 'Verbetering delen' }));
    expect(await within(view).findByText('Dank je. Het team kan jullie kijk nu lezen.')).toBeInTheDocument();
    const post = requests.find((r) => r.url.endsWith('/api/family/cases/5/views'))!;
    expect(await post.json()).toEqual({ text: 'Thuis gaat het beter. Ook op dinsdag.', category: 'home', corrects: 'v1' });
  });

  it("answers the team's question for oneself, and shows a grant that waits for the family's signature", async () => {
    const pending = grant({
      id: '3',
      status: 'pending',
      awaits_confirmation: true,
      obtained_via: 'phone',
      recorded_by: { role: 'family_worker', organisation: 'Buurtteam Lindeveld-Oost' },
      text: 'Moeder belde.',
    });
    const { requests } = server([pending], [], [REQUEST]);
    const user = userEvent.setup();
    renderApp(<FamilyChildPage pupilId="40" />, { status: 'active', me: GUARDIAN });
    const questions = await screen.findByRole('region', { name: 'Vragen om toestemming' });
    const asked = within(questions).getByText(/^De zorgcoördinator van Het Baken College vraagt of/).closest('li')!;
    expect(within(asked).getByText('Mag de jeugdverpleegkundige meekijken bij de gezondheid van Sanne?')).toBeInTheDocument();
    await user.click(within(asked).getByRole('button', { name: 'Ja, ik geef toestemming' }));
    expect(await screen.findByText('Je antwoord is vastgelegd: ja.')).toBeInTheDocument();
    expect(await requests.find((r) => r.url.endsWith('/api/consent-requests/7/answer'))!.json()).toEqual({ by: { guardian_id: 'g1' }, agree: true });
    expect(within(asked).getByText('Jouw antwoord is binnen. Nu nog: de leerling.')).toBeInTheDocument();

    // Every grant recorded for the family is shown, also one that waits: who recorded it and how.
    const waiting = screen.getByText(/^De gezinswerker van Buurtteam Lindeveld-Oost legde vast \(na een telefoongesprek\)/).closest('li')!;
    await user.click(within(waiting).getByRole('button', { name: 'Klopt dit? Onderteken het dan' }));
    expect(await requests.find((r) => r.url.endsWith('/api/consents/3/sign'))!.json()).toEqual({ by: { guardian_id: 'g1' }, version: 1 });
  }, 20_000);
});
