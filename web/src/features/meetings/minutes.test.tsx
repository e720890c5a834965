import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, MAY, ME, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';
import type { Schemas } from '../../api/client';
import { MEETING } from './meetingFixtures';

const RUNNING: Schemas['Meeting'] = {
  ...MEETING,
  sees_every_item: true,
  may: { plan: true, record_minutes: true, close_minutes: true },
};
const NOTED: Schemas['ItemMinutes'] = {
  present: ['13'],
  summary: 'Het gaat beter op school.',
  decisions: 'Door met de begeleiding.',
  category: 'attendance',
  audience: 'case_team',
  family_visible: false,
  action_ids: ['71'],
  version: 1,
};

function withMinutes(minutes: Schemas['ItemMinutes']): Schemas['Meeting'] {
  return { ...RUNNING, items: [{ ...RUNNING.items[0]!, minutes }, RUNNING.items[1]!] };
}

describe('minutes of a meeting', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('lets the chair note who was there, what was said and decided and a new action, with the version read', async () => {
    const user = userEvent.setup();
    let saved = false;
    const { requests } = mockFetch((req) => {
      if (req.method === 'PUT') {
        saved = true;
        return json(200, NOTED);
      }
      return json(200, saved ? withMinutes(NOTED) : RUNNING);
    });
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.care_coordinator } });
    await user.click(await screen.findByRole('button', { name: 'Verslag punt 1' }));
    const form = screen.getByRole('form', { name: 'Verslag van punt 1' });
    // The form opens on its first field, so the chair types at once.
    expect(within(form).getByRole('checkbox', { name: /Mirjam Maatschappelijk Werk/ })).toHaveFocus();
    await user.click(within(form).getByRole('checkbox', { name: /Mirjam Maatschappelijk Werk/ }));
    await user.type(within(form).getByLabelText('Samenvatting van het gesprek'), 'Het gaat beter op school.');
    await user.type(within(form).getByLabelText('Besluiten'), 'Door met de begeleiding.');
    await user.click(within(form).getByRole('button', { name: 'Actie toevoegen' }));
    await user.type(within(form).getByLabelText('Actie 1: wat'), 'Ouders bellen');
    await user.selectOptions(within(form).getByLabelText('Actie 1: wie'), '11');
    await user.type(within(form).getByLabelText('Actie 1: vóór'), '15-12-2026');
    // Ctrl+Enter saves from the field one is in.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/meetings/5/items/21/minutes');
    expect(await put.json()).toEqual({
      present: ['13'],
      summary: 'Het gaat beter op school.',
      decisions: 'Door met de begeleiding.',
      audience: 'case_team',
      family_visible: false,
      new_actions: [{ text: 'Ouders bellen', owner_membership_id: '11', due_date: '2026-12-15' }],
      version: 0,
    });
    expect(await screen.findByText('Aanwezig: Mirjam Maatschappelijk Werk. 1 actie in het plan gezet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verslag punt 1 bijwerken' })).toHaveFocus();
  });

  it('asks for an action one left half done, and sends nothing', async () => {
    const user = userEvent.setup();
    const { requests } = mockFetch(() => json(200, RUNNING));
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.care_coordinator } });
    await user.click(await screen.findByRole('button', { name: 'Verslag punt 1' }));
    await user.click(screen.getByRole('button', { name: 'Actie toevoegen' }));
    await user.type(screen.getByLabelText('Actie 1: wat'), 'Ouders bellen');
    await user.click(screen.getByRole('button', { name: 'Verslag opslaan' }));
    expect(await screen.findByText('Geef elke nieuwe actie een omschrijving en iemand die haar uitvoert.')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('closes the minutes after the chair confirms; then the notes are in the case', async () => {
    const user = userEvent.setup();
    const closed: Schemas['Meeting'] = {
      ...withMinutes({ present: ['13'], action_ids: ['71'], entry_id: '99', version: 2 }),
      version: 4,
      minutes_closed_at: '2026-12-08T09:00:00Z',
      may: { plan: false, record_minutes: false, close_minutes: false },
    };
    const { requests } = mockFetch((req) => (req.method === 'POST' ? json(200, closed) : json(200, { ...withMinutes(NOTED), version: 3 })));
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.care_coordinator } });
    await user.click(await screen.findByRole('button', { name: 'Verslag sluiten' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, verslag sluiten' }));
    expect(await screen.findByRole('link', { name: 'Het verslag staat in het dossier' })).toHaveAttribute('href', '/dossiers/7');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/meetings/5/minutes/close');
    expect(await post.json()).toEqual({ version: 3 });
    expect(screen.getByText('Verslag gesloten')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Verslag punt/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Agenda aanpassen' })).toBeNull();
  });

  it('shows an invitee who was there, and no way to note', async () => {
    mockFetch(() => json(200, { ...withMinutes({ present: ['13'], action_ids: [], version: 1 }), may: { plan: false, record_minutes: false, close_minutes: false } }));
    history.replaceState(null, '', '/overleg/5');
    renderApp(<App />, { status: 'active', me: { ...ME, may: MAY.mentor } });
    expect(await screen.findByText('Aanwezig: Mirjam Maatschappelijk Werk.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Verslag/ })).toBeNull();
  });
});
