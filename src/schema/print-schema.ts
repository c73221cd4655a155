import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildAtlasSchema } from './build-schema';

export const SCHEMA_FILE = 'schema.graphql';

/** The SDL as committed: sorted, so that a diff shows what changed and not where it moved. */
export async function printAtlasSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAtlasSchema()))}\n`;
}

// `npm run schema` writes schema.graphql at the project root (run from dist/src/schema/).
if (require.main === module) {
  printAtlasSchema()
    .then((sdl) => {
      const file = path.resolve(__dirname, '../../..', SCHEMA_FILE);
      fs.writeFileSync(file, sdl);
      console.log(`Wrote ${file}`);
    })
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
