// Editing versioned records (the case page, a meeting's agenda): a form whose server errors
// go beside the fields (useForm), and which recognises a version conflict (409
// version_conflict: someone changed the record since it was read). Then the form offers to
// load the record again; the editor opens afresh on the new version and says so, and
// nothing is overwritten silently.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { ApiError } from '../api/errors';
import { FormAlert, Notice } from './common';
import { useForm, type FieldErrors } from './forms';

export function isConflict(error: unknown) {
  return error instanceof ApiError && error.code === 'version_conflict';
}

export function useEditForm(fieldNames: readonly string[]) {
  const form = useForm(fieldNames);
  const [conflict, setConflict] = useState(false);
  const { submit: submitForm, clear: clearForm } = form;
  const submit = useCallback(
    (event: FormEvent, missing: FieldErrors, send: () => Promise<void>) => {
      setConflict(false);
      return submitForm(event, missing, send, (e) => {
        if (isConflict(e)) setConflict(true);
        return undefined;
      });
    },
    [submitForm],
  );
  const clear = useCallback(() => {
    clearForm();
    setConflict(false);
  }, [clearForm]);
  return { ...form, conflict, submit, clear };
}

/** The form's own error; for a version conflict with "load again". */
export function EditAlert({
  title,
  message,
  conflict,
  onReload,
}: {
  title: string;
  message?: string;
  conflict: boolean;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!message) return null;
  return (
    <>
      <FormAlert title={title} message={message} />
      {conflict && (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            type="button"
            busy={busy}
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onReload().finally(() => setBusy(false));
            }}
          >
            {t('caseEdit.reload')}
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}

/** Shown in an editor opened again after a conflict. */
export function ReloadedNotice({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return <Notice type="info">{t('caseEdit.reloaded')}</Notice>;
}

/** A yes/no step before something that cannot be undone by the same form. */
export function Confirm({
  question,
  confirm,
  busy,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirm: string;
  busy?: boolean;
  /** Without it the confirm button submits the form it stands in. */
  onConfirm?(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []); // the question is read out, the answer is a Tab away
  return (
    <div ref={ref} tabIndex={-1} className="samen-confirm" role="group" aria-label={question}>
      <Notice type="warning">{question}</Notice>
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          type={onConfirm ? 'button' : 'submit'}
          onClick={onConfirm}
          busy={busy}
          disabled={busy}
        >
          {confirm}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onCancel} disabled={busy}>
          {t('caseEdit.cancel')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** The buttons under an edit form: submit (busy while sending) and cancel. */
export function SaveCancel({ busy, label, onCancel }: { busy: boolean; label: string; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <ButtonGroup>
      <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
        {label}
      </Button>
      <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
        {t('caseEdit.cancel')}
      </Button>
    </ButtonGroup>
  );
}
