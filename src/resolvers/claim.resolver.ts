import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Citation, Claim, Contract, Offshoring, Person, PublicBody, Supplier, Union } from '../entities';
import { ClaimConnection } from '../schema/connections';
import { SubjectType } from '../schema/enums';
import { ClaimFilter } from '../schema/filters';
import { ClaimOrder, ClaimOrderField, type OrderOf } from '../schema/orders';
import { PageArgs } from '../schema/page-args';
import { claimList } from '../services/lists/claim-event-lists';
import { listConnection } from '../services/lists/list';
import { counterclaims } from '../loaders/provenance';

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, {
    description: 'Claims, filtered and sorted, a page at a time (default: by proposition, so both sides sit together).',
  })
  claims(
    @Args() page: PageArgs,
    @Arg('filter', () => ClaimFilter, { nullable: true, description: 'Which claims.' }) filter: ClaimFilter | null,
    @Arg('orderBy', () => ClaimOrder, { nullable: true, defaultValue: new ClaimOrder(), description: 'Sort order.' })
    orderBy: OrderOf<ClaimOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, claimList, filter, orderBy ?? new ClaimOrder(), page);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The person who made the claim, when named.' })
  person(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return claim.personId == null ? null : loaders.person.load(claim.personId);
  }

  @FieldResolver(() => Union, { nullable: true, description: 'The union the claim is made by or for.' })
  union(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return claim.unionId == null ? null : loaders.union.load(claim.unionId);
  }

  @FieldResolver(() => PublicBody, { nullable: true, description: 'The public body the claim is made by or for.' })
  publicBody(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return claim.publicBodyId == null ? null : loaders.publicBody.load(claim.publicBodyId);
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The supplier the claim is made by or for.' })
  supplier(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return claim.supplierId == null ? null : loaders.supplier.load(claim.supplierId);
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract the claim is about, if any.' })
  contract(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return claim.contractId == null ? null : loaders.contract.load(claim.contractId);
  }

  @FieldResolver(() => Offshoring, { nullable: true, description: 'The offshoring entry the claim backs, if any.' })
  offshoring(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return claim.offshoringId == null ? null : loaders.offshoring.load(claim.offshoringId);
  }

  @FieldResolver(() => [Claim], { description: 'Claims on the same proposition with the opposite stance: the other side.' })
  counterclaims(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return counterclaims(loaders, claim);
  }

  @FieldResolver(() => Boolean, { description: 'True when another claim contradicts this one.' })
  async contested(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return (await counterclaims(loaders, claim)).length > 0;
  }

  @FieldResolver(() => [Citation], { description: 'Quotes recording the claim.' })
  citations(@Root() claim: Claim, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.CLAIM, id: claim.id });
  }
}
