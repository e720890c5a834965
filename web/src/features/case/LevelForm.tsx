// Changing the support level: the new level (not the current one) and why (required),
// with the case's version.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { useCase } from './CaseContext';
import { EditAlert, ReloadedNotice, SaveCancel, useEditForm } from '../../components/editing';
import { useMeta } from '../../api/meta';
import { TextAreaField } from '../../components/TextAreaField';

type Level = `${number}`;
const FIELDS = ['level', 'reason'] as const;

export function LevelForm({
  reloaded,
  onCancel,
  onSaved,
  onReload,
}: {
  reloaded: boolean;
  onCancel(): void;
  onSaved(): void;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  const { kase, replaceCase } = useCase();
  const [level, setLevel] = useState<Level | ''>('');
  const [reason, setReason] = useState('');
  const { formRef, busy, errors, conflict, submit } = useEditForm(FIELDS);

  function onSubmit(event: FormEvent) {
    const missing = {
      level: level ? undefined : t('caseEdit.level.levelRequired'),
      reason: reason.trim() ? undefined : t('caseEdit.level.reasonRequired'),
    };
    void submit(event, missing, async () => {
      const body = { level: Number(level), reason: reason.trim(), version: kase.version };
      replaceCase(await call(api.POST('/api/cases/{id}/level', { params: { path: { id: kase.id } }, body })));
      onSaved();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('caseEdit.level.open')}>
      <ReloadedNotice shown={reloaded} />
      <EditAlert title={t('caseEdit.level.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <SelectField<Level>
        id="case-level-new"
        name="level"
        label={t('caseEdit.level.new')}
        value={level}
        emptyLabel={t('caseEdit.choose')}
        options={meta.levels.filter((l) => l !== kase.level).map((l) => ({ value: `${l}` as Level, label: t(`levels.${l}`, { defaultValue: `${l}` }) }))}
        onChange={setLevel}
        error={errors.fields.level}
      />
      <TextAreaField
        label={t('caseEdit.level.why')}
        description={t('caseEdit.level.reasonHint')}
        name="reason"
        rows={2}
        maxLength={2000}
        value={reason}
        onValue={setReason}
        error={errors.fields.reason}
      />
      <SaveCancel busy={busy} label={t('caseEdit.level.submit')} onCancel={onCancel} />
    </form>
  );
}
