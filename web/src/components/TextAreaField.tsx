// The one text area of our forms, as TextField is for one line: the Utrecht form field,
// its value as a string, the error beside it, invalid exactly when there is one.
import { FormFieldTextarea } from '@utrecht/component-library-react';
import type { ComponentProps } from 'react';
import { valueOf } from './forms';

type TextareaProps = ComponentProps<typeof FormFieldTextarea>;

export type TextAreaFieldProps = Omit<TextareaProps, 'value' | 'onChange' | 'invalid' | 'errorMessage'> & {
  value: string;
  onValue(value: string): void;
  error?: string;
};

export function TextAreaField({ value, onValue, error, ...rest }: TextAreaFieldProps) {
  return (
    <FormFieldTextarea
      {...rest}
      value={value}
      onChange={(e) => onValue(valueOf(e))}
      invalid={Boolean(error)}
      errorMessage={error}
    />
  );
}
