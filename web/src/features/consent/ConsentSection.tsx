// A pupil's consent grants for professionals (care coordinator, case lead, case team): the
// WGBO age band now and the coming birthday that changes it, every grant with its status,
// parties, recipients, subjects, period and text; signing for a party that is still missing
// and withdrawing (with a confirmation), both on the family's word; "Bevestigen" of a grant a
// colleague recorded to their own benefit (when the API says `may.confirm`); asking the
// family (ConsentRequests); and recording a new grant (ConsentForm) for those who may.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BadgeList,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { api, call, type Pupil, type Role } from '../../api/client';
import { ApiError } from '../../api/errors';
import { formatDate, formatInstantDate } from '../../format/dates';
import { bandOn } from '../../format/wgbo';
import { FormAlert, Loading, Notice } from '../../components/common';
import { Facts } from '../../components/Facts';
import { useLoad } from '../../components/forms';
import { RadioGroup } from '../../components/ChoiceGroup';
import { ConsentForm } from './ConsentForm';
import { ConsentRequests } from './ConsentRequests';
import './consent.css';
import {
  badgeFor,
  confirmGrant,
  consentErrorText,
  grantState,
  inForce,
  isConflict,
  partiesOf,
  partyKey,
  signers,
  signGrant,
  withdrawGrant,
  type Grant,
  type Guardian,
  type Party,
} from './consents';

export type OrganisationNames = ReadonlyMap<string, string>;

/** The band now and the birthday that changes it, for a pupil whose date of birth one sees. */
export function BandNotice({ pupil }: { pupil: Pupil | null }) {
  const { t } = useTranslation();
  const now = bandOn(pupil?.date_of_birth);
  if (!pupil || !now) return <Notice>{t('consent.band.unknown')}</Notice>;
  const name = pupil.given_name;
  return (
    <Notice>
      {t(`consent.band.${now.band}`, { name, age: now.age })}
      {now.next && (
        <>
          {' '}
          <strong>
            {t(now.next.age === 16 ? 'consent.band.next16' : 'consent.band.next12', { name, date: formatDate(now.next.date) })}
          </strong>{' '}
          {t('consent.band.nextEffect')}
        </>
      )}
    </Notice>
  );
}

export function partyLabel(t: TFunction, party: Party, pupil: Pupil | null, guardians: readonly Guardian[]) {
  if (party.pupil) return t('consent.grant.pupil', { name: pupil?.given_name ?? t('roles.pupil') });
  const g = guardians.find((x) => x.id === party.guardian_id);
  if (g) return t('consent.grant.guardian', { name: g.name, relation: g.relation });
  // Consent keeps naming who gave it, also once they left the record.
  const ended = pupil?.ended_guardians?.find((x) => x.id === party.guardian_id);
  return ended ? t('consent.grant.endedGuardian', { name: ended.name }) : t('consent.grant.unknownGuardian');
}

function recipientsText(t: TFunction, g: Grant, organisations: OrganisationNames) {
  return [
    ...(g.recipients.organisation_ids ?? []).map((id) => organisations.get(id) ?? t('consent.grant.unknownOrganisation', { id })),
    ...(g.recipients.roles ?? []).map((r) => t('consent.grant.roleAnywhere', { role: t(`roles.${r}`) })),
    ...(g.recipients.guardians ? [t('consent.grant.guardians')] : []),
  ].join(', ');
}

