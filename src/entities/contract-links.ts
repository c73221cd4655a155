import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Service, SupplierRole, UnionRole } from '../schema/enums';
import { Contract } from './contract';
import { PublicBody } from './public-body';
import { Supplier } from './supplier';
import { Union } from './union';

// Join tables between a contract and the parties and services it involves. Loaders read them directly.

@Entity('contract_buyer')
export class ContractBuyer {
  @PrimaryColumn('integer')
  contractId!: number;

  @Index()
  @PrimaryColumn('integer')
  publicBodyId!: number;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;

  @ManyToOne(() => PublicBody, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'public_body_id' })
  publicBodyRelation?: PublicBody;
}

@Entity('contract_supplier')
@ObjectType({ description: "A supplier's part in a contract." })
export class ContractSupplier {
  @PrimaryColumn('integer')
  contractId!: number;

  @Index()
  @PrimaryColumn('integer')
  supplierId!: number;

  @Field(() => SupplierRole, { description: 'How the supplier takes part.' })
  @Column('varchar', { length: 40 })
  role!: SupplierRole;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;

  @ManyToOne(() => Supplier, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id' })
  supplierRelation?: Supplier;
}

@Entity('contract_union')
@ObjectType({ description: "A union's part in a contract." })
export class ContractUnion {
  @PrimaryColumn('integer')
  contractId!: number;

  @Index()
  @PrimaryColumn('integer')
  unionId!: number;

  @Field(() => UnionRole, { description: 'How the union is involved.' })
  @Column('varchar', { length: 40 })
  role!: UnionRole;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;

  @ManyToOne(() => Union, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'union_id' })
  unionRelation?: Union;
}

@Entity('contract_service')
export class ContractService {
  @PrimaryColumn('integer')
  contractId!: number;

  @Index()
  @PrimaryColumn('varchar', { length: 40 })
  service!: Service;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contractRelation?: Contract;
}
