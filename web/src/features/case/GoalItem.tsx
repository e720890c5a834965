// One goal: its wording and status ("behaald op …" or "loopt"); for whoever manages the
// case "achieved" at once, or an editor for wording and status (PUT /api/goals/{id}).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { ChoiceItem } from '../../components/ChoiceGroup';
import { formatInstantDate } from '../../format/dates';
import type { Goal } from './caseData';
import { useCase } from './CaseContext';
import { EditAlert, ReloadedNotice, useEditForm } from '../../components/editing';
import { TextField } from '../../components/TextField';

export function GoalItem({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const { reload } = useCase();
  const manage = Boolean(goal.may?.edit);
  const [editing, setEditing] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const headingId = `goal-${goal.id}`;
  const onReload = async () => {
    await reload();
    setReloaded(true);
  };
  return (
    <article aria-labelledby={headingId}>
      <Paragraph id={headingId} className="samen-item-title">
        {goal.text}
      </Paragraph>
      <Paragraph>
        {goal.achieved ? (
          <StatusBadge status="active">{t('caseEdit.goals.achievedOn', { date: formatInstantDate(goal.achieved_at) })}</StatusBadge>
        ) : (
          <StatusBadge status="neutral">{t('caseEdit.goals.open')}</StatusBadge>
        )}
      </Paragraph>
      {manage && !editing && (
        <GoalQuickActions
          key={goal.version}
          goal={goal}
          reloaded={reloaded}
          onReload={onReload}
          onEdit={() => {
            setReloaded(false);
            setEditing(true);
          }}
        />
      )}
      {manage && editing && (
        <GoalEditor key={goal.version} goal={goal} reloaded={reloaded} onDone={() => setEditing(false)} onReload={onReload} />
      )}
    </article>
  );
}

function GoalQuickActions({
  goal,
  reloaded,
  onReload,
  onEdit,
}: {
  goal: Goal;
  reloaded: boolean;
  onReload(): Promise<void>;
  onEdit(): void;
}) {
  const { t } = useTranslation();
  const { replaceGoal } = useCase();
  const { busy, errors, conflict, submit } = useEditForm([]);
  const achieve = (event: FormEvent) =>
    void submit(event, {}, async () => {
      const body = { text: goal.text ?? '', achieved: true, version: goal.version };
      replaceGoal(await call(api.PUT('/api/goals/{id}', { params: { path: { id: goal.id ?? '' } }, body })));
    });
  return (
    <form onSubmit={achieve} aria-label={t('caseEdit.goals.actionsFor', { goal: goal.text })}>
      <ReloadedNotice shown={reloaded} />
      <EditAlert title={t('caseEdit.goals.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <ButtonGroup>
        {!goal.achieved && (
          <Button appearance="secondary-action-button" type="submit" busy={busy} disabled={busy}>
            {t('caseEdit.goals.achieve')}
          </Button>
        )}
        <Button appearance="subtle-button" type="button" onClick={onEdit}>
          {t('caseEdit.goals.edit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function GoalEditor({
  goal,
  reloaded,
  onDone,
  onReload,
}: {
  goal: Goal;
  reloaded: boolean;
  onDone(): void;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { replaceGoal } = useCase();
  const [text, setText] = useState(goal.text ?? '');
  const [achieved, setAchieved] = useState(Boolean(goal.achieved));
  const { formRef, busy, errors, conflict, submit } = useEditForm(['text', 'achieved']);

  function onSubmit(event: FormEvent) {
    void submit(event, { text: text.trim() ? undefined : t('caseEdit.goals.textRequired') }, async () => {
      const body = { text: text.trim(), achieved, version: goal.version };
      replaceGoal(await call(api.PUT('/api/goals/{id}', { params: { path: { id: goal.id ?? '' } }, body })));
      onDone();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('caseEdit.goals.editTitle')}>
      <ReloadedNotice shown={reloaded} />
      <EditAlert title={t('caseEdit.goals.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <TextField
        label={t('caseEdit.goals.text')}
        name="text"
        maxLength={2000}
        value={text}
        onValue={setText}
        error={errors.fields.text}
      />
      <ChoiceItem
        type="checkbox"
        id={`goal-achieved-${goal.id}`}
        name="achieved"
        value="yes"
        label={t('caseEdit.goals.achieved')}
        checked={achieved}
        onChange={setAchieved}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {t('caseEdit.save')}
        </Button>
        <Button appearance="secondary-action-button" type="button" onClick={onDone}>
          {t('caseEdit.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
