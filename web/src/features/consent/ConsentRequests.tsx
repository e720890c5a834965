// Asking the family for consent, the normal way (issue 11): the questions sent to the family
// of a pupil with their state (waiting for whom, agreed, declined, withdrawn), "Vraag
// intrekken" for the sender while open, and "Toestemming vragen aan het gezin": recipients
// (organisations, professions), subjects, period and a text in plain Dutch that the family
// reads in the portal. The server decides who may send and answers 404 for whoever may not
// read the pupil's consents; the list then stays away.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeList, Button, ButtonGroup, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { api, call, type Category, type Pupil, type Role } from '../../api/client';
import { formatDate, formatInstantDate } from '../../format/dates';
import { parseDutchDate } from '../../format/dateInput';
import { dutchToday } from '../../format/wgbo';
import { CheckboxGroup } from '../../components/ChoiceGroup';
import { FormAlert, Notice } from '../../components/common';
import { Facts } from '../../components/Facts';
import { useForm, useLoad, type FieldErrors } from '../../components/forms';
import { consentErrorText, withdrawRequest, type ConsentRequest } from './consents';
import type { OrganisationNames } from './ConsentSection';
import { useMeta } from '../../api/meta';
import { TextField } from '../../components/TextField';
import { TextAreaField } from '../../components/TextAreaField';

const FIELDS = ['recipients', 'categories', 'valid_from', 'valid_until', 'text'] as const;

