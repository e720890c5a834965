import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../api/client';
import { json, ME, mockFetch, renderApp } from '../../test/helpers';
import { CasePage } from './CasePage';

const QUESTION = 'Moeten we de leerplichtambtenaar erbij vragen?';
const NO: Case['may'] = {
  edit: false, close: false, change_level: false, add_member: false, remove_member: false, add_goal: false,
  add_action: false, write_entry: true, add_family_view: false, read_safety_decisions: false,
  record_safety_decision: false, put_forward: false,
};
const CASE: Case = {
  id: '1', pupil_id: '2', pupil_name: 'Sanne de Vries', school_id: '3', lead_membership_id: null,
  categories: ['attendance'], level: 2, status: 'open', opened_at: '2026-09-10T12:00:00.000Z',
  opened_by_user_id: '4', review_date: null, version: 1, team: [], level_history: [], escalations: 0,
  view: 'full', goals: [], actions: [], may: { ...NO, put_forward: true }, put_forward: null,
};
const PUT: Case = {
  ...CASE,
  may: NO,
  put_forward: { id: '7', membership_id: '3', name: 'Joost de Mentor', role: 'mentor', at: '2026-12-03T09:00:00.000Z', question: QUESTION, may: { withdraw: true } },
};

const isPutForward = (r: Request) => new URL(r.url).pathname === '/api/cases/1/put-forward';

function server(first: Case, onWrite: (req: Request) => Response | Promise<Response>) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/cases/1/put-forward') return onWrite(req);
    if (url.pathname === '/api/cases/1') return json(200, first);
    if (url.pathname.endsWith('/preview')) return json(200, { will_see: [], will_not_see: [] });
    if (url.pathname === '/api/organisations') return json(200, { organisations: [] });
    if (url.pathname === '/api/cases/1/entries') return json(200, { entries: [] });
    return json(404, { error: { code: 'not_found', message: 'no' } });
  });
}

describe('putting a case forward for the consultation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the question, sends it, and shows the case put forward with it', async () => {
    const { requests } = server(CASE, () => json(201, { case: PUT, meeting_id: '1' }));
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inbrengen voor het zorgoverleg' }));
    const form = screen.getByRole('form', { name: 'Inbrengen voor het zorgoverleg' });
    await user.click(within(form).getByRole('button', { name: 'Inbrengen' }));
    const question = within(form).getByLabelText('Wat moet het overleg beantwoorden?');
    expect(question).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some(isPutForward)).toBe(false);

    await user.type(question, QUESTION);
    await user.click(within(form).getByRole('button', { name: 'Inbrengen' }));
    expect(await screen.findByText('Ingebracht: de casus staat op de agenda van het volgende zorgoverleg.')).toBeInTheDocument();
    const post = requests.find(isPutForward)!;
    expect(JSON.parse(await post.text())).toEqual({ question: QUESTION });
    expect(screen.getByText(/door Joost de Mentor op 03-12-2026/)).toBeInTheDocument();
    expect(screen.getByText(`Vraag aan het overleg: ${QUESTION}`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Inbrengen voor het zorgoverleg' })).not.toBeInTheDocument();
  });

  it('withdraws after a confirmation', async () => {
    const { requests } = server(PUT, () => json(200, { case: { ...CASE }, meeting_id: '1' }));
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inbreng intrekken' }));
    expect(requests.some(isPutForward)).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, intrekken' }));
    expect(await screen.findByText('De inbreng is ingetrokken.')).toBeInTheDocument();
    expect(requests.filter(isPutForward).map((r) => r.method)).toEqual(['DELETE']);
    expect(screen.getByRole('button', { name: 'Inbrengen voor het zorgoverleg' })).toBeInTheDocument();
  });

  it('offers nothing the server does not allow, and hides a question it did not send', async () => {
    server({ ...PUT, put_forward: { ...PUT.put_forward!, question: undefined, name: '', may: { withdraw: false } } }, () => json(599, {}));
    renderApp(<CasePage id="1" />, { status: 'active', me: ME });
    expect(await screen.findByText(/door een mentor op 03-12-2026/)).toBeInTheDocument();
    expect(screen.queryByText(/Vraag aan het overleg/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Inbreng intrekken' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Inbrengen voor het zorgoverleg' })).not.toBeInTheDocument();
  });
});
