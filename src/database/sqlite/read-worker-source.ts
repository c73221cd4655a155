/**
 * The code of one reader thread, run with `eval` so that the same file serves the compiled server and the
 * TypeScript tests. It opens the database read-only and answers one message at a time: a statement, or the
 * start or end of a read transaction (one request's snapshot). WAL lets it read beside the writer and the
 * other readers. Sleeping in SQLite's busy handler is harmless here: it is not the event loop.
 */
export const READ_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
const statements = new Map();
parentPort.on('message', ({ sql, params, begin, end }) => {
  try {
    // A request's first statement opens its read transaction: the snapshot is taken as that statement runs.
    if (begin && !db.inTransaction) db.exec('BEGIN');
    if (end) {
      if (db.inTransaction) db.exec('COMMIT');
      return parentPort.postMessage({ rows: [] });
    }
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > 200) statements.delete(statements.keys().next().value);
    }
    if (!statement.reader) return parentPort.postMessage({ notReader: true });
    // A large answer goes in parts, so that no single message takes the event loop long to read.
    const rows = statement.all(...params);
    let at = 0;
    for (; rows.length - at > workerData.partRows; at += workerData.partRows) {
      parentPort.postMessage({ part: rows.slice(at, at + workerData.partRows) });
    }
    parentPort.postMessage({ rows: at === 0 ? rows : rows.slice(at) });
  } catch (error) {
    parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
  }
});
parentPort.postMessage({ ready: true });
`;
