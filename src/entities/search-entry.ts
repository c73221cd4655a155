import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SubjectType } from '../schema/enums';

/** One searchable text of one record (a name, an alias, a title, a quote), stored folded for matching. */
@Entity('search_entry')
@Index(['subjectType', 'subjectId'])
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
