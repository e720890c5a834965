import { FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

/** A labelled select in the Utrecht form-field structure; `emptyLabel` adds a first "" option. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  emptyLabel,
}: {
  id: string;
  label: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  emptyLabel?: string;
}) {
  return (
    <FormField>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <div className="utrecht-form-field__input">
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
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
