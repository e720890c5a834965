// What the chair does with a planned meeting, offered only where the server says they may
// (`may.plan`): change the agenda, move the meeting (PUT /api/meetings/{id}, the items' time
// slots move along) or cancel it (POST /api/meetings/{id}/cancel, after a confirmation);
// once it has begun (`may.close_minutes`), close its minutes, which puts each item's notes
// into its case.
// Each sends the version read; a conflict offers to load the meeting again.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading3 } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { Confirm, EditAlert, SaveCancel, useEditForm } from '../../components/editing';
import { dateForInput, parseDutchDate, todayInNetherlands } from '../../format/dateInput';
import { dutchMomentToInstant, formatInstantTime, parseTime } from '../../format/dates';
import { AgendaEditor } from './AgendaEditor';
import { TextField } from '../../components/TextField';

type Meeting = Schemas['Meeting'];
type Open = 'none' | 'agenda' | 'move' | 'cancel' | 'close';

const MOVE_FIELDS = ['date', 'time', 'place', 'video_link'] as const;

function MoveForm({ meeting, onSaved, onCancel, onReload }: { meeting: Meeting; onSaved(m: Meeting): void; onCancel(): void; onReload(): Promise<void> }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dateForInput(todayInNetherlands(new Date(meeting.starts_at))));
  const [time, setTime] = useState(formatInstantTime(meeting.starts_at));
  const [place, setPlace] = useState(meeting.place ?? '');
  const { formRef, busy, errors, conflict, submit } = useEditForm(MOVE_FIELDS);

  function onSubmit(event: FormEvent) {
    const day = parseDutchDate(date);
    const clock = parseTime(time);
    const missing = {
      date: !day ? t('caseEdit.dateInvalid') : undefined,
      time: !clock ? t('meetings.edit.timeRequired') : undefined,
    };
    void submit(event, missing, async () => {
      const body = { starts_at: dutchMomentToInstant(day!, clock!), place: place.trim(), version: meeting.version };
      onSaved(await call(api.PUT('/api/meetings/{id}', { params: { path: { id: meeting.id } }, body })));
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="meeting-move">
      <Heading3 id="meeting-move">{t('meetings.edit.moveTitle')}</Heading3>
      <EditAlert title={t('meetings.edit.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <div className="samen-inline-form">
        <TextField
          label={t('meetings.edit.date')}
          description={t('caseEdit.dateHint')}
          name="date"
          autoComplete="off"
          value={date}
          onValue={setDate}
          error={errors.fields.date}
        />
        <TextField
          label={t('meetings.time')}
          name="time"
          autoComplete="off"
          inputMode="numeric"
          value={time}
          onValue={setTime}
          error={errors.fields.time}
        />
      </div>
      <TextField
        label={t('meetings.place')}
        name="place"
        value={place}
        onValue={setPlace}
        error={errors.fields.place}
      />
      <SaveCancel busy={busy} label={t('meetings.edit.moveSave')} onCancel={onCancel} />
    </form>
  );
}

/** A step on the meeting that cannot be undone (cancel it, close its minutes): confirmed first. */
function ConfirmedStep({
  meeting,
  title,
  question,
  confirm,
  send,
  onSaved,
  onCancel,
  onReload,
}: {
  meeting: Meeting;
  title: string;
  question: string;
  confirm: string;
  send(version: number): Promise<Meeting>;
  onSaved(m: Meeting): void;
  onCancel(): void;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const { formRef, busy, errors, conflict, submit } = useEditForm([]);
  function onSubmit(event: FormEvent) {
    void submit(event, {}, async () => onSaved(await send(meeting.version)));
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={title}>
      <EditAlert title={t('meetings.edit.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <Confirm question={question} confirm={confirm} busy={busy} onCancel={onCancel} />
    </form>
  );
}

type Props = { meeting: Meeting; onSaved(m: Meeting): void; onCancel(): void; onReload(): Promise<void> };

function CancelMeeting(props: Props) {
  const { t } = useTranslation();
  const id = props.meeting.id;
  return (
    <ConfirmedStep
      {...props}
      title={t('meetings.edit.cancelTitle')}
      question={t('meetings.edit.cancelQuestion')}
      confirm={t('meetings.edit.cancelConfirm')}
      send={(version) => call(api.POST('/api/meetings/{id}/cancel', { params: { path: { id } }, body: { version } }))}
    />
  );
}

function CloseMinutes(props: Props) {
  const { t } = useTranslation();
  const id = props.meeting.id;
  return (
    <ConfirmedStep
      {...props}
      title={t('meetings.record.closeTitle')}
      question={t('meetings.record.closeQuestion')}
      confirm={t('meetings.record.closeConfirm')}
      send={(version) => call(api.POST('/api/meetings/{id}/minutes/close', { params: { path: { id } }, body: { version } }))}
    />
  );
}

export function MeetingPlanning({ meeting, onChanged, onReload }: { meeting: Meeting; onChanged(m: Meeting): void; onReload(): Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>('none');
  if (!meeting.may.plan && !meeting.may.close_minutes) return null;
  const close = () => setOpen('none');
  const saved = (m: Meeting) => {
    onChanged(m);
    close();
  };
  // After a conflict the form opens afresh on the meeting as it is now.
  const reload = () => onReload().then(close);
  const props = { meeting, onSaved: saved, onCancel: close, onReload: reload };
  if (open === 'agenda') return <AgendaEditor {...props} />;
  if (open === 'move') return <MoveForm {...props} />;
  if (open === 'cancel') return <CancelMeeting {...props} />;
  if (open === 'close') return <CloseMinutes {...props} />;
  return (
    <ButtonGroup>
      {meeting.may.plan && (
        <>
          <Button appearance="primary-action-button" type="button" onClick={() => setOpen('agenda')}>
            {t('meetings.edit.agendaTitle')}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={() => setOpen('move')}>
            {t('meetings.edit.moveTitle')}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={() => setOpen('cancel')}>
            {t('meetings.edit.cancelTitle')}
          </Button>
        </>
      )}
      {meeting.may.close_minutes && (
        <Button appearance="secondary-action-button" type="button" onClick={() => setOpen('close')}>
          {t('meetings.record.closeTitle')}
        </Button>
      )}
    </ButtonGroup>
  );
}
