// Writing in a case's chronology: kind, subject, audience, family flag and text; before it
// can be saved the form shows the audience preview (POST …/entries/preview): who will and
// will not see the item, and why. Changing subject, audience or family flag asks again.
// `correcting` turns it into a correction of an entry: prefilled from that entry, saved as
// a new entry with `corrects` naming it (entries are never changed).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { api, call, type Category, type ChronologyEntry, type Schemas } from '../../api/client';
import { describeEntry } from './ChronologyEntry';
import { useMe } from '../../session/session';
import { useDraft } from '../../drafts/draft';
import { ChoiceItem, RadioGroup } from '../../components/ChoiceGroup';
import { DraftOffer, FormAlert, Notice } from '../../components/common';
import { messageFor, useForm } from '../../components/forms';
import { SelectField } from '../../components/SelectField';
import { SimpleTable } from '../../components/SimpleTable';
import { useMeta, type Meta } from '../../api/meta';
import { TextAreaField } from '../../components/TextAreaField';

type Audience = Schemas['Audience'];
type Preview = Schemas['AudiencePreview'];
type Row = Schemas['AudiencePreviewRow'];
type Kind = Meta['entry_kinds'][number];
const FIELDS = ['kind', 'category', 'audience', 'family_visible', 'text'] as const;

interface EntryDraft {
  kind: Kind;
  category: Category;
  audience: Audience;
  family_visible: boolean;
  text: string;
}
const EMPTY: EntryDraft = { kind: 'observation', category: 'wellbeing', audience: 'case_team', family_visible: false, text: '' };

/** A correction starts as the entry it corrects (a system entry's kind becomes a note). */
function correctionOf(e: ChronologyEntry, kinds: readonly Kind[]): EntryDraft {
  const kind = (kinds as readonly string[]).includes(e.kind) ? (e.kind as Kind) : 'note';
  return { kind, category: e.category, audience: e.audience, family_visible: e.family_visible, text: e.text };
}

function PreviewTable({ caption, rows, allowed }: { caption: string; rows: Row[]; allowed: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <Paragraph>
        <strong>{caption}:</strong> {t('entry.nobody')}
      </Paragraph>
    );
  }
  return (
    <SimpleTable
      caption={caption}
      headers={[t('entry.person'), t('entry.organisation'), t('entry.why')]}
      rows={rows.map((r) => ({
        key: r.membership_id,
        cells: [
          [r.name, t(`roles.${r.role}`, { defaultValue: r.role })].filter(Boolean).join(', '),
          r.organisation ?? '',
          allowed
            ? t(`bases.${r.legal_basis ?? ''}`, { defaultValue: r.legal_basis ?? '' })
            : t(`denials.${r.reason ?? ''}`, { defaultValue: r.reason ?? '' }),
        ],
      }))}
    />
  );
}

