import type { EntityManager } from 'typeorm';
import { Contract, ContractBuyer, ContractSupplier, ContractUnion, PublicBody, Supplier, Union } from '../../entities';
import { badUserInput } from '../../errors';
import type { Change } from './mutate';
import { resolveRef } from './references';

/** The three ways a contract links to a party: its join table, the party's column and entity. */
export const LINKS = {
  buyer: { join: ContractBuyer, column: 'publicBodyId', field: 'publicBody', entity: PublicBody, label: 'buyer' },
  supplier: { join: ContractSupplier, column: 'supplierId', field: 'supplier', entity: Supplier, label: 'supplier' },
  union: { join: ContractUnion, column: 'unionId', field: 'union', entity: Union, label: 'union' },
} as const;

export type LinkKind = keyof typeof LINKS;

/**
 * Links or unlinks a party. Linking a party already linked only changes its role (and is refused when the
 * role is the same); unlinking a party that is not linked is refused. The audit entry records the links
 * before and after.
 */
export async function changeLink(
  tx: EntityManager,
  kind: LinkKind,
  input: { contract: string; party: string; role?: string | null },
  link: boolean,
): Promise<Change<Contract>> {
  const spec = LINKS[kind];
  const contractId = await resolveRef(tx, 'contract', input.contract, Contract);
  const partyId = await resolveRef(tx, `${spec.field}`, input.party, spec.entity);
  const repo = tx.getRepository<Record<string, unknown>>(spec.join);
  const all = () => repo.find({ where: { contractId }, order: { [spec.column]: 'ASC' } });
  const before = await all();
  const where = { contractId, [spec.column]: partyId };
  const existing = before.find((row) => row[spec.column] === partyId);

  if (link) {
    if (existing && (input.role == null || existing.role === input.role)) {
      throw badUserInput(`${spec.field}`, `is already a ${spec.label} of this contract.`);
    }
    if (existing) await repo.update(where, { role: input.role });
    else await repo.insert({ ...where, ...(input.role != null ? { role: input.role } : {}) });
  } else {
    if (!existing) throw badUserInput(`${spec.field}`, `is not a ${spec.label} of this contract.`);
    await repo.delete(where);
  }
  const result = await tx.getRepository(Contract).findOneByOrFail({ id: contractId });
  return { entityType: 'Contract', entityId: contractId, before: { [`${kind}s`]: before }, after: { [`${kind}s`]: await all() }, result };
}
