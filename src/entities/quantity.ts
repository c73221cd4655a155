import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Basis, Measure, Period, Unit } from '../schema/enums';
import { Contract } from './contract';
import { EditableNode, Node } from './node';
import { Offshoring } from './offshoring';
import { PublicBody } from './public-body';
import { Union } from './union';

@Entity('quantity')
@ObjectType({
  implements: [Node, EditableNode],
  description:
    'A figure as its source gives it: a range (`low`–`high`, `high` null when open-ended), the original wording, and the citations behind it. "Hundreds" is 200–999, never 500.',
})
export class Quantity extends EditableNode {
  @Field(() => Measure, { description: 'What the figure measures.' })
  @Index()
  @Column('varchar', { length: 40 })
  measure!: Measure;

  @Field(() => Float, { description: 'Lower bound (0 when the source gives only a ceiling).' })
  @Column('double precision')
  low!: number;

  @Field(() => Float, { nullable: true, description: 'Upper bound; null when open-ended ("at least …").' })
  @Column('double precision', { nullable: true })
  high!: number | null;

  @Field(() => Unit, { description: 'Unit of `low` and `high`.' })
  @Column('varchar', { length: 20 })
  unit!: Unit;

  @Field(() => Basis, { description: 'How exact the source is.' })
  @Column('varchar', { length: 30 })
  basis!: Basis;

  @Field({ description: 'The source\'s own words for the figure: "hundreds of jobs", "at least £1 million".' })
  @Column('text')
  wording!: string;

  @Field(() => Period, { description: 'A total, or an amount each year.' })
  @Column('varchar', { length: 20, default: Period.TOTAL })
  period!: Period;

  @Field(() => Int, { nullable: true, description: 'Price base year of a money figure, only when the source states it.' })
  @Column('integer', { nullable: true })
  priceYear!: number | null;

  @Field(() => String, { nullable: true, description: 'The time frame the source gives: "by 2008/09".' })
  @Column('text', { nullable: true })
  timeframe!: string | null;

  @Field(() => String, { nullable: true, description: 'How we read the wording, when it needs saying.' })
  @Column('text', { nullable: true })
  note!: string | null;

  // Exactly one owner, except a union's share of a body's staff, which names both.
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

  @ManyToOne(() => PublicBody, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'public_body_id' })
  publicBodyRelation?: PublicBody;

  @Index()
  @Column('integer', { nullable: true })
  publicBodyId!: number | null;

  @ManyToOne(() => Union, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'union_id' })
  unionRelation?: Union;

  @Index()
  @Column('integer', { nullable: true })
  unionId!: number | null;
}