function GrantCard({
  grant: g,
  pupil,
  organisations,
  onChanged,
  onConflict,
}: {
  grant: Grant;
  pupil: Pupil | null;
  organisations: OrganisationNames;
  onChanged(grant: Grant, message: string): void;
  onConflict(message: string): void;
}) {
  const { t } = useTranslation();
  const guardians = pupil?.guardians ?? [];
  const state = grantState(g);
  const label = (p: Party) => partyLabel(t, p, pupil, guardians);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [withdrawing, setWithdrawing] = useState(false);
  const [by, setBy] = useState<string>('');
  const [byError, setByError] = useState<string>();
  const parties = partiesOf(g);
  const headingId = `grant-${g.id}`;

  async function act(key: string, run: () => Promise<Grant>, done: (grant: Grant) => string) {
    setBusy(key);
    setError(undefined);
    try {
      const grant = await run();
      setWithdrawing(false);
      onChanged(grant, done(grant));
    } catch (e) {
      const text = consentErrorText(t, e);
      if (isConflict(e)) onConflict(text);
      else setError(text);
    } finally {
      setBusy(undefined);
    }
  }

  function confirmWithdraw() {
    const party = parties.find((p) => partyKey(p) === by);
    if (!party) {
      setByError(t('consent.withdraw.byRequired'));
      return;
    }
    setByError(undefined);
    void act('withdraw', () => withdrawGrant(g, party), () => t('consent.withdraw.done'));
  }

  const missing = g.missing_parties
    .map((m) => (m === 'pupil' ? t('consent.grant.missingPupil', { name: pupil?.given_name ?? t('roles.pupil') }) : t('consent.grant.missingGuardian')))
    .join(t('consent.grant.and'));
  const until = g.valid_until ? formatInstantDate(g.valid_until) : '';
  return (
    <article aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {t('consent.grant.heading', { categories: g.categories.map((c) => t(`categories.${c}`)).join(', ') })}
      </Heading3>
      <BadgeList className="samen-badges">
        <StatusBadge status={badgeFor(state)}>{t(`consent.status.${state}`)}</StatusBadge>
      </BadgeList>
      {state === 'awaiting' && <Paragraph>{t('consent.grant.missing', { parties: missing })}</Paragraph>}
      {state === 'pending' && <Paragraph>{t('consent.pending.explain')}</Paragraph>}
      <Facts
        items={[
          [t('consent.grant.givenBy'), parties.map(label).join(', ')],
          [t('consent.grant.recipients'), recipientsText(t, g, organisations)],
          [t('consent.grant.categories'), g.categories.map((c) => t(`categories.${c}`)).join(', ')],
          [
            t('consent.grant.period'),
            until
              ? t('consent.grant.periodRange', { from: formatInstantDate(g.valid_from), until })
              : t('consent.grant.periodOpen', { from: formatInstantDate(g.valid_from) }),
          ],
          [t('consent.grant.recorded'), formatInstantDate(g.recorded_at)],
          Boolean(g.recorded_by?.role) && [
            t('consent.recordedBy'),
            [g.recorded_by?.name, t('consent.recordedByWho', { role: t(`roles.${g.recorded_by?.role as Role}`), organisation: g.recorded_by?.organisation ?? '' })]
              .filter(Boolean)
              .join(', '),
          ],
          [t('consent.obtained'), t(`consent.obtainedVia.${g.obtained_via ?? 'unknown'}`)],
          Boolean(g.confirmed_at) && [
            t('consent.confirmedAt'),
            t('consent.confirmedWhen', { when: formatInstantDate(g.confirmed_at), how: t(`consent.pending.confirmedBy.${g.confirmed_by ?? 'professional'}`) }),
          ],
          g.later_signatures.length > 0 && [
            t('consent.grant.later'),
            g.later_signatures
              .map((s) => t('consent.grant.signedAt', { who: label(s.pupil ? { pupil: true } : { guardian_id: s.guardian_id }), when: formatInstantDate(s.signed_at) }))
              .join('; '),
          ],
          Boolean(g.withdrawn_at) && [
            t('consent.grant.withdrawn'),
            t('consent.grant.withdrawnBy', {
              when: formatInstantDate(g.withdrawn_at),
              who: g.withdrawn_by ? label(g.withdrawn_by) : '',
            }),
          ],
        ]}
      />
      <Paragraph className="samen-quote-label">
        <strong>{t('consent.grant.text')}</strong>
      </Paragraph>
      <blockquote className="samen-quote">
        <Paragraph className="samen-prewrap">{g.text}</Paragraph>
      </blockquote>
      <FormAlert title={t('consent.withdraw.errorSummary')} message={error} />
      {inForce(g) && !withdrawing && (
        <ButtonGroup>
          {g.may?.confirm && (
            <Button
              appearance="primary-action-button"
              type="button"
              busy={busy === 'confirm'}
              disabled={Boolean(busy)}
              onClick={() => void act('confirm', () => confirmGrant(g), () => t('consent.pending.confirmed'))}
            >
              {busy === 'confirm' ? t('consent.pending.confirmBusy') : t('consent.pending.confirm')}
            </Button>
          )}
          {signers(g, guardians).map((p) => (
            <Button
              key={partyKey(p)}
              appearance="primary-action-button"
              type="button"
              busy={busy === partyKey(p)}
              disabled={Boolean(busy)}
              onClick={() =>
                void act(partyKey(p), () => signGrant(g, p), () => t('consent.sign.done', { who: label(p) }))
              }
            >
              {busy === partyKey(p) ? t('consent.sign.busy') : t('consent.sign.button', { who: label(p) })}
            </Button>
          ))}
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={Boolean(busy)}
            onClick={() => {
              setWithdrawing(true);
              setBy(parties.length === 1 ? partyKey(parties[0]!) : '');
            }}
          >
            {t('consent.withdraw.button')}
          </Button>
        </ButtonGroup>
      )}
      {withdrawing && (
        <div className="samen-confirm" role="group" aria-labelledby={`${headingId}-withdraw`}>
          <Heading3 id={`${headingId}-withdraw`}>{t('consent.withdraw.title')}</Heading3>
          <Paragraph>{t('consent.withdraw.explain')}</Paragraph>
          <RadioGroup
            legend={t('consent.withdraw.by')}
            name={`withdraw-by-${g.id}`}
            choices={parties.map((p) => ({ value: partyKey(p), label: label(p) }))}
            value={by}
            onChange={setBy}
            error={byError}
          />
          <Paragraph small>{t('consent.withdraw.byHint')}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="button" busy={busy === 'withdraw'} disabled={Boolean(busy)} onClick={confirmWithdraw}>
              {busy === 'withdraw' ? t('consent.withdraw.busy') : t('consent.withdraw.confirm')}
            </Button>
            <Button appearance="secondary-action-button" type="button" disabled={Boolean(busy)} onClick={() => setWithdrawing(false)}>
              {t('consent.withdraw.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      )}
    </article>
  );
}

interface Loaded {
  /** False when the server answers that there is nothing here for the viewer (404). */
  readable: boolean;
  grants: Grant[];
  /** The server's word: the viewer records a grant on the family's word. */
  record: boolean;
  organisations: Map<string, string>;
}

async function loadGrants(pupilId: string): Promise<Loaded> {
  const [list, orgs] = await Promise.all([
    call(api.GET('/api/pupils/{id}/consents', { params: { path: { id: pupilId } } })).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'not_found') return null;
      throw e;
    }),
    call(api.GET('/api/organisations')).catch(() => ({ organisations: [] })),
  ]);
  return {
    readable: list !== null,
    grants: list?.consents ?? [],
    record: list?.may.record ?? false,
    organisations: new Map(orgs.organisations.map((o) => [o.id, o.name])),
  };
}

/**
 * The consents of a pupil. `pupil` is the record as the viewer may see it (null when they
 * may not read it): without a date of birth and guardians a grant cannot be recorded here.
 * `optional`: a part of another page, left out when the viewer may not read the consents.
 */
export function ConsentSection({ pupilId, pupil, optional = false }: { pupilId: string; pupil: Pupil | null; optional?: boolean }) {
  const { t } = useTranslation();
  const { data, error, reload: loadAgain } = useLoad(['consents', pupilId], () => loadGrants(pupilId), t('consent.notFound'));
  const [changed, setChanged] = useState<Record<string, Grant>>({});
  const [added, setAdded] = useState<Grant[]>([]);
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string }>();
  const [recording, setRecording] = useState(false);
  const full = Boolean(pupil?.date_of_birth && pupil.guardians);

  function reload() {
    setChanged({});
    setAdded([]);
    setNotice(undefined);
    void loadAgain();
  }

  if (optional && data && !data.readable) return null;
  const canRecord = Boolean(data?.record);
  const grants = data ? [...data.grants, ...added.filter((a) => !data.grants.some((g) => g.id === a.id))].map((g) => changed[g.id] ?? g) : [];
  return (
    <section aria-labelledby="consents">
      <Heading2 id="consents">{t('consent.section')}</Heading2>
      <Paragraph>{t('consent.intro')}</Paragraph>
      <BandNotice pupil={pupil} />
      {notice && (
        <div role="status">
          <Notice type={notice.type}>
            {notice.text}{' '}
            {notice.type === 'error' && (
              <Button appearance="secondary-action-button" type="button" onClick={reload}>
                {t('consent.reload')}
              </Button>
            )}
          </Notice>
        </div>
      )}
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!data && !error && <Loading />}
      {data && !data.readable && <Paragraph>{t('consent.notFound')}</Paragraph>}
      {data?.readable && grants.length === 0 && <Paragraph>{t('consent.none')}</Paragraph>}
      {data && grants.length > 0 && (
        <ol className="samen-cards" aria-label={t('consent.list')}>
          {grants.map((g) => (
            <li key={g.id} className="samen-card">
              <GrantCard
                grant={g}
                pupil={pupil}
                organisations={data.organisations}
                onChanged={(grant, text) => {
                  setChanged((c) => ({ ...c, [grant.id]: grant }));
                  setNotice({ type: 'ok', text });
                }}
                onConflict={(text) => setNotice({ type: 'error', text: `${t('consent.conflict')} ${text}` })}
              />
            </li>
          ))}
        </ol>
      )}
      {data?.readable && <ConsentRequests pupilId={pupilId} pupil={pupil} organisations={data.organisations} />}
      {data && canRecord && !full && <Paragraph>{t('consent.form.noRecord')}</Paragraph>}
      {data && canRecord && full && pupil && !recording && (
        <Button appearance="secondary-action-button" type="button" onClick={() => setRecording(true)}>
          {t('consent.form.open')}
        </Button>
      )}
      {data && canRecord && full && pupil && recording && (
        <ConsentForm
          pupil={pupil}
          organisations={data.organisations}
          onCancel={() => setRecording(false)}
          onSaved={(grant) => {
            setAdded((a) => [...a, grant]);
            setRecording(false);
            setNotice({ type: 'ok', text: grant.missing_parties.length ? t('consent.form.savedAwaiting') : t('consent.form.saved') });
          }}
        />
      )}
    </section>
  );
}
