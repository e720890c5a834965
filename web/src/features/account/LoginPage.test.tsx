import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, ME, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';

/** The text of what an input's aria-describedby points at. */
function describedText(input: HTMLElement) {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText('E-mailadres'), email);
  if (password) await user.type(screen.getByLabelText('Wachtwoord'), password);
  await user.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('LoginPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('puts a missing e-mail address beside its field, tied with aria-describedby', async () => {
    const { fetchMock } = mockFetch(() => json(500, {}));
    renderApp(<App />, { status: 'anonymous' });
    await submit('', 'geheim');
    const email = screen.getByLabelText('E-mailadres');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(email)).toContain('Vul je e-mailadres in.');
    expect(screen.getByLabelText('Wachtwoord')).not.toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows invalid_credentials as an alert and empties the password', async () => {
    mockFetch(() => json(401, { error: { code: 'invalid_credentials', message: 'e-mail address or password is wrong' } }));
    renderApp(<App />, { status: 'anonymous' });
    await submit('mentor@hetbaken.example', 'fout');
    expect(await screen.findByRole('alert')).toHaveTextContent('Het e-mailadres of het wachtwoord klopt niet.');
    expect(screen.getByLabelText('Wachtwoord')).toHaveValue('');
  });

  it('shows rate_limited with the wait from Retry-After, in minutes', async () => {
    mockFetch(() => json(429, { error: { code: 'rate_limited', message: 'too many' } }, { 'Retry-After': '150' }));
    renderApp(<App />, { status: 'anonymous' });
    await submit('mentor@hetbaken.example', 'fout');
    expect(await screen.findByRole('alert')).toHaveTextContent('Probeer het over 3 minuten opnieuw.');
  });

  it('puts a server error that names a field beside that field', async () => {
    mockFetch(() => json(400, { error: { code: 'validation_failed', message: 'email is too long', field: 'email' } }));
    renderApp(<App />, { status: 'anonymous' });
    await submit('x@y.example', 'geheim');
    const email = screen.getByLabelText('E-mailadres');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(email)).toContain('Deze invoer klopt niet.');
  });

  it('logs in and shows the shell with the user', async () => {
    const { requests } = mockFetch((req) => {
      if (req.method === 'POST' && req.url.endsWith('/api/session')) return json(200, ME);
      return json(200, { pupils: [], limit: 50, offset: 0 });
    });
    renderApp(<App />, { status: 'anonymous' });
    await submit('mentor@hetbaken.example', 'Lindeveld-demo-2026!');
    expect(await screen.findByText('Ingelogd als Joost de Mentor')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar de inhoud' })).toHaveAttribute('href', '#main');
    const login = requests.find((r) => r.method === 'POST');
    expect(await login?.json()).toEqual({ email: 'mentor@hetbaken.example', password: 'Lindeveld-demo-2026!' });
  });
});
