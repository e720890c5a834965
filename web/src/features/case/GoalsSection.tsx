// The case's goals with their status; whoever manages the case adds goals, changes their
// wording and marks them achieved (or open again), each change with the goal's version.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { FormAlert, Notice } from '../../components/common';
import { useForm } from '../../components/forms';
import { useCase } from './CaseContext';
import { GoalItem } from './GoalItem';
import { TextField } from '../../components/TextField';

export function GoalsSection() {
  const { t } = useTranslation();
  const { kase } = useCase();
  const goals = kase.goals ?? [];
  return (
    <section aria-labelledby="case-goals">
      <Heading2 id="case-goals">{t('caseEdit.goals.title')}</Heading2>
      {goals.length === 0 ? (
        <Paragraph>{t('caseEdit.goals.none')}</Paragraph>
      ) : (
        <ul className="samen-cards">
          {goals.map((g) => (
            <li key={g.id} className="samen-card">
              <GoalItem goal={g} />
            </li>
          ))}
        </ul>
      )}
      {kase.may.add_goal && <AddGoalForm />}
    </section>
  );
}

function AddGoalForm() {
  const { t } = useTranslation();
  const { kase, replaceGoal } = useCase();
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const { formRef, busy, errors, submit } = useForm(['text']);

  function onSubmit(event: FormEvent) {
    setAdded(false);
    void submit(event, { text: text.trim() ? undefined : t('caseEdit.goals.textRequired') }, async () => {
      replaceGoal(
        await call(api.POST('/api/cases/{id}/goals', { params: { path: { id: kase.id } }, body: { text: text.trim() } })),
      );
      setText('');
      setAdded(true);
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="goal-add">
      <Heading3 id="goal-add">{t('caseEdit.goals.addTitle')}</Heading3>
      {added && <Notice type="ok">{t('caseEdit.goals.added')}</Notice>}
      <FormAlert title={t('caseEdit.goals.errorSummary')} message={errors.form} />
      <TextField
        label={t('caseEdit.goals.text')}
        name="text"
        maxLength={2000}
        value={text}
        onValue={setText}
        error={errors.fields.text}
      />
      <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
        {t('caseEdit.goals.add')}
      </Button>
    </form>
  );
}
