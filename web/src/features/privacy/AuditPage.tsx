// The privacy officer's audit log: the chain check (GET /api/audit/verify) on top, filters
// (pupil, user, period, denied only; kept in the address), and the entries newest first in
// plain words, page by page. An entry about a chronology item links to its explanation.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldTextbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { ChoiceItem } from '../../components/ChoiceGroup';
import { FormAlert, Loading, Notice, PageTitle } from '../../components/common';
import { focusFirstInvalid, useLoad, valueOf, type FieldErrors } from '../../components/forms';
import { usePaged } from '../../components/paging';
import { SimpleTable } from '../../components/SimpleTable';
import { currentLanguage } from '../../i18n';
import { dutchMomentToInstant, formatDate, formatDateTime } from '../../format/dates';
import { parseDutchDate } from '../../format/dateInput';
import { paths, type AuditFilter } from '../../screens/routes';

type Entry = Schemas['AuditEntry'];
type Page = Schemas['AuditPage'];
const PAGE = 50;

function filterFrom(search: string): AuditFilter {
  const p = new URLSearchParams(search);
  return {
    pupil: p.get('leerling') ?? '',
    actor: p.get('gebruiker') ?? '',
    from: p.get('van') ?? '',
    until: p.get('tot') ?? '',
    denied: p.get('geweigerd') === 'ja',
  };
}

/** The day after `yyyy-mm-dd`: "until 01-12-2026" includes that day, the API's `until` is exclusive. */
function nextDay(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const fetchPage = (f: AuditFilter, before?: number) =>
  call(
    api.GET('/api/audit', {
      params: {
        query: {
          pupil_id: f.pupil || undefined,
          actor_user_id: f.actor || undefined,
          from: f.from ? dutchMomentToInstant(f.from) : undefined,
          until: f.until ? dutchMomentToInstant(nextDay(f.until)) : undefined,
          denied_only: f.denied || undefined,
          before_seq: before,
          limit: PAGE,
        },
      },
    }),
  );

type Checkpoints = Schemas['AuditCheckpointStatus'];

/** What the signed checkpoints say: the chain alone cannot see a deleted tail or a recomputed stretch. */
function CheckpointStatus({ checkpoints }: { checkpoints: Checkpoints }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (checkpoints.status === 'not_configured') return <Notice type="warning">{t('privacy.audit.unsigned')}</Notice>;
  if (checkpoints.status === 'tampered') {
    return (
      <Notice type="error">
        {checkpoints.missing_tail && t('privacy.audit.missingTail', { from: checkpoints.missing_tail.from_seq, to: checkpoints.missing_tail.to_seq })}{' '}
        {checkpoints.rechained && t('privacy.audit.rechained', { from: checkpoints.rechained.from_seq, to: checkpoints.rechained.to_seq })}{' '}
        {checkpoints.bad_signatures > 0 && t('privacy.audit.badSignatures', { count: checkpoints.bad_signatures })}{' '}
        {t('privacy.audit.tamperedAction')}
      </Notice>
    );
  }
  const last = checkpoints.last_signed;
  return (
    <Paragraph>
      {last
        ? t('privacy.audit.signedUpTo', { seq: last.seq, at: formatDateTime(last.at, language), unsigned: checkpoints.unsigned_entries })
        : t('privacy.audit.notSignedYet')}
    </Paragraph>
  );
}

function Verification() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(['audit-verify'], () => call(api.GET('/api/audit/verify')));
  return (
    <section aria-labelledby="audit-verify">
      <Heading2 id="audit-verify">{t('privacy.audit.verifyTitle')}</Heading2>
      <div aria-live="polite">
        {!data && !error && <Paragraph role="status">{t('privacy.audit.verifying')}</Paragraph>}
        <FormAlert title={t('errors.summaryTitle')} message={error} />
        {data?.intact === true && (
          <Notice type="ok">{t('privacy.audit.intact', { entries: data.entries, head: data.head })}</Notice>
        )}
        {data?.intact === false && (
          <Notice type="error">{t('privacy.audit.broken', { seq: data.first_bad_seq, problem: data.problem })}</Notice>
        )}
        {data?.checkpoints && <CheckpointStatus checkpoints={data.checkpoints} />}
      </div>
      {data && (
        <>
          <Paragraph small>{t('privacy.audit.headHint')}</Paragraph>
          <Button appearance="secondary-action-button" type="button" onClick={() => void reload()}>
            {t('privacy.audit.verifyAgain')}
          </Button>
        </>
      )}
    </section>
  );
}

