import { createUnionType, Field, ObjectType } from 'type-graphql';
import {
  Citation,
  Claim,
  Contract,
  Event,
  OffshoreLocation,
  Offshoring,
  Person,
  PersonRole,
  PublicBody,
  Quantity,
  Source,
  Supplier,
  Union,
} from '../entities';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Anything `search` can find.',
  types: () => [PublicBody, Contract, Supplier, OffshoreLocation, Union, Person, Source, Quantity, Claim, Event, Citation] as const,
});

export const CitationSubject = createUnionType({
  name: 'CitationSubject',
  description: 'Any record a citation can back.',
  types: () =>
    [Source, PublicBody, Supplier, Union, OffshoreLocation, Person, PersonRole, Contract, Offshoring, Quantity, Claim, Event] as const,
});

@ObjectType({ description: 'One search result: the record, and the text of it that matched.' })
export class SearchHit {
  // `node` is resolved by SearchHitResolver, only when asked for.
  @Field({ description: 'Which of its texts matched: name, alias, title, acronym, quote, statement …' })
  field!: string;

  @Field({ description: 'The text that matched, as stored.' })
  text!: string;
}
