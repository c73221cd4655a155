/**
 * The code of one reader thread, run with `eval` so that the same file serves the compiled server and the
 * TypeScript tests. It opens the database read-only and answers one statement at a time; WAL lets it read
 * beside the writer and the other readers. Sleeping in SQLite's busy handler is harmless here: it is not
 * the event loop.
 */
export const READ_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
const statements = new Map();
parentPort.on('message', ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > 200) statements.delete(statements.keys().next().value);
    }
    if (!statement.reader) return parentPort.postMessage({ id, notReader: true });
    parentPort.postMessage({ id, rows: statement.all(...params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
parentPort.postMessage({ ready: true });
`;
