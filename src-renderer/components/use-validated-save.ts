import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { toFieldIssues } from '../../shared/zod-issues';
import { issuesByField, toAppError } from '../app/app-error';
import type { FieldErrors } from './use-form';

/** The part of a `useMutation` result a save needs. */
export interface SaveMutation<I> {
  isPending: boolean;
  error: unknown;
  mutateAsync: (input: I) => Promise<unknown>;
}

export interface ValidatedSaveOptions<F extends string, S extends z.ZodType> {
  /** The form's fields, in form order, named as the schema names them. */
  fields: readonly F[];
  /** The schema the server validates the input with, so the person is told before a round trip. */
  schema: S;
  mutation: SaveMutation<z.output<S>>;
  /** The confirmation shown once the server has saved. */
  savedMessage: string;
}

export interface ValidatedSave<F extends string> {
  /** What the last submit found wrong, by field: the schema's objections or the server's. They stay until the next submit. */
  problems: FieldErrors<F>;
  /** The confirmation after a save; cleared at the next submit. */
  done: string | null;
  /** Why the last save failed when no field says so, for the alert above the form. */
  failure: string | null;
  submit: (event: FormEvent<HTMLFormElement>, input: unknown) => Promise<void>;
}

/**
 * Submit of an edit-and-save card (the person's profile, the company profile): checks the input
 * with the server's own schema, sends it, then says it is saved or puts the server's objections
 * under their fields.
 */
export function useValidatedSave<F extends string, S extends z.ZodType>({ fields, schema, mutation, savedMessage }: ValidatedSaveOptions<F, S>): ValidatedSave<F> {
  const [problems, setProblems] = useState<FieldErrors<F>>({});
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>, input: unknown) {
    event.preventDefault();
    setDone(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setProblems(issuesByField(toFieldIssues(parsed.error), fields).byField);
      return;
    }
    setProblems({});
    if (mutation.isPending) return;
    try {
      await mutation.mutateAsync(parsed.data);
      setDone(savedMessage);
    } catch (err) {
      setProblems(issuesByField(toAppError(err).issues, fields).byField);
    }
  }

  const failure = mutation.error && Object.keys(problems).length === 0 ? toAppError(mutation.error).message : null;
  return { problems, done, failure, submit };
}

/** A blank optional field is sent as null, which clears it; leaving the key out would keep the stored value. */
export function blankAsNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}
