import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { buildAtlasSchema } from '../src/schema/build-schema';
import { printAtlasSchema, SCHEMA_FILE } from '../src/schema/print-schema';

test('schema.graphql is what the code builds (run `npm run schema` after changing the schema)', async () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', SCHEMA_FILE), 'utf8');
  expect(await printAtlasSchema()).toBe(committed);
});

test('every type, field, argument and enum value has a description', async () => {
  const schema = await buildAtlasSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    if (isUnionType(type) && !type.description) missing.push(type.name);
  }
  expect(missing).toEqual([]);
});
