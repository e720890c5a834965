import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newQueryClient } from '../api/queries';
import { json, ME, mockFetch, renderApp } from '../test/helpers';
import { App } from '../App';
import { readDraft } from '../drafts/draft';

describe('session expiry', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('goes back to login on a 401 mid-session, keeps the draft, and offers it after logging in', async () => {
    let expired = false;
    mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (req.method === 'POST' && path === '/api/session') {
        expired = false;
        return json(200, ME);
      }
      if (expired) return json(401, { error: { code: 'session_expired', message: 'your session has expired' } });
      return json(200, { pupils: [], limit: 20, offset: 0 });
    });
    history.replaceState(null, '', '/signalen/nieuw');
    renderApp(<App />, { status: 'active', me: ME });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Wat zie je?'), 'Komt steeds te laat');
    await waitFor(async () => expect((await readDraft(ME.user.id, 'signal-new'))?.value).toMatchObject({ text: 'Komt steeds te laat' }));

    expired = true;
    await user.type(screen.getByLabelText('Zoek de leerling'), 'Bakker');
    await user.click(screen.getByRole('button', { name: 'Zoek' }));
    expect(await screen.findByText(/Je sessie is verlopen/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Inloggen bij Samen');
    expect(location.pathname).toBe('/signalen/nieuw');
    // The draft stayed on the device, sealed: none of the typed text is readable there.
    const stored = Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n');
    expect(stored).toContain('samen.draft.7.');
    expect(stored).not.toContain('steeds te laat');
    expect(await readDraft(ME.user.id, 'signal-new')).toBeNull(); // the key left with the session

    await user.type(screen.getByLabelText('E-mailadres'), 'mentor@hetbaken.example');
    await user.type(screen.getByLabelText('Wachtwoord'), 'Lindeveld-demo-2026!');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByText(/Er is een concept bewaard van/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Concept terugzetten' }));
    expect(screen.getByLabelText('Wat zie je?')).toHaveValue('Komt steeds te laat');
  });

  it('discards the user’s drafts on a deliberate logout', async () => {
    mockFetch((req) => (req.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, { pupils: [], limit: 50, offset: 0 })));
    history.replaceState(null, '', '/signalen/nieuw');
    renderApp(<App />, { status: 'active', me: ME });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Wat zie je?'), 'geheim');
    await waitFor(async () => expect(await readDraft(ME.user.id, 'signal-new')).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByText('Je bent uitgelogd.')).toBeInTheDocument();
    expect(Object.keys(localStorage).filter((k) => k.startsWith('samen.draft.'))).toEqual([]);
  });

  it('forgets every answer read in the session on logout; only the lists of /api/meta stay', async () => {
    mockFetch((req) => {
      if (req.method === 'DELETE') return new Response(null, { status: 204 });
      return json(200, { pupils: [{ id: '40', school_id: '3', given_name: 'Sanne', name_prefix: '', family_name: 'Bakker', class: '2A', view: 'directory', version: 1 }], limit: 20, offset: 0 });
    });
    history.replaceState(null, '', '/leerlingen');
    const queries = newQueryClient();
    renderApp(<App />, { status: 'active', me: ME }, queries);
    expect(await screen.findByText('Sanne Bakker')).toBeInTheDocument();
    const keys = () => queries.getQueryCache().findAll().map((q) => q.queryKey[0]);
    expect(keys()).toEqual(expect.arrayContaining(['pupils', 'meta']));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByText('Je bent uitgelogd.')).toBeInTheDocument();
    expect(keys()).toEqual(['meta']);
  });
});
