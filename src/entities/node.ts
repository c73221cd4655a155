import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { DeleteDateColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
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

/**
 * What every editable record has besides its id: a version for optimistic concurrency, and an archive
 * time (a soft delete: archived rows leave lists and relations, but keep their history and their id).
 */
@InterfaceType('Editable', {
  implements: Node,
  description: 'A record editors can change: versioned for optimistic concurrency, archived rather than deleted.',
})
export abstract class EditableNode extends Node {
  @Field(() => Int, { description: 'Increases with every change; pass it back to `update…` to prove you saw the latest.' })
  @VersionColumn({ default: 1 })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When the record was archived; null while it is current.' })
  @DeleteDateColumn({ nullable: true })
  archivedAt!: Date | null;
}
