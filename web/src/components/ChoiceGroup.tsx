// A group of checkboxes or radio buttons in a fieldset with a legend; its error message is
// tied to the group with aria-describedby. Checkboxes use the browser's own look
// (appearance "html"): the custom one draws its tick with a data: URL image, which the
// server's Content-Security-Policy (default-src 'self') does not load.
import { useId } from 'react';
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

interface GroupProps<V extends string> {
  legend: string;
  name: string;
  choices: readonly Choice<V>[];
  error?: string;
}

/** One checkbox or radio button with its label, in the Utrecht form-field structure. */
export function ChoiceItem({
  type,
  id,
  name,
  value,
  label,
  checked,
  invalid,
  onChange,
}: {
  type: 'checkbox' | 'radio';
  id: string;
  name: string;
  value: string;
  label: string;
  checked: boolean;
  invalid?: boolean;
  onChange(checked: boolean): void;
}) {
  const Input = type === 'checkbox' ? Checkbox : RadioButton;
  return (
    <FormField type={type}>
      <div className={`utrecht-form-field__label utrecht-form-field__label--${type}`}>
        <FormLabel type={type} htmlFor={id} checked={checked}>
          <Input
            {...(type === 'checkbox' ? { appearance: 'html' } : {})}
            id={id}
            name={name}
            value={value}
            checked={checked}
            invalid={invalid}
            onChange={(e) => onChange(e.target.checked)}
          />{' '}
          {label}
        </FormLabel>
      </div>
    </FormField>
  );
}

function ChoiceFieldset<V extends string>({
  type,
  legend,
  name,
  choices,
  error,
  isChecked,
  onToggle,
}: GroupProps<V> & { type: 'checkbox' | 'radio'; isChecked(v: V): boolean; onToggle(v: V, checked: boolean): void }) {
  const baseId = useId();
  const errorId = `${baseId}-error`;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <div className="samen-choices">
        {choices.map((c) => (
          <ChoiceItem
            key={c.value}
            type={type}
            id={`${baseId}-${c.value}`}
            name={name}
            value={c.value}
            label={c.label}
            checked={isChecked(c.value)}
            invalid={Boolean(error)}
            onChange={(checked) => onToggle(c.value, checked)}
          />
        ))}
      </div>
    </Fieldset>
  );
}

export function CheckboxGroup<V extends string>({
  selected,
  onChange,
  ...group
}: GroupProps<V> & { selected: readonly V[]; onChange(selected: V[]): void }) {
  return (
    <ChoiceFieldset
      {...group}
      type="checkbox"
      isChecked={(v) => selected.includes(v)}
      onToggle={(v, checked) => onChange(checked ? [...selected, v] : selected.filter((s) => s !== v))}
    />
  );
}

export function RadioGroup<V extends string>({
  value,
  onChange,
  ...group
}: GroupProps<V> & { value: V | ''; onChange(value: V): void }) {
  return <ChoiceFieldset {...group} type="radio" isChecked={(v) => v === value} onToggle={(v) => onChange(v)} />;
}
