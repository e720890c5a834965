import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onSessionLost, setCsrfToken, upload } from './client';
import { fakeXhr } from '../test/xhr';


describe('upload (the one call with upload progress)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    onSessionLost(null);
  });

  it('posts the file with its content type, the query and the CSRF header, and reports progress', async () => {
    const sent = fakeXhr(() => ({ status: 200, body: { created: 1 } }));
    setCsrfToken('tok-9');
    const progress = vi.fn();
    const file = new Blob(['a;b\n'], { type: 'text/csv' });
    const answer = await upload('/api/pupils/import', { query: { dry_run: true, school_id: undefined }, file, contentType: 'text/csv', onProgress: progress });
    expect(answer).toEqual({ created: 1 });
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/pupils/import?dry_run=true', body: file });
    expect(sent[0]?.headers).toMatchObject({ 'Content-Type': 'text/csv', 'X-CSRF-Token': 'tok-9' });
    expect(progress).toHaveBeenCalledWith(0.5);
  });

  it('turns an error answer into an ApiError with the CSV problems, and tells the session about a 401', async () => {
    fakeXhr(() => ({
      status: 400,
      body: { error: { code: 'invalid_csv', message: '1 problem', details: [{ line: 3, column: 'klas', message: 'too long' }], truncated: false } },
    }));
    const file = new Blob(['x']);
    const error = await upload('/api/pupils/import', { file, contentType: 'text/csv' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_csv', csv: { details: [{ line: 3, column: 'klas' }], truncated: false } });

    const lost = vi.fn();
    onSessionLost(lost);
    fakeXhr(() => ({ status: 401, body: { error: { code: 'session_expired', message: 'gone' } } }));
    await expect(upload('/api/pupils/import', { file, contentType: 'text/csv' })).rejects.toMatchObject({ code: 'session_expired' });
    expect(lost).toHaveBeenCalledTimes(1);
  });
});
