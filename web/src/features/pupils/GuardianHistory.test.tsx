import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ME, renderApp } from '../../test/helpers';
import { GuardianHistory } from './GuardianHistory';

const guardian = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  relation: 'moeder',
  email: `${id}@ouders.example`,
  phone: null,
  parental_authority: true,
  number: null,
  from: '2025-08-20T00:00:00.000Z',
  until: null,
  has_login: false,
  is_you: false,
  ...extra,
});

describe('GuardianHistory', () => {
  it('lists the current guardians, then the ended ones marked with their period', () => {
    renderApp(
      <GuardianHistory
        name="Sem de Vries"
        current={[guardian('1', 'Eva de Vries'), guardian('3', 'Marleen Vos', { relation: 'voogd', from: '2026-10-12T07:00:00.000Z' })]}
        ended={[guardian('2', 'Ruud de Vries', { relation: 'vader', until: '2026-10-12T07:00:00.000Z', has_login: true })]}
      />,
      { status: 'active', me: ME },
    );
    const table = screen.getByRole('table', { name: 'Ouders en verzorgers van Sem de Vries' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Eva de Vries', 'Marleen Vos', 'Ruud de Vries']);
    expect(within(rows[0]!).getByText('sinds 20-08-2025')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('huidig')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('20-08-2025 tot 12-10-2026')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('beëindigd')).toBeInTheDocument();
    expect(screen.getByText(/Een beëindigde ouder of verzorger heeft geen toegang meer/)).toBeInTheDocument();
  });

  it('says when the start is unknown and leaves the note out without ended guardians', () => {
    renderApp(<GuardianHistory name="Noor" current={[guardian('1', 'Eva', { from: null })]} ended={[]} />, { status: 'active', me: ME });
    expect(screen.getByText('sinds onbekend')).toBeInTheDocument();
    expect(screen.queryByText(/Een beëindigde ouder/)).not.toBeInTheDocument();
  });
});
