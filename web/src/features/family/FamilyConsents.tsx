// The family's consents in plain language: "Je hebt toestemming gegeven dat de gezinswerker
// van Buurtteam Lindeveld informatie over thuissituatie mag zien, tot 1 juni 2027", with
// "Ik geef toestemming" for a grant that waits for this family member's signature and
// "Toestemming intrekken" (after a confirmation that says what happens) for their own. Every
// grant recorded for the family is shown, also one that awaits confirmation because the
// professional who recorded it benefits from it (with who recorded it and how; the family
// confirms it by signing), and the open questions of the team (FamilyConsentRequests).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, call, type Pupil } from '../../api/client';
import { formatDate, formatDateLong } from '../../format/dates';
import { bandOn, dutchToday } from '../../format/wgbo';
import { currentLanguage } from '../../i18n';
import { FormAlert, Notice } from '../../components/common';
import { SelectField } from '../../components/SelectField';
import { consentErrorText, grantState, inForce, isParty, signGrant, withdrawGrant, type Grant, type Party } from '../consent/consents';
import { myParty, recipientWords, subjectWords, joinWords, type Table } from './familyWords';
import { FamilyConsentForm } from './FamilyConsentForm';
import { FamilyConsentRequests } from './FamilyConsentRequests';
import '../consent/consent.css';

const longDate = (instant: string | null | undefined) => (instant ? formatDateLong(dutchToday(new Date(instant)), currentLanguage()) : '');

function BandLine({ pupil, self }: { pupil: Pupil; self: boolean }) {
  const { t } = useTranslation();
  const now = bandOn(pupil.date_of_birth);
  if (!now) return null;
  const k = 'familyPortal.consents';
  const name = pupil.given_name;
  const line =
    now.band === 'guardian'
      ? t(`${k}.bandGuardian`, { name })
      : now.band === 'guardian_and_pupil'
        ? t(self ? `${k}.bandSelfBoth` : `${k}.bandBoth`, { name, age: now.age })
        : t(self ? `${k}.bandSelfPupil` : `${k}.bandPupil`, { name, age: now.age });
  const next = now.next
    ? t(now.next.age === 16 ? (self ? `${k}.next16Self` : `${k}.next16`) : `${k}.next12`, { name, date: formatDate(now.next.date) })
    : '';
  return (
    <Paragraph>
      {line} {next && <strong>{next}</strong>}
    </Paragraph>
  );
}

