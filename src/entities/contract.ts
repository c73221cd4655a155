import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ContractStatus } from '../schema/enums';
import { EditableNode, Node } from './node';
import { PartialDate, presentDate } from './partial-date';

@Entity('contract')
@ObjectType({
  implements: [Node, EditableNode],
  description: 'One outsourcing or offshoring arrangement or proposal: who buys, who provides, what moves, and what it is said to cost and save.',
})
export class Contract extends EditableNode {
  @Field({ description: 'Stable, human-readable key for `contract(slug:)`.' })
  @Index({ unique: true })
  @Column('varchar', { length: 160 })
  slug!: string;

  @Field({ description: 'A short title, in our words.' })
  @Column('text')
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the arrangement is, in our words; the figures and claims carry the sources\' words.' })
  @Column('text', { nullable: true })
  description!: string | null;

  @Field(() => ContractStatus, { description: 'Where the arrangement stands, as last reported.' })
  @Index()
  @Column('varchar', { length: 40 })
  status!: ContractStatus;

  @Column(() => PartialDate)
  startDate!: PartialDate;

  @Field(() => PartialDate, {
    name: 'startDate',
    nullable: true,
    description: 'When the work moved or the arrangement began, as precisely as the sources say; null when they do not.',
  })
  get knownStartDate(): PartialDate | null {
    return presentDate(this.startDate);
  }
}
