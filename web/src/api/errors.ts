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

/** One problem of a CSV file (`invalid_csv`): the line, the column's header, what is wrong. */
export interface CsvProblem {
  line: number;
  column: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Seconds, from `Retry-After` (429). */
    readonly retryAfter?: number,
    /** `invalid_csv`: the problems of the file (at most 100) and whether there were more. */
    readonly csv?: { details: CsvProblem[]; truncated: boolean },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; field?: unknown; details?: unknown; truncated?: unknown };
}

export function toApiError(response: Pick<Response, 'status' | 'statusText' | 'headers'>, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const field = typeof error?.field === 'string' ? error.field : undefined;
  const retry = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const csv = Array.isArray(error?.details)
    ? { details: error.details as CsvProblem[], truncated: error.truncated === true }
    : undefined;
  return new ApiError(response.status, code, message, field, Number.isFinite(retry) ? retry : undefined, csv);
}
