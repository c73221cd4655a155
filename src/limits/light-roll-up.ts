import { type FieldNode, Kind, type SelectionSetNode } from 'graphql';
import { ImpactDimension } from '../schema/enums';
import type { ContractFilter } from '../schema/filters';
import { ImpactOrderField } from '../schema/orders';
import { readsKeptRows } from '../services/impact/kept-pairs';
import { topInTotals } from '../services/impact/order';

/** A roll-up returning at most this many groups, read from kept rows, is light work. */
export const LIGHT_GROUPS = 1_000;

/**
 * Roll-ups of at most this many contracts in all (filters naming a few buyers or suppliers, counted from
 * their kept groups before they run) are light work whatever they ask: summing them takes milliseconds.
 */
export const LIGHT_CONTRACTS = 2_000;

/** Dimensions whose groups run to thousands (or one per contract). */
const MANY_GROUPS = new Set([ImpactDimension.PUBLIC_BODY, ImpactDimension.SUPPLIER, ImpactDimension.CONTRACT]);

/**
 * The fields of a group answered from its totals row, with what may be asked under each (`true`: anything —
 * a key's navigable objects come through the loaders). Every other field (offshored jobs, members,
 * savings' price years, citations, claims) runs a statement over the group's contracts.
 */
type Allowed = { [field: string]: true | Allowed };
const RANGE: Allowed = { __typename: true, low: true, high: true, basedOn: true };
const FROM_TOTALS: Allowed = {
  __typename: true,
  key: true,
  contractCount: true,
  contested: true,
  jobsAffected: RANGE,
  moneyLost: RANGE,
  savingsClaimed: { __typename: true, perYear: RANGE, total: RANGE },
};

/** Whether a selection asks only for allowed fields (a named fragment is not looked into: not light). */
function asksOnly(selectionSet: SelectionSetNode | undefined, allowed: Allowed): boolean {
  return (selectionSet?.selections ?? []).every((selection) => {
    if (selection.kind === Kind.INLINE_FRAGMENT) return asksOnly(selection.selectionSet, allowed);
    if (selection.kind !== Kind.FIELD) return false;
    const rule = allowed[selection.name.value];
    return rule === true || (rule !== undefined && asksOnly(selection.selectionSet, rule));
  });
}

/**
 * Whether a roll-up field (`impact`, `impactTotals`) is light work that need not wait for a heavy-work slot:
 * its totals read from rows the database keeps (a row per group, whatever the number of contracts), few of
 * them (no buyer or supplier, or one of those alone with a bounded number of groups), an order those rows
 * hold, and only fields they answer.
 */
export function isLightRollUp(node: FieldNode, args: Record<string, unknown>): boolean {
  const groupBy = (args.groupBy ?? []) as ImpactDimension[];
  const first = args.first as number | null | undefined;
  const order = (args.orderBy ?? {}) as { field?: ImpactOrderField };
  const field = order.field ?? ImpactOrderField.KEY;
  // A buyer or a supplier paired with another dimension: even a top few reads every kept row of the pair
  // (0.2–3M at 1,000,000 contracts: up to 0.66 s alone on SQLite, 2.2 s on PostgreSQL), and eight at once
  // on PostgreSQL, each scanning in parallel, held the other questions for seconds. Alone or of one
  // group's contracts, a bounded number.
  const many = groupBy.some((d) => MANY_GROUPS.has(d));
  const fewGroups = !many || (groupBy.length === 1 && first != null && first <= LIGHT_GROUPS);
  const orderedByTotals = groupBy.length === 0 || topInTotals(field, groupBy);
  return (
    fewGroups &&
    orderedByTotals &&
    readsKeptRows(args.filter as ContractFilter | null | undefined, groupBy) &&
    asksOnly(node.selectionSet, FROM_TOTALS)
  );
}
