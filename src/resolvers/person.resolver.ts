import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Citation, Claim, Person, PersonRole, PublicBody, Supplier, Union } from '../entities';
import { PersonConnection } from '../schema/connections';
import { SubjectType } from '../schema/enums';
import { PersonFilter } from '../schema/filters';
import { NameOrderField, type OrderOf, PersonOrder } from '../schema/orders';
import { PageArgs } from '../schema/page-args';
import { personList } from '../services/lists/directory-lists';
import { listConnection } from '../services/lists/list';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People quoted or named by the sources, a page at a time.' })
  people(
    @Args() page: PageArgs,
    @Arg('filter', () => PersonFilter, { nullable: true, description: 'Which people.' }) filter: PersonFilter | null,
    @Arg('orderBy', () => PersonOrder, { nullable: true, defaultValue: new PersonOrder(), description: 'Sort order.' })
    orderBy: OrderOf<NameOrderField> | null,
    @Ctx() { dataSource }: Context,
  ) {
    return listConnection(dataSource, personList, filter, orderBy ?? new PersonOrder(), page);
  }

  @FieldResolver(() => [PersonRole], { description: 'Positions the person holds, as the sources describe them.' })
  roles(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.rolesOfPerson.load(person.id);
  }

  @FieldResolver(() => [Claim], { description: 'Claims the person made.' })
  claims(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.claimsOfPerson.load(person.id);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes naming the person.' })
  citations(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.PERSON, id: person.id });
  }
}

@Resolver(() => PersonRole)
export class PersonRoleResolver {
  @FieldResolver(() => Person, { description: 'Who holds the role.' })
  person(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return loaders.person.load(role.personId);
  }

  @FieldResolver(() => PublicBody, { nullable: true, description: 'The public body the role is in, if any.' })
  publicBody(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return role.publicBodyId == null ? null : loaders.publicBody.load(role.publicBodyId);
  }

  @FieldResolver(() => Union, { nullable: true, description: 'The union the role is in, if any.' })
  union(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return role.unionId == null ? null : loaders.union.load(role.unionId);
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The supplier the role is in, if any.' })
  supplier(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return role.supplierId == null ? null : loaders.supplier.load(role.supplierId);
  }

  @FieldResolver(() => [Citation], { description: 'Quotes giving the role.' })
  citations(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return loaders.citationsOfSubject.load({ type: SubjectType.PERSON_ROLE, id: role.id });
  }
}
