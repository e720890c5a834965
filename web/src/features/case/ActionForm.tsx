// Adding an action (POST /api/cases/{id}/actions) or changing one (PUT /api/actions/{id},
// a full replacement with the version read): what, the owner (someone at the table), the
// due date in Dutch notation, and, when changing, whether it is done.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ChoiceItem } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { dateForInput, parseDutchDate } from '../../format/dateInput';
import { atTable, type CaseAction } from './caseData';
import { useCase } from './CaseContext';
import { EditAlert, ReloadedNotice, SaveCancel, useEditForm } from '../../components/editing';
import { personLabel } from './labels';
import { TextField } from '../../components/TextField';

const FIELDS = ['text', 'owner_membership_id', 'due_date', 'done'] as const;

export function ActionForm({
  action,
  reloaded = false,
  onReload,
  onCancel,
  onSaved,
}: {
  action?: CaseAction;
  reloaded?: boolean;
  onReload?(): Promise<void>;
  onCancel(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { kase, view, people, replaceAction } = useCase();
  const [text, setText] = useState(action?.text ?? '');
  const [owner, setOwner] = useState(action?.owner_membership_id ?? '');
  const [due, setDue] = useState(dateForInput(action?.due_date));
  const [done, setDone] = useState(Boolean(action?.done));
  const { formRef, busy, errors, conflict, submit } = useEditForm(FIELDS);
  const candidates = atTable(kase);
  // An owner who has left the table stays choosable for the action they have.
  const current = action?.owner_membership_id ? people.get(action.owner_membership_id) : undefined;
  if (current && !candidates.some((c) => c.membership_id === current.membership_id)) candidates.push(current);
  const idBase = `action-form-${action?.id ?? 'new'}`;

  function onSubmit(event: FormEvent) {
    const dueDate = parseDutchDate(due);
    const missing = {
      text: text.trim() ? undefined : t('caseEdit.actions.textRequired'),
      owner_membership_id: owner ? undefined : t('caseEdit.actions.ownerRequired'),
      due_date: dueDate === null ? t('caseEdit.dateInvalid') : undefined,
    };
    void submit(event, missing, async () => {
      const fields = { text: text.trim(), owner_membership_id: owner, due_date: dueDate || null };
      const saved = action
        ? await call(
            api.PUT('/api/actions/{id}', {
              params: { path: { id: action.id ?? '' } },
              body: { ...fields, done, version: action.version },
            }),
          )
        : await call(api.POST('/api/cases/{id}/actions', { params: { path: { id: kase.id } }, body: fields }));
      replaceAction(saved);
      onSaved();
    });
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="samen-form"
      aria-label={action ? t('caseEdit.actions.editTitle') : t('caseEdit.actions.addTitle')}
    >
      <ReloadedNotice shown={reloaded} />
      <EditAlert
        title={t('caseEdit.actions.errorSummary')}
        message={errors.form}
        conflict={conflict}
        onReload={onReload ?? (() => Promise.resolve())}
      />
      <TextField
        label={t('caseEdit.actions.text')}
        name="text"
        maxLength={2000}
        value={text}
        onValue={setText}
        error={errors.fields.text}
      />
      <div className="samen-form__row">
        <SelectField
          id={`${idBase}-owner`}
          name="owner_membership_id"
          label={t('caseEdit.actions.owner')}
          value={owner}
          emptyLabel={t('caseEdit.choose')}
          options={candidates.map((p) => ({ value: p.membership_id, label: personLabel(t, p, view.organisations) }))}
          onChange={setOwner}
          error={errors.fields.owner_membership_id}
        />
        <TextField
          label={t('caseEdit.actions.due')}
          description={t('caseEdit.dateHint')}
          name="due_date"
          autoComplete="off"
          value={due}
          onValue={setDue}
          error={errors.fields.due_date}
        />
      </div>
      {action && (
        <ChoiceItem
          type="checkbox"
          id={`${idBase}-done`}
          name="done"
          value="yes"
          label={t('caseEdit.actions.done')}
          checked={done}
          onChange={setDone}
        />
      )}
      <SaveCancel busy={busy} label={action ? t('caseEdit.save') : t('caseEdit.actions.add')} onCancel={onCancel} />
    </form>
  );
}
