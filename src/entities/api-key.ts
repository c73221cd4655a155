import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum Role {
  EDITOR = 'editor',
  ADMIN = 'admin',
}

/** A key for writes. Only a hash of the secret is stored; the key itself is shown once, when it is made. */
@Entity('api_key')
export class ApiKey {
  @PrimaryGeneratedColumn()
  id!: number;

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

  @Column('varchar', { length: 20 })
  role!: Role;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;
}
