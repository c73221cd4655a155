import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ContractSupplier, ContractUnion, Supplier, Union } from '../entities';

@Resolver(() => ContractSupplier)
export class ContractSupplierResolver {
  @FieldResolver(() => Supplier, { description: 'The supplier.' })
  supplier(@Root() link: ContractSupplier, @Ctx() { loaders }: Context) {
    return loaders.supplier.load(link.supplierId);
  }
}

@Resolver(() => ContractUnion)
export class ContractUnionResolver {
  @FieldResolver(() => Union, { description: 'The union.' })
  union(@Root() link: ContractUnion, @Ctx() { loaders }: Context) {
    return loaders.union.load(link.unionId);
  }
}
