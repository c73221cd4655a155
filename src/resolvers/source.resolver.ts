import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Citation, Source } from '../entities';
import { SourceConnection } from '../schema/connections';
import { SourceFilter } from '../schema/filters';
import { type OrderOf, SourceOrder, SourceOrderField } from '../schema/orders';
import { PageArgs } from '../schema/page-args';
import { sourceList } from '../services/lists/directory-lists';
import { listConnection } from '../services/lists/list';
import { CitationSubject } from '../schema/unions';
import { loadSubject } from '../loaders/subjects';
import { foundOr404 } from './helpers';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Source documents, a page at a time.' })
  sources(
    @Args() page: PageArgs,
    @Arg('filter', () => SourceFilter, { nullable: true, description: 'Which sources.' }) filter: SourceFilter | null,
    @Arg('orderBy', () => SourceOrder, { nullable: true, defaultValue: new SourceOrder(), description: 'Sort order.' })
    orderBy: OrderOf<SourceOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, sourceList, filter, orderBy ?? new SourceOrder(), page);
  }

  @Query(() => Source, { nullable: true, description: 'One source by slug; an unknown slug is a NOT_FOUND error.' })
  source(@Arg('slug', { description: "The source's slug." }) slug: string, @Ctx() { loaders }: Context) {
    return foundOr404(loaders.sourceBySlug.load(slug), 'source', slug);
  }

  @FieldResolver(() => [Citation], { description: 'Every quote taken from this source.' })
  citations(@Root() source: Source, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSource.load(source.id);
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source, { description: 'The document quoted.' })
  source(@Root() citation: Citation, @Ctx() { loaders }: Context) {
    return loaders.source.load(citation.sourceId);
  }

  @FieldResolver(() => CitationSubject, {
    nullable: true,
    description: 'The record the quote backs.',
  })
  subject(@Root() citation: Citation, @Ctx() { loaders }: Context) {
    return loadSubject(loaders, citation.subjectType, citation.subjectId);
  }
}
