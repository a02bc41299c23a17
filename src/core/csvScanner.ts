import { DataError } from './errors';

/** Delimiter and quote characters of a CSV dialect (one character each). */
export interface CsvDialect {
  delimiter: string;
  quote: string;
}

/** Receives each record's cells and the 1-based line where the record starts. */
export type RecordSink = (cells: string[], line: number) => void;

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

  constructor(private readonly dialect: CsvDialect, private readonly sink: RecordSink) {
    this.q = dialect.quote.charCodeAt(0);
  }

  /** Adds text; pass `final` with the last chunk (or alone) to flush the last record. */
  push(chunk: string, final = false): void {
    let buf = this.rest + chunk;
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    const { delimiter, quote } = this.dialect;
    const len = buf.length;
    let pos = 0;
    let nextQuote = buf.indexOf(quote);
    while (pos < len) {
      const nl = buf.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const end = nl < 0 ? len : nl;
      if (nextQuote >= 0 && nextQuote < pos) nextQuote = buf.indexOf(quote, pos);
      if (nextQuote < 0 || nextQuote >= end) {
        const lineEnd = end > pos && buf.charCodeAt(end - 1) === 13 ? end - 1 : end;
        if (lineEnd > pos) this.sink(buf.slice(pos, lineEnd).split(delimiter), this.line);
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
    this.sink(cells, this.line);
    this.line += lines + 1;
    return i;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) n++;
  return n;
}
