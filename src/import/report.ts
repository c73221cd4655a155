import type { PartyMatch } from '../entities/party-match';
import type { Location } from './read';

export interface ImportProblem extends Location {
  ocid: string | null;
  releaseId: string | null;
  reason: string;
}

export interface Counts {
  files: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  /** Files that could not be read to the end (invalid JSON), or were rejected whole (strict). */
  failedFiles: number;
}

/** How many problems, warnings and matches a report lists; beyond that it only counts them (memory stays flat). */
const LISTED = 1000;

/** What an import did: counts, and the first problems, warnings and matches in full. */
export class ImportReport {
  readonly counts: Counts = { files: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0, failedFiles: 0 };
  readonly problems: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  readonly matches: PartyMatch[] = [];
  problemCount = 0;
  warningCount = 0;
  matchCount = 0;

  problem(p: ImportProblem) {
    this.problemCount += 1;
    if (this.problems.length < LISTED) this.problems.push(p);
  }

  warning(p: ImportProblem) {
    this.warningCount += 1;
    if (this.warnings.length < LISTED) this.warnings.push(p);
  }

  match(m: PartyMatch) {
    this.matchCount += 1;
    if (this.matches.length < LISTED) this.matches.push(m);
  }

  /** A point to return to when a strict file is rolled back: its warnings and matches were never true. */
  mark() {
    return {
      counts: { ...this.counts },
      warnings: [this.warnings.length, this.warningCount],
      matches: [this.matches.length, this.matchCount],
    };
  }

  rollBackTo(mark: ReturnType<ImportReport['mark']>, releasesSeen: number) {
    Object.assign(this.counts, mark.counts);
    this.counts.rejected += releasesSeen;
    [this.warnings.length, this.warningCount] = mark.warnings;
    [this.matches.length, this.matchCount] = mark.matches;
  }

  /** The machine-readable form (`--json`). */
  toJSON() {
    return {
      ...this.counts,
      problemCount: this.problemCount,
      warningCount: this.warningCount,
      matchCount: this.matchCount,
      problems: this.problems,
      warnings: this.warnings,
      matches: this.matches.map((m) => ({
        id: m.globalId,
        scheme: m.scheme,
        identifier: m.identifier,
        publishedName: m.publishedName,
        entityType: m.entityType,
        method: m.method,
        note: m.note,
      })),
    };
  }
}
