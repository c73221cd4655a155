import type { MiddlewareFn } from 'type-graphql';
import { cleanMutationArgs } from '../services/writes/admit-input';

/** A mutation's text arguments are cleaned before they are validated and written. Reads are left alone: a filter only compares. */
export const cleanMutationText: MiddlewareFn = async ({ args, info }, next) => {
  if (info.parentType.name === 'Mutation') cleanMutationArgs(args);
  return next();
};