function GrantLine({
  grant: g,
  pupil,
  self,
  me,
  table,
  onChanged,
}: {
  grant: Grant;
  pupil: Pupil;
  self: boolean;
  me: Party | null;
  table: Table;
  onChanged(grant: Grant, message: string): void;
}) {
  const { t } = useTranslation();
  const k = 'familyPortal.consents';
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const who = recipientWords(t, g, table, self);
  const what = subjectWords(t, g);
  const until = g.valid_until ? t(`${k}.untilDate`, { date: longDate(g.valid_until) }) : t(`${k}.untilOpen`);
  const state = grantState(g);
  const mine = me !== null && isParty(g, me);
  const missingMe =
    state === 'awaiting' && me !== null && !mine && g.missing_parties.includes(me.pupil ? 'pupil' : 'guardian');
  const givers = [
    ...(g.given_by.guardian_ids ?? []).map((id) => {
      const current = pupil.guardians?.find((x) => x.id === id);
      if (current) return current.name;
      // Consent keeps naming who gave it, also once they left the record.
      const ended = pupil.ended_guardians?.find((x) => x.id === id);
      return ended ? t('consent.grant.endedGuardian', { name: ended.name }) : t(`${k}.aParent`);
    }),
    ...(g.given_by.pupil ? [self ? t(`${k}.you`) : pupil.given_name] : []),
  ];
  const missing = joinWords(
    t,
    g.missing_parties.map((m) => (m === 'pupil' ? (self ? t(`${k}.you`) : pupil.given_name) : t(`${k}.aParent`))),
  );
  const recorder = g.recorded_by?.role
    ? t(`${k}.recorder`, { role: t(`roles.${g.recorded_by.role}`), organisation: g.recorded_by.organisation ?? '' })
    : t(`${k}.recorderUnknown`);
  const via = t(`${k}.via.${g.obtained_via ?? 'unknown'}`);
  const signedByMe =
    me !== null && (g.family_confirmations ?? []).some((s) => (me.pupil ? s.pupil : s.guardian_id === me.guardian_id));
  const sentence =
    state === 'pending'
      ? t(`${k}.pending`, { recorder: recorder.charAt(0).toUpperCase() + recorder.slice(1), via, who, what, until })
      : state === 'withdrawn'
      ? t(`${k}.withdrawn`, { date: longDate(g.withdrawn_at), who, what })
      : state === 'expired'
        ? t(`${k}.expired`, { date: longDate(g.valid_until), who, what })
        : state === 'awaiting'
          ? t(missingMe ? `${k}.awaitingYou` : `${k}.awaitingOther`, { who, what, until, missing })
          : state === 'future'
            ? t(`${k}.future`, { from: longDate(g.valid_from), who, what, until })
            : mine
              ? t(`${k}.mine`, { who, what, until })
              : t(`${k}.others`, { by: joinWords(t, givers), who, what, until });

  async function act(run: () => Promise<Grant>, message: string) {
    setBusy(true);
    setError(undefined);
    try {
      const grant = await run();
      setConfirming(false);
      onChanged(grant, message);
    } catch (e) {
      setError(consentErrorText(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article aria-label={sentence}>
      <Paragraph>{sentence}</Paragraph>
      {state !== 'pending' && g.obtained_via && g.obtained_via !== 'portal' && (
        <Paragraph small>{t(`${k}.recordedBy`, { recorder, via })}</Paragraph>
      )}
      <details className="samen-why">
        <summary>{t(`${k}.text`)}</summary>
        <blockquote className="samen-quote">
          <Paragraph className="samen-prewrap">{g.text}</Paragraph>
        </blockquote>
      </details>
      <FormAlert title={t(`${k}.errorSummary`)} message={error} />
      {state === 'pending' && me && signedByMe && <Paragraph small>{t(`${k}.pendingSigned`)}</Paragraph>}
      {state === 'pending' && me && !signedByMe && (
        <Button appearance="primary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void act(() => signGrant(g, me), t(`${k}.given`, { who }))}>
          {busy ? t(`${k}.busy`) : t(`${k}.pendingSign`)}
        </Button>
      )}
      {missingMe && me && (
        <>
          <Paragraph small>{t(`${k}.giveExplain`, { who, what })}</Paragraph>
          <Button appearance="primary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void act(() => signGrant(g, me), t(`${k}.given`, { who }))}>
            {busy ? t(`${k}.busy`) : t(`${k}.give`)}
          </Button>
        </>
      )}
      {mine && me && inForce(g) && !confirming && (
        <Button appearance="secondary-action-button" type="button" onClick={() => setConfirming(true)}>
          {t(`${k}.withdraw`)}
        </Button>
      )}
      {confirming && me && (
        <div className="samen-confirm" role="group" aria-labelledby={`withdraw-${g.id}`}>
          <Heading3 id={`withdraw-${g.id}`}>{t(`${k}.withdrawTitle`)}</Heading3>
          <Paragraph>{t(`${k}.withdrawExplain`, { who, what })}</Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void act(() => withdrawGrant(g, me), t(`${k}.withdrawn_done`, { who }))}>
              {busy ? t(`${k}.busy`) : t(`${k}.withdrawConfirm`)}
            </Button>
            <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t(`${k}.withdrawCancel`)}
            </Button>
          </ButtonGroup>
        </div>
      )}
    </article>
  );
}

export function FamilyConsents({
  pupil,
  self,
  guardianId,
  grants,
  table,
  caseIds,
}: {
  pupil: Pupil;
  self: boolean;
  guardianId: string | null;
  grants: Grant[];
  table: Table;
  caseIds: boolean;
}) {
  const { t } = useTranslation();
  const k = 'familyPortal.consents';
  const [chosen, setChosen] = useState<string>('');
  const [changed, setChanged] = useState<Record<string, Grant>>({});
  const [added, setAdded] = useState<Grant[]>([]);
  const [notice, setNotice] = useState<string>();
  const guardianOf = guardianId ?? (chosen || null);
  const me = myParty(self, guardianOf);
  const list = [...grants, ...added].map((g) => changed[g.id] ?? g);
  const authority = (pupil.guardians ?? []).filter((g) => g.parental_authority);
  return (
    <section aria-labelledby="family-consents">
      <Heading2 id="family-consents">{t(`${k}.title`)}</Heading2>
      <Paragraph>{t(`${k}.intro`)}</Paragraph>
      <BandLine pupil={pupil} self={self} />
      {!self && !guardianId && authority.length > 1 && (
        <>
          <SelectField
            id="who-am-i"
            label={t(`${k}.whoAmI`)}
            value={chosen}
            emptyLabel=""
            options={authority.map((g) => ({ value: g.id, label: g.name }))}
            onChange={setChosen}
          />
          <Paragraph small>{t(`${k}.whoAmIHint`)}</Paragraph>
        </>
      )}
      {notice && (
        <div role="status">
          <Notice type="ok">{notice}</Notice>
        </div>
      )}
      <FamilyConsentRequests
        pupilId={pupil.id}
        self={self}
        table={table}
        onGrant={(id) => {
          void call(api.GET('/api/consents/{id}', { params: { path: { id } } })).then((grant) => setAdded((a) => [...a, grant]));
        }}
      />
      {list.length === 0 ? (
        <Paragraph>{t(`${k}.none`)}</Paragraph>
      ) : (
        <ul className="samen-cards">
          {list.map((g) => (
            <li key={g.id} className="samen-card">
              <GrantLine
                grant={g}
                pupil={pupil}
                self={self}
                me={me}
                table={table}
                onChanged={(grant, message) => {
                  setChanged((c) => ({ ...c, [grant.id]: grant }));
                  setNotice(message);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {me && caseIds && (
        <FamilyConsentForm
          pupil={pupil}
          me={me}
          table={table}
          onSaved={(grant, message) => {
            setAdded((a) => [...a, grant]);
            setNotice(message);
          }}
        />
      )}
    </section>
  );
}
