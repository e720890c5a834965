// The questions the team asks the family, in the family portal (issue 11: consent is given
// by the family itself): "De zorgcoördinator van Het Baken College vraagt of de gezinswerker
// van Buurtteam Lindeveld informatie over thuissituatie mag zien", with the team's own words,
// and "Ja, ik geef toestemming" / "Nee, liever niet" for each party this login may answer
// as (the server says who: `may.answer_as`, by the pupil's age). An agreed question becomes
// a consent the team sees at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { api, call } from '../../api/client';
import { formatDateLong } from '../../format/dates';
import { dutchToday } from '../../format/wgbo';
import { currentLanguage } from '../../i18n';
import { FormAlert, Notice } from '../../components/common';
import { useLoad } from '../../components/forms';
import { answerRequest, consentErrorText, type ConsentRequest, type Grant } from '../consent/consents';
import { joinWords, recipientWords, subjectWords, type Table } from './familyWords';

const longDate = (instant: string | null | undefined) => (instant ? formatDateLong(dutchToday(new Date(instant)), currentLanguage()) : '');

function RequestLine({
  request: r,
  self,
  table,
  onAnswered,
}: {
  request: ConsentRequest;
  self: boolean;
  table: Table;
  onAnswered(next: ConsentRequest, message: string): void;
}) {
  const { t } = useTranslation();
  const k = 'familyPortal.consents';
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  // The request's scope in the words the grants use.
  const asGrant = {
    recipients: { organisation_ids: r.recipients.organisations.map((o) => o.id), roles: r.recipients.roles },
    categories: r.categories,
  } as unknown as Grant;
  const known: Table = {
    organisations: new Map([...table.organisations, ...r.recipients.organisations.map((o) => [o.id, o.name] as const)]),
    roles: table.roles,
  };
  const who = recipientWords(t, asGrant, known, self);
  const what = subjectWords(t, asGrant);
  const until = r.valid_until ? t(`${k}.untilDate`, { date: longDate(r.valid_until) }) : t(`${k}.untilOpen`);
  const sender = r.sent_by.role
    ? t(`${k}.recorder`, { role: t(`roles.${r.sent_by.role}`), organisation: r.sent_by.organisation ?? '' })
    : t(`${k}.recorderUnknown`);
  const sentence = t(`${k}.request`, { sender: sender.charAt(0).toUpperCase() + sender.slice(1), who, what, until });
  const missing = joinWords(t, r.waiting_for.map((w) => (w === 'pupil' ? (self ? t(`${k}.you`) : t('consent.requests.waitingPupil')) : t(`${k}.aParent`))));

  async function answer(key: string, agree: boolean, by: ConsentRequest['may']['answer_as'][number]) {
    setBusy(key);
    setError(undefined);
    try {
      const next = await answerRequest(r, by.pupil ? { pupil: true } : { guardian_id: by.guardian_id ?? '' }, agree);
      onAnswered(next, t(agree ? `${k}.agreed` : `${k}.declined`));
    } catch (e) {
      setError(consentErrorText(t, e));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <article aria-label={sentence}>
      <Paragraph>{sentence}</Paragraph>
      <blockquote className="samen-quote">
        <Paragraph className="samen-prewrap">{r.text}</Paragraph>
      </blockquote>
      {r.may.answer_as.length === 0 && r.waiting_for.length > 0 && <Paragraph small>{t(`${k}.requestWaitingOther`, { missing })}</Paragraph>}
      <FormAlert title={t(`${k}.errorSummary`)} message={error} />
      {r.may.answer_as.map((by) => (
        <ButtonGroup key={by.pupil ? 'pupil' : by.guardian_id}>
          <Button appearance="primary-action-button" type="button" busy={busy === 'yes'} disabled={Boolean(busy)} onClick={() => void answer('yes', true, by)}>
            {busy === 'yes' ? t(`${k}.busy`) : t(`${k}.agree`)}
          </Button>
          <Button appearance="secondary-action-button" type="button" busy={busy === 'no'} disabled={Boolean(busy)} onClick={() => void answer('no', false, by)}>
            {busy === 'no' ? t(`${k}.busy`) : t(`${k}.decline`)}
          </Button>
        </ButtonGroup>
      ))}
    </article>
  );
}

export function FamilyConsentRequests({ pupilId, self, table, onGrant }: { pupilId: string; self: boolean; table: Table; onGrant(grantId: string): void }) {
  const { t } = useTranslation();
  const k = 'familyPortal.consents';
  const { data } = useLoad(['consent-requests', pupilId], () => call(api.GET('/api/pupils/{id}/consent-requests', { params: { path: { id: pupilId } } })));
  const [changed, setChanged] = useState<Record<string, ConsentRequest>>({});
  const [notice, setNotice] = useState<string>();
  const open = (data?.requests ?? []).map((r) => changed[r.id] ?? r).filter((r) => r.status === 'open' || changed[r.id]);
  if (!data || open.length === 0) return notice ? <Notice type="ok">{notice}</Notice> : null;
  return (
    <section aria-labelledby="family-requests">
      <Heading3 id="family-requests">{t(`${k}.requestsTitle`)}</Heading3>
      <Paragraph>{t(`${k}.requestsIntro`)}</Paragraph>
      {notice && (
        <div role="status">
          <Notice type="ok">{notice}</Notice>
        </div>
      )}
      <ul className="samen-cards">
        {open
          .filter((r) => r.status === 'open')
          .map((r) => (
            <li key={r.id} className="samen-card">
              <RequestLine
                request={r}
                self={self}
                table={table}
                onAnswered={(next, message) => {
                  setChanged((c) => ({ ...c, [next.id]: next }));
                  setNotice(message);
                  if (next.grant_id) onGrant(next.grant_id);
                }}
              />
            </li>
          ))}
      </ul>
    </section>
  );
}
