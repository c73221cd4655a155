import { fromGlobalId } from 'graphql-relay';
import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../errors';

/** The row id a global ID names, checked to be of the expected type; otherwise BAD_USER_INPUT naming the field. */
function rowIdOf(field: string, globalId: string, typeName: string): number {
  const { type, id } = fromGlobalId(globalId);
  const rowId = Number(id);
  if (type !== typeName || !Number.isInteger(rowId) || rowId <= 0) {
    throw badUserInput(field, `"${globalId}" is not the ID of a ${typeName}.`);
  }
  return rowId;
}

const noCurrent = (field: string, globalId: string, typeName: string) =>
  badUserInput(field, `no current ${typeName} has the ID "${globalId}".`);

/**
 * The row id behind a global ID given in an input field, checked to be of the expected type and to name a
 * current (not archived) record; otherwise BAD_USER_INPUT naming the field.
 */
export async function resolveRef(
  tx: EntityManager,
  field: string,
  globalId: string,
  entity: new () => { id: number },
  typeName = entity.name,
): Promise<number> {
  const rowId = rowIdOf(field, globalId, typeName);
  if (!(await tx.getRepository<{ id: number }>(entity).existsBy({ id: rowId }))) throw noCurrent(field, globalId, typeName);
  return rowId;
}

/** As `resolveRef`, for a caller that needs the record itself: one read instead of two. */
export async function resolveRow<E extends { id: number }>(
  tx: EntityManager,
  field: string,
  globalId: string,
  entity: new () => E,
): Promise<E> {
  const rowId = rowIdOf(field, globalId, entity.name);
  const row = await tx.getRepository<{ id: number }>(entity).findOneBy({ id: rowId });
  if (!row) throw noCurrent(field, globalId, entity.name);
  return row as E;
}
