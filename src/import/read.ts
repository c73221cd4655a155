import { type ParsedTokenInfo, Tokenizer, TokenParser, TokenType } from '@streamparser/json';

/** Where an item or an error is: the file, the line its object starts on, and its JSON path. */
export interface Location {
  file: string;
  line: number;
  path: string;
}

/** What a release package or record package says of itself: the import's source. */
export interface PackageMeta {
  uri?: string;
  publishedDate?: string;
  publisher?: { name?: string };
  version?: string;
  license?: string;
}

export type OcdsItem =
  | { kind: 'release'; value: Record<string, unknown>; at: Location; meta: PackageMeta }
  | { kind: 'record'; value: Record<string, unknown>; at: Location; meta: PackageMeta };

/** Invalid JSON, or JSON that is not OCDS at the top: the rest of the file cannot be read. */
export class OcdsSyntaxError extends Error {
  constructor(
    readonly at: Location,
    readonly reason: string,
  ) {
    super(`${at.file}:${at.line}: ${reason}`);
  }
}

/** Integers beyond 2^53 stay strings (identifiers published as numbers), instead of silently changing. */
class ExactTokenizer extends Tokenizer {
  override parseNumber(text: string): number {
    const n = Number(text);
    return (Number.isSafeInteger(n) || !/^-?\d+$/.test(text) ? n : text) as number;
  }
}

const CUT_SHORT = 'the file ends inside an object: it was cut short.';
const PACKAGE_KEYS = new Set([
  'releases',
  'records',
  'uri',
  'publishedDate',
  'publisher',
  'version',
  'extensions',
  'license',
  'publicationPolicy',
  'links',
  'packages',
]);
const PACKAGE_PATHS = ['$.releases.*', '$.records.*', '$.uri', '$.publishedDate', '$.publisher', '$.version', '$.license'];

/**
 * Reads OCDS from a byte stream, one release or record at a time, whatever the form: a release package, a
 * record package, a bare release, or JSON Lines (or any whitespace-separated sequence) of either. Memory
 * holds one release, never the package: the parser keeps only what the paths it was given ask for.
 */
export async function* readOcds(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, file: string): AsyncGenerator<OcdsItem> {
  const out: OcdsItem[] = [];
  const lines = new LineCounter();
  let root: RootValue | null = null;
  let depth = 0;
  let rootIndex = 0;
  let rootLine = 1;
  let expectKey = false; // the next STRING token at depth 1 is a key of the root object
  const fail = (offset: number, reason: string): never => {
    throw new OcdsSyntaxError({ file, line: lines.lineAt(offset), path: root?.path ?? '' }, reason);
  };

  const tokenizer = new ExactTokenizer({ separator: '\n' });
  tokenizer.onToken = (token: ParsedTokenInfo) => {
    if (token.token === TokenType.SEPARATOR) return;
    if (depth === 0) {
      if (token.token !== TokenType.LEFT_BRACE) fail(token.offset, 'expected an OCDS object (a release, a record or a package) here.');
      rootLine = lines.lineAt(token.offset);
      root = new RootValue(rootIndex, rootLine, (item) => out.push(item), file, lines);
      rootIndex += 1;
      expectKey = true;
    } else if (depth === 1 && expectKey && token.token === TokenType.STRING) {
      root!.key(String(token.value));
      expectKey = false;
    } else if (depth === 1 && token.token === TokenType.COMMA) {
      expectKey = true;
    }
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) depth += 1;
    if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) depth -= 1;
    root!.write(token, depth);
    if (depth === 0) root = root!.end();
  };
  tokenizer.onError = (error: Error) => {
    throw error;
  };

  try {
    let first = true;
    for await (const raw of chunks) {
      // A byte-order mark is not JSON, but some publishers' tools write one.
      const chunk = first && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
      first = false;
      lines.feed(chunk);
      tokenizer.write(chunk);
      yield* out.splice(0);
    }
    if (!tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    if (error instanceof OcdsSyntaxError) throw error;
    const message = (error as Error).message;
    if (/ended in the middle of a token/.test(message)) fail(lines.total - 1, CUT_SHORT);
    const offset = Number(/absolute position "(\d+)"/.exec(message)?.[1] ?? lines.total - 1);
    fail(offset, `invalid JSON: ${message.replace(/ at chunk position "\d+" \(absolute position "\d+"\)/, '')}`);
  }
  if (depth !== 0) fail(lines.total - 1, CUT_SHORT);
  yield* out.splice(0);
}

