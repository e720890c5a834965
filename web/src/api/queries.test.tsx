import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, ME, mockFetch, renderApp } from '../test/helpers';
import { App } from '../App';

const pupil = (id: string, given_name: string) => ({ id, school_id: '3', given_name, name_prefix: '', family_name: 'Bakker', class: '2A', view: 'directory', version: 1 });

describe('the query cache', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('never shows the answer of an earlier visit to a screen: coming back loads again', async () => {
    // Between the two visits someone imports a pupil: the list of the first visit is out of date.
    let pupils = [pupil('40', 'Sanne')];
    let answered: Promise<void> = Promise.resolve();
    mockFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/cases') return json(200, { cases: [] });
      const now = pupils;
      await answered;
      return json(200, { pupils: now, limit: 50, offset: 0 });
    });
    history.replaceState(null, '', '/leerlingen');
    renderApp(<App />, { status: 'active', me: ME });
    expect(await screen.findByText('Sanne Bakker')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Dossiers' }));
    expect(await screen.findByRole('heading', { name: 'Mijn dossiers', level: 1 })).toBeInTheDocument();

    pupils = [pupil('40', 'Sanne'), pupil('41', 'Daan')];
    let answer = () => {};
    answered = new Promise((resolve) => (answer = resolve));
    await user.click(screen.getByRole('link', { name: 'Leerlingen' }));
    expect(screen.getByRole('heading', { name: 'Leerlingen', level: 1 })).toBeInTheDocument();
    // While the server is asked again, the old list is not on the screen.
    expect(screen.queryByText('Sanne Bakker')).toBeNull();
    answer();
    expect(await screen.findByText('Daan Bakker')).toBeInTheDocument();
    expect(screen.getByText('Sanne Bakker')).toBeInTheDocument();
  });
});
