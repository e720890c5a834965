// Recording a consent grant on the family's word (care coordinator, case lead): who gave it
// (the guardians with parental authority and/or the pupil, as the WGBO band at the start
// date requires, or "a party signs later"), the recipients (organisations, professions, the
// guardians), the subjects, the period, the text as agreed and how the family gave it (on
// paper, in a conversation, by phone); a grant that names the recorder's own organisation
// or profession waits for the family's or a colleague's confirmation (the form says so). The band is checked here
// first, with the same rules as the server; the server's answer still decides.
import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, FormFieldTextbox, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call, type Category, type Pupil, type Role } from '../../api/client';
import { useMe } from '../../session/session';
import { useDraft } from '../../drafts/draft';
import { formatDate } from '../../format/dates';
import { parseDutchDate } from '../../format/dateInput';
import { bandOn, dutchToday, partiesFit } from '../../format/wgbo';
import { CheckboxGroup, ChoiceItem, RadioGroup } from '../../components/ChoiceGroup';
import { DraftOffer, FormAlert } from '../../components/common';
import { useForm, valueOf, type FieldErrors } from '../../components/forms';
import type { Grant } from './consents';
import type { OrganisationNames } from './ConsentSection';
import { useMeta, type Meta } from '../../api/meta';
import { TextAreaField } from '../../components/TextAreaField';

const FIELDS = ['given_by', 'obtained_via', 'recipients', 'categories', 'valid_from', 'valid_until', 'text'] as const;
type Source = Meta['consent_sources'][number];

interface GrantDraft {
  parties: string[]; // guardian ids and 'pupil'
  awaiting: boolean;
  via: Source | '';
  organisations: string[];
  roles: Role[];
  guardians: boolean;
  categories: Category[];
  from: string;
  until: string;
  text: string;
}

