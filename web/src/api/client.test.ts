import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, call, onSessionLost, setCsrfToken } from './client';
import { json, mockFetch } from '../test/helpers';

describe('the API client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    onSessionLost(null);
  });

  it('sends the CSRF token on state-changing requests only, with same-origin credentials', async () => {
    const { requests } = mockFetch(() => json(200, { signals: [] }));
    setCsrfToken('tok-123');
    await call(api.GET('/api/signals'));
    await call(
      api.POST('/api/signals', { body: { pupil_id: '1', categories: ['attendance'], urgency: 'normal', text: 'x' } }),
    );
    await call(api.PUT('/api/session/membership', { body: { membership_id: '2' } }));
    await call(api.DELETE('/api/session'));
    const [get, post, put, del] = requests;
    expect(get?.headers.get('X-CSRF-Token')).toBeNull();
    expect(post?.headers.get('X-CSRF-Token')).toBe('tok-123');
    expect(put?.headers.get('X-CSRF-Token')).toBe('tok-123');
    expect(del?.headers.get('X-CSRF-Token')).toBe('tok-123');
    expect(get?.credentials).toBe('same-origin');
  });

  it('sends no CSRF header before login', async () => {
    const { requests } = mockFetch(() => json(401, { error: { code: 'invalid_credentials', message: 'no' } }));
    await expect(call(api.POST('/api/session', { body: { email: 'a@b.example', password: 'x' } }))).rejects.toThrow(
      ApiError,
    );
    expect(requests[0]?.headers.get('X-CSRF-Token')).toBeNull();
  });

  it('turns an error answer into a typed ApiError with code, field and Retry-After', async () => {
    mockFetch(() => json(429, { error: { code: 'rate_limited', message: 'wait', field: 'email' } }, { 'Retry-After': '42' }));
    const error = await call(api.POST('/api/session', { body: { email: 'a@b.example', password: 'x' } })).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', field: 'email', retryAfter: 42, message: 'wait' });
  });

  it('tells the session when a request finds it gone, but not for a failed login', async () => {
    const lost = vi.fn();
    onSessionLost(lost);
    mockFetch(() => json(401, { error: { code: 'session_expired', message: 'expired' } }));
    await expect(call(api.GET('/api/pupils'))).rejects.toMatchObject({ code: 'session_expired' });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(lost.mock.calls[0]?.[0]).toMatchObject({ code: 'session_expired' });
    await expect(call(api.POST('/api/session', { body: { email: 'a@b.example', password: 'x' } }))).rejects.toThrow();
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('reports a network failure as code "network"', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(call(api.GET('/api/me'))).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
