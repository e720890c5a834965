import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { renderApp, mockFetch, json } from '../test/helpers';
import { App } from '../App';
import { initI18n } from '.';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('i18n', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    act(() => {
      initI18n('nl');
    });
  });

  it('has the same keys in Dutch and English', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('starts in Dutch and switches to English and back, with the lang attribute', async () => {
    mockFetch(() => json(401, { error: { code: 'unauthenticated', message: 'no' } }));
    renderApp(<App />, { status: 'anonymous' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Inloggen bij Samen');
    expect(document.documentElement.lang).toBe('nl');

    const user = userEvent.setup();
    const toEnglish = screen.getByRole('button', { name: 'Switch to English' });
    expect(toEnglish).toHaveAttribute('lang', 'en');
    await user.click(toEnglish);
    // English is a chunk of its own, loaded when first chosen.
    expect(await screen.findByRole('heading', { level: 1, name: 'Log in to Samen' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('samen.language')).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Schakel naar Nederlands' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen bij Samen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('nl');
  });
});
