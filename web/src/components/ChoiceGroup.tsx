// A group of checkboxes or radio buttons in a fieldset with a legend; its error message is
// tied to the group with aria-describedby. Checkboxes use the browser's own look
// (appearance "html"): the custom one draws its tick with a data: URL image, which the
// server's Content-Security-Policy (default-src 'self') does not load.
import { useId, type ReactNode } from 'react';
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

interface Props<V extends string> {
  legend: string;
  name: string;
  choices: readonly Choice<V>[];
  error?: string;
}

function Group<V extends string>({
  legend,
  error,
  children,
}: Pick<Props<V>, 'legend' | 'error'> & { children: ReactNode }) {
  const errorId = useId();
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <div className="samen-choices">{children}</div>
    </Fieldset>
  );
}

export function CheckboxGroup<V extends string>({
  legend,
  name,
  choices,
  error,
  selected,
  onChange,
}: Props<V> & { selected: readonly V[]; onChange(selected: V[]): void }) {
  const baseId = useId();
  return (
    <Group legend={legend} error={error}>
      {choices.map((c) => {
        const id = `${baseId}-${c.value}`;
        const checked = selected.includes(c.value);
        return (
          <FormField key={c.value} type="checkbox">
            <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <FormLabel type="checkbox" htmlFor={id} checked={checked}>
              <Checkbox
                appearance="html"
                id={id}
                name={name}
                value={c.value}
                checked={checked}
                invalid={Boolean(error)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...selected, c.value] : selected.filter((v) => v !== c.value))
                }
              />{' '}
              {c.label}
            </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Group>
  );
}

export function RadioGroup<V extends string>({
  legend,
  name,
  choices,
  error,
  value,
  onChange,
}: Props<V> & { value: V | ''; onChange(value: V): void }) {
  const baseId = useId();
  return (
    <Group legend={legend} error={error}>
      {choices.map((c) => {
        const id = `${baseId}-${c.value}`;
        return (
          <FormField key={c.value} type="radio">
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
            <FormLabel type="radio" htmlFor={id} checked={value === c.value}>
              <RadioButton
                id={id}
                name={name}
                value={c.value}
                checked={value === c.value}
                invalid={Boolean(error)}
                onChange={() => onChange(c.value)}
              />{' '}
              {c.label}
            </FormLabel>
            </div>
          </FormField>
        );
      })}
    </Group>
  );
}
