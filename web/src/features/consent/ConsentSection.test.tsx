import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me, Pupil } from '../../api/client';
import { json, MAY, ME, mockFetch, renderApp } from '../../test/helpers';
import { ConsentSection } from './ConsentSection';
import type { Grant } from './consents';

const CC: Me = {
  ...ME,
  may: MAY.care_coordinator,
  active_membership: { ...ME.active_membership, id: '12', role: 'care_coordinator' },
  memberships: [{ ...ME.active_membership, id: '12', role: 'care_coordinator' }],
};

// 14 on 1 December 2026 (Dutch date), 16 on 14 March 2028.
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
    { id: 'g1', name: 'Eva Bakker', relation: 'moeder', email: null, phone: null, parental_authority: true },
    { id: 'g2', name: 'Rob Bakker', relation: 'vader', email: null, phone: null, parental_authority: false },
  ],
};

const grant = (over: Partial<Grant>): Grant => ({
  id: '1',
  pupil_id: '40',
  given_by: { guardian_ids: ['g1'], pupil: true },
  recipients: { organisation_ids: ['8'], roles: [], guardians: false },
  categories: ['home'],
  valid_from: '2026-09-19T22:00:00.000Z',
  valid_until: null,
  text: 'Wij geven toestemming.',
  status: 'active',
  complete_for_age_now: true,
  missing_parties: [],
  later_signatures: [],
  recorded_at: '2026-09-20T09:00:00.000Z',
  version: 1,
  ...over,
});

// Filling a form click by click takes seconds on a busy machine.
const FORM_TEST_TIMEOUT = 20_000;

const ORGS = { organisations: [{ id: '8', region_id: '1', name: 'Buurtteam Lindeveld-Oost', type: 'neighbourhood_team', school_type: null, active: true, version: 1 }] };

