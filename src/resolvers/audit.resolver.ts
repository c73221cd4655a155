import { ArrayMaxSize, IsOptional } from 'class-validator';
import { MAX_FILTER_VALUES } from '../schema/filters';
import { badUserInput } from '../errors';
import { fromGlobalId } from 'graphql-relay';
import { Arg, Args, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { RequireRole } from '../auth/require-role';
import type { Context } from '../context';
import { AuditEntry } from '../entities';
import { Role } from '../entities/api-key';
import { ConnectionType } from '../schema/connection-type';
import { OrderDirection } from '../schema/enums';
import { PageArgs } from '../schema/page-args';
import { listConnection, type ListSpec } from '../services/lists/list';
import { whereIn } from '../services/lists/sql-conditions';

@InputType({ description: 'Narrows the audit log.' })
export class AuditFilter {
  @Field(() => [String], { nullable: true, description: 'Changes made with any of these keys (by name).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsOptional()
  keyNames?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these mutations ("updateContract" …).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsOptional()
  operations?: string[];

  @Field(() => [String], { nullable: true, description: 'Changes to records of any of these types ("Contract" …).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsOptional()
  entityTypes?: string[];

  @Field(() => ID, { nullable: true, description: 'Changes to this one record (its global ID).' })
  @IsOptional()
  entity?: string;

  @Field(() => Date, { nullable: true, description: 'Changes at or after this time.' })
  @IsOptional()
  since?: Date;

  @Field(() => Date, { nullable: true, description: 'Changes before this time.' })
  @IsOptional()
  until?: Date;
}

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry', 'audit log entries');

const auditList: ListSpec<AuditEntry, AuditFilter, 'ID'> = {
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

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every change, newest first: who, when, what, before and after. Needs an admin key.' })
  @RequireRole(Role.ADMIN, 'auditLog')
  auditLog(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which changes.' }) filter: AuditFilter | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, auditList, filter, { field: 'ID', direction: OrderDirection.DESC }, page);
  }
}
