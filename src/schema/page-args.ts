import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { loadConfig } from '../config';

// Read once at start-up (decorators need it when the schema is built); validated with the rest of the config.
export const MAX_PAGE_SIZE = loadConfig().MAX_PAGE_SIZE;
export const DEFAULT_PAGE_SIZE = 20;

/** Paging forward only: nested connections. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Return the first n items after \`after\` (0–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page: return items after it.' })
  after?: string | null;
}

/** Paging both ways: root lists. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Return the last n items before \`before\` (0–${MAX_PAGE_SIZE}).` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page: return items before it.' })
  before?: string | null;
}
