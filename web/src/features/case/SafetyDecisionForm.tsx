// Recording a Meldcode safety decision (POST /api/cases/{id}/safety-decisions): the reason,
// the steps of the Meldcode taken (with an optional note), the organisations of the region
// that may receive, and the period (at most a year; the server decides). Kept as a draft
// while it is written. The steps go into the record in Dutch, as every text in the record.
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFieldTextbox, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call } from '../../api/client';
import { CheckboxGroup } from '../../components/ChoiceGroup';
import { DraftOffer, FormAlert } from '../../components/common';
import { useForm, valueOf, type FieldErrors } from '../../components/forms';
import { useDraft } from '../../drafts/draft';
import { formatDate } from '../../format/dates';
import { parseDutchDate } from '../../format/dateInput';
import { dutchToday } from '../../format/wgbo';
import { safetyNl } from '../../i18n/safety.nl';
import { useMe } from '../../session/session';
import { useCase } from './CaseContext';
import { SaveCancel } from '../../components/editing';
import { TextAreaField } from '../../components/TextAreaField';

const STEPS = ['1', '2', '3', '4', '5'] as const;
type Step = (typeof STEPS)[number];
const FIELDS = ['reason', 'steps', 'organisation_ids', 'valid_from', 'valid_until'] as const;

interface DecisionDraft {
  reason: string;
  steps: Step[];
  note: string;
  organisations: string[];
  from: string;
  until: string;
}

/** Three months on from a yyyy-mm-dd date: the period a decision is usually looked at again. */
function threeMonthsOn(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 3);
  return d.toISOString().slice(0, 10);
}

/** The steps as the record keeps them: one line per step, then the note. */
export function stepsText(steps: readonly Step[], note: string): string {
  const lines = STEPS.filter((s) => steps.includes(s)).map((s) => safetyNl.meldcode[s]);
  return [...lines, note.trim()].filter(Boolean).join('\n');
}

export function SafetyDecisionForm({ onSaved, onCancel }: { onSaved(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { kase, view } = useCase();
  const empty = useMemo<DecisionDraft>(() => {
    const today = dutchToday();
    return { reason: '', steps: [], note: '', organisations: [], from: formatDate(today), until: formatDate(threeMonthsOn(today)) };
  }, []);
  const draft = useDraft<DecisionDraft>(me.user.id, `safety-${kase.id}`, empty, (d) => !d.reason.trim() && !d.note.trim());
  const { value, setValue } = draft;
  const change = (next: Partial<DecisionDraft>) => setValue((d) => ({ ...d, ...next }));
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const choices = view.activeOrganisations
    .filter((o) => o.id !== kase.school_id)
    .map((o) => ({ value: o.id, label: o.name }))
    .sort((a, b) => a.label.localeCompare(b.label));

  function check(): FieldErrors {
    const from = parseDutchDate(value.from);
    const until = parseDutchDate(value.until);
    return {
      reason: value.reason.trim() ? undefined : t('safety.form.reasonRequired'),
      steps: value.steps.length ? undefined : t('safety.form.stepsRequired'),
      organisation_ids: value.organisations.length ? undefined : t('safety.form.organisationsRequired'),
      valid_from: from === null ? t('safety.form.dateInvalid') : from ? undefined : t('safety.form.fromRequired'),
      valid_until:
        until === null
          ? t('safety.form.dateInvalid')
          : !until
            ? t('safety.form.untilRequired')
            : from && until <= from
              ? t('safety.form.untilAfter')
              : undefined,
    };
  }

  function onSubmit(event: FormEvent) {
    void submit(event, check(), async () => {
      try {
        await call(
          api.POST('/api/cases/{id}/safety-decisions', {
            params: { path: { id: kase.id } },
            body: {
              organisation_ids: value.organisations,
              reason: value.reason.trim(),
              steps: stepsText(value.steps, value.note),
              valid_from: parseDutchDate(value.from) ?? '',
              valid_until: parseDutchDate(value.until) ?? '',
            },
          }),
        );
      } catch (e) {
        // `organisation_ids[2]` is the organisations' group here.
        throw e instanceof ApiError ? new ApiError(e.status, e.code, e.message, e.field?.replace(/\[.*$/, ''), e.retryAfter) : e;
      }
      draft.done();
      onSaved();
    });
  }

  return (
    <div className="samen-subform">
      <Heading3 id="safety-form">{t('safety.form.title')}</Heading3>
      <Paragraph>{t('safety.form.intro')}</Paragraph>
      <DraftOffer draft={draft.offered} onRestore={draft.restore} onDiscard={draft.discard} />
      <FormAlert title={t('safety.form.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="safety-form">
        <TextAreaField
          label={t('safety.form.reason')}
          description={t('safety.form.reasonHint')}
          name="reason"
          rows={3}
          maxLength={4000}
          value={value.reason}
          onValue={(v) => change({ reason: v })}
          error={errors.fields.reason}
        />
        <CheckboxGroup
          legend={t('safety.form.stepsLegend')}
          name="steps"
          choices={STEPS.map((s) => ({ value: s, label: t(`safety.meldcode.${s}`) }))}
          selected={value.steps}
          onChange={(steps) => change({ steps })}
          error={errors.fields.steps}
        />
        <TextAreaField
          label={t('safety.form.stepsNote')}
          name="steps_note"
          rows={2}
          maxLength={2000}
          value={value.note}
          onValue={(note) => change({ note })}
        />
        <CheckboxGroup
          legend={t('safety.form.organisations')}
          name="organisation_ids"
          choices={choices}
          selected={value.organisations}
          onChange={(organisations) => change({ organisations })}
          error={errors.fields.organisation_ids}
        />
        <div className="samen-form__row">
          <FormFieldTextbox
            label={t('safety.form.from')}
            description={t('safety.form.dateHint')}
            name="valid_from"
            autoComplete="off"
            value={value.from}
            onChange={(e) => change({ from: valueOf(e) })}
            invalid={Boolean(errors.fields.valid_from)}
            errorMessage={errors.fields.valid_from}
          />
          <FormFieldTextbox
            label={t('safety.form.until')}
            description={t('safety.form.dateHint')}
            name="valid_until"
            autoComplete="off"
            value={value.until}
            onChange={(e) => change({ until: valueOf(e) })}
            invalid={Boolean(errors.fields.valid_until)}
            errorMessage={errors.fields.valid_until}
          />
        </div>
        <SaveCancel busy={busy} label={t('safety.form.submit')} onCancel={onCancel} />
      </form>
    </div>
  );
}
