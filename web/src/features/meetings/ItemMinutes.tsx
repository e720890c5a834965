// The minutes of one agenda item, typed by the chair during the meeting (offered where the
// server says `may.record_minutes`): who was there, and for a case the summary and
// decisions with who will read them, and new actions that go into the case's plan at once
// (PUT /api/meetings/{id}/items/{item_id}/minutes, with the version read). Keyboard first:
// the form opens with focus on its first field, Ctrl+Enter saves from any field. Everyone
// who sees the item reads who was there; once the minutes are closed the notes are an entry
// in the case.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldErrorMessage, Heading4, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { CheckboxGroup, ChoiceItem, RadioGroup } from '../../components/ChoiceGroup';
import { EditAlert, SaveCancel, useEditForm } from '../../components/editing';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { parseDutchDate } from '../../format/dateInput';
import { paths } from '../../screens/routes';
import { TextAreaField } from '../../components/TextAreaField';

type Item = Schemas['AgendaItem'];
type Minutes = Schemas['ItemMinutes'];
type Audience = 'case_team' | 'school';
interface NewAction {
  key: number;
  text: string;
  owner: string;
  due: string;
}

const AUDIENCES: readonly Audience[] = ['case_team', 'school'];
const FIELDS = ['present', 'summary', 'decisions', 'audience', 'new_actions'] as const;

