import type { MiddlewareFn } from 'type-graphql';
import { badUserInput } from '../errors';
import { cleanText, TextRuleError } from '../services/text-rules';

/** Cleans every string in place (see text-rules), naming the first one that breaks a rule by its path. */
function cleanAll(value: unknown, path: string, set: (v: string) => void): void {
  if (typeof value === 'string') {
    set(cleanText(value, path));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => cleanAll(item, `${path}[${i}]`, (v) => (value[i] = v)));
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) cleanAll(record[key], path ? `${path}.${key}` : key, (v) => (record[key] = v));
  }
}

/**
 * A mutation's text arguments are cleaned before they are validated and written: trimmed, NFC, and
 * refused (BAD_USER_INPUT naming the field) when they hold a lone surrogate, a control character, or
 * nothing but whitespace. Reads are left alone: a filter only compares.
 */
export const cleanMutationText: MiddlewareFn = async ({ args, info }, next) => {
  if (info.parentType.name === 'Mutation') {
    try {
      // Fields are named inside the mutation's `input`, as its validation names them ("name", "citations[0].quote").
      for (const key of Object.keys(args)) cleanAll(args[key], key === 'input' ? '' : key, (v) => (args[key] = v));
    } catch (error) {
      if (error instanceof TextRuleError) throw badUserInput(error.field, error.rule);
      throw error;
    }
  }
  return next();
};
