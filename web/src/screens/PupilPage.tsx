// One pupil: the record in the view the caller is entitled to, guardians (full view), the
// open case the caller may enter, and the pupil's signals the caller may read.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { api, call, type CaseSummary, type Pupil, type Signal } from '../api/client';
import { ApiError } from '../api/errors';
import { AppLink } from '../components/AppLink';
import { FormAlert, Loading, Notice, PageTitle } from '../components/common';
import { messageFor } from '../components/forms';
import { SignalSummary } from '../components/SignalSummary';
import { ageInYears, formatDate, formatInstantDate } from '../format/dates';
import { pupilName } from '../format/names';
import { useMe } from '../session/session';
import { canRecordSignals, paths } from './routes';

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
  const [view, setView] = useState<PupilView | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setView(null);
    setError(undefined);
    loadPupil(id).then(
      (v) => live && setView(v),
      (e) => live && setError(e instanceof ApiError && e.code === 'not_found' ? t('pupil.notFound') : messageFor(t, e)),
    );
    return () => {
      live = false;
    };
  }, [id, t]);

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

  return (
    <>
      <Paragraph>
        <AppLink href={paths.pupils}>{t('pupil.back')}</AppLink>
      </Paragraph>
      <PageTitle>{name}</PageTitle>
      {canRecordSignals(me.active_membership.role) && (
        <Paragraph>
          <AppLink href={paths.newSignal(pupil.id)}>{t('pupil.newSignal', { name })}</AppLink>
        </Paragraph>
      )}
      <section aria-labelledby="pupil-data">
        <Heading2 id="pupil-data">{t('pupil.data')}</Heading2>
        {pupil.view === 'directory' && <Notice>{t('pupil.directoryNotice')}</Notice>}
        <DataList appearance="rows" className="samen-datalist">
          <DataListItem>
            <DataListKey>{t('pupil.number')}</DataListKey>
            <DataListValue>{pupil.pupil_number}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('pupil.class')}</DataListKey>
            <DataListValue>{pupil.class || none}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('pupil.mentor')}</DataListKey>
            <DataListValue>{pupil.mentor_name || none}</DataListValue>
          </DataListItem>
          {pupil.view === 'full' && (
            <>
              <DataListItem>
                <DataListKey>{t('pupil.dateOfBirth')}</DataListKey>
                <DataListValue>
                  {formatDate(pupil.date_of_birth)}
                  {age !== null && ` (${t('pupil.age', { count: age })})`}
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('pupil.bsn')}</DataListKey>
                <DataListValue>{pupil.bsn || none}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('pupil.enrolment')}</DataListKey>
                <DataListValue>
                  {!pupil.enrolment_start
                    ? none
                    : pupil.enrolment_end
                      ? t('pupil.enrolmentEnded', {
                          start: formatDate(pupil.enrolment_start),
                          end: formatDate(pupil.enrolment_end),
                        })
                      : t('pupil.enrolmentRange', { start: formatDate(pupil.enrolment_start) })}
                </DataListValue>
              </DataListItem>
            </>
          )}
        </DataList>
      </section>
      {pupil.view === 'full' && (
        <section aria-labelledby="pupil-guardians">
          <Heading2 id="pupil-guardians">{t('pupil.guardians')}</Heading2>
          {(pupil.guardians ?? []).length === 0 ? (
            <Paragraph>{t('pupil.noGuardians')}</Paragraph>
          ) : (
            <Table className="samen-table">
              <TableCaption>{t('pupil.guardiansCaption', { name })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('pupil.guardianName')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupil.relation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupil.email')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupil.phone')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupil.authority')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {(pupil.guardians ?? []).map((g) => (
                  <TableRow key={g.id}>
                    <TableCell>{g.name}</TableCell>
                    <TableCell>{g.relation}</TableCell>
                    <TableCell>{g.email ?? none}</TableCell>
                    <TableCell>{g.phone ?? none}</TableCell>
                    <TableCell>{g.parental_authority ? t('pupil.yes') : t('pupil.no')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
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
