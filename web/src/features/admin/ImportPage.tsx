// The pupil import of a school (its administrator or care coordinator): a CSV file, chosen
// or dropped, is first checked with a dry run (counts, or the problems by line and column),
// then imported on confirmation. The server is all or nothing: a failed check or import
// changes no pupil. The upload shows its progress (api/client.ts `upload`).
import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Link,
  Paragraph,
} from '@utrecht/component-library-react';
import { ApiError, upload, type CsvProblem, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Facts } from '../../components/Facts';
import { ImportGuardianChanges } from './ImportGuardianChanges';
import { FormAlert, Notice, PageTitle } from '../../components/common';
import { messageFor } from '../../components/forms';
import { SimpleTable } from '../../components/SimpleTable';
import { useMe } from '../../session/session';
import { paths } from '../../screens/routes';

type Summary = Schemas['ImportSummary'];
type Outcome =
  | { kind: 'summary'; summary: Summary }
  | { kind: 'problems'; problems: CsvProblem[]; truncated: boolean }
  | { kind: 'error'; message: string };

/** The columns of docs/api.md ("Pupil CSV columns"): the field's text key, its headers, required. */
const COLUMNS: readonly [string, string, boolean][] = [
  ['number', 'leerlingnummer, pupil_number, student_number', true],
  ['given', 'roepnaam, voornaam, given_name, first_name', true],
  ['prefix', 'voorvoegsel, tussenvoegsel, name_prefix, prefix', false],
  ['family', 'achternaam, family_name, last_name, surname', true],
  ['birth', 'geboortedatum, date_of_birth, birth_date', true],
  ['bsn', 'bsn, burgerservicenummer', false],
  ['class', 'klas, groep, class, group', false],
  ['mentor', 'mentor, mentor_email', false],
  ['enrolment', 'inschrijfdatum, enrolment_start; uitschrijfdatum, enrolment_end', false],
  ['guardians', 'ouder1_naam, ouder1_relatie, ouder1_email, ouder1_telefoon, ouder1_gezag, ouder1_nummer (ouder2_…, verzorger1_…, guardian1_…)', false],
];
export const SAMPLE_CSV = '/voorbeeld-leerlingen.csv';

