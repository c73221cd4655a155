import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { costOf } from '../limits/cost';
import { ContractFilter, UnionFilter } from '../schema/filters';
import { ImpactGroup } from '../schema/impact-types';
import { ImpactDimension, Measure, SubjectType } from '../schema/enums';
import { Citation, Claim, Event, PersonRole, Quantity, Union } from '../entities';
import { ContractConnection, UnionConnection } from '../schema/connections';
import { NameOrderField, type OrderOf, UnionOrder } from '../schema/orders';
import { ForwardPageArgs, PageArgs } from '../schema/page-args';
import { contractsOf } from '../loaders/contracts-of';
import { unionList } from '../services/lists/directory-lists';
import { listConnection } from '../services/lists/list';
import { foundOr404, ofMeasure } from './helpers';

@Resolver(() => Union)
export class UnionResolver {
  @Query(() => UnionConnection, { description: 'Trade unions, filtered and sorted, a page at a time.' })
  unions(
    @Args() page: PageArgs,
    @Arg('filter', () => UnionFilter, { nullable: true, description: 'Which unions.' }) filter: UnionFilter | null,
    @Arg('orderBy', () => UnionOrder, { nullable: true, defaultValue: new UnionOrder(), description: 'Sort order.' })
    orderBy: OrderOf<NameOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, unionList, filter, orderBy ?? new UnionOrder(), page);
  }

  @Query(() => Union, { nullable: true, description: 'One trade union by slug; an unknown slug is a NOT_FOUND error.' })
  union(@Arg('slug', { description: 'The union\'s slug, e.g. "unison".' }) slug: string, @Ctx() { loaders }: Context) {
    return foundOr404(loaders.unionBySlug.load(slug), 'union', slug);
  }

  @FieldResolver(() => [Quantity], { description: 'Figures about this union, optionally of one measure.' })
  async figures(
    @Root() union: Union,
    @Arg('measure', () => Measure, { nullable: true, description: 'Only figures of this measure.' }) measure: Measure | null,
    @Ctx() { loaders }: Context,
  ) {
    return ofMeasure(await loaders.quantitiesOfUnion.load(union.id), measure);
  }

  @FieldResolver(() => [Quantity], { description: 'Membership figures, one per source wording.' })
  async membership(@Root() union: Union, @Ctx() { loaders }: Context) {
    return ofMeasure(await loaders.quantitiesOfUnion.load(union.id), Measure.MEMBERSHIP);
  }

  @FieldResolver(() => ContractConnection, { description: 'Contracts this union is involved in, by title.' })
  contracts(@Root() union: Union, @Args() page: ForwardPageArgs, @Ctx() { loaders }: Context) {
    return contractsOf(loaders, 'union', union.id, page);
  }

  @FieldResolver(() => [Claim], { description: 'Claims made by or for this union.' })
  claims(@Root() union: Union, @Ctx() { loaders }: Context) {
    return loaders.claimsOfUnion.load(union.id);
  }

  @FieldResolver(() => [Event], { description: 'Events this union took part in.' })
  events(@Root() union: Union, @Ctx() { loaders }: Context) {
    return loaders.eventsOfUnion.load(union.id);
  }

  @FieldResolver(() => [PersonRole], { description: 'People who hold a role in this union.' })
  people(@Root() union: Union, @Ctx() { loaders }: Context) {
    return loaders.rolesInUnion.load(union.id);
  }

  @FieldResolver(() => [Citation], { description: "Quotes backing this union's record." })
  citations(@Root() union: Union, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.UNION, id: union.id });
  }

  @FieldResolver(() => ImpactGroup, {
    description:
      'The roll-up of the contracts this union is involved in (members: this union only); the same numbers as its group in `impact(groupBy: [UNION])`.',
  })
  @Extensions(costOf({ entityRollUp: true }))
  impact(
    @Root() union: Union,
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Only these contracts.' }) filter: ContractFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.entityImpact.load({ dimension: ImpactDimension.UNION, id: union.id, filter });
  }
}
