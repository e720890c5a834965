// Forms and loads share these: errors per field (shown beside the field, tied with
// aria-describedby by the Utrecht form-field components) and for the form as a whole (an
// alert), the submit sequence, and loading what a screen shows.
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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

/** After a failed submit: focus the first field marked invalid (once React has rendered it). */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** The text of the input an Utrecht form-field event came from (they are typed on the div). */
export function valueOf(event: { target: EventTarget }): string {
  return (event.target as HTMLInputElement).value;
}

/**
 * A form's errors and its submit: `submit(event, missing, send)` shows the client-side
 * `missing` messages if there are any; else runs `send`, and puts a server error beside the
 * field it names (one of `fieldNames`) or in the form's alert. `describe` may give an error
 * its own text. Either way focus goes to the first invalid field.
 */
export function useForm(fieldNames: readonly string[]) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });

  const submit = useCallback(
    async (
      event: FormEvent,
      missing: FieldErrors,
      send: () => Promise<void>,
      describe?: (error: unknown) => string | undefined,
    ) => {
      event.preventDefault();
      if (Object.values(missing).some(Boolean)) {
        setErrors({ fields: missing });
        focusFirstInvalid(formRef.current);
        return;
      }
      setErrors({ fields: {} });
      setBusy(true);
      try {
        await send();
      } catch (error) {
        const text = describe?.(error) ?? messageFor(t, error);
        if (error instanceof ApiError && error.field && fieldNames.includes(error.field)) {
          setErrors({ fields: { [error.field]: text } });
        } else {
          setErrors({ fields: {}, form: text });
        }
        focusFirstInvalid(formRef.current);
      } finally {
        setBusy(false);
      }
    },
    [t, fieldNames],
  );
  const clear = useCallback(() => setErrors({ fields: {} }), []);
  return { formRef, busy, errors, submit, clear };
}

/**
 * What a screen shows, read through the query cache under `key` (name it for what it holds,
 * with the ids and filters it depends on: ['pupil', id]). `data` is null until it is there,
 * `error` the UI text of a failure (`notFound` for a 404: "does not exist, or you have no
 * access"); `reload()` asks the server again (after a change that answers nothing, a
 * conflict).
 */
export function useLoad<T>(key: QueryKey, load: () => Promise<T>, notFound?: string) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: key, queryFn: load });
  const { refetch } = query;
  const reload = useCallback(() => refetch().then(() => undefined), [refetch]);
  const e = query.error;
  const error = !e ? undefined : notFound && e instanceof ApiError && e.code === 'not_found' ? notFound : messageFor(t, e);
  return { data: query.data ?? null, error, reload };
}
