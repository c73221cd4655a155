import { IsBoolean, IsObject, IsOptional, IsString } from 'class-validator';
import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PartyMatch } from '../entities';
import { MatchMethod, MatchedType } from './enums';

@ObjectType({ description: 'A party as a release named it.' })
export class ReleaseParty {
  @Field({ description: 'Its name as published.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its identifier scheme (GB-COH, GB-CFS …), when the data gave one.' })
  scheme!: string | null;

  @Field(() => String, { nullable: true, description: 'Its identifier within the scheme.' })
  identifier!: string | null;
}

@ObjectType({ description: 'What one release said about the contract: its values at that point.' })
export class ReleaseValues {
  @Field({ description: 'The title.' })
  title!: string;

  @Field({ description: 'The status it implied (see ContractStatus).' })
  status!: string;

  @Field(() => [Number], { description: 'The published values (GBP), one per award or contract.' })
  values!: number[];

  @Field(() => String, { nullable: true, description: "The contract period's start, as published." })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: "The contract period's end, as published." })
  endDate!: string | null;

  @Field(() => [ReleaseParty], { description: 'The buyers.' })
  buyers!: ReleaseParty[];

  @Field(() => [ReleaseParty], { description: 'The winning suppliers.' })
  suppliers!: ReleaseParty[];

  @Field({ description: 'Whether it classified as back-office outsourcing.' })
  outsourcing!: boolean;
}

@ObjectType({ description: 'Where something in an import is, and what was wrong with it or worth knowing.' })
export class ImportProblem {
  @Field({ description: 'The file (or "importOcds" for data sent to the mutation).' })
  file!: string;

  @Field(() => Int, { description: 'The line its object starts on (0 for the whole file).' })
  line!: number;

  @Field({ description: 'Its JSON path: releases[3].awards[0].value.' })
  path!: string;

  @Field(() => String, { nullable: true, description: "The release's ocid, when known." })
  ocid!: string | null;

  @Field(() => String, { nullable: true, description: "The release's id, when known." })
  releaseId!: string | null;

  @Field({ description: 'What is wrong, or worth knowing.' })
  reason!: string;
}

@ObjectType({ description: 'What an import did. Lists hold the first 1,000 of each; the counts are complete.' })
export class ImportResult {
  @Field(() => Int, { description: 'Files (or packages) read.' })
  files!: number;

  @Field(() => Int, { description: 'Releases that created a contract.' })
  created!: number;

  @Field(() => Int, { description: 'Releases that updated a contract or added to its history.' })
  updated!: number;

  @Field(() => Int, { description: 'Releases imported before, unchanged: nothing was written.' })
  unchanged!: number;

  @Field(() => Int, {
    description: 'Releases kept in history without a contract (a tender with no award yet), or whose contract is archived.',
  })
  skipped!: number;

  @Field(() => Int, { description: 'Releases rejected (schema problems, or all of a strict file with any problem).' })
  rejected!: number;

  @Field(() => Int, { description: 'Files that could not be read to the end (invalid JSON) or were rejected whole.' })
  failedFiles!: number;

  @Field(() => [ImportProblem], { description: 'Why each rejected release or file was rejected.' })
  problems!: ImportProblem[];

  @Field(() => Int, { description: 'How many problems there were in all.' })
  problemCount!: number;

  @Field(() => [ImportProblem], { description: 'Imported, but worth a look: repaired text, a portal as buyer, values not stored.' })
  warnings!: ImportProblem[];

  @Field(() => Int, { description: 'How many warnings there were in all.' })
  warningCount!: number;

  @Field(() => [PartyMatch], { description: 'The party matches this import made.' })
  matches!: PartyMatch[];

  @Field(() => Int, { description: 'How many matches it made in all.' })
  matchCount!: number;
}

@InputType({ description: 'OCDS data to import: a release package, a record package or one release.' })
export class ImportOcdsInput {
  @Field(() => JSONObjectResolver, {
    description: "The package or release, as JSON (up to the server's body limit; use `npm run import` for big files).",
  })
  @IsObject()
  data!: Record<string, unknown>;

  @Field({ defaultValue: false, description: 'Reject all of it on any problem.' })
  @IsBoolean()
  strict: boolean = false;
}

@InputType({ description: 'The match to undo.' })
export class UndoPartyMatchInput {
  @Field(() => ID, { description: "The PartyMatch's ID." })
  @IsString()
  id!: string;
}

@InputType({ description: 'Narrows the list of party matches.' })
export class PartyMatchFilter {
  @Field(() => [MatchMethod], { nullable: true, description: 'Made in any of these ways.' })
  @IsOptional()
  methods?: MatchMethod[];

  @Field(() => [MatchedType], { nullable: true, description: 'To any of these kinds of record.' })
  @IsOptional()
  entityTypes?: MatchedType[];

  @Field({ nullable: true, description: 'true: only undone matches; false: only standing ones; omitted: both.' })
  @IsOptional()
  undone?: boolean;
}
