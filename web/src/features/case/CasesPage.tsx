// The cases one may enter (GET /api/cases: those one leads or sits at the table of, the
// school's for a care coordinator), open ones first by default; the status choice is kept in
// the address so that "back" returns to the same list.
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../../components/common';
import { useLoad } from '../../components/forms';
import { SelectField } from '../../components/SelectField';
import { SimpleTable } from '../../components/SimpleTable';
import { formatDate, formatInstantDate } from '../../format/dates';
import { isOverdue } from '../../format/dateInput';
import { paths } from '../../screens/routes';

const STATUSES = ['open', 'closed', 'all'] as const;
type Status = (typeof STATUSES)[number];
const STATUS_LABEL = { open: 'cases.statusOpen', closed: 'cases.statusClosed', all: 'cases.statusAll' } as const;

export function CasesPage() {
  const { t } = useTranslation();
  const asked = new URLSearchParams(useSearch()).get('status');
  const status: Status = STATUSES.find((s) => s === asked) ?? 'open';
  const [, navigate] = useLocation();
  const { data, error } = useLoad(['cases', status], () => call(api.GET('/api/cases', { params: { query: { status } } })));

  return (
    <>
      <PageTitle>{t('cases.title')}</PageTitle>
      <Paragraph>{t('cases.intro')}</Paragraph>
      <SelectField<Status>
        id="cases-status"
        label={t('cases.status')}
        value={status}
        options={STATUSES.map((s) => ({ value: s, label: t(STATUS_LABEL[s]) }))}
        onChange={(s) => navigate(s === 'open' ? paths.cases : `${paths.cases}?status=${s}`)}
      />
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!data && !error && <Loading />}
      {data && (
        <section aria-labelledby="cases-count">
          <Paragraph id="cases-count" role="status">
            {data.cases.length === 0 ? t('cases.none') : t('cases.count', { count: data.cases.length })}
          </Paragraph>
          {data.cases.length > 0 && (
            <SimpleTable
              caption={`${t('cases.caption')} — ${t(STATUS_LABEL[status])}`}
              headers={[t('cases.pupil'), t('cases.level'), t('cases.state'), t('cases.categories'), t('cases.reviewDate'), t('cases.opened')]}
              rows={data.cases.map((c) => {
                const name = c.pupil_name || t('cases.unknownPupil', { id: c.pupil_id });
                const review = formatDate(c.review_date);
                return {
                  key: c.id,
                  cells: [
                    <AppLink href={paths.case(c.id)}>{name}</AppLink>,
                    t(`levels.${c.level}`, { defaultValue: `${c.level}` }),
                    c.status === 'open' ? t('case.statusOpen') : t('case.statusClosed'),
                    c.categories.map((k) => t(`categories.${k}`)).join(', '),
                    // Said in words, not by colour alone.
                    review && isOverdue(c.review_date, c.status !== 'open') ? t('cases.overdue', { date: review }) : review,
                    formatInstantDate(c.opened_at),
                  ],
                };
              })}
            />
          )}
        </section>
      )}
    </>
  );
}
