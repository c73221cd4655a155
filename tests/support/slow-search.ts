// Preloaded into a server process by the SIGTERM test: makes the search statement (`searchEntries`) take SLOW_SEARCH_MS, so that a
// request is certainly in flight when the signal arrives. Test-only; the server knows nothing of it.
import * as searchService from '../../src/services/search';

const delay = Number(process.env.SLOW_SEARCH_MS ?? 0);
const original = searchService.searchEntries;
Object.defineProperty(searchService, 'searchEntries', {
  value: async (...args: Parameters<typeof original>) => {
    await new Promise((resolve) => setTimeout(resolve, delay));
    return original(...args);
  },
});
