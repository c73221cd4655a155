import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Citation, Contract, Event, PublicBody, Union } from '../entities';
import { EventConnection } from '../schema/connections';
import { SubjectType } from '../schema/enums';
import { EventFilter } from '../schema/filters';
import { EventOrder, EventOrderField, type OrderOf } from '../schema/orders';
import { PageArgs } from '../schema/page-args';
import { eventList } from '../services/lists/claim-event-lists';
import { listConnection } from '../services/lists/list';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, filtered and sorted, a page at a time.' })
  events(
    @Args() page: PageArgs,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Which events.' }) filter: EventFilter | null,
    @Arg('orderBy', () => EventOrder, { nullable: true, defaultValue: new EventOrder(), description: 'Sort order.' })
    orderBy: OrderOf<EventOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, eventList, filter, orderBy ?? new EventOrder(), page);
  }

  @FieldResolver(() => Contract, { nullable: true, description: 'The contract the event belongs to, if any.' })
  contract(@Root() event: Event, @Ctx() { loaders }: Context) {
    return event.contractId == null ? null : loaders.contract.load(event.contractId);
  }

  @FieldResolver(() => PublicBody, { nullable: true, description: 'The public body involved, if any.' })
  publicBody(@Root() event: Event, @Ctx() { loaders }: Context) {
    return event.publicBodyId == null ? null : loaders.publicBody.load(event.publicBodyId);
  }

  @FieldResolver(() => [Union], { description: 'Unions that took part.' })
  unions(@Root() event: Event, @Ctx() { loaders }: Context) {
    return loaders.unionsOfEvent.load(event.id);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes recording the event.' })
  citations(@Root() event: Event, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.EVENT, id: event.id });
  }
}
