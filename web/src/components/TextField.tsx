// The one text field of our forms: the Utrecht form field, its value as a string, and the
// error beside it (the form's `errors.fields[name]`), marked invalid exactly when there is one.
import { FormFieldTextbox } from '@utrecht/component-library-react';
import type { ComponentProps } from 'react';
import { valueOf } from './forms';

type TextboxProps = ComponentProps<typeof FormFieldTextbox>;

export type TextFieldProps = Omit<TextboxProps, 'value' | 'onChange' | 'invalid' | 'errorMessage'> & {
  value: string;
  onValue(value: string): void;
  error?: string;
};

export function TextField({ value, onValue, error, ...rest }: TextFieldProps) {
  return (
    <FormFieldTextbox
      {...rest}
      value={value}
      onChange={(e) => onValue(valueOf(e))}
      invalid={Boolean(error)}
      errorMessage={error}
    />
  );
}
