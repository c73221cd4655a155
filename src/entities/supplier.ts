import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableNode, Node } from './node';

@Entity('supplier')
// An expression index on the default sort, created by migration (NameSortIndexes): kept out of synchronize.
@Index('IDX_supplier_name_sort', { synchronize: false })
@ObjectType({ implements: [Node, EditableNode], description: 'A company that takes on, or bids for, outsourced public work.' })
export class Supplier extends EditableNode {
  @Field({ description: 'Stable, human-readable key for `supplier(slug:)`.' })
  @Index({ unique: true })
  @Column('varchar', { length: 120 })
  slug!: string;

  @Field({ description: 'Canonical name, correctly spelled.' })
  @Column('text')
  name!: string;

  @Field(() => [String], { description: 'Other names and spellings used by the sources ("Avarto" for Arvato).' })
  @Column('simple-json')
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the home country, when the sources support it.' })
  @Column('varchar', { length: 2, nullable: true })
  homeCountry!: string | null;

  @Field(() => String, { nullable: true, description: 'A short description, in our words.' })
  @Column('text', { nullable: true })
  description!: string | null;

  @ManyToOne(() => Supplier, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parentRelation?: Supplier;

  @Column('integer', { nullable: true })
  parentId!: number | null;
}
