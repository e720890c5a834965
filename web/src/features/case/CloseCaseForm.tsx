// Closing a case with an outcome (POST /api/cases/{id}/close): the outcome, a note (required
// for "other"), then a confirmation step, since a closed case no longer changes.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { RadioGroup } from '../../components/ChoiceGroup';
import { useCase } from './CaseContext';
import { Confirm, EditAlert, ReloadedNotice, useEditForm } from '../../components/editing';
import { TextAreaField } from '../../components/TextAreaField';

type Outcome = Schemas['CaseClose']['outcome'];
export const OUTCOMES: readonly Outcome[] = ['goals_met', 'referred_on', 'moved_school', 'dropped_out', 'other'];
const FIELDS = ['outcome', 'note'] as const;

export function CloseCaseForm({
  reloaded,
  onSaved,
  onCancel,
  onReload,
}: {
  reloaded: boolean;
  onSaved(): void;
  onCancel(): void;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { kase, replaceCase } = useCase();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { formRef, busy, errors, conflict, submit } = useEditForm(FIELDS);

  const missing = () => ({
    outcome: outcome ? undefined : t('caseEdit.close.outcomeRequired'),
    note: outcome === 'other' && !note.trim() ? t('caseEdit.close.noteRequired') : undefined,
  });

  // The first submit checks and asks; the confirmation (a submit button too) sends.
  function onSubmit(event: FormEvent) {
    if (!confirming) {
      void submit(event, missing(), async () => setConfirming(true));
      return;
    }
    void submit(event, missing(), async () => {
      const body = { outcome: outcome as Outcome, note: note.trim() || undefined, version: kase.version };
      const closed = await call(api.POST('/api/cases/{id}/close', { params: { path: { id: kase.id } }, body }));
      setConfirming(false);
      replaceCase(closed);
      onSaved();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('caseEdit.close.title')}>
      <ReloadedNotice shown={reloaded} />
      <EditAlert title={t('caseEdit.close.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <RadioGroup
        legend={t('caseEdit.close.outcome')}
        name="outcome"
        choices={OUTCOMES.map((o) => ({ value: o, label: t(`caseEdit.outcomes.${o}`) }))}
        value={outcome}
        onChange={(o) => {
          setOutcome(o);
          setConfirming(false);
        }}
        error={errors.fields.outcome}
      />
      <TextAreaField
        label={t('caseEdit.close.note')}
        description={t('caseEdit.close.noteHint')}
        name="note"
        rows={3}
        maxLength={2000}
        value={note}
        onValue={(v) => {
          setNote(v);
          setConfirming(false);
        }}
        error={errors.fields.note}
      />
      {confirming ? (
        <Confirm
          question={t('caseEdit.close.confirm')}
          confirm={t('caseEdit.close.confirmButton')}
          busy={busy}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit">
            {t('caseEdit.close.submit')}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
            {t('caseEdit.cancel')}
          </Button>
        </ButtonGroup>
      )}
    </form>
  );
}
