import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, ME, mockFetch, renderApp } from '../../test/helpers';
import { App } from '../../App';

const PUPIL = {
  id: '42',
  school_id: '3',
  pupil_number: '1000042',
  given_name: 'Sem',
  name_prefix: 'de',
  family_name: 'Vries',
  class: '2A',
  mentor_user_id: '7',
  view: 'full',
  version: 1,
};

function describedText(el: HTMLElement) {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('NewSignalPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    history.replaceState(null, '', '/');
  });

  it('sends the signal with the CSRF token, and puts a server error beside the field it names', async () => {
    let answer = json(400, { error: { code: 'validation_failed', message: 'text is too long', field: 'text' } });
    const { requests } = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/pupils/42') return json(200, PUPIL);
      if (req.method === 'POST' && url.pathname === '/api/signals') return answer;
      return json(200, { signals: [] });
    });
    history.replaceState(null, '', '/signalen/nieuw?leerling=42');
    renderApp(<App />, { status: 'active', me: ME });
    expect(await screen.findByText('Sem de Vries')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByLabelText('Verzuim'));
    await user.click(screen.getByLabelText('Dringend'));
    await user.type(screen.getByLabelText('Wat zie je?'), 'Mist de maandagen.');
    await user.click(screen.getByRole('button', { name: 'Signaal vastleggen' }));

    const text = screen.getByLabelText('Wat zie je?');
    await waitFor(() => expect(text).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(text)).toContain('Deze invoer klopt niet.');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('X-CSRF-Token')).toBe(ME.csrf_token);
    expect(await post?.json()).toEqual({ pupil_id: '42', categories: ['attendance'], urgency: 'urgent', text: 'Mist de maandagen.' });

    answer = json(201, { id: '9' });
    await user.click(screen.getByRole('button', { name: 'Signaal vastleggen' }));
    expect(await screen.findByText(/Het signaal over Sem de Vries is vastgelegd/)).toBeInTheDocument();
  });
});
