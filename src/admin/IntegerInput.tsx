import { Field, TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { useState } from 'react';

type Props = {
  name?: string;
  label?: ReactNode;
  hint?: ReactNode;
  labelAction?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
};

const DIGITS = /^-?\d*$/;

const shown = (value: unknown) =>
  typeof value === 'number' || typeof value === 'string' ? String(value) : '';

/**
 * The integer fields of this app are years (nhiệm kỳ 2025–2030, thành tích 2018–2023), session and term
 * numbers and counts. Strapi's number input groups digits by the interface language, so a year reads "2.026" in
 * Vietnamese; this input shows the digits as typed, with no separators.
 */
export const IntegerInput = ({
  name = '',
  label,
  hint,
  labelAction,
  required,
  disabled,
  placeholder,
}: Props) => {
  const field = useField(name);
  const [text, setText] = useState<string | null>(null);
  const value = text ?? shown(field.value);
  return (
    <Field.Root name={name} error={field.error} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        inputMode="numeric"
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(event: { target: { value: string } }) => {
          const typed = event.target.value.trim();
          if (!DIGITS.test(typed)) return;
          setText(typed);
          field.onChange(name, typed === '' || typed === '-' ? null : Number(typed));
        }}
        onBlur={() => setText(null)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
