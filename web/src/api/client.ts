// The one API client of the web UI. Types come from docs/openapi.yaml (npm run gen:api →
// schema.d.ts). This file keeps, in one place: the CSRF token and its header, same-origin
// credentials, turning error answers into ApiError, and telling the session when a
// request found it gone (401).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiError, toApiError } from './errors';
export type { CsvProblem } from './errors';

export type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type Membership = Schemas['Membership'];
export type Role = Schemas['Role'];
export type Pupil = Schemas['Pupil'];
export type Signal = Schemas['Signal'];
export type Category = Schemas['Category'];
export type CaseSummary = Schemas['CaseSummary'];
export type Case = Schemas['Case'];
export type ChronologyEntry = Schemas['ChronologyEntry'];
export { ApiError };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;
type SessionLostListener = (error: ApiError) => void;
let sessionLostListener: SessionLostListener | null = null;

/** Remember the token from the login answer or GET /api/me (null on logout). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request other than the login answers 401 (session expired or revoked). */
export function onSessionLost(listener: SessionLostListener | null) {
  sessionLostListener = listener;
}

const isLogin = (request: Request) =>
  request.method === 'POST' && new URL(request.url).pathname === '/api/session';

/** The CSRF header of a state-changing request (none before login). */
function csrfHeader(method: string, headers: { set(name: string, value: string): void }) {
  if (!SAFE_METHODS.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    csrfHeader(request.method, request.headers);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401 && !isLogin(request) && sessionLostListener) {
      const body: unknown = await response.clone().json().catch(() => undefined);
      sessionLostListener(toApiError(response, body));
    }
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? '' : location.origin,
  credentials: 'same-origin',
  // Look fetch up at call time, so tests can stub it.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(sessionMiddleware);

type Answer<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an `api.GET/POST/...` call: its data, or an ApiError. */
export async function call<T>(request: Promise<Answer<T>> | (() => Promise<Answer<T>>)): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await (typeof request === 'function' ? request() : request);
  } catch (cause) {
    throw new ApiError(0, 'network', String(cause));
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  throw toApiError(response, error);
}

type Query = Record<string, string | number | boolean | undefined>;

/**
 * POSTs a file with upload progress (fetch has none, so this one call uses XMLHttpRequest):
 * the same CSRF header, session-lost hook and ApiError as `call`. `onProgress` gets the
 * fraction sent, 0 to 1.
 */
export function upload<T>(
  path: keyof paths,
  { query = {}, file, contentType, onProgress }: { query?: Query; file: Blob; contentType: string; onProgress?(sent: number): void },
): Promise<T> {
  const url = new URL(path, typeof location === 'undefined' ? 'http://localhost' : location.origin);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url.pathname + url.search);
    xhr.setRequestHeader('Content-Type', contentType);
    csrfHeader('POST', { set: (name, value) => xhr.setRequestHeader(name, value) });
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const headers = new Headers();
      const retry = xhr.getResponseHeader('Retry-After');
      if (retry) headers.set('Retry-After', retry);
      const error = toApiError({ status: xhr.status, statusText: xhr.statusText, headers }, body);
      if (xhr.status === 401) sessionLostListener?.(error);
      reject(error);
    };
    xhr.send(file);
  });
}
