import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Citation, Contract, Offshoring, PublicBody, Quantity, Union } from '../entities';
import { SubjectType } from '../schema/enums';

@Resolver(() => Quantity)
export class QuantityResolver {
  @FieldResolver(() => [Citation], { description: 'Quotes giving this figure; every figure has at least one.' })
  citations(@Root() q: Quantity, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.QUANTITY, id: q.id });
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract the figure is about, if any.' })
  contract(@Root() q: Quantity, @Ctx() { loaders }: Context) {
    return q.contractId == null ? null : loaders.contract.load(q.contractId);
  }

  @FieldResolver(() => Offshoring, { nullable: true, description: 'The offshoring entry the figure is about, if any.' })
  offshoring(@Root() q: Quantity, @Ctx() { loaders }: Context) {
    return q.offshoringId == null ? null : loaders.offshoring.load(q.offshoringId);
  }

  @FieldResolver(() => PublicBody, {
    nullable: true,
    description: "The public body the figure is about (for a union's share of staff: whose staff).",
  })
  publicBody(@Root() q: Quantity, @Ctx() { loaders }: Context) {
    return q.publicBodyId == null ? null : loaders.publicBody.load(q.publicBodyId);
  }

  @FieldResolver(() => Union, { nullable: true, description: 'The union the figure is about, if any.' })
  union(@Root() q: Quantity, @Ctx() { loaders }: Context) {
    return q.unionId == null ? null : loaders.union.load(q.unionId);
  }
}
