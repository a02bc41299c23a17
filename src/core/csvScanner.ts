import { DataError } from './errors';

/**
 * Delimiter and quote characters of a CSV dialect (one character each). The delimiter
 * `'whitespace'` splits on runs of spaces and tabs, ignores them at the start and end of a line,
 * and treats quotes as ordinary characters (fixed-width and space-separated exports).
 */
export interface CsvDialect {
  delimiter: string;
  quote: string;
}

/** Receives each record, with the 1-based line where it starts. */
export interface RecordSink {
  /** A record without quotes: cell k is `text[bounds[2k] .. bounds[2k+1])`. */
  range(text: string, bounds: Int32Array, cellCount: number, line: number): void;
  /** A record with quoted cells, as strings. */
  cells(cells: string[], line: number): void;
}

/** A sink that turns every record into strings (tests, headers). */
export function stringSink(consume: (cells: string[], line: number) => void): RecordSink {
  return {
    range: (text, bounds, count, line) => {
      const cells: string[] = new Array(count);
      for (let k = 0; k < count; k++) cells[k] = text.slice(bounds[2 * k], bounds[2 * k + 1]);
      consume(cells, line);
    },
    cells: consume,
  };
}

/**
 * An incremental RFC 4180 CSV scanner: feed text in chunks of any size; complete records go
 * to the sink. Handles quoted fields with delimiters, doubled quotes and line breaks, CRLF
 * and LF line ends, a leading BOM, and skips empty lines. A quote inside an unquoted field is
 * kept as a literal character. Lines without quotes take a fast path through `split`.
 */
export class CsvScanner {
  private rest = '';
  private line = 1;
  private started = false;
  private readonly q: number;
  private bounds = new Int32Array(64);

  constructor(private readonly dialect: CsvDialect, private readonly sink: RecordSink) {
    this.q = dialect.quote.charCodeAt(0);
  }

  /** Adds text; pass `final` with the last chunk (or alone) to flush the last record. */
  push(chunk: string, final = false): void {
    let buf = this.rest.length === 0 ? chunk : this.rest + chunk;
    // Flatten the concatenation once (ToNumber does it in V8); char reads on a rope are slow.
    if (this.rest.length > 0) void Number(buf);
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    const { delimiter, quote } = this.dialect;
    const whitespace = delimiter === 'whitespace';
    const len = buf.length;
    let pos = 0;
    let nextQuote = whitespace ? -1 : buf.indexOf(quote);
    while (pos < len) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const end = nl < 0 ? len : nl;
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = buf.indexOf(quote, pos);
      if (nextQuote < 0 || nextQuote >= end) {
        const lineEnd = end > pos && buf.charCodeAt(end - 1) === 13 ? end - 1 : end;
        if (lineEnd > pos) {
          // Count first: cellBounds may replace this.bounds with a larger array (wide rows).
          const count = whitespace ? this.wordBounds(buf, pos, lineEnd) : this.cellBounds(buf, pos, lineEnd, delimiter);
          if (count > 0) this.sink.range(buf, this.bounds, count, this.line);
        }
        this.line++;
        pos = end + 1;
        continue;
      }
      const next = this.quotedRecord(buf, pos, final);
      if (next < 0) break; // incomplete: wait for more text
      pos = next;
    }
    this.rest = pos < len ? buf.slice(pos) : '';
  }

  /** Fills `bounds` with the cells of the quote-free line `buf[start..end)`; returns their count. */
  private cellBounds(buf: string, start: number, end: number, delimiter: string): number {
    let count = 0;
    let p = start;
    for (;;) {
      if (2 * count + 2 > this.bounds.length) {
        const bigger = new Int32Array(this.bounds.length * 2);
        bigger.set(this.bounds);
        this.bounds = bigger;
      }
      const d = buf.indexOf(delimiter, p);
      this.bounds[2 * count] = p;
      if (d < 0 || d >= end) {
        this.bounds[2 * count + 1] = end;
        return count + 1;
      }
      this.bounds[2 * count + 1] = d;
      count++;
      p = d + 1;
    }
  }

  /** Fills `bounds` with the words of `buf[start..end)` split on runs of spaces and tabs; returns their count (0 for a blank line). */
  private wordBounds(buf: string, start: number, end: number): number {
    let count = 0;
    let p = start;
    for (;;) {
      while (p < end && isBlank(buf.charCodeAt(p))) p++;
      if (p >= end) return count;
      if (2 * count + 2 > this.bounds.length) {
        const bigger = new Int32Array(this.bounds.length * 2);
        bigger.set(this.bounds);
        this.bounds = bigger;
      }
      this.bounds[2 * count] = p;
      while (p < end && !isBlank(buf.charCodeAt(p))) p++;
      this.bounds[2 * count + 1] = p;
      count++;
    }
  }

  /** Parses one record that contains quotes; returns the index after it, or -1 if incomplete. */
  private quotedRecord(buf: string, start: number, final: boolean): number {
    const { delimiter, quote } = this.dialect;
    const d = delimiter.charCodeAt(0);
    const cells: string[] = [];
    let lines = 0;
    let i = start;
    for (;;) {
      if (buf.charCodeAt(i) === this.q) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = buf.indexOf(quote, from);
          if (close < 0) {
            if (!final) return -1;
            throw new DataError('unclosed quoted field: a quote opened here is never closed', { line: this.line });
          }
          value += buf.slice(from, close);
          if (buf.charCodeAt(close + 1) === this.q) {
            value += quote;
            from = close + 2;
            continue;
          }
          if (close + 1 >= buf.length && !final) return -1; // the next char decides; wait for it
          i = close + 1;
          break;
        }
        lines += countNewlines(value);
        cells.push(value);
        const c = buf.charCodeAt(i);
        if (c === d) { i++; continue; }
        if (Number.isNaN(c) || c === 10 || (c === 13 && buf.charCodeAt(i + 1) === 10) || (c === 13 && i + 1 >= buf.length)) break;
        throw new DataError(`unexpected ${JSON.stringify(buf[i])} after a closing quote (expected the delimiter or a line end)`, { line: this.line + lines });
      }
      let j = i;
      for (; j < buf.length; j++) {
        const c = buf.charCodeAt(j);
        if (c === d || c === 10) break;
      }
      if (j >= buf.length && !final) return -1;
      const end = j > i && buf.charCodeAt(j - 1) === 13 && (j >= buf.length || buf.charCodeAt(j) === 10) ? j - 1 : j;
      cells.push(buf.slice(i, end));
      if (j < buf.length && buf.charCodeAt(j) === d) { i = j + 1; continue; }
      i = j;
      break;
    }
    // i is at the record's line end (or the buffer's end)
    if (buf.charCodeAt(i) === 13) i++;
    if (buf.charCodeAt(i) === 10) i++;
    this.sink.cells(cells, this.line);
    this.line += lines + 1;
    return i;
  }
}

const isBlank = (code: number): boolean => code === 32 || code === 9;

function countNewlines(text: string): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) n++;
  return n;
}
