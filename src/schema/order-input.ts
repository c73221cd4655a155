import { type ClassType, Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from './enums';

/**
 * An `orderBy` input named `<name>Order` over the given field enum, with a default field: the one place a
 * list's default order is declared (`new <name>Order()` is it, when a client gives none).
 */
export function OrderInput<F extends string>(
  name: string,
  fields: Record<string, F>,
  defaultField: F,
  fieldDescriptions: Record<F, string>,
  enumDescription = `Fields a list of ${name} can be sorted by. Ties are broken by creation order.`,
) {
  registerEnumType(fields, {
    name: `${name}OrderField`,
    description: enumDescription,
    valuesConfig: Object.fromEntries(Object.keys(fields).map((k) => [k, { description: fieldDescriptions[fields[k]] }])),
  });

  @InputType(`${name}Order`, { description: `How to sort a list of ${name}.` })
  class Order {
    @Field(() => fields, { defaultValue: defaultField, description: 'Field to sort by.' })
    field: F = defaultField;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
    direction: OrderDirection = OrderDirection.ASC;
  }
  return Order as ClassType<{ field: F; direction: OrderDirection }>;
}
