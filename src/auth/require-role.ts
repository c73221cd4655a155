import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../context';
import type { Role } from '../entities/api-key';
import { authorize } from './principal';

/** Apollo Server's cache-control plugin adds this to `info` (absent when the schema runs outside Apollo). */
type CacheHintable = { cacheControl?: { setCacheHint(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void } };

/**
 * Checks the key before anything else: type-graphql runs middleware before it validates arguments,
 * so a caller without the right key learns nothing about what input would be accepted.
 */
export const RequireRole =
  (role: Role, operation: string): MiddlewareFn<Context> =>
  async ({ context, info }, next) => {
    // What a key may see is the key's alone: never stored by a shared cache, never served from one.
    (info as CacheHintable).cacheControl?.setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
    authorize(await context.credentials(), role, operation);
    return next();
  };