function RequestForm({
  pupil,
  pupilId,
  organisations,
  onSent,
  onCancel,
}: {
  pupil: Pupil | null;
  pupilId: string;
  organisations: OrganisationNames;
  onSent(request: ConsentRequest): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  const k = 'consent.requests';
  const [orgs, setOrgs] = useState<string[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [from, setFrom] = useState(formatDate(dutchToday()));
  const [until, setUntil] = useState('');
  const [text, setText] = useState('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const orgChoices = [...organisations.entries()]
    .filter(([id]) => id !== pupil?.school_id)
    .map(([id, label]) => ({ value: id, label }))
    .sort((a, b) => a.label.localeCompare(b.label));

  function check(): FieldErrors {
    const start = parseDutchDate(from);
    const end = parseDutchDate(until);
    return {
      recipients: orgs.length || roles.length ? undefined : t(`${k}.recipientsRequired`),
      categories: categories.length ? undefined : t('consent.form.categoriesRequired'),
      valid_from: start === null ? t('consent.form.dateInvalid') : start ? undefined : t('consent.form.fromRequired'),
      valid_until: end === null ? t('consent.form.dateInvalid') : end && start && end <= start ? t('consent.form.untilAfter') : undefined,
      text: text.trim() ? undefined : t(`${k}.textRequired`),
    };
  }

  function onSubmit(event: FormEvent) {
    void submit(event, check(), async () => {
      const request = await call(
        api.POST('/api/pupils/{id}/consent-requests', {
          params: { path: { id: pupilId } },
          body: {
            recipients: { organisation_ids: orgs, roles },
            categories,
            valid_from: parseDutchDate(from) ?? '',
            valid_until: parseDutchDate(until) || undefined,
            text: text.trim(),
          },
        }),
      );
      onSent(request);
    });
  }

  return (
    <div className="samen-subform">
      <Heading3 id="request-form">{t(`${k}.title`)}</Heading3>
      <Paragraph>{t(`${k}.intro`)}</Paragraph>
      <FormAlert title={t(`${k}.errorSummary`)} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="request-form">
        <CheckboxGroup legend={t('consent.form.organisations')} name="request_organisations" choices={orgChoices} selected={orgs} onChange={setOrgs} error={errors.fields.recipients} />
        <CheckboxGroup
          legend={t('consent.form.roles')}
          name="request_roles"
          choices={meta.case_roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          selected={roles}
          onChange={setRoles}
        />
        <CheckboxGroup
          legend={t('consent.form.categories')}
          name="request_categories"
          choices={meta.categories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
          selected={categories}
          onChange={setCategories}
          error={errors.fields.categories}
        />
        <TextField
          label={t('consent.form.from')}
          description={t('consent.form.dateHint')}
          name="valid_from"
          autoComplete="off"
          value={from}
          onValue={setFrom}
          error={errors.fields.valid_from}
        />
        <TextField
          label={t('consent.form.until')}
          description={t('consent.form.untilHint')}
          name="valid_until"
          autoComplete="off"
          value={until}
          onValue={setUntil}
          error={errors.fields.valid_until}
        />
        <TextAreaField
          label={t(`${k}.text`)}
          description={t(`${k}.textHint`)}
          name="text"
          rows={3}
          maxLength={4000}
          value={text}
          onValue={setText}
          error={errors.fields.text}
        />
        <ButtonGroup>
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {busy ? t(`${k}.busy`) : t(`${k}.submit`)}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onCancel} disabled={busy}>
            {t(`${k}.cancel`)}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function RequestCard({ request: r, onChanged }: { request: ConsentRequest; onChanged(r: ConsentRequest, message: string): void }) {
  const { t } = useTranslation();
  const k = 'consent.requests';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const headingId = `request-${r.id}`;
  const recipients = [
    ...r.recipients.organisations.map((o) => o.name),
    ...r.recipients.roles.map((role) => t('consent.grant.roleAnywhere', { role: t(`roles.${role}`) })),
  ].join(', ');
  const waiting = r.waiting_for.map((w) => t(w === 'pupil' ? `${k}.waitingPupil` : `${k}.waitingGuardian`)).join(t('consent.grant.and'));
  async function withdraw() {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await withdrawRequest(r), t(`${k}.withdrawn`));
    } catch (e) {
      setError(consentErrorText(t, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <article aria-labelledby={headingId}>
      <Heading3 id={headingId}>{t(`${k}.heading`, { categories: r.categories.map((c) => t(`categories.${c}`)).join(', ') })}</Heading3>
      <BadgeList className="samen-badges">
        <StatusBadge status={r.status === 'agreed' ? 'active' : 'neutral'}>{t(`${k}.status.${r.status}`)}</StatusBadge>
      </BadgeList>
      {r.status === 'open' && waiting && <Paragraph>{t(`${k}.waiting`, { parties: waiting })}</Paragraph>}
      <Facts
        items={[
          [t('consent.grant.recipients'), recipients],
          [t('consent.grant.period'), r.valid_until ? t('consent.grant.periodRange', { from: formatInstantDate(r.valid_from), until: formatInstantDate(r.valid_until) }) : t('consent.grant.periodOpen', { from: formatInstantDate(r.valid_from) })],
          [t(`${k}.sentBy`), [r.sent_by.name, r.sent_by.role ? t(`roles.${r.sent_by.role}`) : '', formatInstantDate(r.sent_at)].filter(Boolean).join(', ')],
        ]}
      />
      <Paragraph className="samen-quote-label">
        <strong>{t(`${k}.text`)}</strong>
      </Paragraph>
      <blockquote className="samen-quote">
        <Paragraph className="samen-prewrap">{r.text}</Paragraph>
      </blockquote>
      <FormAlert title={t('consent.withdraw.errorSummary')} message={error} />
      {r.may.withdraw && (
        <Button appearance="secondary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void withdraw()}>
          {t(`${k}.withdraw`)}
        </Button>
      )}
    </article>
  );
}

export function ConsentRequests({ pupilId, pupil, organisations }: { pupilId: string; pupil: Pupil | null; organisations: OrganisationNames }) {
  const { t } = useTranslation();
  const k = 'consent.requests';
  const { data } = useLoad(['consent-requests', pupilId], () => call(api.GET('/api/pupils/{id}/consent-requests', { params: { path: { id: pupilId } } })), t('consent.notFound'));
  const [changed, setChanged] = useState<Record<string, ConsentRequest>>({});
  const [added, setAdded] = useState<ConsentRequest[]>([]);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string>();
  if (!data) return null;
  const list = [...data.requests, ...added].map((r) => changed[r.id] ?? r);
  return (
    <section aria-labelledby="consent-requests">
      <Heading3 id="consent-requests">{t(`${k}.list`)}</Heading3>
      {notice && (
        <div role="status">
          <Notice type="ok">{notice}</Notice>
        </div>
      )}
      {list.length === 0 ? (
        <Paragraph>{t(`${k}.none`)}</Paragraph>
      ) : (
        <ol className="samen-cards" aria-label={t(`${k}.list`)}>
          {list.map((r) => (
            <li key={r.id} className="samen-card">
              <RequestCard
                request={r}
                onChanged={(next, message) => {
                  setChanged((c) => ({ ...c, [next.id]: next }));
                  setNotice(message);
                }}
              />
            </li>
          ))}
        </ol>
      )}
      {!asking && (
        <Button appearance="secondary-action-button" type="button" onClick={() => setAsking(true)}>
          {t(`${k}.open`)}
        </Button>
      )}
      {asking && (
        <RequestForm
          pupil={pupil}
          pupilId={pupilId}
          organisations={organisations}
          onCancel={() => setAsking(false)}
          onSent={(request) => {
            setAdded((a) => [...a, request]);
            setAsking(false);
            setNotice(t(`${k}.sent`));
          }}
        />
      )}
    </section>
  );
}