describe('ConsentSection', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  it('shows the age band, the birthday that changes it, and each grant with its status', async () => {
    mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return json(200, { requests: [] });
      return json(200, {
        may: { record: true },
        consents: [
          grant({}),
          grant({ id: '2', status: 'withdrawn', withdrawn_at: '2026-11-10T15:00:00.000Z', withdrawn_by: { guardian_id: 'g1' }, text: 'Ingetrokken tekst.' }),
          grant({ id: '3', given_by: { guardian_ids: ['g1'], pupil: false }, missing_parties: ['pupil'], complete_for_age_now: false, text: 'Wacht tekst.' }),
        ],
      });
    });
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    expect(await screen.findByText('Wij geven toestemming.')).toBeInTheDocument();
    expect(screen.getByText(/Sanne is 14: een ouder of verzorger met gezag én Sanne zelf geven toestemming\./)).toBeInTheDocument();
    expect(screen.getByText('Op 14-03-2028 wordt Sanne 16: vanaf dan beslist Sanne zelf.')).toBeInTheDocument();
    const [active, withdrawn, awaiting] = screen.getAllByRole('article');
    expect(within(active!).getByText('geldig')).toBeInTheDocument();
    expect(within(active!).getByText('Buurtteam Lindeveld-Oost')).toBeInTheDocument();
    expect(within(active!).getByText('Eva Bakker (moeder), Sanne (leerling)')).toBeInTheDocument();
    expect(within(active!).getByText('vanaf 20-09-2026, tot de toestemming wordt ingetrokken')).toBeInTheDocument();
    expect(within(withdrawn!).getByText('ingetrokken')).toBeInTheDocument();
    expect(within(withdrawn!).getByText('10-11-2026, op verzoek van Eva Bakker (moeder)')).toBeInTheDocument();
    expect(within(withdrawn!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(awaiting!).getByText('wacht op handtekening')).toBeInTheDocument();
    expect(within(awaiting!).getByText('Telt nu niet: nog nodig is de handtekening van Sanne.')).toBeInTheDocument();
    // Only the missing party signs; a guardian without authority is never offered.
    expect(within(awaiting!).getAllByRole('button', { name: /^Handtekening van/ }).map((b) => b.textContent)).toEqual([
      'Handtekening van Sanne (leerling) vastleggen',
    ]);
  });

  it('signs for the missing party with the version read, and withdraws only after choosing who', async () => {
    const { requests } = mockFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return json(200, { requests: [] });
      if (path === '/api/consents/3/sign') return json(200, grant({ id: '3', version: 2, text: 'Wacht tekst.', later_signatures: [{ pupil: true, signed_at: '2026-12-01T10:00:00.000Z' }] }));
      if (path === '/api/consents/1/withdraw') return json(200, grant({ status: 'withdrawn', withdrawn_at: '2026-12-01T10:00:00.000Z', withdrawn_by: { pupil: true } }));
      return json(200, {
        may: { record: true },
        consents: [grant({}), grant({ id: '3', given_by: { guardian_ids: ['g1'], pupil: false }, missing_parties: ['pupil'], complete_for_age_now: false, version: 1, text: 'Wacht tekst.' })],
      });
    });
    const user = userEvent.setup();
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    await user.click(await screen.findByRole('button', { name: 'Handtekening van Sanne (leerling) vastleggen' }));
    expect(await screen.findByText('De handtekening van Sanne (leerling) is vastgelegd. De toestemming telt vanaf nu.')).toBeInTheDocument();
    const sign = requests.find((r) => r.url.endsWith('/api/consents/3/sign'))!;
    expect(await sign.json()).toEqual({ by: { pupil: true }, version: 1 });

    const first = screen.getAllByRole('article')[0]!;
    await user.click(within(first).getByRole('button', { name: 'Intrekken' }));
    const confirm = within(first).getByRole('group', { name: 'Toestemming intrekken' });
    await user.click(within(confirm).getByRole('button', { name: 'Ja, intrekken' }));
    expect(within(confirm).getByText('Kies wie de toestemming intrekt.')).toBeInTheDocument();
    expect(requests.some((r) => r.url.endsWith('/withdraw'))).toBe(false);
    await user.click(within(confirm).getByLabelText('Sanne (leerling)'));
    await user.click(within(confirm).getByRole('button', { name: 'Ja, intrekken' }));
    expect(await screen.findByText('De toestemming is ingetrokken.')).toBeInTheDocument();
    const withdraw = requests.find((r) => r.url.endsWith('/api/consents/1/withdraw'))!;
    expect(await withdraw.json()).toEqual({ by: { pupil: true } });
    expect(within(screen.getAllByRole('article')[0]!).getByText('ingetrokken')).toBeInTheDocument();
  });

  it('says when someone else changed the grant, and offers to reload', async () => {
    mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return json(200, { requests: [] });
      if (path.endsWith('/sign')) return json(409, { error: { code: 'version_conflict', message: 'stale', field: 'version' } });
      return json(200, { may: { record: true }, consents: [grant({ given_by: { guardian_ids: ['g1'], pupil: false }, missing_parties: ['pupil'], complete_for_age_now: false })] });
    });
    const user = userEvent.setup();
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    await user.click(await screen.findByRole('button', { name: 'Handtekening van Sanne (leerling) vastleggen' }));
    expect(await screen.findByText(/Deze toestemming is intussen gewijzigd\. Iemand anders heeft dit intussen gewijzigd/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Opnieuw laden' })).toBeInTheDocument();
  });

  it('records a grant: the band is checked first, then it is sent as awaiting the pupil', async () => {
    const { requests } = mockFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return json(200, { requests: [] });
      if (req.method === 'POST') return json(201, grant({ id: '9', text: 'Nieuwe afspraak.', missing_parties: ['pupil'], complete_for_age_now: false }));
      return json(200, { may: { record: true }, consents: [] });
    });
    const user = userEvent.setup();
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    await user.click(await screen.findByRole('button', { name: 'Nieuwe toestemming vastleggen' }));
    const parties = screen.getByRole('group', { name: 'Wie geeft toestemming?' });
    expect(within(parties).queryByLabelText(/Rob Bakker/)).not.toBeInTheDocument(); // no parental authority
    await user.click(within(parties).getByLabelText('Eva Bakker (moeder)'));
    await user.click(screen.getByLabelText('Buurtteam Lindeveld-Oost'));
    await user.click(screen.getByLabelText('Thuissituatie'));
    await user.type(screen.getByLabelText('De tekst zoals het gezin die heeft gezien'), 'Nieuwe afspraak.');
    await user.click(screen.getByRole('button', { name: 'Toestemming vastleggen' }));
    expect(within(parties).getByText(/Op 01-12-2026 is Sanne 14: een ouder of verzorger met gezag én de leerling geven toestemming\./)).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    // How the family gave it is asked first, with what a self-widening grant means.
    expect(screen.getByText('Kies hoe het gezin toestemming gaf.')).toBeInTheDocument();
    expect(screen.getByText(/telt ze pas als het gezin haar in het ouderportaal ondertekent/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('In een gesprek'));
    await user.click(screen.getByLabelText(/Een partij tekent later/));
    await user.type(screen.getByLabelText('Geldig tot'), '1-6-2027');
    await user.click(screen.getByRole('button', { name: 'Toestemming vastleggen' }));
    expect(await screen.findByText('De toestemming is vastgelegd. Ze telt pas als de ontbrekende partij heeft getekend.')).toBeInTheDocument();
    expect(screen.getByText('Nieuwe afspraak.')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({
      given_by: { guardian_ids: ['g1'], pupil: false },
      recipients: { organisation_ids: ['8'], roles: [], guardians: false },
      categories: ['home'],
      valid_from: '2026-12-01',
      valid_until: '2027-06-01',
      text: 'Nieuwe afspraak.',
      awaiting_signature: true,
      obtained_via: 'conversation',
    });
  }, FORM_TEST_TIMEOUT);

  it("puts the server's refusal of the parties beside the group", async () => {
    mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return json(200, { requests: [] });
      if (req.method === 'POST')
        return json(400, { error: { code: 'validation_failed', message: 'from 12 to 15 the pupil gives consent as well', field: 'given_by.guardian_ids[0]' } });
      return json(200, { may: { record: true }, consents: [] });
    });
    const user = userEvent.setup();
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    await user.click(await screen.findByRole('button', { name: 'Nieuwe toestemming vastleggen' }));
    const parties = screen.getByRole('group', { name: 'Wie geeft toestemming?' });
    await user.click(within(parties).getByLabelText('Eva Bakker (moeder)'));
    await user.click(within(parties).getByLabelText('Sanne zelf (leerling)'));
    await user.click(screen.getByLabelText('Buurtteam Lindeveld-Oost'));
    await user.click(screen.getByLabelText('Thuissituatie'));
    await user.type(screen.getByLabelText('De tekst zoals het gezin die heeft gezien'), 'Tekst.');
    await user.click(screen.getByLabelText('Op papier (een getekend formulier)'));
    await user.click(screen.getByRole('button', { name: 'Toestemming vastleggen' }));
    expect(await within(parties).findByText('Deze invoer klopt niet.')).toBeInTheDocument();
    expect(parties).toHaveAttribute('aria-describedby');
  }, FORM_TEST_TIMEOUT);

  it('shows a pending grant with who recorded it and how, and confirms it for a second professional', async () => {
    const pending = grant({
      id: '5',
      status: 'pending',
      awaits_confirmation: true,
      obtained_via: 'phone',
      recorded_by: { role: 'family_worker', organisation: 'Buurtteam Lindeveld-Oost', name: 'Tom Gezinswerker' },
      may: { confirm: true, withdraw: false },
      text: 'Moeder belde.',
    });
    const { requests } = mockFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return json(200, { requests: [] });
      if (path === '/api/consents/5/confirm')
        return json(200, { ...pending, status: 'active', version: 2, confirmed_at: '2026-12-01T10:00:00.000Z', confirmed_by: 'professional', may: { confirm: false } });
      return json(200, { may: { record: true }, consents: [pending] });
    });
    const user = userEvent.setup();
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    const card = (await screen.findByText('Moeder belde.')).closest('article')!;
    expect(within(card).getByText('wacht op bevestiging')).toBeInTheDocument();
    expect(within(card).getByText('Telefonisch')).toBeInTheDocument();
    expect(within(card).getByText(/Tom Gezinswerker, gezinswerker/i)).toBeInTheDocument();
    expect(within(card).getByText(/Telt nu niet: wie haar vastlegde/)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Bevestigen' }));
    expect(await screen.findByText('De toestemming is bevestigd. Ze telt vanaf nu.')).toBeInTheDocument();
    expect(within(card).getByText('geldig')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Bevestigen' })).not.toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ version: 1 });
  });

  it('asks the family for consent and lists the question with whom it waits for', async () => {
    const sent = {
      id: '7',
      pupil_id: '40',
      recipients: { organisations: [{ id: '8', name: 'Buurtteam Lindeveld-Oost' }], roles: [] },
      categories: ['home'],
      valid_from: '2026-11-30T23:00:00.000Z',
      valid_until: null,
      text: 'Mag het buurtteam meekijken?',
      sent_by: { role: 'care_coordinator', organisation: 'Het Baken College', name: 'Ellen' },
      sent_at: '2026-12-01T10:00:00.000Z',
      status: 'open',
      agreements: [],
      required_parties: 'a guardian with parental authority and the pupil',
      waiting_for: ['guardian', 'pupil'],
      may: { withdraw: true, answer_as: [] },
      version: 1,
    };
    const { requests } = mockFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return req.method === 'POST' ? json(201, sent) : json(200, { requests: [] });
      if (path === '/api/consent-requests/7/withdraw') return json(200, { ...sent, status: 'withdrawn', may: { withdraw: false, answer_as: [] } });
      return json(200, { may: { record: true }, consents: [] });
    });
    const user = userEvent.setup();
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    await user.click(await screen.findByRole('button', { name: 'Toestemming vragen aan het gezin' }));
    const form = screen.getByRole('form', { name: 'Toestemming vragen aan het gezin' });
    await user.click(within(form).getByRole('button', { name: 'Vraag versturen' }));
    expect(within(form).getByText('Kies minstens één organisatie of beroep.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(within(form).getByLabelText('Buurtteam Lindeveld-Oost'));
    await user.click(within(form).getByLabelText('Thuissituatie'));
    await user.type(within(form).getByLabelText('Tekst voor het gezin'), 'Mag het buurtteam meekijken?');
    await user.click(within(form).getByRole('button', { name: 'Vraag versturen' }));
    expect(await screen.findByText('Je vraag staat klaar in het ouderportaal.')).toBeInTheDocument();
    const card = screen.getByText('Mag het buurtteam meekijken?').closest('article')!;
    expect(within(card).getByText('wacht op antwoord')).toBeInTheDocument();
    expect(within(card).getByText('Nog te beantwoorden door: een ouder met gezag en de leerling')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({
      recipients: { organisation_ids: ['8'], roles: [] },
      categories: ['home'],
      valid_from: '2026-12-01',
      text: 'Mag het buurtteam meekijken?',
    });
    await user.click(within(card).getByRole('button', { name: 'Vraag intrekken' }));
    expect(await screen.findByText('De vraag is ingetrokken.')).toBeInTheDocument();
    expect(within(card).getByText('ingetrokken')).toBeInTheDocument();
  }, FORM_TEST_TIMEOUT);

  it("offers recording only when the server says the viewer may, and as part of a page is gone when there is nothing to read", async () => {
    let readable = true;
    mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/organisations') return json(200, ORGS);
      if (path.endsWith('/consent-requests')) return json(200, { requests: [] });
      if (!readable) return json(404, { error: { code: 'not_found', message: 'no such pupil' } });
      return json(200, { may: { record: false }, consents: [grant({})] });
    });
    const { unmount } = renderApp(<ConsentSection pupilId="40" pupil={PUPIL} />, { status: 'active', me: CC });
    expect(await screen.findByText('Wij geven toestemming.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nieuwe toestemming vastleggen' })).not.toBeInTheDocument();
    unmount();
    readable = false;
    renderApp(<ConsentSection pupilId="40" pupil={PUPIL} optional />, { status: 'active', me: CC });
    // Shown while it loads, gone once the server said there is nothing here for the viewer.
    expect(screen.getByRole('heading', { name: 'Toestemmingen' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Toestemmingen' })).not.toBeInTheDocument());
  });
});
