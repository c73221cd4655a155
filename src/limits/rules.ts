import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, type SelectionNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Config } from '../config';

/** At most `max` top-level fields per operation (fragments at the root count their fields). */
const maxRootFieldsRule =
  (max: number): ValidationRule =>
  (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const count = (selections: readonly SelectionNode[], seen: Set<string>): number =>
        selections.reduce((n, s) => {
          if (s.kind === Kind.FIELD) return n + (s.name.value.startsWith('__') ? 0 : 1);
          if (s.kind === Kind.INLINE_FRAGMENT) return n + count(s.selectionSet.selections, seen);
          const fragment = context.getFragment(s.name.value);
          if (!fragment || seen.has(s.name.value)) return n;
          return n + count(fragment.selectionSet.selections, new Set([...seen, s.name.value]));
        }, 0);
      const found = count(operation.selectionSet.selections, new Set());
      if (found > max) {
        context.reportError(
          new GraphQLError(`An operation may ask for at most ${max} top-level fields; this one asks for ${found}.`, { nodes: [operation] }),
        );
      }
    },
  });

// graphql-armor's rules throw by default, which Apollo would answer as an internal error; reported through
// the validation context instead, they are ordinary validation failures. Its "Syntax Error:" prefix is wrong
// for a limit, so it goes.
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
  ],
};

/** The validation rules that bound an operation's shape, run before anything executes. */
export const limitRules = (config: Pick<Config, 'MAX_DEPTH' | 'MAX_ALIASES' | 'MAX_ROOT_FIELDS'>): ValidationRule[] => [
  maxDepthRule({ n: config.MAX_DEPTH, exposeLimits: true, flattenFragments: true, ...report }) as unknown as ValidationRule,
  maxAliasesRule({ n: config.MAX_ALIASES, exposeLimits: true, ...report }) as unknown as ValidationRule,
  maxRootFieldsRule(config.MAX_ROOT_FIELDS),
];
