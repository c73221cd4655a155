import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { MatchedType, MatchMethod } from '../schema/enums';
import { toGlobalId } from 'graphql-relay';

/**
 * How an imported party (scheme + identifier) was resolved to a record: kept so a researcher can see each
 * match and undo a wrong one. A party has at most one live match per kind; an undone one keeps its row.
 */
@Entity('party_match')
@Index(['entityType', 'scheme', 'identifier'])
@ObjectType({ description: 'How a party in imported data was matched to a public body or supplier: see it, and undo it if it is wrong.' })
export class PartyMatch {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Opaque global ID; pass it to `undoPartyMatch`.' })
  get globalId(): string {
    return toGlobalId('PartyMatch', String(this.id));
  }

  @Field({ description: 'The identifier scheme, e.g. GB-COH (Companies House), GB-CFS (Contracts Finder), GB-LAC (local authority code).' })
  @Column('varchar', { length: 40 })
  scheme!: string;

  @Field({ description: 'The identifier within the scheme, normalised (no spreadsheet ".0"; Companies House numbers zero-padded to 8).' })
  @Column('varchar', { length: 200 })
  identifier!: string;

  @Field({ description: "The party's name as the data gave it." })
  @Column('text')
  publishedName!: string;

  @Field(() => MatchedType, { description: 'Whether it became a public body or a supplier.' })
  @Column('varchar', { length: 20 })
  entityType!: MatchedType;

  @Column('integer')
  entityId!: number;

  @Field(() => MatchMethod, { description: 'How it was matched.' })
  @Column('varchar', { length: 20 })
  method!: MatchMethod;

  @Field(() => String, { nullable: true, description: 'Anything an importer should know: e.g. a buyer named like an e-tendering portal.' })
  @Column('text', { nullable: true })
  note!: string | null;

  @Column('integer')
  sourceId!: number;

  @Field({ description: 'When the match was made.' })
  @CreateDateColumn()
  matchedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the match was undone; null while it stands.' })
  @Column({ type: Date, nullable: true })
  undoneAt!: Date | null;
}
