// (De)activating a record people edit (an organisation, a user): sends the version it was
// read at; on 409 `version_conflict` it says so and offers a reload instead of overwriting.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { ApiError } from '../../api/client';
import { messageFor } from '../../components/forms';

export function ActivationButton<R extends { active: boolean; version: number }>({
  record,
  label,
  text,
  send,
  onChanged,
  onReload,
}: {
  record: R;
  /** The accessible name (names the record: "Deactivate Het Baken"). */
  label: string;
  text: string;
  send(active: boolean, version: number): Promise<R>;
  onChanged(record: R): void;
  onReload(): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; conflict: boolean }>();

  async function toggle() {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await send(!record.active, record.version));
    } catch (e) {
      const conflict = e instanceof ApiError && e.code === 'version_conflict';
      setError({ text: conflict ? t('admin.conflict') : messageFor(t, e), conflict });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="samen-row-action">
      <Button appearance="secondary-action-button" type="button" aria-label={label} busy={busy} disabled={busy} onClick={() => void toggle()}>
        {text}
      </Button>
      {error && (
        <span role="alert" className="samen-row-action__error">
          {error.text}{' '}
          {error.conflict && (
            <Button appearance="subtle-button" type="button" onClick={onReload}>
              {t('admin.reload')}
            </Button>
          )}
        </span>
      )}
    </div>
  );
}
