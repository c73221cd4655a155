import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILE = path.resolve(__dirname, '..', '..', 'BENCHMARKS.md');

/** The machine, as a benchmark's numbers need it said. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Replaces (or adds) one `## title` section of BENCHMARKS.md with fresh numbers, dated, with the machine. */
export function recordSection(title: string, body: string) {
  const heading = `## ${title}`;
  const text = fs.existsSync(FILE)
    ? fs.readFileSync(FILE, 'utf8')
    : '# Benchmarks\n\nNumbers written by the scripts in `bench/`; rerun them to refresh a section.\n';
  const section = `${heading}\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n\n${body}\n`;
  const start = text.indexOf(`${heading}\n`);
  const next = start < 0 ? -1 : text.indexOf('\n## ', start + heading.length);
  const updated =
    start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next < 0 ? '' : `\n${text.slice(next + 1)}`}`;
  fs.writeFileSync(FILE, updated);
}
