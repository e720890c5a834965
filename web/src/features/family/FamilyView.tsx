// "Onze kijk": the family's own view on a case, in its own words (POST
// /api/family/cases/{id}/views), with the views written before. A view is never edited: the
// family member corrects one of their own by writing a new view that names it (`corrects`).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Category, type ChronologyEntry } from '../../api/client';
import { formatDateTime } from '../../format/dates';
import { currentLanguage } from '../../i18n';
import { useMe } from '../../session/session';
import { useDraft } from '../../drafts/draft';
import { DraftOffer, FormAlert, Loading, Notice } from '../../components/common';
import { useForm, useLoad } from '../../components/forms';
import { SelectField } from '../../components/SelectField';
import { useMeta } from '../../api/meta';
import { TextAreaField } from '../../components/TextAreaField';

const FIELDS = ['text', 'category'] as const;

interface ViewDraft {
  text: string;
  category: Category | '';
}

async function loadViews(caseId: string): Promise<ChronologyEntry[]> {
  const page = await call(api.GET('/api/cases/{id}/entries', { params: { path: { id: caseId }, query: { limit: 500 } } }));
  return page.entries.filter((e) => e.kind === 'family_view');
}

export function FamilyView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const me = useMe();
  const k = 'familyPortal.view';
  const draft = useDraft<ViewDraft>(me.user.id, `family-view-${caseId}`, { text: '', category: '' }, (d) => !d.text.trim());
  const { value, setValue } = draft;
  const [correcting, setCorrecting] = useState<ChronologyEntry | null>(null);
  const [saved, setSaved] = useState(false);
  const { data: views, error, reload } = useLoad(['family-views', caseId], () => loadViews(caseId));
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const language = currentLanguage();

  function onSubmit(event: FormEvent) {
    void submit(event, { text: value.text.trim() ? undefined : t(`${k}.required`) }, async () => {
      await call(
        api.POST('/api/family/cases/{id}/views', {
          params: { path: { id: caseId } },
          body: { text: value.text.trim(), category: value.category || undefined, corrects: correcting?.id },
        }),
      );
      draft.done();
      setCorrecting(null);
      setSaved(true);
      void reload();
    });
  }

  function correct(view: ChronologyEntry) {
    setCorrecting(view);
    setSaved(false);
    setValue({ text: view.text, category: view.category });
    requestAnimationFrame(() => formRef.current?.querySelector('textarea')?.focus());
  }

  return (
    <section aria-labelledby={`family-view-${caseId}`}>
      <Heading2 id={`family-view-${caseId}`}>{t(`${k}.title`)}</Heading2>
      <Paragraph>{t(`${k}.intro`)}</Paragraph>
      <DraftOffer draft={draft.offered} onRestore={draft.restore} onDiscard={draft.discard} />
      {saved && (
        <div role="status">
          <Notice type="ok">{t(`${k}.saved`)}</Notice>
        </div>
      )}
      <FormAlert title={t(`${k}.errorSummary`)} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby={`family-view-${caseId}`}>
        {correcting && (
          <Paragraph>
            <strong>{t(`${k}.correcting`, { when: formatDateTime(correcting.created_at, language) })}</strong>
          </Paragraph>
        )}
        <TextAreaField
          label={correcting ? t(`${k}.textCorrection`) : t(`${k}.text`)}
          name="text"
          rows={5}
          maxLength={20000}
          value={value.text}
          onValue={(v) => setValue((d) => ({ ...d, text: v }))}
          error={errors.fields.text}
        />
        <SelectField
          id={`family-view-category-${caseId}`}
          label={t(`${k}.category`)}
          value={value.category}
          emptyLabel={t(`${k}.general`)}
          options={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          onChange={(category) => setValue((d) => ({ ...d, category }))}
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {busy ? t(`${k}.busy`) : correcting ? t(`${k}.submitCorrection`) : t(`${k}.submit`)}
          </Button>
          {correcting && (
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => {
                setCorrecting(null);
                setValue({ text: '', category: '' });
              }}
            >
              {t(`${k}.cancel`)}
            </Button>
          )}
        </ButtonGroup>
      </form>
      <Heading3>{t(`${k}.earlier`)}</Heading3>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!views && !error && <Loading />}
      {views && views.length === 0 && <Paragraph>{t(`${k}.none`)}</Paragraph>}
      {views && views.length > 0 && (
        <ol className="samen-cards">
          {[...views].reverse().map((v) => {
            const own = v.author.user_id === me.user.id;
            return (
              <li key={v.id} className="samen-card">
                <article aria-labelledby={`view-${v.id}`}>
                  <Paragraph small id={`view-${v.id}`}>
                    {v.corrects && <strong>{t(`${k}.isCorrection`)} · </strong>}
                    {t(`${k}.by`, { who: own ? t(`${k}.you`) : t(`${k}.family`), when: formatDateTime(v.created_at, language) })}
                  </Paragraph>
                  <Paragraph className="samen-prewrap">{v.text}</Paragraph>
                  {v.corrected_by.length > 0 && <Paragraph small>{t(`${k}.correctedLater`)}</Paragraph>}
                  {own && v.corrected_by.length === 0 && (
                    <Button appearance="secondary-action-button" type="button" onClick={() => correct(v)}>
                      {t(`${k}.correct`)}
                    </Button>
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
