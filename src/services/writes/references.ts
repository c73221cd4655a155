import { fromGlobalId } from 'graphql-relay';
import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../errors';

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
  const { type, id } = fromGlobalId(globalId);
  const rowId = Number(id);
  if (type !== typeName || !Number.isInteger(rowId) || rowId <= 0) {
    throw badUserInput(field, `"${globalId}" is not the ID of a ${typeName}.`);
  }
  if (!(await tx.getRepository<{ id: number }>(entity).existsBy({ id: rowId }))) {
    throw badUserInput(field, `no current ${typeName} has the ID "${globalId}".`);
  }
  return rowId;
}
