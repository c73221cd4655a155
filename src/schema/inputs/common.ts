import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A date with only the parts the source states. A day needs a month.' })
export class PartialDateInput {
  @Field(() => Int, { nullable: true, description: 'Year (1000–2999).' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(2999)
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Month, 1–12.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'Day of the month, 1–31; only with a month.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  day?: number | null;

  @Field(() => String, { nullable: true, description: 'The source\'s wording ("Tuesday", "June 2013").' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  wording?: string | null;
}

@InputType({ description: 'A quote from a source backing the record it is attached to.' })
export class CitationInput {
  @Field(() => ID, { description: 'The Source quoted.' })
  @IsString()
  source!: string;

  @Field({ description: "The words of the source, verbatim (only white space may differ; checked when the source's text is held)." })
  @IsString()
  @Length(3, 2000)
  quote!: string;

  @Field(() => String, { nullable: true, description: 'Why the quote supports the record, when not obvious.' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: 'Which record to archive.' })
export class ArchiveInput {
  @Field(() => ID, { description: 'The record to archive.' })
  @IsString()
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Its `version` as last read; when given, a newer version answers CONFLICT.' })
  @IsOptional()
  @IsInt()
  version?: number | null;
}

/** For list fields of nested inputs: validate each element. */
export const Nested = () => ValidateNested({ each: true });
