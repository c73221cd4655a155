import { type DocumentNode, getNamedType, type GraphQLSchema, isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { badUserInput } from '../errors';
import { DEFAULT_PAGE_SIZE } from '../schema/page-args';

/** What an unpaginated list field is assumed to hold, for costing. */
export const ASSUMED_LIST_SIZE = 5;
/** Roll-ups aggregate across the whole table: a flat surcharge on top of their fields. */
export const ROLL_UP_COST = 100;

const isList = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Each field costs 1, plus its children times the number of items it can return: `first`/`last` (or the
 * default page) for connections and search, an assumed size for other lists. A connection's `edges` are
 * already counted by the connection, so they are not multiplied again.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  const size = (args.first ?? args.last) as number | undefined;
  const named = getNamedType(field.type).name;
  let items = 1;
  if (named.endsWith('Connection')) items = size ?? DEFAULT_PAGE_SIZE;
  else if (isList(field.type) && !type.name.endsWith('Connection')) items = size ?? ASSUMED_LIST_SIZE;
  const surcharge = field.name === 'impact' || field.name === 'impactTotals' ? ROLL_UP_COST : 0;
  return 1 + surcharge + items * childComplexity;
};

/**
 * A page larger than the server gives is the client's mistake whatever it would cost: refused as
 * BAD_USER_INPUT naming the argument, before the cost is looked at (a `first: 100000` was answered
 * "would cost 100001", hiding the real limit). Checked here because this pass already reads every field's
 * arguments, variables included, before anything runs.
 */
const pageSizeBound =
  (maxPageSize: number): ComplexityEstimator =>
  ({ field, args }) => {
    const paged = getNamedType(field.type).name.endsWith('Connection');
    for (const name of ['first', 'last'] as const) {
      const size = args[name];
      if (paged && typeof size === 'number' && size > maxPageSize) {
        throw badUserInput(name, `must be between 0 and ${maxPageSize}, not ${size}: page through longer lists with \`after\` / \`before\`.`);
      }
    }
    return undefined;
  };

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
  maxPageSize = Number.POSITIVE_INFINITY,
) {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [pageSizeBound(maxPageSize), costEstimator] });
}
