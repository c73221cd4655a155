import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../schema/enums';

/** A key for writes. Only a hash of the secret is stored; the key itself is shown once, when it is made. */
@Entity('api_key')
@ObjectType({ description: 'An API key, without its secret (which is never stored).' })
export class ApiKey {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "The key's unique name, recorded in the audit log." })
  @Index({ unique: true })
  @Column('varchar', { length: 100 })
  name!: string;

  /** The public part of the key, used to find its row before the secret is compared. */
  @Index({ unique: true })
  @Column('varchar', { length: 32 })
  lookup!: string;

  /** `scrypt$<salt hex>$<hash hex>`. */
  @Column('text')
  secretHash!: string;

  @Field(() => Role, { description: 'What the key may do.' })
  @Column('varchar', { length: 20 })
  role!: Role;

  @Field(() => Date, { description: 'When the key was made.' })
  @CreateDateColumn()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while it works.' })
  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;
}
