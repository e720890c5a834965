// One user for the administrator: (de)activate with the version read, end a role (after
// a confirmation: an ended role cannot be given again; one that still holds work is handed
// over to a successor instead), add a role.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call, type Membership, type Role, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { Facts } from '../../components/Facts';
import { FormAlert, LoadFailed, Loading, Notice, PageTitle } from '../../components/common';
import { messageFor, useForm, useLoad } from '../../components/forms';
import { SimpleTable } from '../../components/SimpleTable';
import { paths } from '../../screens/routes';
import { ActivationButton } from './ActivationButton';
import { HandoverForm, type Holdings } from './HandoverForm';
import { MembershipFields, type MembershipChoice } from './MembershipFields';
import { loadOrganisations } from './OrganisationsPage';
import { loadUsers } from './UsersPage';

type User = Schemas['UserWithMemberships'];
const FIELDS = ['organisation_id', 'role'] as const;

function EndMembership({ membership, onEnded }: { membership: Membership; onEnded(successor?: string): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [holdings, setHoldings] = useState<Holdings>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const names = { role: t(`roles.${membership.role}`), organisation: membership.organisation_name };

  // A role that still holds work is ended by handing it over: ask the server first.
  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      const held = await call(api.GET('/api/memberships/{id}/handover', { params: { path: { id: membership.id } } }));
      if (held.needs_successor) setHoldings(held);
      else setConfirming(true);
    } catch (e) {
      setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }

  async function end() {
    setBusy(true);
    setError(undefined);
    try {
      await call(api.DELETE('/api/memberships/{id}', { params: { path: { id: membership.id } } }));
      onEnded();
    } catch (e) {
      setError(messageFor(t, e));
    } finally {
      setBusy(false);
    }
  }
  if (holdings) {
    return <HandoverForm membership={membership} holdings={holdings} onDone={onEnded} onCancel={() => setHoldings(undefined)} />;
  }
  if (!confirming) {
    return (
      <>
        <Button
          appearance="secondary-action-button"
          type="button"
          aria-label={t('admin.user.endLabel', names)}
          busy={busy}
          disabled={busy}
          onClick={() => void start()}
        >
          {t('admin.user.end')}
        </Button>
        {error && <span role="alert">{error}</span>}
      </>
    );
  }
  return (
    <div role="group" aria-label={t('admin.user.endLabel', names)} className="samen-row-action">
      <span>{t('admin.user.endConfirm')}</span>
      <ButtonGroup>
        <Button appearance="primary-action-button" type="button" busy={busy} disabled={busy} onClick={() => void end()}>
          {t('admin.user.endYes')}
        </Button>
        <Button appearance="subtle-button" type="button" onClick={() => setConfirming(false)}>
          {t('admin.user.endNo')}
        </Button>
      </ButtonGroup>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}

function AddMembership({ userId, onAdded }: { userId: string; onAdded(m: Membership): void }) {
  const { t } = useTranslation();
  const organisations = useLoad(['organisations', 'admin'], loadOrganisations);
  const [value, setValue] = useState<MembershipChoice>({ organisation_id: '', role: '' });
  const { formRef, busy, errors, submit } = useForm(FIELDS);

  function onSubmit(event: FormEvent) {
    const missing = {
      organisation_id: value.organisation_id ? undefined : t('admin.users.organisationRequired'),
      role: value.role ? undefined : t('admin.users.roleRequired'),
    };
    void submit(
      event,
      missing,
      async () => {
        const added = await call(
          api.POST('/api/users/{id}/memberships', {
            params: { path: { id: userId } },
            body: { organisation_id: value.organisation_id, role: value.role as Role },
          }),
        );
        setValue({ organisation_id: '', role: '' });
        onAdded(added);
      },
      (e) => (e instanceof ApiError && e.code === 'already_exists' ? t('admin.user.already') : undefined),
    );
  }
  return (
    <section aria-labelledby="membership-add">
      <Heading2 id="membership-add">{t('admin.user.addTitle')}</Heading2>
      <FormAlert title={t('admin.user.errorSummary')} message={errors.form ?? organisations.error} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="membership-add">
        <MembershipFields
          idPrefix="add-membership"
          organisations={organisations.data ?? []}
          value={value}
          onChange={setValue}
          errors={errors.fields}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('admin.user.adding') : t('admin.user.add')}
        </Button>
      </form>
    </section>
  );
}

