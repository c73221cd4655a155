import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/database/open';
import { startServer } from '../src/server';
async function main() {
  const ds = await openDatabase({ sqlitePath: process.argv[2] });
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_POINTS: '1000000000000', MAX_COST: '1000000000', NODE_ENV: 'production' });
  const server = await startServer(ds, { port: 0, host: '127.0.0.1', config });
  const body = JSON.stringify({ query: process.argv[3] });
  for (let i = 0; i < 8; i += 1) {
    const t = performance.now();
    const r = await fetch(server.url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const text = await r.text();
    console.log(i, Math.round(performance.now() - t), 'ms', text.length, 'bytes', Math.round(process.memoryUsage().rss / 1e6), 'MB');
  }
  await server.stop(); await ds.destroy();
}
main();
