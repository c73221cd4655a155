import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from './support/test-server';

// The playground in a real browser (Debian's Chromium, driven by playwright-core) with the network cut
// off: every host but the test server's is unresolvable, and any request elsewhere is aborted and recorded.
// Runs when Chromium is at CHROMIUM_PATH (default /usr/bin/chromium); .ci/run installs it and sets
// CHROMIUM_PATH, which makes a missing browser a failure instead of a skip.
// What the functions run in the page use of the DOM (the project compiles without the DOM's types).
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = fs.existsSync(executablePath);
if (!available && process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH is set but ${executablePath} does not exist.`);
if (!available) console.warn(`Skipping the browser test: no Chromium at ${executablePath} (see README, "The playground").`);
const maybe = available ? describe : describe.skip;

export const SCREENSHOT = path.join(__dirname, '..', 'test-results', 'playground.png');

maybe('the playground in headless Chromium, offline', () => {
  jest.setTimeout(60_000);
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const offsite: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // No name resolves but the loopback address the server is on: the machine might as well be offline.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      offsite.push(url.href);
      return route.abort('internetdisconnected');
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    await page.goto(server.url.replace(/\/graphql$/, '/'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Monaco draws spaces as no-break spaces.
  const response = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
  // A click event, not a pointer gesture: GraphiQL's tabs are draggable, and a synthetic press can start a drag.
  const openTab = async (name: string) => {
    await page.locator(`.graphiql-tab-button[title="${name}"]`).dispatchEvent('click');
    // The editor takes the tab's query a moment after the tab turns active; run only once it has.
    await page.waitForFunction(
      (operation) =>
        document
          .querySelector('.graphiql-query-editor')
          ?.textContent?.replace(/\u00a0/g, ' ')
          .includes(`query ${operation}`),
      name,
      { timeout: 5_000 },
    );
  };
  const execute = async (expected: string) => {
    for (let attempt = 0; ; attempt += 1) {
      await page.locator('.graphiql-execute-button').click();
      const shown = await page.waitForFunction(
        (text) => {
          const answer = document.querySelector('.graphiql-response')?.textContent?.replace(/\u00a0/g, ' ') ?? '';
          return answer.includes(text) ? 'answer' : answer.includes('Cannot infer operation') ? 'stale' : false;
        },
        expected,
        { timeout: 15_000 },
      );
      // GraphiQL infers the operation's name a moment after a tab switch; a click before then is answered
      // "Cannot infer operation" without a request. Click again, as a person would.
      if ((await shown.jsonValue()) === 'answer') return;
      if (attempt === 10) throw new Error(`GraphiQL kept answering "Cannot infer operation" instead of ${expected}`);
      await page.waitForTimeout(200);
    }
  };

  test('opens on the worked examples, one tab per research question', async () => {
    expect(await page.title()).toBe('Outsourcing Atlas');
    expect(new URL(page.url()).pathname).toBe('/graphql');
    const tabs = await page.locator('.graphiql-tab-button').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(['ContractsOfABody', 'SupplierOffshoring', 'RollUpByUnion', 'ContestedClaims', 'Search']);
  });

  test('runs an example and shows the answer on the page', async () => {
    await openTab('ContractsOfABody');
    await execute('Department for Work and Pensions');
    expect(await response()).toContain('"totalCount"');
    await openTab('RollUpByUnion');
    await execute('Public and Commercial Services Union');
    await openTab('Search');
    await execute('Arvato');
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  test("the docs explorer reads the schema's descriptions", async () => {
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await docs
      .getByText(/Read the atlas: lists/)
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await docs.getByText('impact', { exact: true }).first().click();
    await docs
      .getByText(/Roll-ups of jobs, offshoring/)
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
  });

  test('nothing was fetched from anywhere but the server, and nothing failed', () => {
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
  });
});
