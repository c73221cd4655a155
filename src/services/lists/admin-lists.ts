import { fromGlobalId } from 'graphql-relay';
import { AuditEntry, PartyMatch } from '../../entities';
import { badUserInput } from '../../errors';
import { OrderDirection } from '../../schema/enums';
import type { AuditFilter } from '../../schema/filters';
import type { PartyMatchFilter } from '../../schema/ocds-types';
import type { ListSpec } from './list';
import { whereIn } from './sql-conditions';

/** The order of the logs an admin reads: newest first (ids grow with time). */
export const NEWEST_FIRST = { field: 'ID', direction: OrderDirection.DESC } as const;

/** The audit log: every change, by key, operation, type, record and time. */
export const auditList: ListSpec<AuditEntry, AuditFilter, 'ID'> = {
  entity: AuditEntry,
  alias: 'a',
  applyFilter(qb, f) {
    whereIn(qb, 'a.key_name', f.keyNames);
    whereIn(qb, 'a.operation', f.operations);
    whereIn(qb, 'a.entity_type', f.entityTypes);
    if (f.entity != null) {
      const { type, id } = fromGlobalId(f.entity);
      if (!type || !/^[1-9]\d*$/.test(id)) throw badUserInput('filter.entity', `"${f.entity}" is not an ID issued by this API.`);
      qb.andWhere('a.entity_type = :auditType AND a.entity_id = :auditId', { auditType: type, auditId: Number(id) });
    }
    if (f.since != null) qb.andWhere('a.at >= :auditSince', { auditSince: f.since });
    if (f.until != null) qb.andWhere('a.at < :auditUntil', { auditUntil: f.until });
  },
  sortKeys: () => [],
};

/** How imported parties were matched to records. */
export const matchList: ListSpec<PartyMatch, PartyMatchFilter, 'ID'> = {
  entity: PartyMatch,
  alias: 'pm',
  applyFilter(qb, f) {
    whereIn(qb, 'pm.method', f.methods);
    whereIn(qb, 'pm.entity_type', f.entityTypes);
    if (f.undone != null) qb.andWhere(f.undone ? 'pm.undone_at IS NOT NULL' : 'pm.undone_at IS NULL');
  },
  sortKeys: () => [],
};
