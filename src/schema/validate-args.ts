import { validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';

const flatten = (errors: ValidationError[], path: string[] = []): Array<{ field: string; message: string }> =>
  errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ field: [...path, e.property].join('.'), message })),
    ...flatten(e.children ?? [], [...path, e.property]),
  ]);

/**
 * type-graphql's validation, with messages that name the offending field
 * ("first: first must not be less than 0") instead of a bare "Argument Validation Error".
 */
export async function validateArgs(argValue: unknown): Promise<void> {
  if (argValue == null || typeof argValue !== 'object') return;
  const problems = flatten(await validate(argValue, { forbidUnknownValues: false }));
  if (problems.length === 0) return;
  throw new GraphQLError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
    extensions: { code: 'BAD_USER_INPUT', field: problems[0].field, validationErrors: problems },
  });
}
