import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { costOf } from '../limits/cost';
import { ContractFilter, OffshoreLocationFilter } from '../schema/filters';
import { ImpactGroup } from '../schema/impact-types';
import { ImpactDimension, SubjectType } from '../schema/enums';
import { Citation, OffshoreLocation, Offshoring } from '../entities';
import { ContractConnection, OffshoreLocationConnection } from '../schema/connections';
import { NameOrderField, OffshoreLocationOrder, type OrderOf } from '../schema/orders';
import { ForwardPageArgs, PageArgs } from '../schema/page-args';
import { contractsOf } from '../loaders/contracts-of';
import { offshoreLocationList } from '../services/lists/directory-lists';
import { listConnection } from '../services/lists/list';
import { foundOr404 } from './helpers';

@Resolver(() => OffshoreLocation)
export class OffshoreLocationResolver {
  @Query(() => OffshoreLocationConnection, { description: 'Offshore locations, filtered and sorted, a page at a time.' })
  offshoreLocations(
    @Args() page: PageArgs,
    @Arg('filter', () => OffshoreLocationFilter, { nullable: true, description: 'Which locations.' }) filter: OffshoreLocationFilter | null,
    @Arg('orderBy', () => OffshoreLocationOrder, { nullable: true, defaultValue: new OffshoreLocationOrder(), description: 'Sort order.' })
    orderBy: OrderOf<NameOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, offshoreLocationList, filter, orderBy ?? new OffshoreLocationOrder(), page);
  }

  @Query(() => OffshoreLocation, { nullable: true, description: 'One offshore location by slug; an unknown slug is a NOT_FOUND error.' })
  offshoreLocation(@Arg('slug', { description: 'The location\'s slug, e.g. "india".' }) slug: string, @Ctx() { loaders }: Context) {
    return foundOr404(loaders.offshoreLocationBySlug.load(slug), 'offshore location', slug);
  }

  @FieldResolver(() => [Offshoring], { description: 'Every entry about work moving here, whatever its status.' })
  offshoring(@Root() location: OffshoreLocation, @Ctx() { loaders }: Context) {
    return loaders.offshoringsOfLocation.load(location.id);
  }

  @FieldResolver(() => ContractConnection, { description: 'Contracts with any offshoring entry for this location, by title.' })
  contracts(@Root() location: OffshoreLocation, @Args() page: ForwardPageArgs, @Ctx() { loaders }: Context) {
    return contractsOf(loaders, 'location', location.id, page);
  }

  @FieldResolver(() => [Citation], { description: "Quotes backing this location's record." })
  citations(@Root() location: OffshoreLocation, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.OFFSHORE_LOCATION, id: location.id });
  }

  @FieldResolver(() => ImpactGroup, {
    description:
      'The roll-up of the contracts with offshoring here (offshored jobs: entries for this location only); the same numbers as its group in `impact(groupBy: [OFFSHORE_LOCATION])`.',
  })
  @Extensions(costOf({ entityRollUp: true }))
  impact(
    @Root() location: OffshoreLocation,
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Only these contracts.' }) filter: ContractFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.entityImpact.load({ dimension: ImpactDimension.OFFSHORE_LOCATION, id: location.id, filter });
  }
}
