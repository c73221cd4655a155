import { badUserInput } from '../../errors';
import { validateArgs } from '../../schema/validate-args';
import { cleanText, TextRuleError } from '../text-rules';

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
 * Cleans a mutation's arguments in place: trimmed, NFC, and refused (BAD_USER_INPUT naming the field) when
 * they hold a lone surrogate, a control character, or nothing but whitespace.
 */
export function cleanMutationArgs(args: Record<string, unknown>): void {
  try {
    // Fields are named inside the mutation's `input`, as its validation names them ("name", "citations[0].quote").
    for (const key of Object.keys(args)) cleanAll(args[key], key === 'input' ? '' : key, (v) => (args[key] = v));
  } catch (error) {
    if (error instanceof TextRuleError) throw badUserInput(error.field, error.rule);
    throw error;
  }
}

/**
 * What a mutation's input passes before its spec sees it, for a writer that does not come through GraphQL
 * (the seed): its text cleaned, then validated by its class's decorators. Through GraphQL the same two run
 * as `guardResolvers` (limits/guard-resolvers.ts) and type-graphql's `validateFn` (`validateArgs`), in this order.
 */
export async function admitInput(input: object): Promise<void> {
  cleanMutationArgs({ input });
  await validateArgs(input);
}
