// A pupil's consents on a page of its own, reached from the case page: the pupil's name
// when the viewer may read the record (a partner of another organisation may not), the age
// band, the grants, and recording a new grant for the care coordinator and case leads.
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { useSearch } from 'wouter';
import { api, call, type CaseSummary, type Pupil } from '../api/client';
import { AppLink } from '../components/AppLink';
import { Loading, PageTitle } from '../components/common';
import { ConsentSection } from '../components/ConsentSection';
import { useLoad } from '../components/forms';
import { pupilName } from '../format/names';
import { useMe } from '../session/session';
import { paths } from './routes';

async function load(id: string, membershipId: string, role: string): Promise<{ pupil: Pupil | null; canRecord: boolean }> {
  const [pupil, cases] = await Promise.all([
    call(api.GET('/api/pupils/{id}', { params: { path: { id } } })).catch(() => null),
    call(api.GET('/api/cases', { params: { query: { pupil_id: id, status: 'open' } } })).catch(() => ({ cases: [] })),
  ]);
  return { pupil, canRecord: canRecordConsent(role, membershipId, cases.cases) };
}

export function ConsentsPage({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const caseId = new URLSearchParams(useSearch()).get('dossier') ?? undefined;
  const { id: membershipId, role } = me.active_membership;
  const { data } = useLoad(() => load(pupilId, membershipId, role), [pupilId, membershipId, role]);
  if (!data) return <Loading />;
  const { pupil } = data;
  const name = pupil ? pupilName(pupil) : null;
  return (
    <>
      <Paragraph>
        {caseId ? (
          <AppLink href={paths.case(caseId)}>{t('consent.backToCase')}</AppLink>
        ) : (
          pupil && <AppLink href={paths.pupil(pupil.id)}>{t('consent.back', { name })}</AppLink>
        )}
      </Paragraph>
      <PageTitle>{name ? t('consent.title', { name }) : t('consent.titleUnknown')}</PageTitle>
      <ConsentSection pupilId={pupilId} pupil={pupil} canRecord={data.canRecord} />
    </>
  );
}

/** Who records on the family's word: the care coordinator and the lead of an open case (the server decides). */
export function canRecordConsent(role: string, membershipId: string, cases: readonly CaseSummary[]) {
  return role === 'care_coordinator' || cases.some((c) => c.lead_membership_id === membershipId);
}
