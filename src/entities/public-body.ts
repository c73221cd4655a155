import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PublicBodyKind, Sector } from '../schema/enums';
import { EditableNode, Node } from './node';

@Entity('public_body')
// An expression index on the default sort, created by migration (NameSortIndexes): kept out of synchronize.
@Index('IDX_public_body_name_sort', { synchronize: false })
@ObjectType({ implements: [Node, EditableNode], description: 'A public body that buys, outsources or is asked to outsource work.' })
export class PublicBody extends EditableNode {
  @Field({ description: 'Stable, human-readable key for `publicBody(slug:)`.' })
  @Index({ unique: true })
  @Column('varchar', { length: 120 })
  slug!: string;

  @Field({ description: 'Canonical name, correctly spelled.' })
  @Column('text')
  name!: string;

  @Field(() => [String], { description: 'Other names and spellings used by the sources (abbreviations, misspellings).' })
  @Column('simple-json')
  aliases!: string[];

  @Field(() => PublicBodyKind, { description: 'What kind of body this is.' })
  @Column('varchar', { length: 40 })
  kind!: PublicBodyKind;

  @Field(() => Sector, { description: 'Local or central government.' })
  @Column('varchar', { length: 40 })
  sector!: Sector;

  @Field(() => String, { nullable: true, description: 'A short description, in our words.' })
  @Column('text', { nullable: true })
  description!: string | null;

  @ManyToOne(() => PublicBody, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parentRelation?: PublicBody;

  @Column('integer', { nullable: true })
  parentId!: number | null;
}
