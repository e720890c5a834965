// The chair's hand on the proposed agenda (PUT /api/meetings/{id}/agenda): items moved up or
// down, removed, given a time slot on Dutch clocks, open cases of the school added. One
// save sends the whole agenda with the version read, so two planners never overwrite each
// other silently. The server shows the result; which cases may be added it decides too.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, FormFieldTextbox, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { EditAlert, SaveCancel, useEditForm } from '../../components/editing';
import { valueOf, useLoad } from '../../components/forms';
import { SelectField } from '../../components/SelectField';
import { dutchMomentToInstant, formatInstantTime, parseTime } from '../../format/dates';
import { todayInNetherlands } from '../../format/dateInput';

type Meeting = Schemas['Meeting'];
type Row = { key: string; id?: string; case_id?: string; title: string; time: string };

const FIELDS = ['items'] as const;

function rowsOf(m: Meeting, untitled: (n: number) => string): Row[] {
  return m.items.map((item, i) => ({
    key: item.id,
    id: item.id,
    title: item.pupil?.name ?? untitled(i + 1),
    time: formatInstantTime(item.starts_at),
  }));
}

function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [taken] = next.splice(from, 1);
  next.splice(to, 0, taken!);
  return next;
}

export function AgendaEditor({
  meeting,
  onSaved,
  onCancel,
  onReload,
}: {
  meeting: Meeting;
  onSaved(m: Meeting): void;
  onCancel(): void;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(() => rowsOf(meeting, (n) => t('meetings.anonymousTitle', { number: n })));
  const [adding, setAdding] = useState('');
  const { formRef, busy, errors, conflict, submit } = useEditForm(FIELDS);
  const { data: open } = useLoad(['cases', 'open'], () => call(api.GET('/api/cases', { params: { query: { status: 'open' } } })));
  const caseOf = (r: Row) => r.case_id ?? meeting.items.find((i) => i.id === r.id)?.case_id;
  const onAgenda = new Set(rows.map(caseOf));
  const addable = (open?.cases ?? []).filter((c) => c.school_id === meeting.school_id && !onAgenda.has(c.id));
  const day = todayInNetherlands(new Date(meeting.starts_at)); // the meeting's date on Dutch clocks

  function setTime(index: number, time: string) {
    setRows((list) => list.map((r, i) => (i === index ? { ...r, time } : r)));
  }

  // The removed row's place goes to the row that moves up into it (its time slot), or,
  // after the last row, to the save button: focus never falls back to the page.
  function remove(index: number) {
    setRows((list) => list.filter((_, j) => j !== index));
    requestAnimationFrame(() => {
      const slots = formRef.current?.querySelectorAll<HTMLInputElement>('.samen-time-field input');
      const next = slots?.[Math.min(index, slots.length - 1)];
      (next ?? formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]'))?.focus();
    });
  }

  function add() {
    const c = addable.find((x) => x.id === adding);
    if (!c) return;
    // A proposed item removed and added again keeps its reasons.
    const proposed = meeting.items.find((i) => i.case_id === c.id);
    const row = proposed ? { key: proposed.id, id: proposed.id } : { key: `case-${c.id}`, case_id: c.id };
    setRows((list) => [...list, { ...row, title: c.pupil_name, time: '' }]);
    setAdding('');
  }

  function onSubmit(event: FormEvent) {
    const badTime = rows.findIndex((r) => r.time.trim() !== '' && parseTime(r.time) === null);
    const missing = { items: badTime >= 0 ? t('meetings.edit.timeInvalid', { number: badTime + 1 }) : undefined };
    void submit(event, missing, async () => {
      const items = rows.map((r) => {
        const time = parseTime(r.time);
        return {
          ...(r.id ? { id: r.id } : { case_id: r.case_id }),
          ...(time ? { starts_at: dutchMomentToInstant(day, time) } : {}),
        };
      });
      const body = { items, version: meeting.version };
      onSaved(await call(api.PUT('/api/meetings/{id}/agenda', { params: { path: { id: meeting.id } }, body })));
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="agenda-edit">
      <Heading3 id="agenda-edit">{t('meetings.edit.agendaTitle')}</Heading3>
      <EditAlert title={t('meetings.edit.errorSummary')} message={errors.form ?? errors.fields.items} conflict={conflict} onReload={onReload} />
      <Paragraph>{t('meetings.edit.slotHint')}</Paragraph>
      <ol className="samen-plain-list">
        {rows.map((row, i) => (
          <li key={row.key} className="samen-agenda-row">
            <span className="samen-agenda-row__title">
              {i + 1}. {row.title}
              {!row.id && ` (${t('meetings.reason.added')})`}
            </span>
            <div className="samen-inline-form">
              <FormFieldTextbox
                label={t('meetings.edit.slot', { number: i + 1 })}
                className="samen-time-field"
                name={`slot-${row.key}`}
                autoComplete="off"
                inputMode="numeric"
                value={row.time}
                onChange={(e) => setTime(i, valueOf(e))}
              />
              <ButtonGroup>
                <Button type="button" appearance="subtle-button" disabled={i === 0} onClick={() => setRows((l) => moved(l, i, i - 1))}>
                  {t('meetings.edit.up', { number: i + 1 })}
                </Button>
                <Button
                  type="button"
                  appearance="subtle-button"
                  disabled={i === rows.length - 1}
                  onClick={() => setRows((l) => moved(l, i, i + 1))}
                >
                  {t('meetings.edit.down', { number: i + 1 })}
                </Button>
                <Button type="button" appearance="subtle-button" onClick={() => remove(i)}>
                  {t('meetings.edit.remove', { number: i + 1 })}
                </Button>
              </ButtonGroup>
            </div>
          </li>
        ))}
      </ol>
      {addable.length > 0 && (
        <div className="samen-inline-form">
          <SelectField
            id="agenda-add-case"
            label={t('meetings.edit.addCase')}
            value={adding}
            emptyLabel={t('caseEdit.choose')}
            options={addable.map((c) => ({ value: c.id, label: c.pupil_name }))}
            onChange={setAdding}
          />
          <Button type="button" appearance="secondary-action-button" disabled={!adding} onClick={add}>
            {t('meetings.edit.add')}
          </Button>
        </div>
      )}
      <SaveCancel busy={busy} label={t('meetings.edit.save')} onCancel={onCancel} />
    </form>
  );
}
