import { Arg, Ctx, Extensions, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Node } from '../entities/node';
import { SearchHit, SearchResult } from '../schema/unions';
import { loadNode } from '../loaders/node-lookup';
import { pageBounds } from '../limits/page-bounds';
import { hitRecord, searchHits, type SearchMatch } from '../loaders/search-hits';
import { MAX_SEARCH_RESULTS } from '../services/search';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when no such object exists.' })
  node(@Arg('id', () => ID, { description: 'A global ID taken from an `id` field.' }) id: string, @Ctx() { loaders }: Context) {
    return loadNode(loaders, id);
  }

  @Query(() => [SearchHit], {
    description:
      'Everything whose name, alias, acronym, title, statement, figure wording or quoted words contain the text, case- and accent-insensitively, best matches first. Misspellings the sources use are aliases, so they are found too.',
  })
  @Extensions(pageBounds({ min: 1, max: MAX_SEARCH_RESULTS, hint: 'narrow the text instead.' }))
  search(
    @Arg('text', { description: 'What to look for.' }) text: string,
    @Arg('first', () => Int, { defaultValue: 20, description: `How many hits (1–${MAX_SEARCH_RESULTS}).` }) first: number,
    @Ctx() { dataSource }: Context,
  ) {
    return searchHits(dataSource, text, first);
  }
}

@Resolver(() => SearchHit)
export class SearchHitResolver {
  @FieldResolver(() => SearchResult, { description: 'The record found.' })
  node(@Root() hit: SearchMatch, @Ctx() { loaders }: Context) {
    return hitRecord(loaders, hit);
  }
}