/** The field a server error names, as this form has it: `given_by.guardian_ids[0]` → `given_by`. */
function formField(field: string | undefined) {
  return field?.replace(/[.[].*$/, '');
}

export function ConsentForm({
  pupil,
  organisations,
  onSaved,
  onCancel,
}: {
  pupil: Pupil;
  organisations: OrganisationNames;
  onSaved(grant: Grant): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  const me = useMe();
  const empty = useMemo<GrantDraft>(
    () => ({ parties: [], awaiting: false, via: '', organisations: [], roles: [], guardians: false, categories: [], from: formatDate(dutchToday()), until: '', text: '' }),
    [],
  );
  const draft = useDraft<GrantDraft>(me.user.id, `consent-${pupil.id}`, empty, (d) => !d.text.trim() && d.parties.length === 0);
  const { value, setValue } = draft;
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const name = pupil.given_name;
  const guardians = (pupil.guardians ?? []).filter((g) => g.parental_authority);
  const change = (next: Partial<GrantDraft>) => setValue((d) => ({ ...d, ...next }));
  const orgChoices = [...organisations.entries()]
    .filter(([id]) => id !== pupil.school_id)
    .map(([id, label]) => ({ value: id, label }))
    .sort((a, b) => a.label.localeCompare(b.label));

  function check(): FieldErrors {
    const guardianCount = value.parties.filter((p) => p !== 'pupil').length;
    const withPupil = value.parties.includes('pupil');
    const from = parseDutchDate(value.from);
    const until = parseDutchDate(value.until);
    const band = bandOn(pupil.date_of_birth, from || dutchToday());
    let givenBy: string | undefined;
    if (value.parties.length === 0) givenBy = t('consent.form.partiesRequired');
    else if (band && !value.awaiting && !partiesFit(band.band, guardianCount, withPupil))
      givenBy = t('consent.form.bandMismatch', {
        date: formatDate(from || dutchToday()),
        name,
        age: band.age,
        needed: t(`consent.form.needed.${band.band}`),
      });
    let recipients: string | undefined;
    if (value.organisations.length === 0 && value.roles.length === 0 && !value.guardians)
      recipients = t('consent.form.recipientsRequired');
    else if (value.guardians && !withPupil) recipients = t('consent.form.guardiansNeedPupil');
    return {
      given_by: givenBy,
      obtained_via: value.via ? undefined : t('consent.obtainedVia.required'),
      recipients,
      categories: value.categories.length ? undefined : t('consent.form.categoriesRequired'),
      valid_from: from === null ? t('consent.form.dateInvalid') : from ? undefined : t('consent.form.fromRequired'),
      valid_until:
        until === null ? t('consent.form.dateInvalid') : until && from && until <= from ? t('consent.form.untilAfter') : undefined,
      text: value.text.trim() ? undefined : t('consent.form.textRequired'),
    };
  }

  function onSubmit(event: FormEvent) {
    void submit(event, check(), async () => {
      try {
        const grant = await call(
          api.POST('/api/pupils/{id}/consents', {
            params: { path: { id: pupil.id } },
            body: {
              given_by: { guardian_ids: value.parties.filter((p) => p !== 'pupil'), pupil: value.parties.includes('pupil') },
              recipients: { organisation_ids: value.organisations, roles: value.roles, guardians: value.guardians },
              categories: value.categories,
              valid_from: parseDutchDate(value.from) ?? '',
              valid_until: parseDutchDate(value.until) || undefined,
              text: value.text.trim(),
              awaiting_signature: value.awaiting,
              obtained_via: value.via || undefined,
            },
          }),
        );
        draft.done();
        onSaved(grant);
      } catch (e) {
        throw e instanceof ApiError ? new ApiError(e.status, e.code, e.message, formField(e.field), e.retryAfter) : e;
      }
    });
  }

  return (
    <div className="samen-subform">
      <Heading3 id="consent-form">{t('consent.form.title')}</Heading3>
      <Paragraph>{t('consent.form.intro')}</Paragraph>
      <DraftOffer draft={draft.offered} onRestore={draft.restore} onDiscard={draft.discard} />
      <FormAlert title={t('consent.form.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="consent-form">
        <CheckboxGroup
          legend={t('consent.form.givenBy')}
          name="given_by"
          choices={[
            ...guardians.map((g) => ({ value: g.id, label: t('consent.grant.guardian', { name: g.name, relation: g.relation }) })),
            { value: 'pupil', label: t('consent.form.pupil', { name }) },
          ]}
          selected={value.parties}
          onChange={(parties) => change({ parties })}
          error={errors.fields.given_by}
        />
        {guardians.length === 0 && <Paragraph small>{t('consent.form.noGuardians')}</Paragraph>}
        <ChoiceItem
          type="checkbox"
          id="consent-awaiting"
          name="awaiting_signature"
          value="yes"
          label={t('consent.form.awaiting')}
          checked={value.awaiting}
          onChange={(awaiting) => change({ awaiting })}
        />
        <RadioGroup
          legend={t('consent.obtainedVia.legend')}
          name="obtained_via"
          choices={meta.consent_sources.map((v) => ({ value: v, label: t(`consent.obtainedVia.${v}`) }))}
          value={value.via}
          onChange={(via) => change({ via: via as Source })}
          error={errors.fields.obtained_via}
        />
        <CheckboxGroup
          legend={t('consent.form.organisations')}
          name="organisations"
          choices={orgChoices}
          selected={value.organisations}
          onChange={(selected) => change({ organisations: selected })}
          error={errors.fields.recipients}
        />
        <CheckboxGroup
          legend={t('consent.form.roles')}
          name="roles"
          choices={meta.case_roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          selected={value.roles}
          onChange={(roles) => change({ roles })}
        />
        <ChoiceItem
          type="checkbox"
          id="consent-guardians"
          name="recipients_guardians"
          value="yes"
          label={t('consent.form.guardiansRecipient')}
          checked={value.guardians}
          onChange={(g) => change({ guardians: g })}
        />
        <Paragraph small>{t('consent.pending.note')}</Paragraph>
        <CheckboxGroup
          legend={t('consent.form.categories')}
          name="categories"
          choices={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          selected={value.categories}
          onChange={(categories) => change({ categories })}
          error={errors.fields.categories}
        />
          <FormFieldTextbox
            label={t('consent.form.from')}
            description={t('consent.form.dateHint')}
            name="valid_from"
            autoComplete="off"
            value={value.from}
            onChange={(e) => change({ from: valueOf(e) })}
            invalid={Boolean(errors.fields.valid_from)}
            errorMessage={errors.fields.valid_from}
          />
          <FormFieldTextbox
            label={t('consent.form.until')}
            name="valid_until"
            autoComplete="off"
            description={t('consent.form.untilHint')}
            value={value.until}
            onChange={(e) => change({ until: valueOf(e) })}
            invalid={Boolean(errors.fields.valid_until)}
            errorMessage={errors.fields.valid_until}
          />
        <TextAreaField
          label={t('consent.form.text')}
          description={t('consent.form.textHint')}
          name="text"
          rows={4}
          maxLength={20000}
          value={value.text}
          onValue={(v) => change({ text: v })}
          error={errors.fields.text}
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {busy ? t('consent.form.busy') : t('consent.form.submit')}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onCancel} disabled={busy}>
            {t('consent.form.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
