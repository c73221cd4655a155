import type { EntityManager } from 'typeorm';
import { authorize } from '../../auth/principal';
import type { Context } from '../../context';
import { AuditEntry } from '../../entities';
import type { Role } from '../../entities/api-key';

export interface Change<T> {
  entityType: string;
  entityId: number;
  before: object | null;
  after: object | null;
  result: T;
}

/**
 * Every mutation goes through here: the key's role is checked, the work and its audit entry run in one
 * transaction (both or neither), and the request's loaders are emptied so later reads see the change.
 */
export async function runMutation<T>(
  ctx: Context,
  operation: string,
  role: Role,
  work: (tx: EntityManager) => Promise<Change<T>>,
): Promise<T> {
  const principal = authorize(await ctx.credentials(), role, operation);
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
  for (const loader of Object.values(ctx.loaders)) loader.clearAll();
  return result;
}
