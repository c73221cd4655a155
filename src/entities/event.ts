import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventKind } from '../schema/enums';
import { Contract } from './contract';
import { EditableNode, Node } from './node';
import { PartialDate, presentDate } from './partial-date';
import { PublicBody } from './public-body';
import { Union } from './union';

@Entity('event')
@ObjectType({
  implements: [Node, EditableNode],
  description: 'Something that happened on a timeline: a decision, consultation, transfer, strike, motion …',
})
export class Event extends EditableNode {
  @Field({ description: 'Stable, human-readable key.' })
  @Index({ unique: true })
  @Column('varchar', { length: 160 })
  slug!: string;

  @Field(() => EventKind, { description: 'What kind of event.' })
  @Index()
  @Column('varchar', { length: 40 })
  kind!: EventKind;

  @Field({ description: 'A short title, in our words.' })
  @Column('text')
  title!: string;

  @Field(() => String, { nullable: true, description: 'What happened, in our words.' })
  @Column('text', { nullable: true })
  description!: string | null;

  @Column(() => PartialDate)
  date!: PartialDate;

  @Field(() => PartialDate, { name: 'date', nullable: true, description: 'When, as precisely as the sources say.' })
  get knownDate(): PartialDate | null {
    return presentDate(this.date);
  }

  @ManyToOne(() => Contract, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;

  @Index()
  @Column('integer', { nullable: true })
  contractId!: number | null;

  @ManyToOne(() => PublicBody, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'public_body_id' })
  publicBodyRelation?: PublicBody;

  @Index()
  @Column('integer', { nullable: true })
  publicBodyId!: number | null;
}

@Entity('event_union')
export class EventUnion {
  @PrimaryColumn('integer')
  eventId!: number;

  @Index()
  @PrimaryColumn('integer')
  unionId!: number;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  eventRelation?: Event;

  @ManyToOne(() => Union, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'union_id' })
  unionRelation?: Union;
}
