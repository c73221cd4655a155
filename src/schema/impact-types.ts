import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ContractStatus, OffshoringStatus, Sector, Service } from './enums';

@ObjectType({
  description:
    'A summed range. Each contract contributes the envelope of its figures for the measure (lowest low, highest high); contracts with no figure add 0 and are not counted in `basedOn`. An open-ended figure keeps the sum open.',
})
export class Range {
  @Field(() => Float, { description: 'Sum of the lower bounds.' })
  low!: number;

  @Field(() => Float, { nullable: true, description: 'Sum of the upper bounds; null when any contributing figure is open-ended.' })
  high!: number | null;

  @Field(() => Int, { description: 'How many contracts (or, for members, union–body pairs) had a figure: the rest are unknown, not zero.' })
  basedOn!: number;
}

@ObjectType({
  description:
    'Jobs said to move abroad, by what is said about the move. A contract counts under every status it has an entry with; `denied` is reported apart and is never added to the others.',
})
export class OffshoredJobs {
  @Field(() => Range, { description: 'Planned, alleged or confirmed: each contract once, the envelope over its non-denied entries.' })
  atRisk!: Range;

  @Field(() => Range, { description: 'Where the move is confirmed.' })
  confirmed!: Range;

  @Field(() => Range, { description: 'Where the move is reported as planned.' })
  planned!: Range;

  @Field(() => Range, { description: 'Where a party alleges the move.' })
  alleged!: Range;

  @Field(() => Range, { description: 'Where a party denies the move (often the same jobs another party alleges).' })
  denied!: Range;
}

@ObjectType({ description: 'Savings claimed, in GBP. Yearly figures and totals are kept apart: a total is never annualised by guesswork.' })
export class SavingsClaimed {
  @Field(() => Range, { description: 'Savings the sources give per year.' })
  perYear!: Range;

  @Field(() => Range, { description: 'Savings given as a total or with no period.' })
  total!: Range;

  // A function on the source object, called only when selected (it needs the group's provenance statement).
  @Field(() => [Int], {
    simple: true,
    description: 'Price base years of the figures summed, when the sources state them (empty when none does).',
  })
  priceYears!: () => Promise<number[]>;
}

@ObjectType({ description: 'The values that define a group; only the dimensions grouped by are set, and a null among those means "none".' })
export class ImpactKey {
  contractId?: number | null;
  publicBodyId?: number | null;
  supplierId?: number | null;
  unionId?: number | null;
  offshoreLocationId?: number | null;

  @Field(() => Sector, { nullable: true, description: 'With SECTOR.' })
  sector?: Sector | null;

  @Field(() => String, { nullable: true, description: 'With SUPPLIER_COUNTRY: ISO 3166-1 alpha-2.' })
  supplierCountry?: string | null;

  @Field(() => OffshoringStatus, { nullable: true, description: 'With OFFSHORING_STATUS.' })
  offshoringStatus?: OffshoringStatus | null;

  @Field(() => Service, { nullable: true, description: 'With SERVICE.' })
  service?: Service | null;

  @Field(() => ContractStatus, { nullable: true, description: 'With STATUS.' })
  status?: ContractStatus | null;

  @Field(() => Int, { nullable: true, description: 'With YEAR.' })
  year?: number | null;
}

@ObjectType({ description: 'The roll-up of one group of contracts (or of the whole selection, for totals).' })
export class ImpactGroup {
  @Field(() => ImpactKey, { description: "The group's dimension values, as navigable objects." })
  key!: ImpactKey;

  @Field(() => Int, { description: 'Contracts in the group, each counted once.' })
  contractCount!: number;

  @Field(() => Range, { description: 'Jobs affected (transferred, cut or otherwise touched).' })
  jobsAffected!: Range;

  // Functions on the source object, like priceYears: each is a statement of its own, run only when selected.
  @Field(() => OffshoredJobs, {
    simple: true,
    description:
      "Jobs at risk of offshoring, per status. Per offshoring entry: the entry's own jobs figure, else the contract's offshored-jobs figure, else its jobs affected (the work said to move).",
  })
  jobsOffshored!: () => Promise<OffshoredJobs>;

  @Field(() => SavingsClaimed, { description: 'Savings claimed.' })
  savingsClaimed!: SavingsClaimed;

  @Field(() => Range, { description: 'Money lost: overruns, write-offs, money wasted.' })
  moneyLost!: Range;

  @Field(() => Range, {
    simple: true,
    description:
      "Union members among the buyers' staff: for each distinct union–buyer pair in the group, the union's share of the body's staff times its staff count, where both are known.",
  })
  membersRepresented!: () => Promise<Range>;

  @Field({ description: 'True when a contract in the group has a claim or offshoring entry that another party contradicts.' })
  contested!: boolean;
}
