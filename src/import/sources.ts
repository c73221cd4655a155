import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { Source } from '../entities';
import { SourceKind } from '../schema/enums';
import type { PackageMeta } from './read';

/**
 * The import source a release is cited to: one per package (its uri, publisher and publication date), or
 * one per file for releases outside a package. Found again on a re-import, so nothing is duplicated.
 */
export async function importSource(tx: EntityManager, meta: PackageMeta, file: string): Promise<number> {
  const origin = meta.uri ?? `file:${path.basename(file)}`;
  const slug = `ocds-${createHash('sha256')
    .update(`${origin} ${meta.publishedDate ?? ''}`)
    .digest('hex')
    .slice(0, 12)}`;
  const found = await tx.findOne(Source, { where: { slug }, withDeleted: true });
  if (found) return found.id;
  const published = /^(\d{4})-(\d{2})-(\d{2})/.exec(meta.publishedDate ?? '');
  const publisher = typeof meta.publisher?.name === 'string' ? meta.publisher.name : null;
  const title = meta.uri
    ? `OCDS package${publisher ? ` from ${publisher}` : ''}${meta.publishedDate ? `, published ${meta.publishedDate}` : ''}`
    : `OCDS releases in ${path.basename(file)}`;
  const { identifiers } = await tx.insert(Source, {
    slug,
    title,
    kind: SourceKind.DATASET,
    fileName: path.basename(file),
    url: meta.uri && /^https?:\/\//.test(meta.uri) ? meta.uri : null,
    publisher,
    summary: meta.license ? `Licence: ${meta.license}` : null,
    date: published
      ? { year: Number(published[1]), month: Number(published[2]), day: Number(published[3]), wording: meta.publishedDate! }
      : { year: null, month: null, day: null, wording: null },
    text: null,
  });
  return identifiers[0].id as number;
}
