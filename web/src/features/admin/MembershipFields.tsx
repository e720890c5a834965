// An organisation and a role, the two halves of a membership (a new user's first role, or a
// role added later). Family roles are left out: guardians and pupils come in by invitation.
import { useTranslation } from 'react-i18next';
import type { Role, Schemas } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { useMeta } from '../../api/meta';

export interface MembershipChoice {
  organisation_id: string;
  role: Role | '';
}


export function MembershipFields({
  idPrefix,
  organisations,
  value,
  onChange,
  errors = {},
}: {
  idPrefix: string;
  organisations: readonly Schemas['Organisation'][];
  value: MembershipChoice;
  onChange(value: MembershipChoice): void;
  errors?: { organisation_id?: string; role?: string };
}) {
  const { t } = useTranslation();
  const meta = useMeta();
  return (
    <div className="samen-form__row">
      <SelectField
        id={`${idPrefix}-organisation`}
        label={t('admin.users.organisation')}
        value={value.organisation_id}
        emptyLabel={t('admin.users.choose')}
        options={organisations.filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
        onChange={(organisation_id) => onChange({ ...value, organisation_id })}
        error={errors.organisation_id}
      />
      <SelectField
        id={`${idPrefix}-role`}
        label={t('admin.users.role')}
        value={value.role}
        emptyLabel={t('admin.users.choose')}
        options={meta.staff_roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        onChange={(role) => onChange({ ...value, role })}
        error={errors.role}
      />
    </div>
  );
}
