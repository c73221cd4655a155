import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from 'graphql-relay';

/** One change, written in the same transaction as the change itself. */
@Entity('audit_entry')
@ObjectType({ description: 'One change to the atlas: who made it, when, and the record before and after.' })
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Opaque ID of the entry.' })
  get globalId(): string {
    return toGlobalId('AuditEntry', String(this.id));
  }

  @Field(() => Date, { description: 'When the change was committed.' })
  @Index()
  @CreateDateColumn()
  at!: Date;

  @Field({ description: 'Name of the API key that made the change.' })
  @Index()
  @Column('varchar', { length: 100 })
  keyName!: string;

  @Field({ description: 'The mutation: "createSupplier", "linkContractBuyer" …' })
  @Index()
  @Column('varchar', { length: 60 })
  operation!: string;

  @Field({ description: 'The GraphQL type of the record changed: "Supplier", "Contract" …' })
  @Index(['entityType', 'entityId'])
  @Column('varchar', { length: 40 })
  entityType!: string;

  @Column('integer')
  entityId!: number;

  @Field(() => ID, { description: 'Global ID of the record changed.' })
  get entityGlobalId(): string {
    return toGlobalId(this.entityType, String(this.entityId));
  }

  @Field(() => String, { nullable: true, description: 'The record before the change, as JSON (null for a creation).' })
  @Column('text', { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The record after the change, as JSON.' })
  @Column('text', { nullable: true })
  after!: string | null;
}
