import { Field, ID, InterfaceType } from 'type-graphql';
import { PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from 'graphql-relay';

/** Every entity is a Relay node: a database row id inside, an opaque global id outside. */
@InterfaceType('Node', { description: 'An object with a globally unique ID, fetchable with `node(id:)`.' })
export abstract class Node {
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, { name: 'id', description: 'Opaque global ID; pass it to `node(id:)` to fetch this object again.' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, String(this.id));
  }
}
