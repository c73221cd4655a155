import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { LocationKind } from '../schema/enums';
import { EditableNode, Node } from './node';

@Entity('offshore_location')
@ObjectType({ implements: [Node, EditableNode], description: 'A country or region that work is planned, alleged or said to move to.' })
export class OffshoreLocation extends EditableNode {
  @Field({ description: 'Stable, human-readable key for `offshoreLocation(slug:)`.' })
  @Index({ unique: true })
  @Column('varchar', { length: 120 })
  slug!: string;

  @Field({ description: 'Name of the country or region.' })
  @Column('text')
  name!: string;

  @Field(() => LocationKind, { description: 'Country or region.' })
  @Column('varchar', { length: 20 })
  kind!: LocationKind;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, for countries.' })
  @Column('varchar', { length: 2, nullable: true })
  countryCode!: string | null;

  @Field(() => [String], { description: 'Other names the sources use.' })
  @Column('simple-json')
  aliases!: string[];
}
