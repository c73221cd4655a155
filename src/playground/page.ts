import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { EXAMPLES } from './examples';

interface GraphiQLOptions {
  title: string;
  logo: string;
  endpoint: string;
  defaultTabs: Array<{ query: string; variables: string | null }>;
  shouldPersistHeaders: boolean;
  credentials: 'omit' | 'same-origin';
}
// Loaded untyped on purpose: the package's typings pull in graphql-yoga's, which widen `graphql`'s error
// extensions for the whole program (Yoga's `http.headers` is a record, Apollo's a Map).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as { renderGraphiQL(options: GraphiQLOptions): string };

/** A small atlas mark for GraphiQL's corner, inline like everything else on the page. */
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.5" aria-label="Outsourcing Atlas">' +
  '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18"/></svg>';

/**
 * What the page may load: only what it carries inline (scripts, styles, fonts and icons as data: URLs,
 * Monaco's workers as blob: URLs) and the API on this origin. The browser enforces it, so a future
 * GraphiQL that fetched a font from a CDN would break the browser test rather than a researcher's day.
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "connect-src 'self'",
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PlaygroundPage {
  html: Buffer;
  gzipped: Buffer;
  etag: string;
}

let page: PlaygroundPage | undefined;

/** GraphiQL in one HTML document (about 9 MB, 2.4 MB gzipped), rendered and compressed once per process. */
export function playgroundPage(): PlaygroundPage {
  if (!page) {
    const html = Buffer.from(
      renderGraphiQL({
        title: 'Outsourcing Atlas',
        logo: LOGO,
        endpoint: '/graphql',
        defaultTabs: EXAMPLES.map((e) => ({ query: e.query, variables: null })),
        // Keys typed into the headers editor stay in the tab, not in the browser's storage.
        shouldPersistHeaders: false,
        credentials: 'omit',
      }),
    );
    page = { html, gzipped: gzipSync(html), etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
  }
  return page;
}
