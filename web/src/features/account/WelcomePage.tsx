// The start page of a role Samen has no screen for yet (policy officer, researcher): says
// so plainly instead of an empty list of pupils they may never see.
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { PageTitle } from '../../components/common';
import { useMe } from '../../session/session';

export function WelcomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageTitle>{t('welcome.title', { name: me.user.name })}</PageTitle>
      <Paragraph>{t('welcome.text', { role: t(`roles.${me.active_membership.role}`) })}</Paragraph>
      <Paragraph>{t('welcome.privacy')}</Paragraph>
    </>
  );
}
