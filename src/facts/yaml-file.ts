/**
 * A facts-folder YAML file as the loader holds it: its data, and positions (file, line, column) for
 * the problems found in it, parsed only when first asked for.
 */
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { LineCounter, locate, parseYaml } from './yaml-doc.js';
import type { NodeLocation, YamlLimits } from './yaml-doc.js';

/**
 * A YAML file's data, and what turns data paths into positions. Positions are only needed to
 * report a problem (and for each fact's line, which the fast reader records), so for a file read on
 * the fast path ({@link parseYamlFast}) the `yaml` package parses it again, with positions, the
 * first time one is asked for — that is, only for files with a problem.
 */
export class YamlFile {
  private parsed: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter } | undefined;

  /**
   * @param broken Offset ranges the parser could not read (a file with syntax errors confined to
   *   some list items): problems found there are echoes of the syntax error, and are not reported.
   */
  constructor(readonly display: string, readonly data: unknown, private readonly text: string, private readonly limits: YamlLimits,
    parsed?: { readonly doc: Document.Parsed; readonly lineCounter: LineCounter }, private readonly itemLines?: ReadonlyMap<string, readonly number[]>,
    readonly broken: readonly (readonly [number, number])[] = []) {
    this.parsed = parsed;
  }

  isBroken(offset: number): boolean {
    return this.broken.some(([start, end]) => start <= offset && offset <= end);
  }

  private get positions(): { readonly doc: Document.Parsed; readonly lineCounter: LineCounter } {
    if (!this.parsed) {
      const lineCounter = new LineCounter();
      const result = parseYaml(this.text, lineCounter, this.limits);
      // The fast reader accepts only text the yaml package reads the same way, so this parse succeeds.
      this.parsed = { doc: result.ok ? result.parsed.doc : parseDocument(''), lineCounter };
    }
    return this.parsed;
  }

  locate(path: readonly PropertyKey[]): NodeLocation {
    return locate(this.positions.doc, path);
  }

  offsetOf(path: readonly PropertyKey[]): number {
    return this.locate(path).offset;
  }

  linePos(offset: number): { line: number; col: number } {
    return this.positions.lineCounter.linePos(offset);
  }

  /** 1-based line of item `index` of the list under the top-level `key`. */
  itemLine(key: string, index: number): number {
    return this.itemLines?.get(key)?.[index] ?? this.linePos(this.offsetOf([key, index])).line;
  }
}
