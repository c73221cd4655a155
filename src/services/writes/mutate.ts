import type { EntityManager } from 'typeorm';
import type { Context } from '../../context';
import { AuditEntry } from '../../entities';
import { clearLoaders } from '../../loaders';

export interface Change<T> {
  entityType: string;
  entityId: number;
  before: object | null;
  after: object | null;
  result: T;
}

/**
 * Every mutation goes through here, after `@RequireRole` has admitted its key: the work and its audit entry
 * run in one transaction (both or neither), and the request's loaders are emptied so later reads see the
 * change.
 */
export async function runMutation<T>(ctx: Context, operation: string, work: (tx: EntityManager) => Promise<Change<T>>): Promise<T> {
  const principal = admitted(ctx, operation);
  const result = await ctx.dataSource.transaction(async (tx) => {
    const change = await work(tx);
    await tx.insert(AuditEntry, {
      keyName: principal.keyName,
      operation,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before ? JSON.stringify(change.before) : null,
      after: change.after ? JSON.stringify(change.after) : null,
    });
    return change.result;
  });
  clearLoaders(ctx.loaders);
  return result;
}

/** The key `@RequireRole` admitted for this field; a mutation without the decorator is a programming error. */
export function admitted(ctx: Context, operation: string) {
  if (!ctx.principal) throw new Error(`${operation} has no @RequireRole: every change needs a role checked.`);
  return ctx.principal;
}
