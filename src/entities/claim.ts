import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Stance } from '../schema/enums';
import { Contract } from './contract';
import { EditableNode, Node } from './node';
import { Offshoring } from './offshoring';
import { PartialDate, presentDate } from './partial-date';
import { Person } from './person';
import { PublicBody } from './public-body';
import { Supplier } from './supplier';
import { Union } from './union';

@Entity('claim')
@ObjectType({
  implements: [Node, EditableNode],
  description:
    'A statement attributed to a party, asserting or denying a proposition. Claims sharing a proposition are the sides of one question; both are kept.',
})
export class Claim extends EditableNode {
  @Field({ description: 'Stable, human-readable key.' })
  @Index({ unique: true })
  @Column('varchar', { length: 160 })
  slug!: string;

  @Field({ description: 'What the claimant says, in our words; `citations` carry theirs.' })
  @Column('text')
  statement!: string;

  @Field(() => Stance, { description: 'Whether the claimant asserts or denies the proposition.' })
  @Column('varchar', { length: 10 })
  stance!: Stance;

  @Field({ description: 'The question the claim answers, shared by the claims on each side of it.' })
  @Index()
  @Column('text')
  proposition!: string;

  @Field(() => String, { nullable: true, description: 'Who, in words, when no named party fits ("a council spokesman").' })
  @Column('text', { nullable: true })
  claimantDescription!: string | null;

  @Column(() => PartialDate)
  date!: PartialDate;

  @Field(() => PartialDate, { name: 'date', nullable: true, description: 'When the claim was made, as precisely as known.' })
  get knownDate(): PartialDate | null {
    return presentDate(this.date);
  }

  @ManyToOne(() => Person, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id' })
  personRelation?: Person;

  @Index()
  @Column('integer', { nullable: true })
  personId!: number | null;

  @ManyToOne(() => Union, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'union_id' })
  unionRelation?: Union;

  @Index()
  @Column('integer', { nullable: true })
  unionId!: number | null;

  @ManyToOne(() => PublicBody, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'public_body_id' })
  publicBodyRelation?: PublicBody;

  @Index()
  @Column('integer', { nullable: true })
  publicBodyId!: number | null;

  @ManyToOne(() => Supplier, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supplier_id' })
  supplierRelation?: Supplier;

  @Index()
  @Column('integer', { nullable: true })
  supplierId!: number | null;

  @ManyToOne(() => Contract, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;

  @Index()
  @Column('integer', { nullable: true })
  contractId!: number | null;

  @ManyToOne(() => Offshoring, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offshoring_id' })
  offshoringRelation?: Offshoring;

  @Index()
  @Column('integer', { nullable: true })
  offshoringId!: number | null;
}