/** One top-level value, parsed as a package (its releases or records one by one) or as a single release. */
class RootValue {
  private parser: TokenParser | null = null;
  private buffered: ParsedTokenInfo[] = [];
  private meta: PackageMeta = {};
  private itemLine = 0;
  private currentKey = '';
  private itemIndex = 0;
  /** Where the reader is, for an error: the release (or record) being read. */
  path = '';

  constructor(
    private readonly index: number,
    private readonly line: number,
    private readonly emit: (item: OcdsItem) => void,
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  /** Each key of the root object; the first decides: package keys make it a package, anything else a release. */
  key(name: string) {
    this.currentKey = name;
    this.itemIndex = 0;
    this.decide(name);
  }

  private decide(firstKey: string) {
    if (this.parser) return;
    const isPackage = PACKAGE_KEYS.has(firstKey);
    this.parser = new TokenParser({ paths: isPackage ? PACKAGE_PATHS : ['$'], keepStack: false });
    this.parser.onValue = ({ value, key, stack }) => {
      if (stack.length === 2) {
        const kind = stack[1].key === 'records' ? 'record' : 'release';
        const at = { file: this.file, line: this.itemLine, path: `${this.prefix()}${String(stack[1].key)}[${String(key)}]` };
        this.emit({ kind, value: value as Record<string, unknown>, at, meta: this.meta });
      } else if (stack.length === 1 && isPackage) {
        (this.meta as Record<string, unknown>)[String(key)] = value;
      } else if (stack.length === 0 && !isPackage) {
        const path = this.index > 0 ? `[${this.index}]` : '$';
        this.emit({ kind: 'release', value: value as Record<string, unknown>, at: { file: this.file, line: this.line, path }, meta: {} });
      }
    };
    for (const token of this.buffered.splice(0)) this.parser.write(token);
  }

  write(token: ParsedTokenInfo, depthAfter: number) {
    // An element of releases/records starts: remember its line for errors about it.
    if (token.token === TokenType.LEFT_BRACE && depthAfter === 3) {
      this.itemLine = this.lines.lineAt(token.offset);
      this.path = `${this.prefix()}${this.currentKey}[${this.itemIndex}]`;
      this.itemIndex += 1;
    }
    if (this.parser) this.parser.write(token);
    else this.buffered.push(token);
  }

  end(): null {
    this.decide('');
    return null;
  }

  /** In a file of several top-level values (JSON Lines), which one: "[2]". */
  private prefix() {
    return this.index > 0 ? `[${this.index}].` : '';
  }
}

/** Turns byte offsets into line numbers as the bytes go by, holding no more than the current chunk. */
class LineCounter {
  private chunk: Buffer = Buffer.alloc(0);
  private chunkStart = 0;
  private cursor = 0;
  private cursorLine = 1;
  total = 0;

  feed(chunk: Buffer) {
    // Finish counting the previous chunk's remaining newlines before moving on.
    this.advanceTo(this.chunkStart + this.chunk.length);
    this.chunkStart = this.total;
    this.chunk = chunk;
    this.total += chunk.length;
  }

  lineAt(offset: number): number {
    if (offset > this.cursor) this.advanceTo(offset);
    return this.cursorLine;
  }

  private advanceTo(offset: number) {
    let from = Math.max(this.cursor, this.chunkStart) - this.chunkStart;
    const to = Math.min(offset, this.chunkStart + this.chunk.length) - this.chunkStart;
    while (from < to) {
      const next = this.chunk.indexOf(10, from);
      if (next < 0 || next >= to) break;
      this.cursorLine += 1;
      from = next + 1;
    }
    this.cursor = Math.max(this.cursor, offset);
  }
}
