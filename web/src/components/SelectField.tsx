import { FormField, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

/**
 * A labelled select in the Utrecht form-field structure; `emptyLabel` adds a first ""
 * option; `error` stands between label and select, tied to it with aria-describedby.
 */
export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  emptyLabel,
  error,
  name,
}: {
  id: string;
  label: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  emptyLabel?: string;
  error?: string;
  name?: string;
}) {
  const errorId = `${id}-error`;
  return (
    <FormField invalid={Boolean(error)}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          name={name}
          value={value}
          invalid={Boolean(error)}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => onChange(e.target.value as V)}
        >
          {emptyLabel !== undefined && <SelectOption value="">{emptyLabel}</SelectOption>}
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}
