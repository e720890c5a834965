// The top of the case workspace, always in view (sticky): whose case it is and where it
// stands — status, level, lead, review date, open actions — so whichever part one works in,
// the state of the case is on screen.
import { useTranslation } from 'react-i18next';
import { BadgeList, StatusBadge } from '@utrecht/component-library-react';
import { AppLink } from '../../components/AppLink';
import { PageTitle } from '../../components/common';
import { formatDate } from '../../format/dates';
import { paths } from '../../screens/routes';
import { useCase } from './CaseContext';

export function CaseSummary() {
  const { t } = useTranslation();
  const { kase, view } = useCase();
  const open = kase.status === 'open';
  const openActions = (kase.actions ?? []).filter((a) => !a.done).length;
  return (
    <section aria-label={t('case.summary')} className="samen-case__summary">
      <PageTitle>{view.pupil ? t('case.title', { name: view.pupil }) : t('case.titleUnknown', { id: kase.id })}</PageTitle>
      <BadgeList className="samen-badges">
        <StatusBadge status={open ? 'active' : 'neutral'}>{open ? t('case.statusOpen') : t('case.statusClosed')}</StatusBadge>
        <StatusBadge status="neutral">{t(`levels.${kase.level}`, { defaultValue: `${kase.level}` })}</StatusBadge>
        <StatusBadge status="neutral">{`${t('case.lead')}: ${kase.lead?.name || t('case.noLead')}`}</StatusBadge>
        {kase.review_date && <StatusBadge status="neutral">{`${t('case.reviewDate')}: ${formatDate(kase.review_date)}`}</StatusBadge>}
        {kase.actions && <StatusBadge status="neutral">{t('case.openActions', { count: openActions })}</StatusBadge>}
      </BadgeList>
      {view.pupil && (
        <AppLink href={paths.pupil(kase.pupil_id)}>
          {t('case.toPupil')}: {view.pupil}
        </AppLink>
      )}
    </section>
  );
}
