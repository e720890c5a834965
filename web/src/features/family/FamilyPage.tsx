// The family's start: the pupils this guardian or pupil login is linked to.
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading, PageTitle } from '../../components/common';
import { useLoad } from '../../components/forms';
import { pupilName } from '../../format/names';
import { paths } from '../../screens/routes';

export function FamilyPage() {
  const { t } = useTranslation();
  const { data, error } = useLoad(['family-pupils'], () => call(api.GET('/api/family/pupils')));
  return (
    <>
      <PageTitle>{t('family.title')}</PageTitle>
      <Paragraph>{t('family.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!data && !error && <Loading />}
      {data && (
        <section aria-labelledby="family-children">
          <Heading2 id="family-children">{t('family.children')}</Heading2>
          {data.pupils.length === 0 ? (
            <Paragraph>{t('family.none')}</Paragraph>
          ) : (
            <ul className="samen-links">
              {data.pupils.map((p) => (
                <li key={p.id}>
                  <AppLink href={paths.familyChild(p.id)}>{pupilName(p)}</AppLink>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
