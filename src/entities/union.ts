import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { EditableNode, Node } from './node';

// "union" is reserved in SQL, hence the table name.
@Entity('trade_union')
@ObjectType({ implements: [Node, EditableNode], description: 'A trade union representing staff whose work is outsourced or offshored.' })
export class Union extends EditableNode {
  @Field({ description: 'Stable, human-readable key for `union(slug:)`.' })
  @Index({ unique: true })
  @Column('varchar', { length: 120 })
  slug!: string;

  @Field({ description: 'Canonical name.' })
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true, description: 'The acronym the union is known by (GMB, PCS, TGWU).' })
  @Column('varchar', { length: 40, nullable: true })
  acronym!: string | null;

  @Field(() => [String], { description: 'Other names and spellings used by the sources ("General Municipal Boilermakers").' })
  @Column('simple-json')
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'A short description, in our words.' })
  @Column('text', { nullable: true })
  description!: string | null;
}
