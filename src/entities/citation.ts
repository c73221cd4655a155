import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SubjectType } from '../schema/enums';
import { EditableNode, Node } from './node';
import { Source } from './source';

@Entity('citation')
@Index(['subjectType', 'subjectId'])
@ObjectType({
  implements: [Node, EditableNode],
  description: 'A short verbatim quote from a source, backing one record, figure, claim or event.',
})
export class Citation extends EditableNode {
  @Field({ description: 'The words of the source, verbatim (only white space may differ).' })
  @Column('text')
  quote!: string;

  @Field(() => String, { nullable: true, description: 'Why the quote supports the record, when it is not obvious.' })
  @Column('text', { nullable: true })
  note!: string | null;

  @Field(() => SubjectType, { description: 'The kind of record the citation backs.' })
  @Column('varchar', { length: 30 })
  subjectType!: SubjectType;

  @Column('integer')
  subjectId!: number;

  @ManyToOne(() => Source, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  sourceRelation?: Source;

  @Index()
  @Column('integer')
  sourceId!: number;
}
