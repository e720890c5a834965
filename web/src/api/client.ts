// The one API client of the web UI. Types come from docs/openapi.yaml (npm run gen:api →
// schema.d.ts). This file keeps, in one place: the CSRF token and its header, same-origin
// credentials, turning error answers into ApiError, and telling the session when a
// request found it gone (401).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiError, toApiError } from './errors';

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

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
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
