import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { costOf } from '../limits/cost';
import { ContractFilter, PublicBodyFilter } from '../schema/filters';
import { ImpactGroup } from '../schema/impact-types';
import { ImpactDimension, Measure, SubjectType } from '../schema/enums';
import { Citation, Claim, Event, PartyMatch, PersonRole, PublicBody, Quantity } from '../entities';
import { PublicBodyConnection, ContractConnection } from '../schema/connections';
import { NameOrderField, PublicBodyOrder, type OrderOf } from '../schema/orders';
import { ForwardPageArgs, PageArgs } from '../schema/page-args';
import { contractsOf } from '../loaders/contracts-of';
import { listConnection } from '../services/lists/list';
import { publicBodyList } from '../services/lists/directory-lists';
import { foundOr404, ofMeasure } from './helpers';

@Resolver(() => PublicBody)
export class PublicBodyResolver {
  @Query(() => PublicBodyConnection, { description: 'Public bodies, filtered and sorted, a page at a time.' })
  publicBodies(
    @Args() page: PageArgs,
    @Arg('filter', () => PublicBodyFilter, { nullable: true, description: 'Which bodies.' }) filter: PublicBodyFilter | null,
    @Arg('orderBy', () => PublicBodyOrder, { nullable: true, defaultValue: new PublicBodyOrder(), description: 'Sort order.' })
    orderBy: OrderOf<NameOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, publicBodyList, filter, orderBy ?? new PublicBodyOrder(), page);
  }

  @Query(() => PublicBody, { nullable: true, description: 'One public body by slug; an unknown slug is a NOT_FOUND error.' })
  publicBody(
    @Arg('slug', { description: 'The body\'s slug, e.g. "cambridgeshire-county-council".' }) slug: string,
    @Ctx() { loaders }: Context,
  ) {
    return foundOr404(loaders.publicBodyBySlug.load(slug), 'public body', slug);
  }

  @FieldResolver(() => PublicBody, { nullable: true, description: 'The body this one is part of.' })
  parent(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return body.parentId == null ? null : loaders.publicBody.load(body.parentId);
  }

  @FieldResolver(() => [PublicBody], { description: 'Bodies that are part of this one.' })
  children(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return loaders.childBodies.load(body.id);
  }

  @FieldResolver(() => [Quantity], {
    description: 'Figures about this body (staff, job cuts, union membership among its staff), optionally of one measure.',
  })
  async figures(
    @Root() body: PublicBody,
    @Arg('measure', () => Measure, { nullable: true, description: 'Only figures of this measure.' }) measure: Measure | null,
    @Ctx() { loaders }: Context,
  ) {
    return ofMeasure(await loaders.quantitiesOfPublicBody.load(body.id), measure);
  }

  @FieldResolver(() => [Quantity], { description: 'Staff counts reported for this body, one per source wording.' })
  async staffCount(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return ofMeasure(await loaders.quantitiesOfPublicBody.load(body.id), Measure.STAFF_COUNT);
  }

  @FieldResolver(() => ContractConnection, { description: 'Contracts this body buys (is a buyer of), by title.' })
  contracts(@Root() body: PublicBody, @Args() page: ForwardPageArgs, @Ctx() { loaders }: Context) {
    return contractsOf(loaders, 'buyer', body.id, page);
  }

  @FieldResolver(() => [Claim], { description: 'Claims made by or for this body.' })
  claims(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return loaders.claimsOfPublicBody.load(body.id);
  }

  @FieldResolver(() => [Event], { description: 'Events involving this body.' })
  events(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return loaders.eventsOfPublicBody.load(body.id);
  }

  @FieldResolver(() => [PersonRole], { description: 'People who hold a role in this body.' })
  people(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return loaders.rolesInPublicBody.load(body.id);
  }

  @FieldResolver(() => [Citation], { description: "Quotes backing this body's record." })
  citations(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.PUBLIC_BODY, id: body.id });
  }

  @FieldResolver(() => ImpactGroup, {
    description: 'The roll-up of the contracts this body buys; the same numbers as its group in `impact(groupBy: [PUBLIC_BODY])`.',
  })
  @Extensions(costOf({ entityRollUp: true }))
  impact(
    @Root() body: PublicBody,
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Only these contracts.' }) filter: ContractFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.entityImpact.load({ dimension: ImpactDimension.PUBLIC_BODY, id: body.id, filter });
  }

  @FieldResolver(() => [PartyMatch], {
    description: 'The parties in imported data matched to this body, and how (undone matches included).',
  })
  matches(@Root() body: PublicBody, @Ctx() { loaders }: Context) {
    return loaders.matchesOfPublicBody.load(body.id);
  }
}
