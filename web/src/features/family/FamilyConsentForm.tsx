// A family member gives consent themself, for their own part (POST /api/pupils/{id}/consents
// with only their own party): to the organisations of the people at the table, for subjects,
// until a date or until withdrawn. When the age band needs another party too (12 to 15: the
// pupil and a parent), the grant is recorded as awaiting that party's signature. A guardian
// of a pupil of 16 or over gives no consent (the pupil decides), and neither does a pupil
// under 12: the form is not shown then.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call, type Category, type Pupil } from '../../api/client';
import { parseDutchDate } from '../../format/dateInput';
import { bandOn, partiesFit } from '../../format/wgbo';
import { CheckboxGroup } from '../../components/ChoiceGroup';
import { FormAlert } from '../../components/common';
import { useForm } from '../../components/forms';
import type { Grant, Party } from '../consent/consents';
import { joinWords, recipientWords, subjectWords, type Table } from './familyWords';
import { useMeta } from '../../api/meta';
import { TextField } from '../../components/TextField';

const FIELDS = ['recipients', 'categories', 'valid_until'] as const;

export function FamilyConsentForm({
  pupil,
  me,
  table,
  onSaved,
}: {
  pupil: Pupil;
  me: Party;
  table: Table;
  onSaved(grant: Grant, message: string): void;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  const k = 'familyPortal.consents';
  const [organisations, setOrganisations] = useState<string[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [until, setUntil] = useState('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const now = bandOn(pupil.date_of_birth);
  if (!now || (now.band === 'guardian' && me.pupil)) return null;
  if (now.band === 'pupil' && !me.pupil) return null;
  const self = Boolean(me.pupil);
  const awaiting = !partiesFit(now.band, me.pupil ? 0 : 1, Boolean(me.pupil));
  const choices = [...table.roles.keys()].map((id) => ({
    value: id,
    label: recipientWords(t, { recipients: { organisation_ids: [id] } } as Grant, table, self),
  }));
  if (choices.length === 0) return null;

  function onSubmit(event: FormEvent) {
    const missing = {
      recipients: organisations.length ? undefined : t(`${k}.newWhoRequired`),
      categories: categories.length ? undefined : t(`${k}.newWhatRequired`),
      valid_until: parseDutchDate(until) === null ? t('consent.form.dateInvalid') : undefined,
    };
    void submit(event, missing, async () => {
      const draft = { recipients: { organisation_ids: organisations }, categories } as Grant;
      const text = t(`${k}.newText`, { who: recipientWords(t, draft, table, self), what: subjectWords(t, draft) });
      try {
        const grant = await call(
          api.POST('/api/pupils/{id}/consents', {
            params: { path: { id: pupil.id } },
            body: {
              given_by: me.pupil ? { guardian_ids: [], pupil: true } : { guardian_ids: [me.guardian_id!], pupil: false },
              recipients: { organisation_ids: organisations },
              categories,
              valid_from: new Date().toISOString(),
              valid_until: parseDutchDate(until) || undefined,
              text,
              awaiting_signature: awaiting,
            },
          }),
        );
        setOrganisations([]);
        setCategories([]);
        setUntil('');
        const missingWho = joinWords(
          t,
          grant.missing_parties.map((m) => (m === 'pupil' ? pupil.given_name : t(`${k}.aParent`))),
        );
        onSaved(grant, grant.missing_parties.length ? t(`${k}.newSavedAwaiting`, { missing: missingWho }) : t(`${k}.newSaved`));
      } catch (e) {
        throw e instanceof ApiError ? new ApiError(e.status, e.code, e.message, e.field?.replace(/[.[].*$/, ''), e.retryAfter) : e;
      }
    });
  }

  return (
    <div className="samen-subform">
      <Heading3 id="family-consent-form">{t(`${k}.newTitle`)}</Heading3>
      <Paragraph>{t(`${k}.newIntro`)}</Paragraph>
      <FormAlert title={t(`${k}.errorSummary`)} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="family-consent-form">
        <CheckboxGroup
          legend={t(`${k}.newWho`)}
          name="organisations"
          choices={choices}
          selected={organisations}
          onChange={setOrganisations}
          error={errors.fields.recipients}
        />
        <CheckboxGroup
          legend={t(`${k}.newWhat`)}
          name="categories"
          choices={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          selected={categories}
          onChange={setCategories}
          error={errors.fields.categories}
        />
        <TextField
          label={t(`${k}.newUntil`)}
          name="valid_until"
          description={t('consent.form.dateHint')}
          autoComplete="off"
          value={until}
          onValue={setUntil}
          error={errors.fields.valid_until}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t(`${k}.busy`) : t(`${k}.newSubmit`)}
        </Button>
      </form>
    </div>
  );
}
