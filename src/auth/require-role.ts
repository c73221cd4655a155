import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import type { Role } from '../entities/api-key';
import { authorize } from './principal';

/**
 * Checks the key before anything else: type-graphql runs middleware before it validates arguments,
 * so a caller without the right key learns nothing about what input would be accepted.
 */
export const RequireRole =
  (role: Role, operation: string): MiddlewareFn<Context> =>
  async ({ context }, next) => {
    authorize(await context.credentials(), role, operation);
    return next();
  };