function size(bytes: number) {
  return bytes < 1000 ? `${bytes} B` : bytes < 1e6 ? `${(bytes / 1000).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function ImportResult({ outcome, dryRun }: { outcome: Outcome; dryRun: boolean }) {
  const { t } = useTranslation();
  if (outcome.kind === 'error') return <FormAlert title={t('import.errorSummary')} message={outcome.message} />;
  if (outcome.kind === 'problems') {
    return (
      <section aria-labelledby="import-problems">
        <Heading2 id="import-problems">{t('import.errorsTitle')}</Heading2>
        <Notice type="error">
          {t('import.errorsIntro', { count: outcome.problems.length })}
          {outcome.truncated && ` ${t('import.truncated')}`}
        </Notice>
        <SimpleTable
          caption={t('import.errorsCaption')}
          headers={[t('import.line'), t('import.column'), t('import.reason')]}
          rows={outcome.problems.map((p, i) => ({
            key: `${p.line}-${i}`,
            cells: [p.line, p.column || t('import.wholeRow'), <span lang="en">{p.message}</span>],
          }))}
        />
      </section>
    );
  }
  const s = outcome.summary;
  return (
    <section aria-labelledby="import-summary">
      <Heading2 id="import-summary">{dryRun ? t('import.dryRunTitle') : t('import.doneTitle')}</Heading2>
      <Notice type={dryRun ? 'info' : 'ok'}>{dryRun ? t('import.dryRunIntro') : t('import.doneIntro')}</Notice>
      <Facts
        items={[
          [t('import.created'), s.created],
          [t('import.updated'), s.updated],
          [t('import.unchanged'), s.unchanged],
          [t('import.ignored'), s.ignored_columns.length ? s.ignored_columns.join(', ') : t('import.none')],
        ]}
      />
      <ImportGuardianChanges changes={s.guardians} dryRun={dryRun} />
    </section>
  );
}

export function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<{ outcome: Outcome; dryRun: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const checked = result?.dryRun && result.outcome.kind === 'summary';

  function choose(next: File | null) {
    setFile(next);
    setResult(null);
    setMissing(false);
  }

  async function send(dryRun: boolean) {
    if (!file) {
      setMissing(true);
      document.getElementById(inputId)?.focus();
      return;
    }
    setBusy(dryRun ? 'check' : 'import');
    setProgress(0);
    setResult(null);
    let outcome: Outcome;
    try {
      const summary = await upload<Summary>('/api/pupils/import', {
        query: { dry_run: dryRun },
        file,
        contentType: 'text/csv',
        onProgress: setProgress,
      });
      outcome = { kind: 'summary', summary };
    } catch (e) {
      outcome =
        e instanceof ApiError && e.csv
          ? { kind: 'problems', problems: e.csv.details, truncated: e.csv.truncated }
          : { kind: 'error', message: messageFor(t, e) };
    } finally {
      setBusy(null);
      setProgress(null);
    }
    setResult({ outcome, dryRun });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send(true);
  }
  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  }

  return (
    <>
      <PageTitle>{t('import.title')}</PageTitle>
      <Paragraph>{t('import.intro', { school: me.active_membership.organisation_name })}</Paragraph>
      <form onSubmit={onSubmit} noValidate className="samen-form" aria-label={t('import.title')}>
        <div
          className={`samen-dropzone${dragging ? ' samen-dropzone--active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <FormField invalid={missing}>
            <div className="utrecht-form-field__label">
              <FormLabel htmlFor={inputId}>{t('import.file')}</FormLabel>
            </div>
            <FormFieldDescription id={`${inputId}-hint`}>{t('import.fileHint')}</FormFieldDescription>
            {missing && <FormFieldErrorMessage id={`${inputId}-error`}>{t('import.fileRequired')}</FormFieldErrorMessage>}
            <div className="utrecht-form-field__input">
              <input
                id={inputId}
                name="file"
                type="file"
                accept=".csv,text/csv"
                aria-invalid={missing || undefined}
                aria-describedby={`${inputId}-hint${missing ? ` ${inputId}-error` : ''}`}
                onChange={(e) => choose(e.target.files?.[0] ?? null)}
              />
            </div>
          </FormField>
          <Paragraph className="samen-dropzone__hint" aria-hidden="true">
            {t('import.drop')}
          </Paragraph>
          {file && <Paragraph>{t('import.chosen', { name: file.name, size: size(file.size) })}</Paragraph>}
        </div>
        {progress !== null && (
          <div className="samen-progress">
            <label htmlFor={`${inputId}-progress`}>{progress < 1 ? t('import.progress') : t('import.progressDone')}</label>{' '}
            <progress id={`${inputId}-progress`} max={1} value={progress}>
              {Math.round(progress * 100)}%
            </progress>
          </div>
        )}
        <ButtonGroup>
          <Button appearance={checked ? 'secondary-action-button' : 'primary-action-button'} type="submit" busy={busy === 'check'} disabled={busy !== null}>
            {busy === 'check' ? t('import.checking') : t('import.check')}
          </Button>
          {checked && (
            <Button appearance="primary-action-button" type="button" busy={busy === 'import'} disabled={busy !== null} onClick={() => void send(false)}>
              {busy === 'import' ? t('import.importing') : t('import.confirm')}
            </Button>
          )}
        </ButtonGroup>
      </form>
      <div id="import-result" aria-live="polite">
        {result && <ImportResult outcome={result.outcome} dryRun={result.dryRun} />}
        {result && !result.dryRun && result.outcome.kind === 'summary' && (
          <Paragraph>
            <AppLink href={paths.pupils}>{t('import.toPupils')}</AppLink>
          </Paragraph>
        )}
      </div>
      <section aria-labelledby="import-columns">
        <Heading2 id="import-columns">{t('import.columnsTitle')}</Heading2>
        <Paragraph>{t('import.columnsIntro')}</Paragraph>
        <Paragraph>
          <Link href={SAMPLE_CSV} download="voorbeeld-leerlingen.csv">
            {t('import.sample')}
          </Link>
        </Paragraph>
        <SimpleTable
          caption={t('import.columnsCaption')}
          headers={[t('import.field'), t('import.headers'), t('import.required')]}
          rows={COLUMNS.map(([field, headers, required]) => ({
            key: field,
            cells: [t(`import.fields.${field}`, { defaultValue: field }), <code>{headers}</code>, required ? t('import.yes') : t('import.no')],
          }))}
        />
      </section>
    </>
  );
}
