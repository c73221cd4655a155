import fs from 'node:fs';
import path from 'node:path';
import type { ImportInput } from './importer';

const OCDS_FILE = /\.(json|jsonl|ndjson)$/i;

/** The files to import for a path: the file itself, or a directory's OCDS files (recursively, sorted). */
export function filesFor(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && OCDS_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Each file as a stream of chunks, opened only when its turn comes. */
export function* fileInputs(files: string[], onBytes?: (n: number) => void): Generator<ImportInput> {
  for (const file of files) yield { file, chunks: counted(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), onBytes) };
}

async function* counted(stream: AsyncIterable<Buffer>, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    onBytes?.(chunk.length);
    yield chunk;
  }
}

/** Standard input (`-`), as one input. */
export function stdinInput(stdin: AsyncIterable<Buffer>, onBytes?: (n: number) => void): ImportInput {
  return { file: '-', chunks: counted(stdin, onBytes) };
}
