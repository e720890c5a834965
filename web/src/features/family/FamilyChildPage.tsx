// The family portal for one child (a guardian login) or oneself (a pupil login): per open
// case the plan, who does what, the next review and what was shared with the family, and
// "onze kijk"; the consents in plain language with give and withdraw; and who looked at the
// file. Works on a 360 px phone: cards and lists, no wide tables except the access log's,
// which scrolls in its own box.
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { AccessLog } from './AccessLog';
import { AppLink } from '../../components/AppLink';
import { LoadFailed, Loading, PageTitle } from '../../components/common';
import { useLoad } from '../../components/forms';
import { FamilyConsents } from './FamilyConsents';
import { FamilyPlan } from './FamilyPlan';
import { FamilyView } from './FamilyView';
import { myGuardianId, tableOf } from './familyWords';
import { pupilName } from '../../format/names';
import { useMe } from '../../session/session';
import { paths } from '../../screens/routes';

const ENTRIES = 500;

async function loadChild(pupilId: string) {
  const [pupil, list, consents] = await Promise.all([
    call(api.GET('/api/pupils/{id}', { params: { path: { id: pupilId } } })),
    call(api.GET('/api/cases', { params: { query: { pupil_id: pupilId, status: 'all' } } })),
    call(api.GET('/api/pupils/{id}/consents', { params: { path: { id: pupilId } } })).catch(() => ({ consents: [] })),
  ]);
  const open = list.cases.filter((c) => c.status === 'open');
  const cases = await Promise.all(
    open.map(async (summary) => {
      const [kase, entries] = await Promise.all([
        call(api.GET('/api/cases/{id}', { params: { path: { id: summary.id } } })),
        call(api.GET('/api/cases/{id}/entries', { params: { path: { id: summary.id }, query: { limit: ENTRIES } } })),
      ]);
      return { kase, entries: entries.entries };
    }),
  );
  return { pupil, cases, closed: list.cases.length - open.length, grants: consents.consents };
}

export function FamilyChildPage({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { data, error } = useLoad(['family-child', pupilId], () => loadChild(pupilId), t('familyPortal.notFound'));
  const self = me.active_membership.role === 'pupil';
  const back = (
    <Paragraph>
      <AppLink href={paths.family}>{t('familyPortal.back')}</AppLink>
    </Paragraph>
  );
  if (error) {
    return <LoadFailed message={error} before={back} />;
  }
  if (!data) return <Loading />;
  const { pupil, cases, closed, grants } = data;
  const name = pupilName(pupil);
  const table = tableOf(
    cases.map((c) => c.kase),
    cases.flatMap((c) => c.entries),
  );
  return (
    <>
      {back}
      <PageTitle>{name}</PageTitle>
      <Paragraph>{self ? t('familyPortal.introSelf') : t('familyPortal.introGuardian', { name: pupil.given_name })}</Paragraph>
      {cases.length === 0 && <Paragraph>{t('familyPortal.noCase')}</Paragraph>}
      {closed > 0 && <Paragraph>{t('familyPortal.closedCases', { count: closed })}</Paragraph>}
      {cases.map(({ kase, entries }) => (
        <div key={kase.id}>
          <FamilyPlan kase={kase} shared={entries.filter((e) => e.kind !== 'family_view')} />
          <FamilyView caseId={kase.id} />
        </div>
      ))}
      <FamilyConsents
        pupil={pupil}
        self={self}
        guardianId={self ? null : myGuardianId(pupil)}
        grants={grants}
        table={table}
        caseIds={cases.length > 0}
      />
      <AccessLog pupilId={pupil.id} />
    </>
  );
}
