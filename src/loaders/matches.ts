import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { PartyMatch } from '../entities';
import type { MatchedType } from '../schema/enums';
import { groupBy } from '../util/group-by';

/** The import matches that resolved to each record of one kind, oldest first (undone ones included). */
export function matchesOf(ds: DataSource, type: MatchedType) {
  return new DataLoader<number, PartyMatch[]>(async (ids) => {
    const rows = await ds.getRepository(PartyMatch).find({ where: { entityType: type, entityId: In([...ids]) }, order: { id: 'ASC' } });
    const groups = groupBy(rows, (row) => row.entityId);
    return ids.map((id) => groups.get(id) ?? []);
  });
}
