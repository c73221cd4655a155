import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ContractStatus, EventKind, LocationKind, OffshoringStatus, PublicBodyKind, Sector, Service, SourceKind, Stance } from './enums';

// In every filter: an omitted field constrains nothing; a list matches any of its values; an empty list matches nothing.
/** The most values one list in a filter may hold: each is a bound parameter, and databases cap those. */
export const MAX_FILTER_VALUES = 1000;

const SEARCH = 'Case- and accent-insensitive text to find in names, aliases, titles or quotes.';

@InputType({ description: 'Narrows a list of public bodies.' })
export class PublicBodyFilter {
  @Field(() => [PublicBodyKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: PublicBodyKind[];

  @Field(() => [Sector], { nullable: true, description: 'Any of these sectors.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  sectors?: Sector[];

  @Field(() => String, { nullable: true, description: 'Slug of the parent body.' })
  parent?: string;

  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of suppliers.' })
export class SupplierFilter {
  @Field(() => [String], { nullable: true, description: 'Any of these home countries (ISO 3166-1 alpha-2).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  homeCountries?: string[];

  @Field(() => String, { nullable: true, description: 'Slug of the parent company.' })
  parent?: string;

  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of trade unions.' })
export class UnionFilter {
  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of offshore locations.' })
export class OffshoreLocationFilter {
  @Field(() => [LocationKind], { nullable: true, description: 'Countries, regions or both.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: LocationKind[];

  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of sources.' })
export class SourceFilter {
  @Field(() => [SourceKind], { nullable: true, description: 'Any of these kinds of document.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: SourceKind[];

  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of people.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of contracts. Every field given must match (AND); each list matches any of its values (OR).' })
export class ContractFilter {
  @Field(() => [ContractStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  statuses?: ContractStatus[];

  @Field(() => [Service], { nullable: true, description: 'Moves any of these services.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  services?: Service[];

  @Field(() => [String], { nullable: true, description: 'Bought by any of these public bodies (slugs).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  buyers?: string[];

  @Field(() => [Sector], { nullable: true, description: 'Bought by a body in any of these sectors.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  sectors?: Sector[];

  @Field(() => [String], { nullable: true, description: 'Involves any of these suppliers (slugs).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  suppliers?: string[];

  @Field(() => [String], { nullable: true, description: 'Involves any of these unions (slugs).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  unions?: string[];

  @Field(() => [String], { nullable: true, description: 'Has offshoring to any of these locations (slugs), whatever its status.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  offshoreLocations?: string[];

  @Field(() => [OffshoringStatus], { nullable: true, description: 'Has offshoring with any of these statuses.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  offshoringStatuses?: OffshoringStatus[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only back-office outsourcing (every contract from the documents, and imported ones the classification rule flags); false: only the rest.',
  })
  outsourcing?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only contracts an OCDS import created; false: only those from the documents.',
  })
  imported?: boolean;

  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of claims.' })
export class ClaimFilter {
  @Field(() => [Stance], { nullable: true, description: 'Asserting, denying or both.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  stances?: Stance[];

  @Field(() => String, { nullable: true, description: 'About this contract (slug).' })
  contract?: string;

  @Field(() => String, { nullable: true, description: 'Made by or for this union (slug).' })
  union?: string;

  @Field(() => String, { nullable: true, description: 'Made by or for this public body (slug).' })
  publicBody?: string;

  @Field(() => String, { nullable: true, description: 'Made by this person (slug).' })
  person?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only claims that another claim contradicts; false: only uncontested ones.' })
  contested?: boolean;

  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows a list of events.' })
export class EventFilter {
  @Field(() => [EventKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  kinds?: EventKind[];

  @Field(() => String, { nullable: true, description: 'About this contract (slug).' })
  contract?: string;

  @Field(() => String, { nullable: true, description: 'Involving this union (slug).' })
  union?: string;

  @Field(() => String, { nullable: true, description: 'Involving this public body (slug).' })
  publicBody?: string;

  @Field(() => Int, { nullable: true, description: 'In this year (events whose year is unknown never match).' })
  year?: number;

  @Field(() => String, { nullable: true, description: SEARCH })
  @IsOptional()
  @Length(1, 200)
  search?: string;
}

@InputType({ description: 'Narrows the audit log.' })
export class AuditFilter {
  @Field(() => [String], { nullable: true, description: 'Changes made with any of these keys (by name).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  keyNames?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these mutations ("updateContract" …).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  operations?: string[];

  @Field(() => [String], { nullable: true, description: 'Changes to records of any of these types ("Contract" …).' })
  @IsOptional()
  @ArrayMaxSize(MAX_FILTER_VALUES)
  entityTypes?: string[];

  @Field(() => ID, { nullable: true, description: 'Changes to this one record (its global ID).' })
  @IsOptional()
  entity?: string;

  @Field(() => Date, { nullable: true, description: 'Changes at or after this time.' })
  @IsOptional()
  since?: Date;

  @Field(() => Date, { nullable: true, description: 'Changes before this time.' })
  @IsOptional()
  until?: Date;
}
