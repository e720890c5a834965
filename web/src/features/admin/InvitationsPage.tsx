// Family logins of one pupil, for the administrator or care coordinator of the school:
// invite a guardian with parental authority or the pupil (the one-time link is shown once,
// to be sent by the school), the invitations made so far with their status, revoking an
// open one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormFieldTextbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call, type Pupil, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { RadioGroup } from '../../components/ChoiceGroup';
import { FormAlert, LoadFailed, Loading, Notice, PageTitle } from '../../components/common';
import { messageFor, useForm, useLoad } from '../../components/forms';
import { SimpleTable } from '../../components/SimpleTable';
import { currentLanguage } from '../../i18n';
import { formatDateTime, formatInstantDate } from '../../format/dates';
import { pupilName } from '../../format/names';
import { paths } from '../../screens/routes';
import { TextField } from '../../components/TextField';

type Invitation = Schemas['InvitationRecord'];
type Created = Schemas['Invitation'] & { email: string };
const FIELDS = ['guardian_id', 'pupil', 'email'] as const;
const PUPIL_CHOICE = 'pupil';

/** The address an invited person opens: the app's acceptance page for the token. */
export const invitationLink = (token: string) => `${location.origin}${paths.acceptInvitation(token)}`;

function InviteForm({ pupil, onCreated }: { pupil: Pupil; onCreated(created: Created): void }) {
  const { t } = useTranslation();
  const guardians = (pupil.guardians ?? []).filter((g) => g.parental_authority);
  const [who, setWho] = useState('');
  const [email, setEmail] = useState('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);
  const name = pupilName(pupil);

  function choose(value: string) {
    setWho(value);
    const guardian = guardians.find((g) => g.id === value);
    setEmail(guardian?.email ?? '');
  }
  function onSubmit(event: FormEvent) {
    const missing = {
      guardian_id: who ? undefined : t('admin.invitations.whoRequired'),
      email: email.trim() ? undefined : t('admin.invitations.emailRequired'),
    };
    void submit(
      event,
      missing,
      async () => {
        const body = who === PUPIL_CHOICE ? { pupil: true as const, email: email.trim() } : { guardian_id: who, email: email.trim() };
        const created = await call(api.POST('/api/pupils/{id}/invitations', { params: { path: { id: pupil.id } }, body }));
        setWho('');
        setEmail('');
        onCreated({ ...created, email: email.trim().toLowerCase() });
      },
      (e) => (e instanceof ApiError && e.code === 'already_linked' ? t('admin.invitations.alreadyLinked') : undefined),
    );
  }
  const whoError = errors.fields.guardian_id ?? errors.fields.pupil;
  return (
    <section aria-labelledby="invite">
      <Heading2 id="invite">{t('admin.invitations.inviteTitle')}</Heading2>
      <FormAlert title={t('admin.invitations.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="invite">
        <RadioGroup
          legend={t('admin.invitations.who')}
          name="who"
          value={who}
          onChange={choose}
          error={whoError}
          choices={[
            ...guardians.map((g) => ({ value: g.id, label: t('admin.invitations.guardian', { name: g.name, relation: g.relation }) })),
            { value: PUPIL_CHOICE, label: t('admin.invitations.pupil', { name }) },
          ]}
        />
        <TextField
          label={t('admin.invitations.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onValue={setEmail}
          error={errors.fields.email}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('admin.invitations.busy') : t('admin.invitations.submit')}
        </Button>
      </form>
    </section>
  );
}

function RevokeButton({ invitation, onDone }: { invitation: Invitation; onDone(message: string): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function revoke() {
    setBusy(true);
    setError(undefined);
    try {
      await call(api.POST('/api/invitations/{id}/revoke', { params: { path: { id: invitation.id } } }));
      onDone(t('admin.invitations.revoked', { email: invitation.email }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'already_revoked') onDone(t('admin.invitations.alreadyRevoked'));
      else if (e instanceof ApiError && e.code === 'already_accepted') onDone(t('admin.invitations.alreadyAccepted'));
      else setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="samen-row-action">
      <Button
        appearance="secondary-action-button"
        type="button"
        aria-label={t('admin.invitations.revokeLabel', { email: invitation.email })}
        busy={busy}
        disabled={busy}
        onClick={() => void revoke()}
      >
        {t('admin.invitations.revoke')}
      </Button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}

async function loadInvitations(id: string) {
  const [pupil, list] = await Promise.all([
    call(api.GET('/api/pupils/{id}', { params: { path: { id } } })),
    call(api.GET('/api/pupils/{id}/invitations', { params: { path: { id } } })),
  ]);
  return { pupil, invitations: list.invitations };
}

export function InvitationsPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(['invitations', id], () => loadInvitations(id), t('admin.invitations.notFound'));
  const [created, setCreated] = useState<Created>();
  const [notice, setNotice] = useState<string>();
  const language = currentLanguage();

  if (error) {
    return <LoadFailed message={error} />;
  }
  if (!data) return <Loading />;
  const { pupil, invitations } = data;
  const name = pupilName(pupil);
  const guardianName = (guardianId: string | null) =>
    pupil.guardians?.find((g) => g.id === guardianId)?.name ?? t('admin.invitations.forGuardian', { id: guardianId });

  return (
    <>
      <Paragraph>
        <AppLink href={paths.pupil(pupil.id)}>{t('admin.invitations.back', { name })}</AppLink>
      </Paragraph>
      <PageTitle>{t('admin.invitations.title', { name })}</PageTitle>
      <Paragraph>{t('admin.invitations.intro')}</Paragraph>
      <div aria-live="polite">
        {created && (
          <Notice type="ok">
            {t(created.emailed ? 'admin.invitations.emailed' : 'admin.invitations.created', {
              email: created.email,
              expires: formatDateTime(created.expires_at, language),
            })}
          </Notice>
        )}
        {notice && <Notice type="ok">{notice}</Notice>}
      </div>
      {created && (
        <FormFieldTextbox
          className="samen-wide-field"
          label={t('admin.invitations.linkLabel')}
          name="invitation_link"
          readOnly
          value={invitationLink(created.token)}
          onFocus={(e) => (e.target as HTMLInputElement).select()}
        />
      )}
      <InviteForm
        pupil={pupil}
        onCreated={(c) => {
          setCreated(c);
          setNotice(undefined);
          void reload();
        }}
      />
      <section aria-labelledby="invitations">
        <Heading2 id="invitations">{t('admin.invitations.listTitle')}</Heading2>
        {invitations.length === 0 ? (
          <Paragraph>{t('admin.invitations.none')}</Paragraph>
        ) : (
          <SimpleTable
            caption={t('admin.invitations.caption', { name })}
            headers={[
              t('admin.invitations.forWhom'),
              t('admin.invitations.email'),
              t('admin.invitations.status'),
              t('admin.invitations.made'),
              t('admin.invitations.expires'),
              t('admin.invitations.actions'),
            ]}
            rows={[...invitations].reverse().map((inv) => ({
              key: inv.id,
              cells: [
                inv.pupil ? t('admin.invitations.forPupil') : guardianName(inv.guardian_id),
                inv.email,
                t(`admin.invitations.statuses.${inv.status}`),
                formatInstantDate(inv.created_at),
                formatInstantDate(inv.expires_at),
                inv.status === 'pending' ? (
                  <RevokeButton
                    invitation={inv}
                    onDone={(message) => {
                      setCreated(undefined);
                      setNotice(message);
                      void reload();
                    }}
                  />
                ) : (
                  t('admin.none')
                ),
              ],
            }))}
          />
        )}
      </section>
    </>
  );
}
