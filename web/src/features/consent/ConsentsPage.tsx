// A pupil's consents on a page of its own, reached from the case page: the pupil's name
// when the viewer may read the record (a partner of another organisation may not), the age
// band, the grants, and recording a new grant when the server says the viewer may.
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { useSearch } from 'wouter';
import { api, call, type Pupil } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Loading, PageTitle } from '../../components/common';
import { ConsentSection } from './ConsentSection';
import { useLoad } from '../../components/forms';
import { pupilName } from '../../format/names';
import { useMe } from '../../session/session';
import { paths } from '../../screens/routes';

async function load(id: string): Promise<{ pupil: Pupil | null }> {
  return { pupil: await call(api.GET('/api/pupils/{id}', { params: { path: { id } } })).catch(() => null) };
}

export function ConsentsPage({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const caseId = new URLSearchParams(useSearch()).get('dossier') ?? undefined;
  const membershipId = me.active_membership.id;
  const { data } = useLoad(['consents-page', pupilId, membershipId], () => load(pupilId));
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
      <ConsentSection pupilId={pupilId} pupil={pupil} />
    </>
  );
}

