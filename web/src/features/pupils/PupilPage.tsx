// One pupil: the record in the view the caller is entitled to, guardians with the history
// of parental authority (full view), the open case the caller may enter, and the pupil's
// signals the caller may read.
import { useTranslation } from 'react-i18next';
import { Facts } from '../../components/Facts';
import {
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { api, call, type CaseSummary, type Pupil, type Signal } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading, Notice, PageTitle } from '../../components/common';
import { useLoad } from '../../components/forms';
import { SignalSummary } from '../signals/SignalSummary';
import { ageInYears, formatDate, formatInstantDate } from '../../format/dates';
import { pupilName } from '../../format/names';
import { useMe } from '../../session/session';
import { isFamily, paths } from '../../screens/routes';
import { AccessLog } from '../family/AccessLog';
import { ConsentSection } from '../consent/ConsentSection';
import { GuardianHistory } from './GuardianHistory';

interface PupilView {
  pupil: Pupil;
  openCase: CaseSummary | null;
  signals: Signal[];
}

async function loadPupil(id: string): Promise<PupilView> {
  const pupil = await call(api.GET('/api/pupils/{id}', { params: { path: { id } } }));
  const [cases, signals] = await Promise.all([
    call(api.GET('/api/cases', { params: { query: { pupil_id: id, status: 'open' } } })).catch(() => ({ cases: [] })),
    call(api.GET('/api/signals', { params: { query: { pupil_id: id, status: 'all' } } })).catch(() => ({ signals: [] })),
  ]);
  return { pupil, openCase: cases.cases[0] ?? null, signals: signals.signals };
}

export function PupilPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data: view, error } = useLoad(['pupil-page', id], () => loadPupil(id), t('pupil.notFound'));

  if (error) {
    return (
      <>
        <PageTitle>{t('errors.summaryTitle')}</PageTitle>
        <FormAlert title={t('errors.summaryTitle')} message={error} />
        <Paragraph>
          <AppLink href={paths.pupils}>{t('pupil.back')}</AppLink>
        </Paragraph>
      </>
    );
  }
  if (!view) return <Loading />;
  const { pupil, openCase, signals } = view;
  const name = pupilName(pupil);
  const age = pupil.date_of_birth ? ageInYears(pupil.date_of_birth) : null;
  const none = t('pupil.none');
  const full = pupil.view === 'full';
  const enrolment = !pupil.enrolment_start
    ? none
    : pupil.enrolment_end
      ? t('pupil.enrolmentEnded', { start: formatDate(pupil.enrolment_start), end: formatDate(pupil.enrolment_end) })
      : t('pupil.enrolmentRange', { start: formatDate(pupil.enrolment_start) });

  return (
    <>
      <Paragraph>
        <AppLink href={isFamily(me) ? paths.family : paths.pupils}>
          {isFamily(me) ? t('family.title') : t('pupil.back')}
        </AppLink>
      </Paragraph>
      <PageTitle>{name}</PageTitle>
      {pupil.may?.record_signal && (
        <Paragraph>
          <AppLink href={paths.newSignal(pupil.id)}>{t('pupil.newSignal', { name })}</AppLink>
        </Paragraph>
      )}
      {full && pupil.may?.invite_family && (
        <Paragraph>
          <AppLink href={paths.invitations(pupil.id)}>{t('admin.invitations.link')}</AppLink>
        </Paragraph>
      )}
      <section aria-labelledby="pupil-data">
        <Heading2 id="pupil-data">{t('pupil.data')}</Heading2>
        {pupil.view === 'directory' && <Notice>{t('pupil.directoryNotice')}</Notice>}
        {pupil.view === 'identification' && <Notice>{t('pupil.identificationNotice')}</Notice>}
        <Facts
          items={[
            pupil.view !== 'identification' && [t('pupil.number'), pupil.pupil_number ?? none],
            [t('pupil.class'), pupil.class || none],
            pupil.view !== 'identification' && [t('pupil.mentor'), pupil.mentor_name || none],
            full && [
              t('pupil.dateOfBirth'),
              `${formatDate(pupil.date_of_birth)}${age !== null ? ` (${t('pupil.age', { count: age })})` : ''}`,
            ],
            full && [t('pupil.bsn'), pupil.bsn || none],
            full && [t('pupil.enrolment'), enrolment],
          ]}
        />
      </section>
      {pupil.view === 'full' && (
        <section aria-labelledby="pupil-guardians">
          <Heading2 id="pupil-guardians">{t('pupil.guardians')}</Heading2>
          <GuardianHistory current={pupil.guardians ?? []} ended={pupil.ended_guardians ?? []} name={name} />
        </section>
      )}
      <section aria-labelledby="pupil-case">
        <Heading2 id="pupil-case">{t('pupil.openCase')}</Heading2>
        {openCase ? (
          <Paragraph>
            <AppLink href={paths.case(openCase.id)}>
              {t('pupil.caseLink', { level: openCase.level, date: formatInstantDate(openCase.opened_at) })}
            </AppLink>
          </Paragraph>
        ) : (
          <Paragraph>{t('pupil.noOpenCase')}</Paragraph>
        )}
      </section>
      {isFamily(me) && <AccessLog pupilId={pupil.id} />}
      {!isFamily(me) && <ConsentSection key={me.active_membership.id} pupilId={pupil.id} pupil={pupil} optional />}
      <section aria-labelledby="pupil-signals">
        <Heading2 id="pupil-signals">{t('pupil.signals')}</Heading2>
        {signals.length === 0 ? (
          <Paragraph>{t('pupil.noSignals')}</Paragraph>
        ) : (
          <ul className="samen-cards">
            {signals.map((s) => (
              <li key={s.id} className="samen-card">
                <SignalSummary signal={s} headingLevel={3} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
