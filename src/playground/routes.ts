import type { Express } from 'express';
import { PLAYGROUND_CSP, playgroundPage } from './page';

/**
 * The playground where a browser asks for it: GET /graphql with `Accept: text/html` and no query (a
 * GET with a query is an API call, whatever accepts it), and `/`, which sends browsers there.
 */
export function addPlaygroundRoutes(app: Express): void {
  // On the app itself, not a Router: a Router would answer OPTIONS /graphql with its own Allow list,
  // before CORS could answer the preflight.
  app.get('/', (_req, res) => res.redirect(302, '/graphql'));
  app.get('/graphql', (req, res, next) => {
    // A browser's Accept puts text/html first; a script's (or */*) gets the API's 400 for a missing query.
    if (
      req.query.query !== undefined ||
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html'
    ) {
      next();
      return;
    }
    const page = playgroundPage();
    res.vary('Accept').vary('Accept-Encoding');
    res.setHeader('content-security-policy', PLAYGROUND_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('etag', page.etag);
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
    res.type('html');
    if (gzip) res.setHeader('content-encoding', 'gzip');
    res.end(gzip ? page.gzipped : page.html);
  });
}
