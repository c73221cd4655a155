import type { GraphQLResolveInfo } from 'graphql';
import { fieldsUnder } from '../util/selected-fields';
import type { ImpactResult } from '../services/impact/impact';
import type { IdLoader } from './batch';
import type { Loaders } from './index';

/** The navigable objects of an ImpactKey: each field with the key's id it follows. */
const KEY_ENTITIES = {
  contract: 'contractId',
  publicBody: 'publicBodyId',
  supplier: 'supplierId',
  union: 'unionId',
  offshoreLocation: 'offshoreLocationId',
} as const;
type KeyEntity = keyof typeof KEY_ENTITIES;

/** Which navigable objects the groups' keys are asked for, wherever `key` is selected under this field. */
export function keyEntitiesAsked(info: GraphQLResolveInfo): KeyEntity[] {
  const keys = fieldsUnder(info).filter((f) => f.name.value === 'key');
  const asked = new Set(fieldsUnder(info, keys).map((f) => f.name.value));
  return (Object.keys(KEY_ENTITIES) as KeyEntity[]).filter((field) => asked.has(field));
}

/**
 * Loads every group's key objects the query asks for, in batches, before the groups are answered: each key
 * then answers its object as a value (`knownOr`), not as a promise of its own — 100,000 suppliers' names
 * were 100,000 promises and seconds of garbage collection.
 */
export async function loadKeyEntities(groups: ImpactResult[], info: GraphQLResolveInfo, loaders: Loaders): Promise<void> {
  await Promise.all(
    keyEntitiesAsked(info).map((field) => {
      const ids = new Set(groups.map((group) => group.key[KEY_ENTITIES[field]]).filter((id): id is number => id != null));
      return (loaders[field] as IdLoader<unknown>).loadMany([...ids]);
    }),
  );
}

/** A record the loader already holds, as a value; otherwise loaded. */
export function knownOr<E>(loader: IdLoader<E>, id: number): E | null | Promise<E | null> {
  const known = loader.peek(id);
  return known !== undefined ? known : loader.load(id);
}
