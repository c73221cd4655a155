import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ContractStatus } from '../schema/enums';
import { EditableNode, Node } from './node';
import { PartialDate, presentDate } from './partial-date';

@Entity('contract')
// An expression index on the default sort, created by migration (TitleSortIndex): kept out of synchronize.
@Index('IDX_contract_title_sort', { synchronize: false })
@ObjectType({
  implements: [Node, EditableNode],
  description:
    'One outsourcing or offshoring arrangement or proposal: who buys, who provides, what moves, and what it is said to cost and save.',
})
export class Contract extends EditableNode {
  @Field({ description: 'Stable, human-readable key for `contract(slug:)`.' })
  @Index({ unique: true })
  @Column('varchar', { length: 160 })
  slug!: string;

  @Field({ description: 'A short title, in our words.' })
  @Column('text')
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: "What the arrangement is, in our words; the figures and claims carry the sources' words.",
  })
  @Column('text', { nullable: true })
  description!: string | null;

  @Field(() => ContractStatus, { description: 'Where the arrangement stands, as last reported.' })
  @Index()
  @Column('varchar', { length: 40 })
  status!: ContractStatus;

  @Column(() => PartialDate)
  startDate!: PartialDate;

  @Column(() => PartialDate)
  endDate!: PartialDate;

  @Field(() => String, {
    nullable: true,
    description: 'The Open Contracting ID of a contract imported from OCDS data; null for one from the documents.',
  })
  @Index({ unique: true })
  @Column('varchar', { length: 200, nullable: true })
  ocid!: string | null;

  @Field({
    description:
      'True for outsourcing of back-office services (shared services, business process outsourcing, call centres, finance, HR, IT): every contract from the documents, and an imported one that the classification rule flags (see `outsourcingReason`). Filter roll-ups with `outsourcing: true`.',
  })
  @Index()
  @Column('boolean', { default: true })
  outsourcing!: boolean;

  @Field({ description: 'True when an OCDS import created the contract; false for one from the documents (an import only adds to those).' })
  @Column('boolean', { default: false })
  imported!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why an imported contract was classified as it was: the CPV codes and keywords that matched, or that none did.',
  })
  @Column('text', { nullable: true })
  outsourcingReason!: string | null;

  @Field(() => PartialDate, {
    name: 'startDate',
    nullable: true,
    description: 'When the work moved or the arrangement began, as precisely as the sources say; null when they do not.',
  })
  get knownStartDate(): PartialDate | null {
    return presentDate(this.startDate);
  }

  @Field(() => PartialDate, {
    name: 'endDate',
    nullable: true,
    description: 'When the arrangement ends or ended, as precisely as the sources say; null when they do not.',
  })
  get knownEndDate(): PartialDate | null {
    return presentDate(this.endDate);
  }
}
