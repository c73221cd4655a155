import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SubjectType } from '../schema/enums';

/** One searchable text of one record (a name, an alias, a title, a quote), stored folded for matching. */
@Entity('search_entry')
// Result order, a record's entries by id: search walks it (migration SearchWalkIndex), writes find a record's entries by it.
@Index('IDX_search_entry_walk', ['subjectType', 'subjectId', 'id'])
// Made by migration SearchTrigramIndex in forms TypeORM cannot describe (a byte-order expression index on
// PostgreSQL, a pg_trgm GIN index; SQLite's FTS5 table is a table of its own): declared so it leaves them be.
@Index('IDX_search_entry_folded', { synchronize: false })
@Index('IDX_search_entry_folded_trigram', { synchronize: false })
export class SearchEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('varchar', { length: 30 })
  subjectType!: SubjectType;

  @Column('integer')
  subjectId!: number;

  @Column('varchar', { length: 30 })
  field!: string;

  @Column('text')
  text!: string;

  /** Lower-cased, accents and punctuation removed: see src/services/fold-text.ts. */
  @Column('text')
  folded!: string;
}
