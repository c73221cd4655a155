import type { GraphQLResolveInfo } from 'graphql';
import { cleanMutationArgs } from '../services/writes/admit-input';

/** A mutation's text arguments are cleaned before they are validated and written. Reads are left alone: a filter only compares. */
export function cleanMutationText(args: Record<string, unknown>, info: GraphQLResolveInfo): void {
  if (info.parentType.name === 'Mutation') cleanMutationArgs(args);
}
