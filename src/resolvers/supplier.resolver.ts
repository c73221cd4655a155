import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { costOf } from '../limits/cost';
import { ContractFilter, SupplierFilter } from '../schema/filters';
import { ImpactGroup } from '../schema/impact-types';
import { ImpactDimension, SubjectType } from '../schema/enums';
import { Citation, Claim, PartyMatch, PersonRole, Supplier } from '../entities';
import { ContractConnection, SupplierConnection } from '../schema/connections';
import { NameOrderField, type OrderOf, SupplierOrder } from '../schema/orders';
import { ForwardPageArgs, PageArgs } from '../schema/page-args';
import { contractsOf } from '../loaders/contracts-of';
import { supplierList } from '../services/lists/directory-lists';
import { listConnection } from '../services/lists/list';
import { foundOr404 } from './helpers';

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => SupplierConnection, { description: 'Suppliers, filtered and sorted, a page at a time.' })
  suppliers(
    @Args() page: PageArgs,
    @Arg('filter', () => SupplierFilter, { nullable: true, description: 'Which suppliers.' }) filter: SupplierFilter | null,
    @Arg('orderBy', () => SupplierOrder, { nullable: true, defaultValue: new SupplierOrder(), description: 'Sort order.' })
    orderBy: OrderOf<NameOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, supplierList, filter, orderBy ?? new SupplierOrder(), page);
  }

  @Query(() => Supplier, { nullable: true, description: 'One supplier by slug; an unknown slug is a NOT_FOUND error.' })
  supplier(@Arg('slug', { description: 'The supplier\'s slug, e.g. "arvato".' }) slug: string, @Ctx() { loaders }: Context) {
    return foundOr404(loaders.supplierBySlug.load(slug), 'supplier', slug);
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The company that owns this one, when the sources say.' })
  parent(@Root() supplier: Supplier, @Ctx() { loaders }: Context) {
    return supplier.parentId == null ? null : loaders.supplier.load(supplier.parentId);
  }

  @FieldResolver(() => [Supplier], { description: 'Companies this one owns.' })
  subsidiaries(@Root() supplier: Supplier, @Ctx() { loaders }: Context) {
    return loaders.subsidiaries.load(supplier.id);
  }

  @FieldResolver(() => ContractConnection, { description: 'Contracts this supplier provides or bids for, by title.' })
  contracts(@Root() supplier: Supplier, @Args() page: ForwardPageArgs, @Ctx() { loaders }: Context) {
    return contractsOf(loaders, 'supplier', supplier.id, page);
  }

  @FieldResolver(() => [Claim], { description: 'Claims made by or for this supplier.' })
  claims(@Root() supplier: Supplier, @Ctx() { loaders }: Context) {
    return loaders.claimsOfSupplier.load(supplier.id);
  }

  @FieldResolver(() => [PersonRole], { description: 'People who hold a role in this supplier.' })
  people(@Root() supplier: Supplier, @Ctx() { loaders }: Context) {
    return loaders.rolesInSupplier.load(supplier.id);
  }

  @FieldResolver(() => [Citation], { description: "Quotes backing this supplier's record." })
  citations(@Root() supplier: Supplier, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.SUPPLIER, id: supplier.id });
  }

  @FieldResolver(() => ImpactGroup, {
    description:
      'The roll-up of the contracts this supplier provides or bids for; the same numbers as its group in `impact(groupBy: [SUPPLIER])`.',
  })
  @Extensions(costOf({ entityRollUp: true }))
  impact(
    @Root() supplier: Supplier,
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Only these contracts.' }) filter: ContractFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.entityImpact.load({ dimension: ImpactDimension.SUPPLIER, id: supplier.id, filter });
  }

  @FieldResolver(() => [PartyMatch], {
    description: 'The parties in imported data matched to this supplier, and how (undone matches included).',
  })
  matches(@Root() supplier: Supplier, @Ctx() { loaders }: Context) {
    return loaders.matchesOfSupplier.load(supplier.id);
  }
}
