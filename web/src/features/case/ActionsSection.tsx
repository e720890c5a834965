// The plan: actions with owner (someone at the table), due date and status, overdue ones
// marked in words. Whoever manages the case adds and changes actions; the owner of an
// action may mark it done.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { Notice } from '../../components/common';
import { todayInNetherlands } from '../../format/dateInput';
import { ActionForm } from './ActionForm';
import { ActionItem } from './ActionItem';
import { useCase } from './CaseContext';

export function ActionsSection() {
  const { t } = useTranslation();
  const { kase } = useCase();
  const manage = kase.may.add_action;
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const today = todayInNetherlands();
  // Open work first, by due date (none last); done work after it.
  const actions = [...(kase.actions ?? [])].sort(
    (a, b) => Number(a.done) - Number(b.done) || (a.due_date ?? '9999').localeCompare(b.due_date ?? '9999'),
  );
  return (
    <section aria-labelledby="case-actions">
      <Heading2 id="case-actions">{t('caseEdit.actions.title')}</Heading2>
      {actions.length === 0 ? (
        <Paragraph>{t('caseEdit.actions.none')}</Paragraph>
      ) : (
        <ul className="samen-cards">
          {actions.map((a) => (
            <li key={a.id} className="samen-card">
              <ActionItem action={a} today={today} />
            </li>
          ))}
        </ul>
      )}
      {added && <Notice type="ok">{t('caseEdit.actions.added')}</Notice>}
      {manage && !adding && (
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => {
            setAdded(false);
            setAdding(true);
          }}
        >
          {t('caseEdit.actions.addTitle')}
        </Button>
      )}
      {manage && adding && (
        <div className="samen-subform">
          <Heading3>{t('caseEdit.actions.addTitle')}</Heading3>
          <ActionForm
            onCancel={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              setAdded(true);
            }}
          />
        </div>
      )}
    </section>
  );
}
