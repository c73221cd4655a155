import {
  type DocumentNode,
  type FieldNode,
  getNamedType,
  type GraphQLSchema,
  isListType,
  isNonNullType,
  type GraphQLOutputType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ContractStatus, ImpactDimension, OffshoringStatus, Sector, Service } from '../schema/enums';
import { DEFAULT_PAGE_SIZE } from '../schema/page-args';
import { pageSizeBound } from './page-bounds';
import type { RollUpSizes } from '../services/impact/rollup-sizes';

/** What an unpaginated list field is assumed to hold, for costing. */
const ASSUMED_LIST_SIZE = 5;
/** A roll-up's fixed price: one pass over the selected contracts, whatever it returns. */
export const ROLL_UP_COST = 100;
/** An entity's own roll-up (`supplier.impact`): one batched statement for every entity of the page. */
const ENTITY_ROLL_UP_COST = 5;
/** Groups the database forms per point, on top of what the answer holds: forming groups is work too. */
const GROUPS_PER_POINT = 10;

/**
 * How a field is priced, declared on the field itself (type-graphql's `@Extensions({ cost })`), so that
 * pricing follows what the resolver does rather than guesses from names.
 */
export type FieldCost = { rollUp: 'groups' | 'totals' } | { entityRollUp: true };
/** Told of a roll-up field an operation selects: its declared cost, its arguments and its node. */
export type OnRollUp = (cost: FieldCost, args: Record<string, unknown>, node: FieldNode) => void;
export const costOf = (cost: FieldCost) => ({ cost });

const ENUM_SIZES: Partial<Record<ImpactDimension, number>> = {
  [ImpactDimension.SECTOR]: Object.keys(Sector).length,
  [ImpactDimension.SERVICE]: Object.keys(Service).length,
  [ImpactDimension.STATUS]: Object.keys(ContractStatus).length,
  [ImpactDimension.OFFSHORING_STATUS]: Object.keys(OffshoringStatus).length + 1,
};

/** The most groups a roll-up by these dimensions can form (each dimension adds a null group). */
function estimatedGroups(dimensions: readonly ImpactDimension[], sizes: RollUpSizes): number {
  const of = (d: ImpactDimension): number => {
    switch (d) {
      case ImpactDimension.CONTRACT:
        return sizes.contracts;
      case ImpactDimension.PUBLIC_BODY:
        return sizes.publicBodies + 1;
      case ImpactDimension.SUPPLIER:
        return sizes.suppliers + 1;
      case ImpactDimension.SUPPLIER_COUNTRY:
        return Math.min(sizes.suppliers, 250) + 1;
      case ImpactDimension.UNION:
        return sizes.unions + 1;
      case ImpactDimension.OFFSHORE_LOCATION:
        return sizes.offshoreLocations + 1;
      case ImpactDimension.YEAR:
        return sizes.years + 1;
      default:
        return ENUM_SIZES[d] ?? ASSUMED_LIST_SIZE;
    }
  };
  const product = dimensions.reduce((n, d) => n * of(d), 1);
  // A contract falls into a handful of groups per dimension at most, so no more groups than that can form.
  return Math.max(1, Math.min(product, Math.max(1, sizes.contracts) * 4 ** Math.max(0, dimensions.length - 1)));
}

const isList = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Each field costs 1, plus its children times the number of items it can return: `first`/`last` (or the
 * default page) for connections, an assumed size for other lists; a connection's `edges` are already
 * counted by the connection, so they are not multiplied again. A roll-up costs its fixed price, plus every
 * group it returns times the cost of one group's fields, plus the groups it must form; without the
 * database's sizes (a cost asked for outside a request) a roll-up is assumed to return ASSUMED_LIST_SIZE groups.
 */
const costEstimator =
  (sizes?: RollUpSizes, onRollUp?: OnRollUp): ComplexityEstimator =>
  ({ field, args, childComplexity, type, node }) => {
    const declared = field.extensions?.cost as FieldCost | undefined;
    if (declared) onRollUp?.(declared, args, node);
    if (declared && 'entityRollUp' in declared) return 1 + ENTITY_ROLL_UP_COST + childComplexity;
    if (declared && 'rollUp' in declared) {
      const formed =
        declared.rollUp === 'totals' ? 1 : sizes ? estimatedGroups((args.groupBy ?? []) as ImpactDimension[], sizes) : ASSUMED_LIST_SIZE;
      const returned = Math.min(formed, (args.first as number | undefined) ?? formed);
      return 1 + ROLL_UP_COST + returned * childComplexity + Math.ceil(formed / GROUPS_PER_POINT);
    }
    const size = (args.first ?? args.last) as number | undefined;
    const named = getNamedType(field.type).name;
    let items = 1;
    if (named.endsWith('Connection')) items = size ?? DEFAULT_PAGE_SIZE;
    else if (isList(field.type) && !type.name.endsWith('Connection')) items = size ?? ASSUMED_LIST_SIZE;
    return 1 + items * childComplexity;
  };

export interface CostOptions {
  maxPageSize?: number;
  sizes?: RollUpSizes;
  /** Told of each roll-up field the operation selects (heavy work, for admission control). */
  onRollUp?: OnRollUp;
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
  options: CostOptions = {},
) {
  const estimators = [pageSizeBound(options.maxPageSize ?? Number.POSITIVE_INFINITY), costEstimator(options.sizes, options.onRollUp)];
  return getComplexity({ schema, query: document, variables, operationName, estimators });
}
