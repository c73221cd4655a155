import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Paging forward only: nested connections. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `Return the first n items after \`after\` (0–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).` })
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
