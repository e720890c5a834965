import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAY, ME, json, mockFetch, renderApp } from '../../test/helpers';
import { fakeXhr } from '../../test/xhr';
import { App } from '../../App';

const COORDINATOR = { ...ME, may: MAY.care_coordinator, active_membership: { ...ME.active_membership, role: 'care_coordinator' as const } };

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

    answer = {
      status: 200,
      body: {
        created: 2, updated: 1, unchanged: 4, dry_run: true, committed: false, ignored_columns: ['opmerking'],
        guardians: {
          added: 1, ended: 1, changed: 0, changes_truncated: false,
          changes: [
            { line: 2, pupil_number: '1001', change: 'added', guardian_id: null, name: 'Marleen Vos' },
            { line: 2, pupil_number: '1001', change: 'ended', guardian_id: '9', name: 'Ruud Smit' },
          ],
        },
      },
    };
    await user.click(screen.getByRole('button', { name: 'Bestand controleren (proefimport)' }));
    expect(await screen.findByRole('heading', { name: 'Resultaat van de proefimport' })).toBeInTheDocument();
    expect(screen.getByText('Nieuwe leerlingen').nextSibling).toHaveTextContent('2');
    expect(screen.getByText('opmerking')).toBeInTheDocument();
    // Guardians added, ended and changed, with a warning before the ended lose access.
    expect(screen.getByText('Beëindigd').nextSibling).toHaveTextContent('1');
    const changes = screen.getByRole('table', { name: 'Wijzigingen bij ouders en verzorgers' });
    expect(within(changes).getAllByRole('row')[2]).toHaveTextContent('Ruud Smit');
    expect(within(changes).getAllByRole('row')[2]).toHaveTextContent('beëindigd');
    expect(screen.getByText(/verliest meteen de toegang tot het kind/)).toBeInTheDocument();

    answer = { status: 200, body: { created: 2, updated: 1, unchanged: 4, dry_run: false, committed: true, ignored_columns: [], guardians: { added: 0, ended: 0, changed: 0, changes: [], changes_truncated: false } } };
    await user.click(screen.getByRole('button', { name: 'Import bevestigen' }));
    expect(await screen.findByRole('heading', { name: 'De import is uitgevoerd' })).toBeInTheDocument();
    expect(sent[2]?.url).toBe('/api/pupils/import?dry_run=false');
  });
});

describe('ImportPage drop zone', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('takes a file dropped on it, and shows the upload progress while sending', async () => {
    mockFetch(() => json(200, { signals: [] }));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const sent = fakeXhr(() => ({ status: 200, body: { created: 1, updated: 0, unchanged: 0, dry_run: true, committed: false, ignored_columns: [], guardians: { added: 0, ended: 0, changed: 0, changes: [], changes_truncated: false } } }), held);
    history.replaceState(null, '', '/leerlingen-importeren');
    renderApp(<App />, { status: 'active', me: COORDINATOR });
    const field = await screen.findByLabelText('CSV-bestand');
    const file = new File(['leerlingnummer\n'], 'gesleept.csv', { type: 'text/csv' });
    fireEvent.drop(field.closest('.samen-dropzone')!, { dataTransfer: { files: [file] } });
    expect(screen.getByText(/Gekozen: gesleept.csv/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Bestand controleren (proefimport)' }));
    expect(await screen.findByRole('progressbar', { name: 'Verzonden' })).toHaveValue(0.5);
    release();
    expect(await screen.findByRole('heading', { name: 'Resultaat van de proefimport' })).toBeInTheDocument();
    expect(sent[0]?.body).toBe(file);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