export function EntryForm({
  caseId,
  onSaved,
  correcting,
  onCancelCorrection,
}: {
  caseId: string;
  onSaved(id: string): void;
  correcting?: ChronologyEntry | null;
  onCancelCorrection?(): void;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const me = useMe();
  const draft = useDraft<EntryDraft>(me.user.id, `entry-${caseId}`, EMPTY, (d) => !d.text.trim());
  const { value, setValue } = draft;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const [previewError, setPreviewError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { formRef, busy, errors, submit, clear } = useForm(FIELDS);

  // A correction was asked for: the form takes the entry's fields, and focus.
  const correctingId = correcting?.id;
  useEffect(() => {
    if (!correcting) return;
    setValue(correctionOf(correcting, meta.entry_kinds));
    setPreview(null);
    setSaved(false);
    titleRef.current?.scrollIntoView?.({ block: 'start' });
    titleRef.current?.focus({ preventScroll: true });
  }, [correctingId]); // once per entry to correct, not on every render of the same one

  // What decides who sees it changed: the preview no longer holds.
  function change(next: Partial<EntryDraft>) {
    if ('category' in next || 'audience' in next || 'family_visible' in next) setPreview(null);
    setSaved(false);
    setValue((d) => ({ ...d, ...next }));
  }

  async function showPreview() {
    setPreviewBusy(true);
    setPreviewError(undefined);
    try {
      const { category, audience, family_visible } = value;
      setPreview(
        await call(
          api.POST('/api/cases/{id}/entries/preview', { params: { path: { id: caseId } }, body: { category, audience, family_visible } }),
        ),
      );
      clear(); // "see who will see it first" no longer applies
    } catch (e) {
      setPreviewError(messageFor(t, e));
    } finally {
      setPreviewBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    const missing = {
      text: value.text.trim() ? undefined : t('entry.textRequired'),
      audience: preview ? undefined : t('entry.previewFirst'),
    };
    void submit(event, missing, async () => {
      const body = { ...value, text: value.text.trim(), corrects: correcting?.id };
      const created = await call(api.POST('/api/cases/{id}/entries', { params: { path: { id: caseId } }, body }));
      draft.done();
      setPreview(null);
      setSaved(true);
      onSaved(created.id);
    });
  }

  return (
    <section aria-labelledby="entry-form">
      <Heading2 id="entry-form" ref={titleRef} tabIndex={-1}>
        {t('entry.title')}
      </Heading2>
      {correcting && (
        <div className="samen-correcting">
          <Notice type="info">
            {t('caseEdit.chronology.correcting', { entry: describeEntry(t, correcting) })}
          </Notice>
          <Button appearance="subtle-button" type="button" onClick={onCancelCorrection}>
            {t('caseEdit.chronology.cancelCorrection')}
          </Button>
        </div>
      )}
      <DraftOffer draft={draft.offered} onRestore={draft.restore} onDiscard={draft.discard} />
      {saved && <Notice type="ok">{t('entry.saved')}</Notice>}
      <FormAlert title={t('entry.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="entry-form">
        <div className="samen-form__row">
          <SelectField
            id="entry-kind"
            label={t('entry.kind')}
            value={value.kind}
            options={meta.entry_kinds.map((k) => ({ value: k, label: t(`entryKinds.${k}`) }))}
            onChange={(kind) => change({ kind })}
          />
          <SelectField
            id="entry-category"
            label={t('entry.category')}
            value={value.category}
            options={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            onChange={(category) => change({ category })}
          />
        </div>
        <RadioGroup
          legend={t('entry.audience')}
          name="audience"
          // Widest first: the team is where most of what one writes belongs.
          choices={[...meta.audiences].reverse().map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
          value={value.audience}
          onChange={(audience) => change({ audience })}
          error={errors.fields.audience}
        />
        <ChoiceItem
          type="checkbox"
          id="entry-family"
          name="family_visible"
          value="yes"
          label={t('entry.family')}
          checked={value.family_visible}
          onChange={(family_visible) => change({ family_visible })}
        />
        <TextAreaField
          label={t('entry.text')}
          name="text"
          rows={4}
          maxLength={20000}
          value={value.text}
          onValue={(v) => change({ text: v })}
          error={errors.fields.text}
        />
        <FormAlert title={t('errors.summaryTitle')} message={previewError} />
        {preview && (
          <div className="samen-preview" role="status">
            <PreviewTable caption={t('entry.willSee')} rows={preview.will_see} allowed />
            <PreviewTable caption={t('entry.willNotSee')} rows={preview.will_not_see} allowed={false} />
          </div>
        )}
        <ButtonGroup>
          <Button appearance="secondary-action-button" type="button" onClick={() => void showPreview()} busy={previewBusy} disabled={previewBusy}>
            {previewBusy ? t('entry.previewBusy') : t('entry.preview')}
          </Button>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {busy ? t('entry.busy') : correcting ? t('caseEdit.chronology.submitCorrection') : t('entry.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
