import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Extensions, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { costOf } from '../limits/cost';
import { pageBounds } from '../limits/page-bounds';
import { Citation, Claim, Contract, OffshoreLocation, PublicBody, Supplier, Union } from '../entities';
import { ContractFilter } from '../schema/filters';
import { ImpactGroup, ImpactKey } from '../schema/impact-types';
import { ImpactDimension } from '../schema/enums';
import { ImpactOrder, ImpactOrderField, type OrderOf } from '../schema/orders';
import type { ImpactResult } from '../services/impact/impact';
import { orderMeasure, topGroups, topInTotals } from '../services/impact/order';
import { impactMeasuresAsked } from './impact-measures-asked';
import { knownOr, loadKeyEntities } from '../loaders/key-entities';
import { checkDeadline } from '../limits/timeout';

const FILTER = { nullable: true, description: 'Which contracts to roll up (the same filter as `contracts`).' } as const;

@Resolver(() => ImpactGroup)
export class ImpactResolver {
  @Query(() => [ImpactGroup], {
    description:
      "Roll-ups of jobs, offshoring, savings, losses and members, one group per combination of the dimensions' values, summed by the database. A contract in several groups (two buyers) counts in each; see `impactTotals` for each contract once.",
  })
  @Extensions({ ...costOf({ rollUp: 'groups' }), ...pageBounds({ min: 1, hint: 'leave it out for every group.' }) })
  async impact(
    @Arg('filter', () => ContractFilter, FILTER) filter: ContractFilter | null,
    @Arg('groupBy', () => [ImpactDimension], {
      description: 'Dimensions to group by, in the order the keys are wanted; each at most once.',
    })
    groupBy: ImpactDimension[],
    @Arg('orderBy', () => ImpactOrder, { nullable: true, defaultValue: new ImpactOrder(), description: 'Sort order of the groups.' })
    orderBy: OrderOf<ImpactOrderField> | null,
    @Arg('first', () => Int, {
      nullable: true,
      description:
        'Only the first n groups in that order (the 20 suppliers with the most jobs affected, say); every group when left out. At least 1.',
    })
    first: number | null,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { rollups, loaders } = context;
    const order = orderBy ?? new ImpactOrder();
    const top = first != null && topInTotals(order.field, groupBy) ? { ...order, first } : undefined;
    const measures = impactMeasuresAsked(info, orderMeasure(order.field));
    const groups = await topGroups(await rollups.rollUp({ filter, groupBy, top, measures }), order.field, order.direction, first);
    // Each key's object was loaded past the deadline check of its own resolver; loaded up front, it needs one here.
    checkDeadline(context, info);
    await loadKeyEntities(groups, info, loaders);
    return groups;
  }

  @Query(() => ImpactGroup, { description: 'The roll-up of the whole selection, each contract counted once.' })
  @Extensions(costOf({ rollUp: 'totals' }))
  async impactTotals(
    @Arg('filter', () => ContractFilter, FILTER) filter: ContractFilter | null,
    @Ctx() { rollups }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const [totals] = await rollups.rollUp({ filter, groupBy: [], measures: impactMeasuresAsked(info) });
    return totals;
  }

  @FieldResolver(() => [Citation], {
    description: "The distinct quotes behind the group's numbers: its figures, its offshoring entries and the claims backing them.",
  })
  async citations(@Root() group: ImpactResult, @Ctx() { loaders }: Context) {
    return loaders.citation.loadAll((await group.provenance()).citationIds);
  }

  @FieldResolver(() => [Claim], { description: "According to whom: the claims behind the group's offshoring entries, from every side." })
  async offshoringClaims(@Root() group: ImpactResult, @Ctx() { loaders }: Context) {
    return loaders.claim.loadAll((await group.provenance()).claimIds);
  }
}

@Resolver(() => ImpactKey)
export class ImpactKeyResolver {
  @FieldResolver(() => Contract, { nullable: true, description: 'With CONTRACT.' })
  contract(@Root() key: ImpactKey, @Ctx() { loaders }: Context) {
    return key.contractId == null ? null : knownOr(loaders.contract, key.contractId);
  }

  @FieldResolver(() => PublicBody, { nullable: true, description: 'With PUBLIC_BODY.' })
  publicBody(@Root() key: ImpactKey, @Ctx() { loaders }: Context) {
    return key.publicBodyId == null ? null : knownOr(loaders.publicBody, key.publicBodyId);
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'With SUPPLIER.' })
  supplier(@Root() key: ImpactKey, @Ctx() { loaders }: Context) {
    return key.supplierId == null ? null : knownOr(loaders.supplier, key.supplierId);
  }

  @FieldResolver(() => Union, { nullable: true, description: 'With UNION.' })
  union(@Root() key: ImpactKey, @Ctx() { loaders }: Context) {
    return key.unionId == null ? null : knownOr(loaders.union, key.unionId);
  }

  @FieldResolver(() => OffshoreLocation, { nullable: true, description: 'With OFFSHORE_LOCATION.' })
  offshoreLocation(@Root() key: ImpactKey, @Ctx() { loaders }: Context) {
    return key.offshoreLocationId == null ? null : knownOr(loaders.offshoreLocation, key.offshoreLocationId);
  }
}
