import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, targetFromConfig } from './src/database/options';

/** For the TypeORM CLI only (`npx typeorm migration:generate -d dist/ormconfig.js`): the program describes databases in src/database/options.ts. */
export const AppDataSource = new DataSource(dataSourceOptions(targetFromConfig()));
