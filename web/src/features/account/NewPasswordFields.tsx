// A new password, typed twice: the invitation and the password link ask it the same way
// (the server checks its strength; the screens check that both fields match).
import { useTranslation } from 'react-i18next';
import { FormFieldTextbox } from '@utrecht/component-library-react';
import { valueOf, type FieldErrors } from '../../components/forms';

export interface NewPassword {
  password: string;
  repeat: string;
}

export function NewPasswordFields({ value, onChange, errors }: { value: NewPassword; onChange(next: NewPassword): void; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <FormFieldTextbox
        label={t('admin.accept.password')}
        description={t('admin.accept.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(e) => onChange({ ...value, password: valueOf(e) })}
        invalid={Boolean(errors.password)}
        errorMessage={errors.password}
      />
      <FormFieldTextbox
        label={t('admin.accept.repeat')}
        name="repeat"
        type="password"
        autoComplete="new-password"
        required
        value={value.repeat}
        onChange={(e) => onChange({ ...value, repeat: valueOf(e) })}
        invalid={Boolean(errors.repeat)}
        errorMessage={errors.repeat}
      />
    </>
  );
}
