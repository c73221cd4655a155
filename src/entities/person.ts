import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { EditableNode, Node } from './node';

@Entity('person')
@ObjectType({ implements: [Node, EditableNode], description: 'A person quoted or named by the sources.' })
export class Person extends EditableNode {
  @Field({ description: 'Stable, human-readable key.' })
  @Index({ unique: true })
  @Column('varchar', { length: 120 })
  slug!: string;

  @Field({ description: 'Name as the sources give it, without honorifics.' })
  @Column('text')
  name!: string;

  @Field(() => [String], { description: 'Other forms of the name used by the sources ("Mrs Hendrick", "Cllr John Powley").' })
  @Column('simple-json')
  aliases!: string[];
}
