// A case, read-only for now: header (pupil, lead, level, status, review date), who sits at
// the table and why, and the chronology (components/Chronology.tsx).
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Chronology } from '../components/Chronology';
import { EntryForm } from '../components/EntryForm';
import { useMe } from '../session/session';
import { Facts } from '../components/Facts';
import { CaseConsentPart } from '../components/TeamBasis';
import { SimpleTable } from '../components/SimpleTable';
import { api, call, type Case } from '../api/client';
import { AppLink } from '../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../components/common';
import { useLoad } from '../components/forms';
import { formatDate, formatInstantDate } from '../format/dates';
import { pupilName } from '../format/names';
import { isFamily, paths } from './routes';

interface CaseView {
  kase: Case;
  pupil: string | null;
}

async function loadCase(id: string): Promise<CaseView> {
  const kase = await call(api.GET('/api/cases/{id}', { params: { path: { id } } }));
  const pupil = await call(api.GET('/api/pupils/{id}', { params: { path: { id: kase.pupil_id } } })).catch(() => null);
  return { kase, pupil: pupil ? pupilName(pupil) : null };
}

export function CasePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data: view, error } = useLoad(() => loadCase(id), [id], t('case.notFound'));
  const [written, setWritten] = useState(0); // entries written here: the chronology loads again
  if (error) {
    return (
      <>
        <PageTitle>{t('errors.summaryTitle')}</PageTitle>
        <FormAlert title={t('errors.summaryTitle')} message={error} />
      </>
    );
  }
  if (!view) return <Loading />;
  const { kase, pupil } = view;
  const team = kase.team.filter((m) => !m.removed_at);
  const role = (r: string) => t(`roles.${r}`, { defaultValue: r });
  return (
    <>
      <PageTitle>{pupil ? t('case.title', { name: pupil }) : t('case.titleUnknown', { id: kase.id })}</PageTitle>
      {pupil && (
        <Paragraph>
          <AppLink href={paths.pupil(kase.pupil_id)}>{pupil}</AppLink>
        </Paragraph>
      )}
      <section aria-labelledby="case-header">
        <Heading2 id="case-header">{t('case.header')}</Heading2>
        <Facts
          items={[
            [t('case.status'), kase.status === 'open' ? t('case.statusOpen') : t('case.statusClosed')],
            [t('case.level'), t(`levels.${kase.level}`)],
            [t('case.lead'), kase.lead?.name ? `${kase.lead.name} (${role(kase.lead.role ?? '')})` : t('case.noLead')],
            [t('case.reviewDate'), formatDate(kase.review_date) || t('pupil.none')],
            [t('case.opened'), formatInstantDate(kase.opened_at)],
            [t('case.categories'), kase.categories.map((c) => t(`categories.${c}`)).join(', ')],
          ]}
        />
      </section>
      <section aria-labelledby="case-team">
        <Heading2 id="case-team">{t('case.team')}</Heading2>
        {team.length === 0 ? (
          <Paragraph>{t('case.noTeam')}</Paragraph>
        ) : (
          <SimpleTable
            caption={t('case.teamCaption')}
            headers={[t('case.member'), t('case.role'), t('case.reason'), t('case.since')]}
            rows={team.map((m) => ({
              key: m.membership_id ?? m.name ?? '',
              cells: [m.name, role(m.role ?? ''), m.reason, formatInstantDate(m.added_at)],
            }))}
          />
        )}
      </section>
      {!isFamily(me.active_membership.role) && <CaseConsentPart kase={kase} pupil={pupil} membershipId={me.active_membership.id} />}
      {!isFamily(me.active_membership.role) && kase.status === 'open' && (
        <EntryForm caseId={kase.id} onSaved={() => setWritten((n) => n + 1)} />
      )}
      <Chronology key={written} caseId={kase.id} />
    </>
  );
}
