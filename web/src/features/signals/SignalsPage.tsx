// Signals: for the care coordinator the triage queue of the school (advice or case); for a
// mentor or teacher their own open signals.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { SelectField } from '../../components/SelectField';
import { api, call, type Signal } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { RadioGroup } from '../../components/ChoiceGroup';
import { DraftOffer, FormAlert, Loading, Notice, PageTitle } from '../../components/common';
import { useForm, useLoad } from '../../components/forms';
import { SignalSummary } from './SignalSummary';
import { useDraft } from '../../drafts/draft';
import { useMe } from '../../session/session';
import { paths } from '../../screens/routes';
import { useMeta } from '../../api/meta';
import { TextAreaField } from '../../components/TextAreaField';

type Decision = 'advice' | 'case';
interface TriageDraft {
  decision: Decision | '';
  advice: string;
  level: string;
}
const EMPTY_TRIAGE: TriageDraft = { decision: '', advice: '', level: '2' };
const isEmptyTriage = (d: TriageDraft) => !d.decision && !d.advice.trim();
const TRIAGE_FIELDS = ['decision', 'advice', 'level'] as const;

type Outcome = { status: 'advice' } | { status: 'case'; caseId: string | null; opened: boolean };

function TriageForm({ signal, onDone }: { signal: Signal; onDone(outcome: Outcome): void }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const me = useMe();
  const draft = useDraft<TriageDraft>(me.user.id, `triage-${signal.id}`, EMPTY_TRIAGE, isEmptyTriage);
  const { value, setValue } = draft;
  const { formRef, busy, errors, submit } = useForm(TRIAGE_FIELDS);
  const levelId = `triage-level-${signal.id}`;

  function onSubmit(event: FormEvent) {
    const missing = {
      decision: value.decision ? undefined : t('triage.decisionRequired'),
      advice: value.decision === 'advice' && !value.advice.trim() ? t('triage.adviceRequired') : undefined,
    };
    void submit(event, missing, async () => {
      const body =
        value.decision === 'advice'
          ? { decision: 'advice' as const, advice: value.advice.trim(), version: signal.version }
          : { decision: 'case' as const, level: Number(value.level), version: signal.version };
      const result = await call(api.POST('/api/signals/{id}/triage', { params: { path: { id: signal.id } }, body }));
      draft.done();
      onDone(
        result.status === 'advice'
          ? { status: 'advice' }
          : { status: 'case', caseId: result.case_id, opened: Boolean(result.opened) },
      );
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form samen-triage" aria-labelledby={`signal-${signal.id}`}>
      <DraftOffer draft={draft.offered} onRestore={draft.restore} onDiscard={draft.discard} />
      <FormAlert title={t('triage.errorSummary')} message={errors.form} />
      <RadioGroup
        legend={t('triage.decision')}
        name={`decision-${signal.id}`}
        choices={[
          { value: 'advice', label: t('triage.advice') },
          { value: 'case', label: t('triage.case') },
        ]}
        value={value.decision}
        onChange={(decision) => setValue((d) => ({ ...d, decision }))}
        error={errors.fields.decision}
      />
      {value.decision === 'advice' && (
        <TextAreaField
          label={t('triage.adviceText')}
          description={t('triage.adviceHint')}
          name="advice"
          rows={3}
          value={value.advice}
          onValue={(v) => setValue((d) => ({ ...d, advice: v }))}
          error={errors.fields.advice}
        />
      )}
      {value.decision === 'case' && (
        <SelectField
          id={levelId}
          label={t('triage.level')}
          value={value.level}
          options={meta.levels.map((l) => ({ value: `${l}`, label: t(`levels.${l}`, { defaultValue: `${l}` }) }))}
          onChange={(level) => setValue((d) => ({ ...d, level }))}
        />
      )}
      <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
        {busy ? t('triage.busy') : t('triage.submit')}
      </Button>
    </form>
  );
}

function outcomeText(t: TFunction, outcome: Outcome) {
  if (outcome.status === 'advice') return t('triage.doneAdvice');
  return outcome.opened ? t('triage.doneCaseOpened') : t('triage.doneCaseAttached');
}

async function loadSignals(): Promise<Signal[]> {
  const { signals } = await call(api.GET('/api/signals', { params: { query: { status: 'open' } } }));
  return signals;
}

export function SignalsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const triage = me.may.triage_signals;
  const { data, error } = useLoad(['signals', me.active_membership.id], loadSignals);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});

  const title = triage ? t('signals.triageTitle') : t('signals.mineTitle');
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {triage && <Paragraph>{t('signals.triageIntro')}</Paragraph>}
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && (
        <Paragraph>{triage ? t('signals.triageNone') : t('signals.mineNone')}</Paragraph>
      )}
      {data && data.length > 0 && (
        <ul className="samen-cards">
          {data.map((s) => {
            const name = s.pupil_name || t('signals.unknownPupil', { id: s.pupil_id });
            const outcome = outcomes[s.id];
            return (
              <li key={s.id} className="samen-card">
                <article aria-labelledby={`signal-${s.id}`}>
                  <SignalSummary
                    signal={s}
                    title={t('signals.about', { name })}
                    headingLevel={2}
                    headingId={`signal-${s.id}`}
                  />
                  <Paragraph>
                    <AppLink href={paths.pupil(s.pupil_id)}>{name}</AppLink>
                  </Paragraph>
                  {triage && !outcome && (
                    <TriageForm signal={s} onDone={(o) => setOutcomes((all) => ({ ...all, [s.id]: o }))} />
                  )}
                  {outcome && (
                    <Notice type="ok">
                      {outcomeText(t, outcome)}{' '}
                      {outcome.status === 'case' && outcome.caseId && (
                        <AppLink href={paths.case(outcome.caseId)}>{t('triage.toCase')}</AppLink>
                      )}
                    </Notice>
                  )}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
