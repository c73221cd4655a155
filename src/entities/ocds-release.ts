import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Contract } from './contract';
import { Source } from './source';

/**
 * One OCDS release as imported: the history of a contract's published values, release by release. A
 * release is identified by its ocid and id; importing it again changes nothing.
 */
@Entity('ocds_release')
@Index(['ocid', 'releaseId'], { unique: true })
@ObjectType({ description: "One published OCDS release of a contract, with the values it gave: the contract's history." })
export class OcdsRelease {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'The Open Contracting ID of the process.' })
  @Index()
  @Column('varchar', { length: 200 })
  ocid!: string;

  @Field({ description: "The release's own id." })
  @Column('varchar', { length: 200 })
  releaseId!: string;

  @Field({ description: 'When the release was published (its `date`).' })
  @Column('varchar', { length: 40 })
  date!: string;

  @Field(() => [String], { description: 'Its tags: tender, award, awardUpdate, contract …' })
  @Column('simple-json')
  tags!: string[];

  /** Hash of the release as published: the same id with the same content is unchanged. */
  @Column('varchar', { length: 64 })
  digest!: string;

  /** The values this release gave, as JSON: title, status, value, dates, parties (see ReleaseValues). */
  @Column('text')
  values!: string;

  @Index()
  @Column('integer', { nullable: true })
  contractId!: number | null;

  @Column('integer')
  sourceId!: number;

  @Field({ description: 'When it was imported.' })
  @CreateDateColumn()
  importedAt!: Date;

  @ManyToOne(() => Contract, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  sourceRelation?: Source;
}
