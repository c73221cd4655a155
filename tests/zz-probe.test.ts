import { startTestServer } from './support/test-server';
test('probe', async () => {
  const s = await startTestServer();
  const base = s.url.replace('/graphql', '');
  for (const path of ['/export/impact.csv?groupBy=SUPPLIER,YEAR', '/export/contracts.csv', '/export/impact.csv?statuses=FOO', '/export/impact.csv?colour=red']) {
    const r = await fetch(base + path);
    console.log(path, r.status, [...r.headers.entries()].filter(([k]) => !['date','connection','keep-alive'].includes(k)), (await r.text()).slice(0, 1500));
  }
  await s.stop();
});
