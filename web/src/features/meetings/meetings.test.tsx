import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, MAY, ME, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';
import type { Schemas } from '../../api/client';
import { MEETING } from './meetingFixtures';

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
    expect(within(named).getByText('evaluatie, acties over de datum, ingebracht')).toBeInTheDocument();
    // The case was put forward with a question; whoever asked it is called for the item.
    expect(within(named).getByText('Is een huisbezoek nodig?')).toBeInTheDocument();
    expect(within(named).getByText(/Joost de Mentor \(mentor, Het Baken College\) — bracht het in/)).toBeInTheDocument();
    expect(within(named).getByText(/Tom Gezinswerker \(gezinswerker, Buurtteam Lindeveld-Oost\) — aan tafel/)).toBeInTheDocument();
    const anonymous = screen.getByRole('article', { name: 'Punt 2: leerling zonder naam' });
    expect(within(anonymous).getByText(/geen grondslag/)).toBeInTheDocument();
    expect(within(anonymous).queryByRole('link')).toBeNull();
    expect(screen.getByText('Je ziet alleen de punten waarvoor je bent uitgenodigd.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Agenda aanpassen' })).toBeNull();
  });

  const CHAIRED: Schemas['Meeting'] = { ...MEETING, sees_every_item: true, may: { plan: true, record_minutes: true, close_minutes: false } };
  const OPEN_CASE = { id: '9', pupil_id: '41', pupil_name: 'Daan de Vries', school_id: '3', lead_membership_id: null, categories: ['learning'], level: 2, status: 'open', opened_at: '2026-11-01T08:00:00Z', version: 1 };

  it('lets the chair reorder, time, remove and add items and sends the whole agenda with the version read', async () => {
    const user = userEvent.setup();
    const { requests } = mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/cases') return json(200, { cases: [OPEN_CASE, { ...OPEN_CASE, id: '7', pupil_name: 'Sanne Bakker' }] });
      if (req.method === 'PUT') return json(200, { ...CHAIRED, version: 2, items: [CHAIRED.items[1]!] });
      return json(200, CHAIRED);
    });
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.care_coordinator } });
    await user.click(await screen.findByRole('button', { name: 'Agenda aanpassen' }));
    await user.click(screen.getByRole('button', { name: 'Punt 2 omhoog' }));
    await user.type(screen.getByLabelText('Tijdslot punt 1'), '8:45');
    // Sanne's case is on the agenda already: only Daan's can be added, until she is removed.
    const add = await screen.findByLabelText('Dossier toevoegen');
    expect(within(add).queryByRole('option', { name: 'Sanne Bakker' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Punt 2 verwijderen' }));
    // Focus stays in the editor, on the row that is now last.
    await waitFor(() => expect(screen.getByLabelText('Tijdslot punt 1')).toHaveFocus());
    expect(within(screen.getByLabelText('Dossier toevoegen')).getByRole('option', { name: 'Sanne Bakker' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Dossier toevoegen'), 'Daan de Vries');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await user.click(screen.getByRole('button', { name: 'Agenda opslaan' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/meetings/5/agenda');
    expect(await put.json()).toEqual({ items: [{ id: '22', starts_at: '2026-12-08T07:45:00.000Z' }, { case_id: '9' }], version: 1 });
    expect(await screen.findByText('1 punt')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Agenda aanpassen' })).toBeInTheDocument();
  });

  it('refuses a time slot that is no time, and offers to load again after a conflict', async () => {
    const user = userEvent.setup();
    const { requests } = mockFetch((req) => {
      if (new URL(req.url).pathname === '/api/cases') return json(200, { cases: [] });
      if (req.method === 'PUT') return json(409, { error: { code: 'version_conflict', message: 'changed', field: 'version' } });
      return json(200, CHAIRED);
    });
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.care_coordinator } });
    await user.click(await screen.findByRole('button', { name: 'Agenda aanpassen' }));
    await user.type(screen.getByLabelText('Tijdslot punt 1'), 'morgen');
    await user.click(screen.getByRole('button', { name: 'Agenda opslaan' }));
    expect(await screen.findByText('Het tijdslot van punt 1 is geen tijd (uu:mm).')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
    await user.clear(screen.getByLabelText('Tijdslot punt 1'));
    await user.click(screen.getByRole('button', { name: 'Agenda opslaan' }));
    await user.click(await screen.findByRole('button', { name: 'Opnieuw laden' }));
    expect(await screen.findByRole('button', { name: 'Agenda aanpassen' })).toBeInTheDocument();
  });

  it('cancels a meeting only after the chair confirms', async () => {
    const user = userEvent.setup();
    const { requests } = mockFetch((req) => (req.method === 'POST' ? json(200, { ...CHAIRED, status: 'cancelled', version: 2, may: { plan: false, record_minutes: false, close_minutes: false } }) : json(200, CHAIRED)));
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.care_coordinator } });
    await user.click(await screen.findByRole('button', { name: 'Afgelasten' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, afgelasten' }));
    expect(await screen.findByText('afgelast')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ version: 1 });
    expect(screen.queryByRole('button', { name: 'Agenda aanpassen' })).toBeNull();
  });

  it('says a meeting one is not invited to does not exist for one', async () => {
    mockFetch(() => json(404, { error: { code: 'not_found', message: 'no such meeting' } }));
    history.replaceState(null, '', '/overleg/9');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.mentor } });
    expect(await screen.findByText('Dit overleg bestaat niet, of je bent er niet voor uitgenodigd.')).toBeInTheDocument();
  });
});
