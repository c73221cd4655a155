import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { SourceKind } from '../schema/enums';
import { EditableNode, Node } from './node';
import { PartialDate, presentDate } from './partial-date';

@Entity('source')
@ObjectType({
  implements: [Node, EditableNode],
  description: 'A document the data is drawn from. Every figure, claim and event cites one.',
})
export class Source extends EditableNode {
  @Field({ description: 'Stable, human-readable key for `source(slug:)`.' })
  @Index({ unique: true })
  @Column('varchar', { length: 120 })
  slug!: string;

  @Field(() => String, { nullable: true, description: 'File name of the document as received (e.g. "000_43ccdcdf681d1750.txt").' })
  @Index({ unique: true })
  @Column('varchar', { length: 255, nullable: true })
  fileName!: string | null;

  @Field({ description: 'Title: the headline, or a short description where there is none.' })
  @Column('text')
  title!: string;

  @Field(() => SourceKind, { description: 'What kind of document this is.' })
  @Column('varchar', { length: 40 })
  kind!: SourceKind;

  @Field(() => String, { nullable: true, description: 'Who published it, when the document itself says so.' })
  @Column('text', { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: 'What the document covers, in our words.' })
  @Column('text', { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the document can be found, when known.' })
  @Column('text', { nullable: true })
  url!: string | null;

  @Column(() => PartialDate)
  date!: PartialDate;

  @Field(() => PartialDate, { name: 'date', nullable: true, description: "The document's own date, when it states one." })
  get knownDate(): PartialDate | null {
    return presentDate(this.date);
  }

  @Field(() => String, { nullable: true, description: 'Full text of the document, exactly as received, when held.' })
  @Column('text', { nullable: true })
  text!: string | null;
}
