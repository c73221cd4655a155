import { ArgsType, Field, Int } from 'type-graphql';

// The largest page is the server's MAX_PAGE_SIZE, checked with every other page size in one place
// (limits/page-bounds.ts), from the configuration the server was started with.
export const DEFAULT_PAGE_SIZE = 20;

/** Paging forward only: nested connections. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Return the first n items after \`after\` (0 to the server's MAX_PAGE_SIZE, 100 unless configured; default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page: return items after it.' })
  after?: string | null;
}

/** Paging both ways: root lists. */
@ArgsType()
export class PageArgs extends ForwardPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: "Return the last n items before `before` (0 to the server's MAX_PAGE_SIZE, 100 unless configured).",
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor from a previous page: return items before it.' })
  before?: string | null;
}
