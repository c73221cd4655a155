import { Arg, Args, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { costOf } from '../limits/cost';
import {
  Citation,
  Claim,
  Contract,
  ContractClassification,
  ContractSupplier,
  ContractUnion,
  Event,
  OcdsRelease,
  Offshoring,
  PublicBody,
  Quantity,
} from '../entities';
import { ContractConnection } from '../schema/connections';
import { ImpactDimension, Measure, Service } from '../schema/enums';
import { ContractFilter } from '../schema/filters';
import { ImpactGroup } from '../schema/impact-types';
import { ContractOrder, ContractOrderField, type OrderOf } from '../schema/orders';
import { PageArgs } from '../schema/page-args';
import { contractList } from '../services/lists/contract-list';
import { listConnection } from '../services/lists/list';
import { citationsBehindContract, isContractContested } from '../loaders/provenance';
import { foundOr404, ofMeasure, withLiveParty } from './helpers';

@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => ContractConnection, { description: 'Contracts, filtered and sorted, a page at a time.' })
  contracts(
    @Args() page: PageArgs,
    @Arg('filter', () => ContractFilter, { nullable: true, description: 'Which contracts.' }) filter: ContractFilter | null,
    @Arg('orderBy', () => ContractOrder, { nullable: true, defaultValue: new ContractOrder(), description: 'Sort order.' })
    orderBy: OrderOf<ContractOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, contractList, filter, orderBy ?? new ContractOrder(), page);
  }

  @Query(() => Contract, { nullable: true, description: 'One contract by slug; an unknown slug is a NOT_FOUND error.' })
  contract(@Arg('slug', { description: "The contract's slug." }) slug: string, @Ctx() { loaders }: Context) {
    return foundOr404(loaders.contractBySlug.load(slug), 'contract', slug);
  }

  @FieldResolver(() => [PublicBody], { description: 'The public bodies buying or outsourcing (shared services may have several).' })
  buyers(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return loaders.buyersOfContract.load(contract.id);
  }

  @FieldResolver(() => [ContractSupplier], { description: 'The suppliers, each with its part.' })
  async suppliers(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    const links = await loaders.supplierLinksOfContract.load(contract.id);
    return withLiveParty(links, await loaders.supplier.loadMany(links.map((l) => l.supplierId)));
  }

  @FieldResolver(() => [ContractUnion], { description: 'The unions involved, each with its part.' })
  async unions(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    const links = await loaders.unionLinksOfContract.load(contract.id);
    return withLiveParty(links, await loaders.union.loadMany(links.map((l) => l.unionId)));
  }

  @FieldResolver(() => [Service], { description: 'The services moved or proposed to move.' })
  services(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return loaders.servicesOfContract.load(contract.id);
  }

  @FieldResolver(() => [Quantity], {
    description:
      'Figures about the contract (jobs affected, savings claimed, money lost …), one per source wording; optionally of one measure.',
  })
  async figures(
    @Root() contract: Contract,
    @Arg('measure', () => Measure, { nullable: true, description: 'Only figures of this measure.' }) measure: Measure | null,
    @Ctx() { loaders }: Context,
  ) {
    return ofMeasure(await loaders.quantitiesOfContract.load(contract.id), measure);
  }

  @FieldResolver(() => [Offshoring], { description: 'What each party says about moving the work abroad, per location.' })
  offshoring(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return loaders.offshoringsOfContract.load(contract.id);
  }

  @FieldResolver(() => [Claim], { description: 'Claims about the contract, from every side.' })
  claims(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return loaders.claimsOfContract.load(contract.id);
  }

  @FieldResolver(() => [Event], { description: "The contract's timeline." })
  events(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return loaders.eventsOfContract.load(contract.id);
  }

  @FieldResolver(() => [Citation], {
    description: 'Every quote behind the contract: its own, and those of its figures, offshoring entries, claims and events.',
  })
  citations(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return citationsBehindContract(loaders, contract);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when any claim or offshoring entry about the contract is contradicted by another party.',
  })
  contested(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return isContractContested(loaders, contract);
  }

  @FieldResolver(() => ImpactGroup, {
    description:
      "The contract's own roll-up: the envelope of its figures per measure, its offshored jobs by status and the members represented; the same numbers as its group in `impact(groupBy: [CONTRACT])`.",
  })
  @Extensions(costOf({ entityRollUp: true }))
  impact(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return loaders.entityImpact.load({ dimension: ImpactDimension.CONTRACT, id: contract.id });
  }

  @FieldResolver(() => [ContractClassification], { description: 'How the publisher classified it (CPV codes), for imported contracts.' })
  classifications(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    return loaders.classificationsOfContract.load(contract.id);
  }

  @FieldResolver(() => [OcdsRelease], {
    description: 'Every OCDS release imported about it, oldest first: the history of its published values.',
  })
  async releases(@Root() contract: Contract, @Ctx() { loaders }: Context) {
    const releases = await loaders.releasesOfContract.load(contract.id);
    return [...releases].sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.id - b.id);
  }
}
