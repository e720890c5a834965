// "Who looked at my file", for the family: the audit log's allowed accesses by others, in
// pages. A page scans a number of audit rows, so it can come back with few or no entries
// while older ones exist: "load older" goes on until the server says there is no more.
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../format/dates';
import { FormAlert, Loading } from '../../components/common';
import { usePaged } from '../../components/paging';
import { SimpleTable } from '../../components/SimpleTable';

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
  const log = usePaged(['access-log', pupilId], (before?: number) => fetchPage(pupilId, before), (page: Page) => page.next_before_seq);
  const entries = log.pages.flatMap((p) => p.entries);
  const language = currentLanguage();

  return (
    <section aria-labelledby="access-log">
      <Heading2 id="access-log">{t('accessLog.title')}</Heading2>
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={log.error} />
      {!log.loaded && !log.error && <Loading />}
      {log.loaded && entries.length === 0 && !log.hasMore && <Paragraph>{t('accessLog.none')}</Paragraph>}
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
      {log.hasMore && (
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => void log.loadMore()}
          busy={log.busy}
          disabled={log.busy}
        >
          {t('accessLog.more')}
        </Button>
      )}
    </section>
  );
}
