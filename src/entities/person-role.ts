import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EditableNode, Node } from './node';
import { Person } from './person';
import { PublicBody } from './public-body';
import { Supplier } from './supplier';
import { Union } from './union';

@Entity('person_role')
@ObjectType({ implements: [Node, EditableNode], description: 'A position a person holds, as the sources describe it.' })
export class PersonRole extends EditableNode {
  @Field({ description: 'The title in the source\'s words: "Regional union organiser".' })
  @Column('text')
  title!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  personRelation?: Person;

  @Index()
  @Column('integer')
  personId!: number;

  @ManyToOne(() => PublicBody, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'public_body_id' })
  publicBodyRelation?: PublicBody;

  @Column('integer', { nullable: true })
  publicBodyId!: number | null;

  @ManyToOne(() => Union, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'union_id' })
  unionRelation?: Union;

  @Column('integer', { nullable: true })
  unionId!: number | null;

  @ManyToOne(() => Supplier, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supplier_id' })
  supplierRelation?: Supplier;

  @Column('integer', { nullable: true })
  supplierId!: number | null;
}
