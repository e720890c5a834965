// Changing a case's lead, categories and review date (PUT /api/cases/{id}, all three at
// once, with the version read). The lead is chosen from the people at the table.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Category } from '../../api/client';
import { CheckboxGroup } from '../../components/ChoiceGroup';
import { SelectField } from '../../components/SelectField';
import { dateForInput, parseDutchDate } from '../../format/dateInput';
import { atTable } from './caseData';
import { useCase } from './CaseContext';
import { EditAlert, ReloadedNotice, SaveCancel, useEditForm } from '../../components/editing';
import { personLabel } from './labels';
import { useMeta } from '../../api/meta';
import { TextField } from '../../components/TextField';

const FIELDS = ['lead_membership_id', 'categories', 'review_date'] as const;

export function CaseEditForm({
  reloaded,
  onSaved,
  onCancel,
  onReload,
}: {
  reloaded: boolean;
  onSaved(): void;
  onCancel(): void;
  onReload(): Promise<void>;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  const { kase, view, replaceCase } = useCase();
  const [lead, setLead] = useState(kase.lead_membership_id ?? '');
  const [categories, setCategories] = useState<Category[]>(kase.categories);
  const [review, setReview] = useState(dateForInput(kase.review_date));
  const { formRef, busy, errors, conflict, submit } = useEditForm(FIELDS);
  const candidates = atTable(kase);

  function onSubmit(event: FormEvent) {
    const reviewDate = parseDutchDate(review);
    const missing = {
      lead_membership_id: lead ? undefined : t('caseEdit.header.leadRequired'),
      categories: categories.length ? undefined : t('signal.categoriesRequired'),
      review_date: reviewDate === null ? t('caseEdit.dateInvalid') : undefined,
    };
    void submit(event, missing, async () => {
      const body = {
        lead_membership_id: lead,
        categories,
        review_date: reviewDate || null,
        version: kase.version,
      };
      replaceCase(await call(api.PUT('/api/cases/{id}', { params: { path: { id: kase.id } }, body })));
      onSaved();
    });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('caseEdit.header.editTitle')}>
      <ReloadedNotice shown={reloaded} />
      <EditAlert title={t('caseEdit.header.errorSummary')} message={errors.form} conflict={conflict} onReload={onReload} />
      <SelectField
        id="case-lead"
        name="lead_membership_id"
        label={t('case.lead')}
        value={lead}
        emptyLabel={t('caseEdit.choose')}
        options={candidates.map((p) => ({ value: p.membership_id, label: personLabel(t, p, view.organisations) }))}
        onChange={setLead}
        error={errors.fields.lead_membership_id}
      />
      <CheckboxGroup
        legend={t('case.categories')}
        name="categories"
        choices={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        selected={categories}
        onChange={setCategories}
        error={errors.fields.categories}
      />
      <TextField
        label={t('case.reviewDate')}
        description={t('caseEdit.dateHint')}
        name="review_date"
        autoComplete="off"
        value={review}
        onValue={setReview}
        error={errors.fields.review_date}
      />
      <SaveCancel busy={busy} label={t('caseEdit.save')} onCancel={onCancel} />
    </form>
  );
}
