// Server errors are `{"error": {code, message, field?}}` (docs/api.md). ApiError carries them
// typed, so a form can put the message beside the field the server named.

/** The codes of docs/api.md, plus `network` when no answer came at all. */
export type ErrorCode =
  | 'malformed_json'
  | 'validation_failed'
  | 'unknown_field'
  | 'weak_password'
  | 'invalid_csv'
  | 'bad_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'session_expired'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'version_conflict'
  | 'already_exists'
  | 'already_triaged'
  | 'case_closed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'precondition_required'
  | 'rate_limited'
  | 'internal_error'
  | 'unavailable'
  | 'network'
  | (string & {});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Seconds, from `Retry-After` (429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown };
}

export function toApiError(response: Response, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const field = typeof error?.field === 'string' ? error.field : undefined;
  const retry = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, code, message, field, Number.isFinite(retry) ? retry : undefined);
}
