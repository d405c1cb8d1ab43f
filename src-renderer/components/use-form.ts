import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The first field (in form order) that has an error, to move focus to. */
export function firstInvalid<F extends string>(fields: readonly F[], errors: FieldErrors<F>): F | null {
  return fields.find((field) => errors[field] !== undefined) ?? null;
}

type Control = HTMLInputElement | HTMLSelectElement;

/** What a text field or select needs from the form: spread it onto `<Field>` or `<SelectField>`. */
export interface FieldBinding {
  ref: (el: Control | null) => void;
  value: string;
  error: string | undefined;
  onChange: (event: ChangeEvent<Control>) => void;
}

export interface Form<F extends string> {
  values: Record<F, string>;
  errors: FieldErrors<F>;
  setValue: (field: F, value: string) => void;
  /** Ref callback for a field's control, so focus can move to the field that needs fixing. */
  register: (field: F) => (el: Control | null) => void;
  /** Value, error, change handler and ref of one field, e.g. `<Field label="Quantity" {...form.bind('quantity')} />`. */
  bind: (field: F) => FieldBinding;
  focus: (field: F) => void;
  setServerErrors: (errors: FieldErrors<F>) => void;
  /** Back to the given values (default: the initial ones), errors hidden until the next submit. */
  reset: (values?: Record<F, string>) => void;
  handleSubmit: (onValid: (values: Record<F, string>) => void) => (event: FormEvent<HTMLFormElement>) => void;
}

/**
 * Form state for Atlas's forms (account screens, stock commands). Errors appear after the first submit and then follow the
 * typing, so nobody is scolded for a field they have not reached yet; a server error on a field
 * stays until that field changes.
 */
export function useForm<F extends string>(fields: readonly F[], initial: Record<F, string>, validate: (values: Record<F, string>) => FieldErrors<F>): Form<F> {
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<F>>({});
  const inputs = useRef(new Map<F, Control>());
  const initialRef = useRef(initial);

  const clientErrors = submitted ? validate(values) : {};
  const errors: FieldErrors<F> = { ...serverErrors, ...clientErrors };

  const setValue = useCallback((field: F, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setServerErrors((prev) => {
      if (prev[field] === undefined) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }, []);

  const register = useCallback(
    (field: F) => (el: Control | null) => {
      if (el) inputs.current.set(field, el);
      else inputs.current.delete(field);
    },
    [],
  );

  const focus = useCallback((field: F) => {
    const el = inputs.current.get(field);
    el?.focus();
    if (el instanceof HTMLInputElement) el.select();
  }, []);

  const reset = useCallback((next?: Record<F, string>) => {
    setValues(next ?? initialRef.current);
    setSubmitted(false);
    setServerErrors({});
  }, []);

  const bind = (field: F): FieldBinding => ({
    ref: register(field),
    value: values[field],
    error: errors[field],
    onChange: (event) => setValue(field, event.target.value),
  });

  const handleSubmit = (onValid: (values: Record<F, string>) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(values);
    const invalid = firstInvalid(fields, found);
    if (invalid) {
      focus(invalid);
      return;
    }
    onValid(values);
  };

  return { values, errors, setValue, register, bind, focus, setServerErrors, reset, handleSubmit };
}
