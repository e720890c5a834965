// The region's users for its administrator: search (in the list the API gives whole), each
// with their roles, and a new user with a first role.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, FieldsetLegend, FormFieldTextbox, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call, type Membership, type Role, type Schemas } from '../../api/client';
import { AppLink } from '../../components/AppLink';
import { FormAlert, Loading, Notice, PageTitle } from '../../components/common';
import { useForm, useLoad, valueOf } from '../../components/forms';
import { SimpleTable } from '../../components/SimpleTable';
import { paths } from '../../screens/routes';
import { loadOrganisations } from './OrganisationsPage';
import { MembershipFields, type MembershipChoice } from './MembershipFields';
import { TextField } from '../../components/TextField';

type User = Schemas['UserWithMemberships'];
const FIELDS = ['name', 'email', 'password', 'memberships[0].organisation_id', 'memberships[0].role'] as const;

export const loadUsers = () => call(api.GET('/api/users')).then((l) => l.users);

/** "mentor — Het Baken College", with "(ended)" for an inactive membership. */
export function useMembershipText() {
  const { t } = useTranslation();
  return (m: Membership) =>
    `${t('shell.membership', { role: t(`roles.${m.role}`), organisation: m.organisation_name })}${m.active ? '' : ` ${t('admin.users.ended')}`}`;
}

function NewUser({ onCreated }: { onCreated(user: User): void }) {
  const { t } = useTranslation();
  const organisations = useLoad(['organisations', 'admin'], loadOrganisations);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [membership, setMembership] = useState<MembershipChoice>({ organisation_id: '', role: '' });
  const { formRef, busy, errors, submit } = useForm(FIELDS);

  function onSubmit(event: FormEvent) {
    const missing = {
      name: name.trim() ? undefined : t('admin.users.nameRequired'),
      email: email.trim() ? undefined : t('admin.users.emailRequired'),
      password: password.length >= 12 ? undefined : t('admin.users.passwordRequired'),
      'memberships[0].organisation_id':
        membership.role && !membership.organisation_id ? t('admin.users.organisationRequired') : undefined,
      'memberships[0].role': membership.organisation_id && !membership.role ? t('admin.users.roleRequired') : undefined,
    };
    void submit(
      event,
      missing,
      async () => {
        const created = await call(
          api.POST('/api/users', {
            body: {
              name: name.trim(),
              email: email.trim(),
              password,
              memberships: membership.role ? [{ organisation_id: membership.organisation_id, role: membership.role as Role }] : [],
            },
          }),
        );
        setName('');
        setEmail('');
        setPassword('');
        setMembership({ organisation_id: '', role: '' });
        onCreated(created);
      },
      (e) => {
        if (!(e instanceof ApiError)) return undefined;
        if (e.code === 'weak_password') return t('admin.users.weakPassword');
        if (e.code === 'already_exists') return t('admin.users.emailTaken');
        return undefined;
      },
    );
  }

  return (
    <section aria-labelledby="user-new">
      <Heading2 id="user-new">{t('admin.users.createTitle')}</Heading2>
      <FormAlert title={t('admin.users.errorSummary')} message={errors.form ?? organisations.error} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="user-new">
        <TextField
          label={t('admin.users.name')}
          name="name"
          autoComplete="off"
          required
          value={name}
          onValue={setName}
          error={errors.fields.name}
        />
        <TextField
          label={t('admin.users.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onValue={setEmail}
          error={errors.fields.email}
        />
        <TextField
          label={t('admin.users.password')}
          description={t('admin.users.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onValue={setPassword}
          error={errors.fields.password}
        />
        <Fieldset>
          <FieldsetLegend>{t('admin.users.firstMembership')}</FieldsetLegend>
          <MembershipFields
            idPrefix="new-user"
            organisations={organisations.data ?? []}
            value={membership}
            onChange={setMembership}
            errors={{ organisation_id: errors.fields['memberships[0].organisation_id'], role: errors.fields['memberships[0].role'] }}
          />
        </Fieldset>
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('admin.users.creating') : t('admin.users.create')}
        </Button>
      </form>
    </section>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { data: users, error, reload } = useLoad(['users'], loadUsers);
  const [query, setQuery] = useState('');
  const [created, setCreated] = useState<User>();
  const membershipText = useMembershipText();
  const q = query.trim().toLowerCase();
  const shown = users?.filter((u) => !q || u.name.toLowerCase().includes(q) || u.email.includes(q)) ?? null;

  return (
    <>
      <PageTitle>{t('admin.users.title')}</PageTitle>
      <Paragraph>{t('admin.users.intro')}</Paragraph>
      <div aria-live="polite">
        {created && (
          <Notice type="ok">
            {t('admin.users.created', { name: created.name })}{' '}
            <AppLink href={paths.user(created.id)}>{t('admin.users.open', { name: created.name })}</AppLink>
          </Notice>
        )}
      </div>
      <form role="search" className="samen-form" onSubmit={(e) => e.preventDefault()}>
        <FormFieldTextbox
          label={t('admin.users.search')}
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(valueOf(e))}
        />
      </form>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      {!shown && !error && <Loading />}
      {shown && (
        <>
          <Paragraph role="status">{t('admin.users.results', { count: shown.length })}</Paragraph>
          <SimpleTable
            caption={t('admin.users.caption')}
            headers={[t('admin.users.name'), t('admin.users.email'), t('admin.users.memberships'), t('admin.status')]}
            rows={shown.map((u) => ({
              key: u.id,
              cells: [
                <AppLink href={paths.user(u.id)}>{u.name}</AppLink>,
                u.email,
                u.memberships.length ? (
                  <ul className="samen-plain-list">
                    {u.memberships.map((m) => (
                      <li key={m.id}>{membershipText(m)}</li>
                    ))}
                  </ul>
                ) : (
                  t('admin.none')
                ),
                u.active ? t('admin.active') : t('admin.inactive'),
              ],
            }))}
          />
        </>
      )}
      <NewUser
        onCreated={(u) => {
          setCreated(u);
          void reload();
        }}
      />
    </>
  );
}
