import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Contract } from './contract';

/** A code a publisher classified a contract with (CPV for UK and EU data), kept as published. */
@Entity('contract_classification')
@ObjectType({ description: 'A classification a publisher gave a contract, such as a CPV code.' })
export class ContractClassification {
  @PrimaryColumn('integer')
  contractId!: number;

  @Field({ description: 'The scheme, e.g. CPV.' })
  @PrimaryColumn('varchar', { length: 40 })
  scheme!: string;

  @Field({ description: 'The code, as published less any check digit (CPV "45233162-2" is 45233162).' })
  @Index()
  @PrimaryColumn('varchar', { length: 40 })
  code!: string;

  @Field(() => String, { nullable: true, description: "The publisher's description of the code." })
  @Column('text', { nullable: true })
  description!: string | null;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;
}
