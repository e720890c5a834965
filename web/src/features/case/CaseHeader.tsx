// The case at a glance: status, level, lead, review date, the meetings it is on (a link
// where the server gives the viewer the meeting), opened, categories (and the outcome once
// closed). Whoever manages the case changes lead, categories and review date
// here, or closes the case; whoever sits at the table puts it forward for the consultation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading2 } from '@utrecht/component-library-react';
import { AppLink } from '../../components/AppLink';
import { Notice } from '../../components/common';
import { Facts } from '../../components/Facts';
import { formatDate, formatDateTime, formatInstantDate } from '../../format/dates';
import { currentLanguage } from '../../i18n';
import { paths } from '../../screens/routes';
import { useCase } from './CaseContext';
import { CaseEditForm } from './CaseEditForm';
import { CloseCaseForm } from './CloseCaseForm';
import { personLabel } from './labels';
import { PutForward } from './PutForward';

type Mode = 'view' | 'edit' | 'close';

export function CaseHeader() {
  const { t } = useTranslation();
  const { kase, view, reload } = useCase();
  const [mode, setMode] = useState<Mode>('view');
  const [reloaded, setReloaded] = useState(false);
  const [saved, setSaved] = useState(false);
  const open = (next: Mode) => {
    setReloaded(false);
    setSaved(false);
    setMode(next);
  };
  const done = () => {
    open('view');
    setSaved(true);
  };
  const onReload = async () => {
    await reload(true);
    setReloaded(true);
  };
  const lead = kase.lead?.membership_id
    ? personLabel(t, { ...kase.lead, membership_id: kase.lead.membership_id, name: kase.lead.name ?? '' }, view.organisations)
    : t('case.noLead');
  const closed = kase.status === 'closed';

  return (
    <section aria-labelledby="case-header">
      <Heading2 id="case-header">{t('case.header')}</Heading2>
      <Facts
        items={[
          [t('case.status'), closed ? t('case.statusClosed') : t('case.statusOpen')],
          [t('case.level'), t(`levels.${kase.level}`, { defaultValue: `${kase.level}` })],
          [t('case.lead'), lead],
          [t('case.reviewDate'), formatDate(kase.review_date) || t('pupil.none')],
          (kase.meetings ?? []).length > 0 && [
            t('case.meetings'),
            <ul className="samen-plain-list samen-link-list">
              {(kase.meetings ?? []).map((m) => {
                const when = formatDateTime(m.starts_at, currentLanguage());
                const label = m.state === 'planned' ? `${m.title}, ${when}` : t('case.meetingDiscussed', { title: m.title, when });
                return <li key={`${m.starts_at}-${m.title}`}>{m.id ? <AppLink href={paths.meeting(m.id)}>{label}</AppLink> : label}</li>;
              })}
            </ul>,
          ],
          [t('case.opened'), formatInstantDate(kase.opened_at)],
          [t('case.categories'), kase.categories.map((c) => t(`categories.${c}`)).join(', ')],
          closed && [t('caseEdit.close.closedAt'), formatInstantDate(kase.closed_at)],
          closed && [t('caseEdit.close.outcome'), kase.outcome ? t(`caseEdit.outcomes.${kase.outcome}`, { defaultValue: kase.outcome }) : t('pupil.none')],
          closed && Boolean(kase.outcome_note) && [t('caseEdit.close.note'), kase.outcome_note],
        ]}
      />
      <PutForward />
      {saved && <Notice type="ok">{closed ? t('caseEdit.close.done') : t('caseEdit.header.saved')}</Notice>}
      {(kase.may.edit || kase.may.close) && mode === 'view' && (
        <ButtonGroup>
          {kase.may.edit && (
            <Button appearance="secondary-action-button" type="button" onClick={() => open('edit')}>
              {t('caseEdit.header.edit')}
            </Button>
          )}
          {kase.may.close && (
            <Button appearance="secondary-action-button" type="button" onClick={() => open('close')}>
              {t('caseEdit.close.open')}
            </Button>
          )}
        </ButtonGroup>
      )}
      {kase.may.edit && mode === 'edit' && (
        <CaseEditForm key={kase.version} reloaded={reloaded} onSaved={done} onCancel={() => open('view')} onReload={onReload} />
      )}
      {kase.may.close && mode === 'close' && (
        <CloseCaseForm key={kase.version} reloaded={reloaded} onSaved={done} onCancel={() => open('view')} onReload={onReload} />
      )}
    </section>
  );
}
