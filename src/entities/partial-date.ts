import { Field, Int, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import { DatePrecision } from '../schema/enums';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date as precise as its source and no more: any part may be unknown. */
@ObjectType({ description: "A date that keeps only the parts its source states, with the source's own wording." })
export class PartialDate {
  @Field(() => Int, { nullable: true, description: 'Year, when the source states or fixes it.' })
  @Column('integer', { nullable: true })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: 'Month (1–12), when known.' })
  @Column('integer', { nullable: true })
  month!: number | null;

  @Field(() => Int, { nullable: true, description: 'Day of the month (1–31), when known.' })
  @Column('integer', { nullable: true })
  day!: number | null;

  @Field(() => String, { nullable: true, description: 'The source\'s wording: "Tuesday", "June 2013", "until January".' })
  @Column('text', { nullable: true })
  wording!: string | null;

  @Field(() => DatePrecision, { description: 'The finest part known. DAY with a null year means "day and month known, year not".' })
  get precision(): DatePrecision {
    if (this.day != null) return DatePrecision.DAY;
    if (this.month != null) return DatePrecision.MONTH;
    if (this.year != null) return DatePrecision.YEAR;
    return DatePrecision.NONE;
  }

  @Field(() => String, {
    nullable: true,
    description: 'ISO 8601 with unknown parts left out: "2006-02-24", "2013-06", "2013", "--11-13" (no year), "--01" (January, no year).',
  })
  get iso(): string | null {
    const { year, month, day } = this;
    if (year == null) {
      if (month == null) return null;
      return day == null ? `--${pad(month)}` : `--${pad(month)}-${pad(day)}`;
    }
    if (month == null) return pad(year, 4);
    return day == null ? `${pad(year, 4)}-${pad(month)}` : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  }

  get isEmpty(): boolean {
    return this.year == null && this.month == null && this.day == null && this.wording == null;
  }
}

/** The value for a `date` field: null rather than an object of nulls. */
export const presentDate = (date: PartialDate | undefined): PartialDate | null => (date && !date.isEmpty ? date : null);