function Filters({ filter, onApply }: { filter: AuditFilter; onApply(f: AuditFilter): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState({ ...filter, from: formatDate(filter.from), until: formatDate(filter.until) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<typeof value>) => setValue((v) => ({ ...v, ...patch }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const from = parseDutchDate(value.from);
    const until = parseDutchDate(value.until);
    const next = {
      from: from === null ? t('privacy.audit.dateInvalid') : undefined,
      until: until === null ? t('privacy.audit.dateInvalid') : undefined,
    };
    setErrors(next);
    if (next.from || next.until) return focusFirstInvalid(event.currentTarget);
    onApply({ pupil: value.pupil.trim(), actor: value.actor.trim(), from: from ?? '', until: until ?? '', denied: value.denied });
  }
  return (
    <form role="search" onSubmit={submit} noValidate className="samen-form" aria-labelledby="audit-filter">
      <Fieldset>
        <FieldsetLegend id="audit-filter">{t('privacy.audit.filterTitle')}</FieldsetLegend>
        <div className="samen-form__row">
          <FormFieldTextbox
            label={t('privacy.audit.pupil')}
            description={t('privacy.audit.pupilHint')}
            name="pupil_id"
            value={value.pupil}
            onChange={(e) => set({ pupil: valueOf(e) })}
          />
          <FormFieldTextbox
            label={t('privacy.audit.actor')}
            description={t('privacy.audit.actorHint')}
            name="actor_user_id"
            value={value.actor}
            onChange={(e) => set({ actor: valueOf(e) })}
          />
        </div>
        <div className="samen-form__row">
          <FormFieldTextbox
            label={t('privacy.audit.from')}
            name="from"
            inputMode="numeric"
            value={value.from}
            onChange={(e) => set({ from: valueOf(e) })}
            invalid={Boolean(errors.from)}
            errorMessage={errors.from}
          />
          <FormFieldTextbox
            label={t('privacy.audit.until')}
            name="until"
            inputMode="numeric"
            value={value.until}
            onChange={(e) => set({ until: valueOf(e) })}
            invalid={Boolean(errors.until)}
            errorMessage={errors.until}
          />
        </div>
        <ChoiceItem
          type="checkbox"
          id="audit-denied"
          name="denied_only"
          value="true"
          label={t('privacy.audit.deniedOnly')}
          checked={value.denied}
          onChange={(denied) => set({ denied })}
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit">
            {t('privacy.audit.apply')}
          </Button>
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => {
              setValue({ pupil: '', actor: '', from: '', until: '', denied: false });
              onApply({ pupil: '', actor: '', from: '', until: '', denied: false });
            }}
          >
            {t('privacy.audit.clear')}
          </Button>
        </ButtonGroup>
      </Fieldset>
    </form>
  );
}

/** The one chronology item an audit entry is about (the first, for a listing), if any. */
function entryOf(e: Entry): string | null {
  if (e.resource_type !== 'entry' || !e.resource_id || !e.actor_user_id) return null;
  return e.resource_id.split(',')[0] || null;
}

function useRowText(organisations: Record<string, string>) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const known = (group: string, code: string) => t(`${group}.${code}`, { defaultValue: code });
  const denial = (code: string) => t(`privacy.reasons.${code}`, { defaultValue: known('denials', code) });
  return (e: Entry) => {
    const organisation = e.actor_organisation_id
      ? (organisations[e.actor_organisation_id] ?? t('privacy.audit.organisationUnknown', { id: e.actor_organisation_id }))
      : '';
    const who = e.actor_user_id ? t('privacy.audit.actorText', { user: e.actor_user_id }) : t('privacy.audit.actorUnknown');
    const role = e.actor_role ? t('privacy.audit.actorRole', { role: known('roles', e.actor_role), organisation }) : '';
    const resource = known('privacy.resources', e.resource_type);
    const what = t('privacy.audit.whatText', {
      action: known('privacy.actions', e.action),
      resource: e.resource_id ? t('privacy.audit.resourceText', { type: resource, id: e.resource_id.split(',').join(', ') }) : resource,
    });
    const basis = [
      e.reason && t('privacy.audit.rule', { rule: e.decision === 'deny' ? denial(e.reason) : e.reason }),
      e.legal_basis && t('privacy.audit.legalBasis', { basis: known('bases', e.legal_basis) }),
    ].filter(Boolean);
    return { when: formatDateTime(e.at, language), who, role, what, basis };
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filter = filterFrom(search);
  const organisations = useLoad(['organisations', 'list'], () => call(api.GET('/api/organisations')));
  const names = Object.fromEntries((organisations.data?.organisations ?? []).map((o) => [o.id, o.name]));
  const rowText = useRowText(names);
  const log = usePaged(['audit', search], (before?: number) => fetchPage(filter, before), (page: Page) => page.next_before_seq);
  const entries = log.pages.flatMap((p) => p.entries);

  return (
    <>
      <PageTitle>{t('privacy.audit.title')}</PageTitle>
      <Paragraph>{t('privacy.audit.intro')}</Paragraph>
      <Verification />
      <Filters key={search} filter={filter} onApply={(f) => navigate(paths.audit(f))} />
      <section aria-labelledby="audit-entries">
        <Heading2 id="audit-entries">{t('privacy.audit.entriesTitle')}</Heading2>
        <FormAlert title={t('errors.summaryTitle')} message={log.error} />
        {!log.loaded && !log.error && <Loading />}
        {log.loaded && entries.length === 0 && <Paragraph role="status">{t('privacy.audit.none')}</Paragraph>}
        {entries.length > 0 && (
          <SimpleTable
            caption={t('privacy.audit.caption')}
            headers={[
              t('privacy.audit.when'),
              t('privacy.audit.who'),
              t('privacy.audit.what'),
              t('privacy.audit.pupilColumn'),
              t('privacy.audit.decision'),
              t('privacy.audit.basis'),
              t('privacy.audit.explain'),
            ]}
            rows={entries.map((e) => {
              const text = rowText(e);
              const item = entryOf(e);
              return {
                key: String(e.seq),
                cells: [
                  text.when,
                  <>
                    {text.who}
                    {text.role && <br />}
                    {text.role}
                  </>,
                  text.what,
                  e.pupil_id ? <AppLink href={paths.audit({ ...filter, pupil: e.pupil_id })}>{e.pupil_id}</AppLink> : t('admin.none'),
                  e.decision === 'allow' ? t('privacy.audit.allowed') : <strong>{t('privacy.audit.denied')}</strong>,
                  text.basis.length ? text.basis.join('; ') : t('admin.none'),
                  item ? (
                    <AppLink href={paths.explain({ user: e.actor_user_id ?? '', entry: item, at: e.at })}>
                      {t('privacy.audit.explainLink', { id: item })}
                    </AppLink>
                  ) : (
                    t('admin.none')
                  ),
                ],
              };
            })}
          />
        )}
        {log.hasMore && (
          <Button appearance="secondary-action-button" type="button" onClick={() => void log.loadMore()} busy={log.busy} disabled={log.busy}>
            {t('privacy.audit.more')}
          </Button>
        )}
      </section>
    </>
  );
}
