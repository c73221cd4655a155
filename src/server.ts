import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { type Context, createContext } from './context';
import { buildAtlasSchema } from './schema/build-schema';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The HTTP server: GraphQL at /graphql (POST, and GET for queries). The DataSource stays the caller's. */
export async function startServer(dataSource: DataSource, options: { port: number; host?: string }): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildAtlasSchema(),
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's own landing pages load from a CDN, which researchers' networks often block; a bundled playground comes later.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(dataSource, req.headers.authorization) }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}
