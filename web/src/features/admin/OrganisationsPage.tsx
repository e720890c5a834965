// The region's organisations for its administrator: the list with (de)activation (the
// version read is sent; a 409 offers a reload, nothing is overwritten) and a new one.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, ApiError, call, type Schemas } from '../../api/client';
import { FormAlert, Loading, Notice, PageTitle } from '../../components/common';
import { useForm, useLoad } from '../../components/forms';
import { SelectField } from '../../components/SelectField';
import { SimpleTable } from '../../components/SimpleTable';
import { ActivationButton } from './ActivationButton';
import { useMeta } from '../../api/meta';
import { TextField } from '../../components/TextField';

type Organisation = Schemas['Organisation'];
type OrgType = Schemas['OrganisationType'];
type SchoolType = Schemas['SchoolType'];
const FIELDS = ['name', 'type', 'school_type'] as const;

export const loadOrganisations = () => call(api.GET('/api/organisations')).then((l) => l.organisations);

function NewOrganisation({ onCreated }: { onCreated(o: Organisation): void }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const [name, setName] = useState('');
  const [type, setType] = useState<OrgType | ''>('');
  const [schoolType, setSchoolType] = useState<SchoolType | ''>('');
  const { formRef, busy, errors, submit } = useForm(FIELDS);

  function onSubmit(event: FormEvent) {
    const missing = {
      name: name.trim() ? undefined : t('admin.organisations.nameRequired'),
      type: type ? undefined : t('admin.organisations.typeRequired'),
      school_type: type === 'school' && !schoolType ? t('admin.organisations.schoolTypeRequired') : undefined,
    };
    void submit(
      event,
      missing,
      async () => {
        const created = await call(
          api.POST('/api/organisations', {
            body: { name: name.trim(), type: type as OrgType, school_type: type === 'school' ? (schoolType as SchoolType) : null },
          }),
        );
        setName('');
        setType('');
        setSchoolType('');
        onCreated(created);
      },
      (e) => (e instanceof ApiError && e.code === 'already_exists' ? t('admin.organisations.nameTaken') : undefined),
    );
  }

  return (
    <section aria-labelledby="org-new">
      <Heading2 id="org-new">{t('admin.organisations.createTitle')}</Heading2>
      <FormAlert title={t('admin.organisations.errorSummary')} message={errors.form} />
      <form ref={formRef} onSubmit={onSubmit} noValidate className="samen-form" aria-labelledby="org-new">
        <TextField
          label={t('admin.organisations.name')}
          name="name"
          required
          value={name}
          onValue={setName}
          error={errors.fields.name}
        />
        <SelectField
          id="org-type"
          label={t('admin.organisations.type')}
          value={type}
          emptyLabel={t('admin.organisations.typeChoose')}
          options={meta.organisation_types.map((v) => ({ value: v, label: t(`admin.orgTypes.${v}`) }))}
          onChange={(v: OrgType) => setType(v)}
          error={errors.fields.type}
        />
        {type === 'school' && (
          <SelectField
            id="org-school-type"
            label={t('admin.organisations.schoolType')}
            value={schoolType}
            emptyLabel={t('admin.organisations.typeChoose')}
            options={meta.school_types.map((v) => ({ value: v, label: t(`admin.schoolTypes.${v}`) }))}
            onChange={(v: SchoolType) => setSchoolType(v)}
            error={errors.fields.school_type}
          />
        )}
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('admin.organisations.creating') : t('admin.organisations.create')}
        </Button>
      </form>
    </section>
  );
}

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { data, error, reload: loadAgain } = useLoad(['organisations', 'admin'], loadOrganisations);
  const [changed, setChanged] = useState<Record<string, Organisation>>({});
  const [notice, setNotice] = useState<string>();
  const organisations = data?.map((o) => changed[o.id] ?? o) ?? null;

  function reload() {
    setChanged({});
    setNotice(undefined);
    void loadAgain();
  }
  function onChanged(o: Organisation) {
    setChanged((c) => ({ ...c, [o.id]: o }));
    setNotice(t('admin.organisations.changed', { name: o.name, status: o.active ? t('admin.active') : t('admin.inactive') }));
  }

  return (
    <>
      <PageTitle>{t('admin.organisations.title')}</PageTitle>
      <Paragraph>{t('admin.organisations.intro')}</Paragraph>
      <FormAlert title={t('errors.summaryTitle')} message={error} />
      <div aria-live="polite">{notice && <Notice type="ok">{notice}</Notice>}</div>
      {!organisations && !error && <Loading />}
      {organisations && (
        <SimpleTable
          caption={t('admin.organisations.caption')}
          headers={[
            t('admin.organisations.name'),
            t('admin.organisations.type'),
            t('admin.organisations.schoolType'),
            t('admin.status'),
            t('admin.organisations.actions'),
          ]}
          rows={organisations.map((o) => ({
            key: o.id,
            cells: [
              o.name,
              t(`admin.orgTypes.${o.type}`),
              o.school_type ? t(`admin.schoolTypes.${o.school_type}`) : t('admin.none'),
              o.active ? t('admin.active') : t('admin.inactive'),
              <ActivationButton
                record={o}
                label={t(o.active ? 'admin.organisations.deactivateLabel' : 'admin.organisations.activateLabel', { name: o.name })}
                text={o.active ? t('admin.organisations.deactivate') : t('admin.organisations.activate')}
                send={(active, version) =>
                  call(api.PATCH('/api/organisations/{id}', { params: { path: { id: o.id } }, body: { active, version } }))
                }
                onChanged={onChanged}
                onReload={reload}
              />,
            ],
          }))}
        />
      )}
      <NewOrganisation
        onCreated={(o) => {
          reload();
          setNotice(t('admin.organisations.created', { name: o.name }));
        }}
      />
    </>
  );
}
