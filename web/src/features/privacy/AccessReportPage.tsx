// The privacy officer's report of new access in the region (GET /api/audit/access-changes):
// every membership and account created, switched on or off, for whom, at which organisation
// in which role, granted by whom and when, newest first, page by page. The server decides who
// may read it; this screen only shows what it answers.
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../../components/common';
import { usePaged } from '../../components/paging';
import { SimpleTable } from '../../components/SimpleTable';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../format/dates';
import { paths } from '../../screens/routes';

type Change = Schemas['AccessChange'];
type Page = Schemas['AccessChangePage'];
const PAGE = 50;

const fetchPage = (before?: number) =>
  call(api.GET('/api/audit/access-changes', { params: { query: { before_seq: before, limit: PAGE } } }));

function useChangeText() {
  const { t } = useTranslation();
  const role = (code: string) => t(`roles.${code}`, { defaultValue: code });
  return (c: Change) => {
    const what =
      c.subject === 'user'
        ? t(`privacy.access.userChange.${c.change}`)
        : t(`privacy.access.membershipChange.${c.change}`);
    const access = c.subject === 'user' ? t('privacy.access.allMemberships') : t('privacy.access.roleAt', { role: role(c.role ?? ''), organisation: c.organisation?.name ?? '' });
    const by = c.granted_by.organisation
      ? t('privacy.access.byAs', { name: c.granted_by.name, role: role(c.granted_by.role), organisation: c.granted_by.organisation.name })
      : c.granted_by.name;
    const invited = c.invited_by ? t('privacy.access.invitedBy', { name: c.invited_by.name }) : '';
    return { what, access, by, invited };
  };
}

export function AccessReportPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const text = useChangeText();
  const report = usePaged(['access-report'], fetchPage, (page: Page) => page.next_before_seq);
  const changes = report.pages.flatMap((p) => p.changes);
  return (
    <>
      <PageTitle>{t('privacy.access.title')}</PageTitle>
      <Paragraph>{t('privacy.access.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={report.error} />
      {!report.loaded && !report.error && <Loading />}
      {report.loaded && changes.length === 0 && <Paragraph role="status">{t('privacy.access.none')}</Paragraph>}
      {changes.length > 0 && (
        <SimpleTable
          caption={t('privacy.access.caption')}
          headers={[t('privacy.access.when'), t('privacy.access.what'), t('privacy.access.forWhom'), t('privacy.access.access'), t('privacy.access.by')]}
          rows={changes.map((c) => {
            const row = text(c);
            return {
              key: String(c.seq),
              cells: [
                formatDateTime(c.at, language),
                row.what,
                c.user ? <AppLink href={paths.audit({ actor: c.user.id })}>{c.user.name}</AppLink> : t('admin.none'),
                row.access,
                <>
                  <AppLink href={paths.audit({ actor: c.granted_by.id })}>{row.by}</AppLink>
                  {row.invited && <br />}
                  {row.invited}
                </>,
              ],
            };
          })}
        />
      )}
      {report.hasMore && (
        <Button appearance="secondary-action-button" type="button" onClick={() => void report.loadMore()} busy={report.busy} disabled={report.busy}>
          {t('privacy.access.more')}
        </Button>
      )}
    </>
  );
}
