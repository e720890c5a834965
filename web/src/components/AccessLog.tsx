// "Who looked at my file", for the family: the audit log's allowed accesses by others, in
// pages. A page scans a number of audit rows, so it can come back with few or no entries
// while older ones exist: "load older" goes on until the server says there is no more.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../api/client';
import { currentLanguage } from '../i18n';
import { formatDateTime } from '../format/dates';
import { FormAlert, Loading } from './common';
import { messageFor, useLoad } from './forms';
import { SimpleTable } from './SimpleTable';

type Page = Schemas['AccessLogPage'];
const SCAN = 500;

const fetchPage = (pupilId: string, before?: number) =>
  call(
    api.GET('/api/family/pupils/{id}/access-log', {
      params: { path: { id: pupilId }, query: { limit: SCAN, before_seq: before } },
    }),
  );

export function AccessLog({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const first = useLoad(() => fetchPage(pupilId), [pupilId]);
  const [older, setOlder] = useState<Page[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const pages = first.data ? [first.data, ...older] : [];
  const entries = pages.flatMap((p) => p.entries);
  const next = pages.at(-1)?.next_before_seq ?? null;
  const language = currentLanguage();

  async function loadOlder() {
    if (next === null) return;
    setBusy(true);
    try {
      const page = await fetchPage(pupilId, next);
      setOlder((o) => [...o, page]);
    } catch (e) {
      setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="access-log">
      <Heading2 id="access-log">{t('accessLog.title')}</Heading2>
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={first.error ?? error} />
      {!first.data && !first.error && <Loading />}
      {first.data && entries.length === 0 && next === null && <Paragraph>{t('accessLog.none')}</Paragraph>}
      {entries.length > 0 && (
        <SimpleTable
          caption={t('accessLog.caption')}
          headers={[t('accessLog.when'), t('accessLog.organisation'), t('accessLog.role'), t('accessLog.action'), t('accessLog.basis')]}
          rows={entries.map((e, i) => ({
            key: `${e.at}-${i}`,
            cells: [
              formatDateTime(e.at, language),
              e.name ? `${e.organisation} (${e.name})` : e.organisation,
              t(`roles.${e.role}`, { defaultValue: e.role }),
              t(`actions.${e.action}`, { defaultValue: e.action }),
              t(`bases.${e.legal_basis}`, { defaultValue: e.legal_basis }),
            ],
          }))}
        />
      )}
      {first.data && next !== null && (
        <Button appearance="secondary-action-button" type="button" onClick={() => void loadOlder()} busy={busy} disabled={busy}>
          {t('accessLog.more')}
        </Button>
      )}
    </section>
  );
}
