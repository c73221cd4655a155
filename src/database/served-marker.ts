import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from './options';

/**
 * A note beside a SQLite file that a server has served it. An empty database where that note exists is
 * not a first start: the file was deleted or replaced, and seeding it afresh would hide the loss.
 */
const markerOf = (target: DatabaseTarget) =>
  'sqlitePath' in target && target.sqlitePath !== ':memory:' ? `${path.resolve(target.sqlitePath)}.served` : null;

export const wasServed = (target: DatabaseTarget) => {
  const marker = markerOf(target);
  return marker != null && fs.existsSync(marker);
};

export function markServed(target: DatabaseTarget) {
  const marker = markerOf(target);
  if (marker && !fs.existsSync(marker)) {
    fs.writeFileSync(marker, `${JSON.stringify({ served: path.basename(marker, '.served'), since: new Date().toISOString() })}\n`);
  }
}

export const refuseReseed = (target: DatabaseTarget) =>
  new Error(
    `The database ${'sqlitePath' in target ? target.sqlitePath : ''} is empty, but a server has served it before (${markerOf(target)}): ` +
      'its file was deleted or replaced. Restore it from a backup; to start afresh on purpose, delete that marker file too.',
  );
