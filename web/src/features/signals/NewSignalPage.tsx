// Quick entry of a signal (a mentor between two lessons): pupil, subjects, urgency, text.
// What is typed is kept as a draft (drafts/draft.ts) until the signal is recorded.
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldErrorMessage,
  FormFieldTextbox,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { api, call, type Category, type Pupil } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { CheckboxGroup, RadioGroup } from '../../components/ChoiceGroup';
import { DraftOffer, FormAlert, Notice, PageTitle } from '../../components/common';
import { messageFor, useForm, valueOf } from '../../components/forms';
import { useDraft } from '../../drafts/draft';
import { pupilName } from '../../format/names';
import { useMe } from '../../session/session';
import { paths } from '../../screens/routes';
import { useMeta } from '../../api/meta';
import { TextAreaField } from '../../components/TextAreaField';

const URGENCIES = ['normal', 'soon', 'urgent'] as const;
type Urgency = (typeof URGENCIES)[number];
const FIELDS = ['pupil_id', 'categories', 'urgency', 'text'] as const;

export interface SignalDraft {
  pupil_id: string;
  pupil_name: string;
  categories: Category[];
  urgency: Urgency;
  text: string;
}

export const EMPTY_SIGNAL: SignalDraft = { pupil_id: '', pupil_name: '', categories: [], urgency: 'normal', text: '' };
const isEmptySignal = (d: SignalDraft) => !d.text.trim() && d.categories.length === 0;

function PupilPicker({
  error,
  onPick,
}: {
  error?: string;
  onPick(pupil: Pupil): void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Pupil[] | null>(null);
  const [searchError, setSearchError] = useState<string>();
  const pickId = 'signal-pupil-pick';
  const errorId = 'signal-pupil-error';

  async function search() {
    if (!query.trim()) return;
    setSearchError(undefined);
    try {
      const list = await call(api.GET('/api/pupils', { params: { query: { q: query.trim(), limit: 20 } } }));
      setFound(list.pupils);
    } catch (e) {
      setSearchError(messageFor(t, e)); // a 401 has already sent the session back to login
    }
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      void search();
    }
  }
  return (
    <div className="samen-picker">
      <FormFieldTextbox
        label={t('signal.pupilSearch')}
        name="pupil_search"
        type="search"
        value={query}
        onChange={(e) => setQuery(valueOf(e))}
        onKeyDown={onKeyDown}
        invalid={Boolean(searchError ?? (!found && error))}
        errorMessage={searchError ?? (!found ? error : undefined)}
      />
      <Button appearance="secondary-action-button" type="button" onClick={() => void search()}>
        {t('signal.pupilSearchButton')}
      </Button>
      {found && (
        <FormField invalid={Boolean(error)}>
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={pickId}>{t('signal.pupilPick')}</FormLabel>
          </div>
          {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
          <div className="utrecht-form-field__input">
            <Select
              id={pickId}
              name="pupil_id"
              defaultValue=""
              invalid={Boolean(error)}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => {
                const pupil = found.find((p) => p.id === e.target.value);
                if (pupil) onPick(pupil);
              }}
            >
              <SelectOption value="">{t('signal.pupilPickPlaceholder')}</SelectOption>
              {found.map((p) => (
                <SelectOption key={p.id} value={p.id}>
                  {`${pupilName(p)} (${p.class || p.pupil_number})`}
                </SelectOption>
              ))}
            </Select>
          </div>
        </FormField>
      )}
    </div>
  );
}

export function NewSignalPage() {
  const { t } = useTranslation();
  const meta = useMeta();
  const me = useMe();
  const preselected = new URLSearchParams(useSearch()).get('leerling') ?? '';
  const draft = useDraft<SignalDraft>(me.user.id, 'signal-new', EMPTY_SIGNAL, isEmptySignal);
  const { value, setValue } = draft;
  const [saved, setSaved] = useState<{ pupilId: string; name: string } | null>(null);
  const { formRef, busy, errors, submit } = useForm(FIELDS);

  // A pupil named in the address (from the pupil page) is filled in once.
  useEffect(() => {
    if (!preselected) return;
    let live = true;
    call(api.GET('/api/pupils/{id}', { params: { path: { id: preselected } } })).then(
      (p) => live && setValue((d) => (d.pupil_id ? d : { ...d, pupil_id: p.id, pupil_name: pupilName(p) })),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [preselected, setValue]);

  function onSubmit(event: FormEvent) {
    const missing = {
      pupil_id: value.pupil_id ? undefined : t('signal.pupilRequired'),
      categories: value.categories.length ? undefined : t('signal.categoriesRequired'),
      text: value.text.trim() ? undefined : t('signal.textRequired'),
    };
    void submit(event, missing, async () => {
      const { pupil_id, categories, urgency, text } = value;
      await call(api.POST('/api/signals', { body: { pupil_id, categories, urgency, text: text.trim() } }));
      setSaved({ pupilId: value.pupil_id, name: value.pupil_name });
      draft.done();
    });
  }

  if (saved) {
    return (
      <>
        <PageTitle>{t('signal.title')}</PageTitle>
        <Notice type="ok">{t('signal.saved', { name: saved.name })}</Notice>
        <ButtonGroup>
          <AppLink href={paths.pupil(saved.pupilId)}>{t('signal.toPupil', { name: saved.name })}</AppLink>
          <Button appearance="secondary-action-button" type="button" onClick={() => setSaved(null)}>
            {t('signal.another')}
          </Button>
        </ButtonGroup>
      </>
    );
  }

  return (
    <>
      <PageTitle>{t('signal.title')}</PageTitle>
      <Paragraph>{t('signal.intro')}</Paragraph>
      <DraftOffer draft={draft.offered} onRestore={draft.restore} onDiscard={draft.discard} />
      <FormAlert title={t('signal.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('signal.title')}>
        {value.pupil_id ? (
          <div className="samen-chosen">
            <Paragraph>
              <strong>{t('signal.pupil')}:</strong> {value.pupil_name}
            </Paragraph>
            <Button
              appearance="subtle-button"
              type="button"
              aria-describedby={errors.fields.pupil_id ? 'signal-chosen-error' : undefined}
              onClick={() => setValue((d) => ({ ...d, pupil_id: '', pupil_name: '' }))}
            >
              {t('signal.pupilChange')}
            </Button>
            {errors.fields.pupil_id && (
              <FormFieldErrorMessage id="signal-chosen-error">{errors.fields.pupil_id}</FormFieldErrorMessage>
            )}
          </div>
        ) : (
          <PupilPicker
            error={errors.fields.pupil_id}
            onPick={(p) => setValue((d) => ({ ...d, pupil_id: p.id, pupil_name: pupilName(p) }))}
          />
        )}
        <CheckboxGroup
          legend={t('categories.legend')}
          name="categories"
          choices={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          selected={value.categories}
          onChange={(categories) => setValue((d) => ({ ...d, categories }))}
          error={errors.fields.categories}
        />
        <RadioGroup
          legend={t('urgency.legend')}
          name="urgency"
          choices={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          value={value.urgency}
          onChange={(urgency) => setValue((d) => ({ ...d, urgency }))}
          error={errors.fields.urgency}
        />
        <TextAreaField
          label={t('signal.text')}
          description={t('signal.textHint')}
          name="text"
          rows={5}
          maxLength={10000}
          value={value.text}
          onValue={(v) => setValue((d) => ({ ...d, text: v }))}
          error={errors.fields.text}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('signal.busy') : t('signal.submit')}
        </Button>
      </form>
    </>
  );
}
