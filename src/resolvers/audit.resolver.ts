import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { RequireRole } from '../auth/require-role';
import type { Context } from '../context';
import { AuditEntry } from '../entities';
import { Role } from '../schema/enums';
import { AuditEntryConnection } from '../schema/connections';
import { AuditFilter } from '../schema/filters';
import { PageArgs } from '../schema/page-args';
import { auditList, NEWEST_FIRST } from '../services/lists/admin-lists';
import { listConnection } from '../services/lists/list';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every change, newest first: who, when, what, before and after. Needs an admin key.' })
  @RequireRole(Role.ADMIN, 'auditLog')
  auditLog(
    @Args() page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which changes.' }) filter: AuditFilter | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, auditList, filter, NEWEST_FIRST, page);
  }
}