function MinutesForm({
  meetingId,
  item,
  number,
  onSaved,
  onCancel,
  onReload,
}: {
  meetingId: string;
  item: Item;
  number: number;
  onSaved(m: Minutes): void;
  onCancel(): void;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const was = item.minutes;
  const [present, setPresent] = useState<string[]>(was?.present ?? []);
  const [summary, setSummary] = useState(was?.summary ?? '');
  const [decisions, setDecisions] = useState(was?.decisions ?? '');
  const [audience, setAudience] = useState<Audience>((was?.audience as Audience) ?? 'case_team');
  const [familyVisible, setFamilyVisible] = useState(was?.family_visible ?? false);
  const [actions, setActions] = useState<NewAction[]>([]);
  const nextKey = useRef(1);
  const { formRef, busy, errors, conflict, submit } = useEditForm(FIELDS);
  const onCase = Boolean(item.case_id);
  const id = (name: string) => `minutes-${item.id}-${name}`;
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus(), [formRef]);

  const people = item.attendees.map((a) => ({
    value: a.membership_id,
    label: `${a.name} (${t(`roles.${a.role}`, { defaultValue: a.role })})`,
  }));
  const change = (key: number, patch: Partial<NewAction>) =>
    setActions((list) => list.map((a) => (a.key === key ? { ...a, ...patch } : a)));

  function onSubmit(event: FormEvent) {
    const badDate = actions.find((a) => a.due.trim() && !parseDutchDate(a.due));
    const missing = {
      new_actions: actions.some((a) => !a.text.trim() || !a.owner)
        ? t('meetings.record.actionIncomplete')
        : badDate
          ? t('caseEdit.dateInvalid')
          : undefined,
    };
    void submit(event, missing, async () => {
      const body = {
        present,
        ...(onCase
          ? {
              summary,
              decisions,
              audience,
              family_visible: familyVisible,
              new_actions: actions.map((a) => {
                const due = parseDutchDate(a.due);
                return { text: a.text.trim(), owner_membership_id: a.owner, ...(due ? { due_date: due } : {}) };
              }),
            }
          : {}),
        version: was?.version ?? 0,
      };
      onSaved(await call(api.PUT('/api/meetings/{id}/items/{item_id}/minutes', { params: { path: { id: meetingId, item_id: item.id } }, body })));
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate className="samen-form" aria-labelledby={id('title')}>
      <Heading4 id={id('title')}>{t('meetings.record.formTitle', { number })}</Heading4>
      <Paragraph>{t('meetings.record.keys')}</Paragraph>
      <EditAlert title={t('meetings.edit.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <CheckboxGroup legend={t('meetings.record.present')} name={id('present')} choices={people} selected={present} onChange={setPresent} error={errors.fields.present} />
      {onCase && (
        <>
          <TextAreaField
            label={t('meetings.record.summary')}
            name="summary"
            rows={4}
            maxLength={20000}
            value={summary}
            onValue={setSummary}
            error={errors.fields.summary}
          />
          <TextAreaField
            label={t('meetings.record.decisions')}
            name="decisions"
            rows={3}
            maxLength={20000}
            value={decisions}
            onValue={setDecisions}
            error={errors.fields.decisions}
          />
          <RadioGroup<Audience>
            legend={t('meetings.record.audience')}
            name={id('audience')}
            choices={AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
            value={audience}
            onChange={setAudience}
            error={errors.fields.audience}
          />
          <ChoiceItem type="checkbox" id={id('family')} name="family_visible" value="yes" label={t('entry.family')} checked={familyVisible} onChange={setFamilyVisible} />
          <Fieldset invalid={Boolean(errors.fields.new_actions)}>
            <FieldsetLegend>{t('meetings.record.newActions')}</FieldsetLegend>
            {errors.fields.new_actions && <FormFieldErrorMessage>{errors.fields.new_actions}</FormFieldErrorMessage>}
            {actions.map((a, n) => (
              <div key={a.key} className="samen-inline-form" role="group" aria-label={t('meetings.record.action', { number: n + 1 })}>
                <TextField label={t('meetings.record.actionText', { number: n + 1 })} name={`action-${a.key}-text`} value={a.text} onValue={(text) => change(a.key, { text })} />
                <SelectField
                  id={id(`action-${a.key}-owner`)}
                  label={t('meetings.record.actionOwner', { number: n + 1 })}
                  value={a.owner}
                  emptyLabel={t('meetings.record.chooseOwner')}
                  options={people}
                  onChange={(owner) => change(a.key, { owner })}
                />
                <TextField label={t('meetings.record.actionDue', { number: n + 1 })} description={t('caseEdit.dateHint')} name={`action-${a.key}-due`} autoComplete="off" value={a.due} onValue={(due) => change(a.key, { due })} />
                <Button appearance="subtle-button" type="button" onClick={() => setActions((list) => list.filter((x) => x.key !== a.key))}>
                  {t('meetings.record.removeAction', { number: n + 1 })}
                </Button>
              </div>
            ))}
            <Button appearance="secondary-action-button" type="button" onClick={() => setActions((list) => [...list, { key: nextKey.current++, text: '', owner: '', due: '' }])}>
              {t('meetings.record.addAction')}
            </Button>
          </Fieldset>
        </>
      )}
      <SaveCancel busy={busy} label={t('meetings.record.save')} onCancel={onCancel} />
    </form>
  );
}

/** What the item's minutes say so far, and the way to note them where the server allows. */
export function ItemMinutes({
  meeting,
  item,
  number,
  onReload,
}: {
  meeting: Schemas['Meeting'];
  item: Item;
  number: number;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const m = item.minutes;
  const names = new Map(item.attendees.map((a) => [a.membership_id, a.name]));
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => openButton.current?.focus());
  };
  if (open)
    return (
      <MinutesForm
        meetingId={meeting.id}
        item={item}
        number={number}
        onCancel={close}
        onReload={() => onReload().then(close)}
        onSaved={() => {
          setSaved(true);
          void onReload().then(close);
        }}
      />
    );
  return (
    <div className="samen-minutes">
      {m && (
        <Paragraph>
          {t('meetings.record.presentList', {
            names: m.present.map((p) => names.get(p) ?? t('meetings.record.someone')).join(', ') || t('meetings.record.nobody'),
          })}
          {m.action_ids.length > 0 && ` ${t('meetings.record.actionCount', { count: m.action_ids.length })}`}
        </Paragraph>
      )}
      {m?.summary && <Paragraph className="samen-prewrap">{m.summary}</Paragraph>}
      {m?.entry_id && item.case_id && (
        <Paragraph>
          <AppLink href={paths.case(item.case_id)}>{t('meetings.record.inCase')}</AppLink>
        </Paragraph>
      )}
      {saved && <Paragraph role="status">{t('meetings.record.saved')}</Paragraph>}
      {meeting.may.record_minutes && (
        <ButtonGroup>
          <Button ref={openButton} appearance="secondary-action-button" type="button" onClick={() => { setSaved(false); setOpen(true); }}>
            {m ? t('meetings.record.edit', { number }) : t('meetings.record.write', { number })}
          </Button>
        </ButtonGroup>
      )}
    </div>
  );
}
