import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ME, json, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';

const ADMIN = {
  ...ME,
  user: { ...ME.user, email: 'beheer@regio-noord.example', name: 'Bea Beheer' },
  active_membership: { ...ME.active_membership, role: 'admin' as const },
  memberships: [{ ...ME.active_membership, role: 'admin' as const }],
};
const PASSWORD = 'vier woorden op een rij';

describe('PasswordSetupPage (the link of samen init)', () => {
  it('sets the password with the token of the fragment, then logs in with it', async () => {
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/password-setup') return json(200, { user_id: '7', email: ADMIN.user.email });
      if (url.pathname === '/api/session') return json(200, ADMIN);
      return json(200, { organisations: [], users: [] });
    });
    history.replaceState(null, '', '/wachtwoord-instellen#tok-abc_123');
    renderApp(<App />, { status: 'anonymous' });
    expect(screen.getByRole('heading', { level: 1, name: 'Wachtwoord instellen' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), PASSWORD);
    await user.type(screen.getByLabelText('Herhaal het wachtwoord'), 'iets anders dan dat');
    await user.click(screen.getByRole('button', { name: 'Wachtwoord instellen' }));
    expect(screen.getByLabelText('Herhaal het wachtwoord')).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toHaveLength(0);

    await user.clear(screen.getByLabelText('Herhaal het wachtwoord'));
    await user.type(screen.getByLabelText('Herhaal het wachtwoord'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Wachtwoord instellen' }));
    expect(await screen.findByText('Ingelogd als Bea Beheer')).toBeInTheDocument();
    // The token travels in the body only, never in the address of a request.
    expect(new URL(requests[0]!.url).pathname).toBe('/api/password-setup');
    expect(requests[0]!.url).not.toContain('tok-abc_123');
    expect(await requests[0]?.json()).toEqual({ token: 'tok-abc_123', password: PASSWORD });
    expect(await requests[1]?.json()).toEqual({ email: ADMIN.user.email, password: PASSWORD });
    expect(location.hash).toBe('');
  });

  it('says so when the link is unknown, used or expired, in Dutch and in English', async () => {
    mockFetch(() => json(410, { error: { code: 'password_link_invalid', message: 'this link is unknown, used or expired' } }));
    history.replaceState(null, '', '/wachtwoord-instellen#gebruikt');
    renderApp(<App />, { status: 'anonymous' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Nieuw wachtwoord'), PASSWORD);
    await user.type(screen.getByLabelText('Herhaal het wachtwoord'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Wachtwoord instellen' }));
    expect(await screen.findByText(/Deze link is onbekend, al gebruikt of verlopen/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar inloggen' })).toHaveAttribute('href', '/');

    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Set your password' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set password' })).toBeInTheDocument();
  });

  it('offers no form for an address without a token', () => {
    const { requests } = mockFetch(() => json(500, {}));
    history.replaceState(null, '', '/wachtwoord-instellen');
    renderApp(<App />, { status: 'anonymous' });
    expect(screen.getByText(/Deze link is onbekend, al gebruikt of verlopen/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Nieuw wachtwoord')).toBeNull();
    expect(requests).toHaveLength(0);
  });
});
