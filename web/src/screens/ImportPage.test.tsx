import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ME, json, mockFetch, renderApp } from '../test/helpers';
import { fakeXhr } from '../test/xhr';
import { App } from '../App';

const COORDINATOR = { ...ME, active_membership: { ...ME.active_membership, role: 'care_coordinator' as const } };

describe('ImportPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('checks first: the problems by line and column, then counts, and imports only on confirmation', async () => {
    mockFetch(() => json(200, { signals: [] }));
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: {
        error: {
          code: 'invalid_csv',
          message: '1 problem(s)',
          details: [{ line: 3, column: 'geboortedatum', message: 'date of birth is not a date' }],
          truncated: false,
        },
      },
    };
    const sent = fakeXhr(() => answer);
    history.replaceState(null, '', '/leerlingen-importeren');
    renderApp(<App />, { status: 'active', me: COORDINATOR });
    expect(await screen.findByRole('heading', { level: 1, name: 'Leerlingen importeren' })).toBeInTheDocument();
    const user = userEvent.setup();

    // Nothing chosen: the message is tied to the file field.
    await user.click(screen.getByRole('button', { name: 'Bestand controleren (proefimport)' }));
    expect(screen.getByLabelText('CSV-bestand')).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toHaveLength(0);

    const file = new File(['leerlingnummer;roepnaam\n'], 'leerlingen.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('CSV-bestand'), file);
    await user.click(screen.getByRole('button', { name: 'Bestand controleren (proefimport)' }));
    const table = await screen.findByRole('table', { name: 'Problemen in het bestand' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('geboortedatum');
    expect(row).toHaveTextContent('date of birth is not a date');
    expect(sent[0]).toMatchObject({ url: '/api/pupils/import?dry_run=true', body: file });
    expect(sent[0]?.headers['X-CSRF-Token']).toBe(ME.csrf_token);
    expect(screen.queryByRole('button', { name: 'Import bevestigen' })).toBeNull();

    answer = { status: 200, body: { created: 2, updated: 1, unchanged: 4, dry_run: true, committed: false, ignored_columns: ['opmerking'] } };
    await user.click(screen.getByRole('button', { name: 'Bestand controleren (proefimport)' }));
    expect(await screen.findByRole('heading', { name: 'Resultaat van de proefimport' })).toBeInTheDocument();
    expect(screen.getByText('Nieuwe leerlingen').nextSibling).toHaveTextContent('2');
    expect(screen.getByText('opmerking')).toBeInTheDocument();

    answer = { status: 200, body: { created: 2, updated: 1, unchanged: 4, dry_run: false, committed: true, ignored_columns: [] } };
    await user.click(screen.getByRole('button', { name: 'Import bevestigen' }));
    expect(await screen.findByRole('heading', { name: 'De import is uitgevoerd' })).toBeInTheDocument();
    expect(sent[2]?.url).toBe('/api/pupils/import?dry_run=false');
  });
});
