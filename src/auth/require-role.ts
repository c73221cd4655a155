import { Extensions, type MiddlewareFn, UseMiddleware } from 'type-graphql';
import type { Context } from '../context';
import type { Role } from '../schema/enums';
import { authorize } from './principal';

/** Set on a field's extensions by `@RequireRole`: the field needs an API key. */
export const NEEDS_KEY = 'needsKey';

/**
 * Checks the key before anything else: type-graphql runs middleware before it validates arguments,
 * so a caller without the right key learns nothing about what input would be accepted.
 */
const requireRole =
  (role: Role, operation: string): MiddlewareFn<Context> =>
  async ({ context }, next) => {
    context.principal = authorize(await context.credentials(), role, operation);
    return next();
  };

/**
 * A field only a key with `role` may use: the one place a role is checked. The key it admitted is left on the
 * context (`principal`) for the audit entry. It is also marked in the schema, so that an answer that selects it
 * is never stored by a shared cache (cachePolicyPlugin): what a key may see is the key's alone.
 */
export const RequireRole =
  (role: Role, operation: string): MethodDecorator =>
  (target, key, descriptor) => {
    UseMiddleware(requireRole(role, operation))(target, key, descriptor);
    Extensions({ [NEEDS_KEY]: true })(target, key, descriptor);
  };
