import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OffshoringStatus } from '../schema/enums';
import { Contract } from './contract';
import { EditableNode, Node } from './node';
import { OffshoreLocation } from './offshore-location';

@Entity('offshoring')
@ObjectType({
  implements: [Node, EditableNode],
  description:
    "What one party says about moving a contract's work to one location: planned, alleged, denied or confirmed. A contested move has one entry per side; `claims` says who.",
})
export class Offshoring extends EditableNode {
  @Field({ description: 'Stable, human-readable key.' })
  @Index({ unique: true })
  @Column('varchar', { length: 160 })
  slug!: string;

  @Field(() => OffshoringStatus, { description: 'What this entry says about the move.' })
  @Index()
  @Column('varchar', { length: 20 })
  status!: OffshoringStatus;

  @Field(() => String, { nullable: true, description: 'What is said to move, in our words.' })
  @Column('text', { nullable: true })
  description!: string | null;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;

  @Index()
  @Column('integer')
  contractId!: number;

  @ManyToOne(() => OffshoreLocation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'location_id' })
  locationRelation?: OffshoreLocation;

  @Index()
  @Column('integer')
  locationId!: number;
}
