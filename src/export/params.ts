import {
  getNamedType,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import type { Request } from 'express';
import { badUserInput } from '../errors';

type Value = string | number | boolean | Array<string | number | boolean>;
type Raw = Record<string, string[]>;

/** The query string as lists of values: `a=1&a=2` and `a=1,2` both give ['1', '2'] for a list. */
function rawParams(req: Request): Raw {
  // No prototype: a parameter named `__proto__` or `constructor` is a name like any other (and unknown).
  const raw: Raw = Object.create(null);
  for (const [name, value] of new URL(req.originalUrl, 'http://x').searchParams) (raw[name] ??= []).push(value);
  return raw;
}

/** One parameter's value, typed and checked as its GraphQL type: enum values by name, lists split on commas. */
function readValue(name: string, values: string[], named: GraphQLNamedType, list: boolean): Value {
  const parts = list
    ? values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean)
    : values;
  if (!list && parts.length > 1) throw badUserInput(name, 'is given more than once; it takes one value.');
  const typed = parts.map((part) => {
    if (isEnumType(named)) {
      if (!named.getValue(part))
        throw badUserInput(
          name,
          `"${part}" is not one of ${named
            .getValues()
            .map((v) => v.name)
            .join(', ')}.`,
        );
      return part;
    }
    if (named.name === 'Boolean') {
      if (part !== 'true' && part !== 'false') throw badUserInput(name, `"${part}" is not true or false.`);
      return part === 'true';
    }
    if (named.name === 'Int') {
      if (!/^-?\d+$/.test(part)) throw badUserInput(name, `"${part}" is not a whole number.`);
      return Number(part);
    }
    return part;
  });
  return list ? typed : typed[0];
}

const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

export interface ParamSpec {
  /** Parameters of the export itself: the GraphQL type its value must have, and whether it takes a list. */
  own: Record<string, { type: string; list?: boolean }>;
  /** The input object whose every field is also a parameter (the filter). */
  filterType: string;
}

/**
 * Reads an export's query string into GraphQL variables, by the schema's own types: the filter takes every
 * field of the GraphQL filter input under the same name, so the CSV and the API cannot disagree on what
 * a filter means. An unknown parameter or a bad value is a BAD_USER_INPUT naming it.
 */
export function readParams(schema: GraphQLSchema, req: Request, spec: ParamSpec) {
  const filterType = schema.getType(spec.filterType);
  if (!isInputObjectType(filterType)) throw new Error(`${spec.filterType} is not an input type`);
  const filterFields: Record<string, GraphQLInputField> = filterType.getFields();
  const own: Record<string, Value> = {};
  const filter: Record<string, Value> = {};
  for (const [name, values] of Object.entries(rawParams(req))) {
    const ownSpec = Object.hasOwn(spec.own, name) ? spec.own[name] : undefined;
    if (ownSpec) {
      const type = schema.getType(ownSpec.type);
      if (!type) throw new Error(`the schema has no type ${ownSpec.type}`);
      own[name] = readValue(name, values, type, ownSpec.list ?? false);
    } else if (Object.hasOwn(filterFields, name)) {
      const { type } = filterFields[name];
      filter[name] = readValue(name, values, getNamedType(type), isList(type));
    } else {
      const known = [...Object.keys(spec.own), ...Object.keys(filterFields)].join(', ');
      throw badUserInput(name, `unknown parameter; this export takes ${known}.`);
    }
  }
  return { own, filter: Object.keys(filter).length ? filter : null };
}
