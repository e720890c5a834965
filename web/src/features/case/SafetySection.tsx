// Meldcode safety decisions of the case (GET /api/cases/{id}/safety-decisions), for those
// the case's `may` names (the lead, the care coordinator of the pupil's school; never the
// family): who decided, why, the steps taken, who may receive, the period and whether it is
// in force; and, on an open case, recording one (SafetyDecisionForm).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeList, Button, Heading2, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { FormAlert, Loading, Notice } from '../../components/common';
import { Facts } from '../../components/Facts';
import { useLoad } from '../../components/forms';
import { decidedBy, type SafetyDecision } from './SafetyBasis';
import { formatInstantDate } from '../../format/dates';
import { useCase } from './CaseContext';
import { SafetyDecisionForm } from './SafetyDecisionForm';

function DecisionItem({ d }: { d: SafetyDecision }) {
  const { t } = useTranslation();
  const headingId = `safety-decision-${d.id}`;
  return (
    <article aria-labelledby={headingId} className="samen-card">
      <Heading3 id={headingId}>{t('safety.decision', { date: formatInstantDate(d.recorded_at) })}</Heading3>
      <BadgeList className="samen-badges">
        <StatusBadge status={d.status === 'active' ? 'active' : 'neutral'}>{t(`safety.status.${d.status}`)}</StatusBadge>
      </BadgeList>
      <Facts
        items={[
          [t('safety.decidedBy'), decidedBy(t, d)],
          [t('safety.reason'), d.reason ?? ''],
          [t('safety.steps'), <span className="samen-pre-line">{d.steps ?? ''}</span>],
          [t('safety.organisations'), d.organisations.map((o) => o.name || o.id).join(', ')],
          [t('safety.period'), t('safety.periodValue', { from: formatInstantDate(d.valid_from), until: formatInstantDate(d.valid_until) })],
        ]}
      />
    </article>
  );
}

export function SafetySection() {
  const { t } = useTranslation();
  const { kase, reload } = useCase();
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState(false);
  const { data, error } = useLoad(['case', kase.id, 'safety-decisions'], () =>
    call(api.GET('/api/cases/{id}/safety-decisions', { params: { path: { id: kase.id } } })).then((l) => l.safety_decisions),
  );
  return (
    <section aria-labelledby="case-safety">
      <Heading2 id="case-safety">{t('safety.title')}</Heading2>
      <Paragraph>{t('safety.intro')}</Paragraph>
      {saved && <Notice type="ok">{t('safety.saved')}</Notice>}
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && <Paragraph>{t('safety.none')}</Paragraph>}
      {data?.map((d) => <DecisionItem key={d.id} d={d} />)}
      {kase.may.record_safety_decision && !recording && (
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => {
            setSaved(false);
            setRecording(true);
          }}
        >
          {t('safety.open')}
        </Button>
      )}
      {kase.may.record_safety_decision && recording && (
        <SafetyDecisionForm
          onCancel={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            setSaved(true);
            void reload(true); // the decision is in the chronology too, and changes the team's basis
          }}
        />
      )}
    </section>
  );
}
