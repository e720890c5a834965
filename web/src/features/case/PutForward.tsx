// Putting the case forward for the next case consultation, with a question for the table,
// and withdrawing that again. The server says who may (`may.put_forward`,
// `put_forward.may.withdraw`) and whether the viewer reads the question; the family never
// gets this part.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { Notice } from '../../components/common';
import { Confirm, EditAlert, SaveCancel, useEditForm } from '../../components/editing';
import { TextAreaField } from '../../components/TextAreaField';
import { formatInstantDate } from '../../format/dates';
import { useCase } from './CaseContext';

type Said = 'onAgenda' | 'waits' | 'withdrawn' | null;

function PutForwardForm({ onDone, onCancel }: { onDone(said: Said): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { kase, replaceCase } = useCase();
  const [question, setQuestion] = useState('');
  const { formRef, busy, errors, conflict, submit } = useEditForm(['question']);
  function onSubmit(event: FormEvent) {
    const missing = { question: question.trim() ? undefined : t('caseEdit.putForward.questionRequired') };
    void submit(event, missing, async () => {
      const answer = await call(
        api.POST('/api/cases/{id}/put-forward', { params: { path: { id: kase.id } }, body: { question: question.trim() } }),
      );
      replaceCase(answer.case);
      onDone(answer.meeting_id ? 'onAgenda' : 'waits');
    });
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('caseEdit.putForward.title')}>
      <EditAlert title={t('caseEdit.putForward.errorSummary')} message={errors.form} conflict={conflict} onReload={async () => onCancel()} />
      <TextAreaField
        label={t('caseEdit.putForward.question')}
        description={t('caseEdit.putForward.questionHint')}
        name="question"
        rows={3}
        maxLength={1000}
        value={question}
        onValue={setQuestion}
        error={errors.fields.question}
      />
      <SaveCancel busy={busy} label={t('caseEdit.putForward.submit')} onCancel={onCancel} />
    </form>
  );
}

export function PutForward() {
  const { t } = useTranslation();
  const { kase, replaceCase } = useCase();
  const [mode, setMode] = useState<'view' | 'form' | 'withdraw'>('view');
  const [said, setSaid] = useState<Said>(null);
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const shown = kase.put_forward;

  async function withdraw() {
    setBusy(true);
    setFailed(undefined);
    try {
      const answer = await call(api.DELETE('/api/cases/{id}/put-forward', { params: { path: { id: kase.id } } }));
      replaceCase(answer.case);
      setSaid('withdrawn');
      setMode('view');
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="samen-put-forward">
      {said && <Notice type="ok">{t(`caseEdit.putForward.${said}`)}</Notice>}
      {shown && (
        <Notice type="info">
          <Paragraph>
            <strong>{t('caseEdit.putForward.shown')}</strong>{' '}
            {shown.name
              ? t('caseEdit.putForward.by', { name: shown.name, when: formatInstantDate(shown.at) })
              : t('caseEdit.putForward.byRole', { role: t(`roles.${shown.role}`, { defaultValue: shown.role }), when: formatInstantDate(shown.at) })}
          </Paragraph>
          {shown.question && <Paragraph>{t('meetings.question')}: {shown.question}</Paragraph>}
        </Notice>
      )}
      {failed && <Notice type="error">{failed}</Notice>}
      {shown?.may.withdraw && mode === 'view' && (
        <Button appearance="secondary-action-button" type="button" onClick={() => setMode('withdraw')}>
          {t('caseEdit.putForward.withdraw')}
        </Button>
      )}
      {shown?.may.withdraw && mode === 'withdraw' && (
        <Confirm
          question={t('caseEdit.putForward.withdrawQuestion')}
          confirm={t('caseEdit.putForward.withdrawConfirm')}
          busy={busy}
          onConfirm={() => void withdraw()}
          onCancel={() => setMode('view')}
        />
      )}
      {!shown && kase.may.put_forward && mode === 'view' && (
        <Button appearance="secondary-action-button" type="button" onClick={() => { setSaid(null); setMode('form'); }}>
          {t('caseEdit.putForward.open')}
        </Button>
      )}
      {!shown && kase.may.put_forward && mode === 'form' && (
        <PutForwardForm
          onDone={(next) => { setSaid(next); setMode('view'); }}
          onCancel={() => setMode('view')}
        />
      )}
    </div>
  );
}
