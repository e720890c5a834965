// Errors of a form: a message per field (shown beside it, tied with aria-describedby by the
// Utrecht form-field components) and one for the form as a whole (shown in an alert).
import { useCallback, useState } from 'react';
import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../api/errors';

export type FieldErrors = Partial<Record<string, string>>;

export interface FormErrors {
  fields: FieldErrors;
  form?: string;
}

/** The UI text for an error the server (or the network) gave. */
export function messageFor(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500 && error.code !== 'unavailable') return t('errors.internal_error');
    // The server explains a validation problem in English: good enough for the English UI.
    if (error.code === 'validation_failed' && i18next.language === 'en' && error.message) return error.message;
    return t(`errors.${error.code}`, { defaultValue: t('errors.unknown', { code: error.code }) });
  }
  return t('errors.unknown', { code: String(error) });
}

export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const clear = useCallback(() => setErrors({ fields: {} }), []);
  /** Client-side checks: a message per field, nothing for the form. */
  const setFields = useCallback((fields: FieldErrors) => setErrors({ fields }), []);
  /**
   * A server error: beside the field it names when the form has that field (`fieldNames`),
   * else for the whole form.
   */
  const fromApi = useCallback((t: TFunction, error: unknown, fieldNames: readonly string[], message?: string) => {
    const text = message ?? messageFor(t, error);
    if (error instanceof ApiError && error.field && fieldNames.includes(error.field)) {
      setErrors({ fields: { [error.field]: text } });
    } else {
      setErrors({ fields: {}, form: text });
    }
  }, []);
  const hasErrors = Boolean(errors.form) || Object.values(errors.fields).some(Boolean);
  return { errors, hasErrors, clear, setFields, fromApi };
}

/** After a failed submit: focus the first field marked invalid (once React has rendered it). */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** The text of the input an Utrecht form-field event came from (they are typed on the div). */
export function valueOf(event: { target: EventTarget }): string {
  return (event.target as HTMLInputElement).value;
}
