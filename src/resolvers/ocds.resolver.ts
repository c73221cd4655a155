import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Contract, OcdsRelease, PartyMatch, PublicBody, Source, Supplier } from '../entities';
import { MatchedType } from '../schema/enums';
import { PartyMatchConnection } from '../schema/connections';
import { PartyMatchFilter, ReleaseValues } from '../schema/ocds-types';
import { PageArgs } from '../schema/page-args';
import { matchList, NEWEST_FIRST } from '../services/lists/admin-lists';
import { listConnection } from '../services/lists/list';

@Resolver(() => PartyMatch)
export class PartyMatchResolver {
  @Query(() => PartyMatchConnection, {
    description:
      'How imported parties were matched to bodies and suppliers, newest first: see each match, and undo a wrong one with `undoPartyMatch`.',
  })
  partyMatches(
    @Args() page: PageArgs,
    @Arg('filter', () => PartyMatchFilter, { nullable: true, description: 'Which matches.' }) filter: PartyMatchFilter | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, matchList, filter, NEWEST_FIRST, page);
  }

  @FieldResolver(() => PublicBody, { nullable: true, description: 'The public body it was matched to (for a buyer).' })
  publicBody(@Root() match: PartyMatch, @Ctx() { loaders }: Context) {
    return match.entityType === MatchedType.PUBLIC_BODY ? loaders.publicBody.load(match.entityId) : null;
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The supplier it was matched to (for a winning supplier).' })
  supplier(@Root() match: PartyMatch, @Ctx() { loaders }: Context) {
    return match.entityType === MatchedType.SUPPLIER ? loaders.supplier.load(match.entityId) : null;
  }

  @FieldResolver(() => Source, { description: 'The import the party came from.' })
  source(@Root() match: PartyMatch, @Ctx() { loaders }: Context) {
    return loaders.source.load(match.sourceId);
  }
}

@Resolver(() => OcdsRelease)
export class OcdsReleaseResolver {
  @FieldResolver(() => ReleaseValues, { description: 'What this release said: title, status, values, dates and parties.' })
  values(@Root() release: OcdsRelease): ReleaseValues {
    return JSON.parse(release.values) as ReleaseValues;
  }

  @FieldResolver(() => Source, { description: 'The import source it came from (package uri, publisher, publication date).' })
  source(@Root() release: OcdsRelease, @Ctx() { loaders }: Context) {
    return loaders.source.load(release.sourceId);
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract it describes; null for a tender with no award yet.' })
  contract(@Root() release: OcdsRelease, @Ctx() { loaders }: Context) {
    return release.contractId == null ? null : loaders.contract.load(release.contractId);
  }
}