export function UserPage({ id }: { id: string }) {
  const { t } = useTranslation();
  // There is no GET /api/users/{id}: the user comes from the region's list.
  const { data, error, reload: loadAgain } = useLoad(
    ['user', id],
    () => loadUsers().then((users) => users.find((u) => u.id === id) ?? Promise.reject(new ApiError(404, 'not_found', ''))),
    t('admin.user.notFound'),
  );
  const [changed, setChanged] = useState<User>();
  const [notice, setNotice] = useState<string>();
  const user = changed ?? data;

  function reload(message?: string) {
    setChanged(undefined);
    setNotice(message);
    void loadAgain();
  }
  const back = (
    <Paragraph>
      <AppLink href={paths.users}>{t('admin.user.back')}</AppLink>
    </Paragraph>
  );
  if (error) {
    return <LoadFailed message={error} before={back} />;
  }
  if (!user) return <Loading />;
  const status = (active: boolean) => (active ? t('admin.active') : t('admin.inactive'));
  // The server says whether this admin may change the user's access (never their own).
  const mayChange = user.may.change_access;

  return (
    <>
      {back}
      <PageTitle>{user.name}</PageTitle>
      <div aria-live="polite">{notice && <Notice type="ok">{notice}</Notice>}</div>
      <section aria-labelledby="user-data">
        <Heading2 id="user-data">{t('admin.user.data')}</Heading2>
        <Facts
          items={[
            [t('admin.users.email'), user.email],
            [t('admin.status'), status(user.active)],
          ]}
        />
        {!mayChange && <Paragraph>{t('admin.user.ownAccess')}</Paragraph>}
        {mayChange && <Paragraph>{t('admin.user.deactivateHint')}</Paragraph>}
        {mayChange && (
          <ActivationButton
            record={user}
            label={user.active ? t('admin.user.deactivate') : t('admin.user.activate')}
            text={user.active ? t('admin.user.deactivate') : t('admin.user.activate')}
            send={(active, version) => call(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: { active, version } }))}
            onChanged={(u) => {
              setChanged(u);
              setNotice(t('admin.user.changed', { name: u.name, status: status(u.active) }));
            }}
            onReload={() => reload()}
          />
        )}
      </section>
      <section aria-labelledby="user-memberships">
        <Heading2 id="user-memberships">{t('admin.user.membershipsTitle')}</Heading2>
        {user.memberships.length === 0 ? (
          <Paragraph>{t('admin.none')}</Paragraph>
        ) : (
          <SimpleTable
            caption={t('admin.user.membershipsCaption', { name: user.name })}
            headers={[t('admin.user.organisation'), t('admin.user.role'), t('admin.status'), t('admin.user.end')]}
            rows={user.memberships.map((m) => ({
              key: m.id,
              cells: [
                m.organisation_name,
                t(`roles.${m.role}`),
                status(m.active),
                m.active && mayChange ? (
                  <EndMembership
                    membership={m}
                    onEnded={(successor) => {
                      const names = { role: t(`roles.${m.role}`), organisation: m.organisation_name };
                      reload(successor ? t('admin.user.handedOver', { ...names, successor }) : t('admin.user.ended', names));
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
      {mayChange && (
        <AddMembership
          userId={user.id}
          onAdded={(m) => reload(t('admin.user.added', { role: t(`roles.${m.role}`), organisation: m.organisation_name }))}
        />
      )}
    </>
  );
}
