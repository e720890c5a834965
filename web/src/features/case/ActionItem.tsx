// One action: what, who (owner), by when (overdue said in words, not only by colour), and
// whether it is done; "done" for whoever manages the case and for the owner, the editor
// for whoever manages it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeList, Button, ButtonGroup, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { Facts } from '../../components/Facts';
import { formatDate, formatInstantDate } from '../../format/dates';
import { isOverdue } from '../../format/dateInput';
import { ActionForm } from './ActionForm';
import type { CaseAction } from './caseData';
import { useCase } from './CaseContext';
import { EditAlert, ReloadedNotice, useEditForm } from '../../components/editing';
import { membershipName } from './labels';

export function ActionItem({ action, today }: { action: CaseAction; today: string }) {
  const { t } = useTranslation();
  const { people, reload, replaceAction } = useCase();
  const [editing, setEditing] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const { busy, errors, conflict, submit, clear } = useEditForm([]);
  const overdue = isOverdue(action.due_date, Boolean(action.done), today);
  const may = action.may ?? { edit: false, mark_done: false };
  const headingId = `action-${action.id}`;
  const onReload = async () => {
    await reload();
    clear();
    setReloaded(true);
  };

  const markDone = (event: FormEvent) =>
    void submit(event, {}, async () => {
      const body = {
        text: action.text ?? '',
        owner_membership_id: action.owner_membership_id ?? '',
        due_date: action.due_date ?? null,
        done: true,
        version: action.version,
      };
      replaceAction(await call(api.PUT('/api/actions/{id}', { params: { path: { id: action.id ?? '' } }, body })));
    });

  return (
    <article aria-labelledby={headingId}>
      <Paragraph id={headingId} className="samen-item-title">
        {action.text}
      </Paragraph>
      <BadgeList className="samen-badges">
        {action.done ? (
          <StatusBadge status="active">{t('caseEdit.actions.doneOn', { date: formatInstantDate(action.done_at) })}</StatusBadge>
        ) : (
          <StatusBadge status="neutral">{t('caseEdit.actions.open')}</StatusBadge>
        )}
        {overdue && <StatusBadge status="danger">{t('caseEdit.actions.overdue')}</StatusBadge>}
      </BadgeList>
      <Facts
        items={[
          [t('caseEdit.actions.owner'), membershipName(t, people, action.owner_membership_id)],
          [
            t('caseEdit.actions.due'),
            action.due_date
              ? overdue
                ? t('caseEdit.actions.dueOverdue', { date: formatDate(action.due_date) })
                : formatDate(action.due_date)
              : t('caseEdit.actions.noDue'),
          ],
        ]}
      />
      {!editing && (may.edit || may.mark_done) && (
        <form key={action.version} onSubmit={markDone} aria-label={t('caseEdit.actions.actionsFor', { action: action.text })}>
          <ReloadedNotice shown={reloaded} />
          <EditAlert title={t('caseEdit.actions.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
          <ButtonGroup>
            {!action.done && may.mark_done && (
              <Button appearance="secondary-action-button" type="submit" busy={busy} disabled={busy}>
                {t('caseEdit.actions.markDone')}
              </Button>
            )}
            {may.edit && (
              <Button
                appearance="subtle-button"
                type="button"
                onClick={() => {
                  setReloaded(false);
                  setEditing(true);
                }}
              >
                {t('caseEdit.actions.edit')}
              </Button>
            )}
          </ButtonGroup>
        </form>
      )}
      {editing && (
        <ActionForm
          key={action.version}
          action={action}
          reloaded={reloaded}
          onReload={onReload}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </article>
  );
}
