import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { CST, Document, Pair } from 'yaml';
import { oneLine } from '../shared/whitespace.js';
import type { LoadProblem } from './types.js';

/** A problem with a YAML file, by character offset (the caller turns it into line:column). */
export interface YamlProblem {
  readonly offset: number;
  readonly message: string;
  readonly problem?: LoadProblem;
}

const SYNTAX: LoadProblem = { kind: 'yaml-syntax' };

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  /** The plain data (`doc.toJS()`), what the schema validates. */
  readonly data: unknown;
}

/** A document with syntax errors, as far as the parser could read it. */
export interface RecoveredYaml {
  readonly parsed: ParsedYaml;
  /** Offset ranges `[start, end]` of the top-level list items the errors fall in: their data is not to be trusted. */
  readonly broken: readonly (readonly [number, number])[];
}

/** A parse: the data, or the problems — with what is still readable when the errors are confined to some list items. */
export type YamlParse =
  | { readonly ok: true; readonly parsed: ParsedYaml }
  | { readonly ok: false; readonly problems: YamlProblem[]; readonly recovered?: RecoveredYaml };

export interface YamlLimits {
  readonly maxAliasCount: number;
  readonly maxDepth: number;
}

/** Advice for text YAML cannot read as it stands: the way out that needs no escaping. */
const BLOCK_TEXT = "or write the text on the next line, indented, after 'text: >-' (or 'quote: >-')";

function lineAt(text: string, offset: number): { start: number; rest: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, rest: text.slice(offset, end < 0 ? text.length : end) };
}

/** The offset of the unclosed `open` character before `offset`, to point at where the problem starts. */
function openerBefore(text: string, offset: number, open: string): number {
  const at = text.lastIndexOf(open, offset - 1);
  return at >= 0 ? at : offset;
}

/**
 * What a YAML error means to a moderator, in plain words, and what to do; `offset` may move to
 * where the mistake starts (the unclosed bracket or quote, not the end of the file). The parser's
 * own wording is kept only for errors not recognised here.
 */
function describeYamlError(code: string, yamlMessage: string, text: string, offset: number): YamlProblem {
  const at = (message: string, where = offset, problem: LoadProblem = SYNTAX): YamlProblem => ({ offset: where, message, problem });
  const indentation = "check the indentation: a fact's fields ('id:', 'text:', 'cite:', 'tags:') line up under each other, and every '- ' of a list starts at the same column (spaces only)";
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^\s:#]+|^"[^"\n]*"|^'[^'\n]*'/.exec(text.slice(offset, offset + 100))?.[0] ?? '';
      const name = key.replace(/^["']|["']$/g, '');
      return at(`the field ${key ? `'${name}' ` : ''}appears twice in the same place; keep only one`, offset, { kind: 'yaml-duplicate-key', key: name });
    }
    case 'MULTIPLE_DOCS':
      return at("file contains more than one YAML document (a '---' line); keep only one");
    case 'TAB_AS_INDENT':
      return at('a tab is used for indentation; YAML needs spaces: replace the tab with spaces', offset, { kind: 'yaml-tab' });
    case 'RESOURCE_EXHAUSTION':
      return at('the YAML is nested too deeply; the facts format needs only a few levels');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/^Nested mappings/.test(yamlMessage)) {
        return /: |:$/.test(lineAt(text, offset).rest)
          ? at(`this text contains ': ', which YAML reads as the start of a new field; put the whole text in double quotes, ${BLOCK_TEXT}`)
          : at(`the line below is indented further than this one, so YAML reads it as part of this value; ${indentation}`);
      }
      return at(`the lines here are not lined up; ${indentation}`);
    case 'BAD_INDENT':
      if (/^Flow sequence/.test(yamlMessage)) return at("a list opened with '[' is not closed; add the ']' at the end of the list", openerBefore(text, offset, '['));
      if (/^Flow map/.test(yamlMessage)) return at("a group opened with '{' is not closed; add the '}' at its end", openerBefore(text, offset, '{'));
      if (/mapping items/.test(yamlMessage)) return at(`this field is not lined up with the fields above it; ${indentation}`);
      if (/sequence items/.test(yamlMessage)) return at(`this '- ' is not lined up with the other items of its list; ${indentation}`);
      return at(`the indentation is wrong here; ${indentation}`);
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])/.exec(yamlMessage)?.[1];
      if (quote) {
        return at(`text opened with ${quote} is never closed; add the closing ${quote} at the end of the text, ${BLOCK_TEXT}`, openerBefore(text, offset, quote), { kind: 'yaml-unclosed-quote', quote });
      }
      if (/without - indicator/.test(yamlMessage)) return at(`this line is indented as if it were a list item, but has no '- '; ${indentation}`);
      return at(`a field name here is not followed by ': '; write fields as 'name: value', and ${indentation}`);
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return at(`a field name here is not followed by ': ' on the same line; write fields as 'name: value', and ${indentation}`);
    case 'UNEXPECTED_TOKEN':
      if (/scalar at node end/.test(yamlMessage)) {
        return at(`text goes on after a closing quote or bracket; text that starts with a quote mark, '[' or '{' must be put whole in double quotes, ${BLOCK_TEXT}`);
      }
      break;
    case 'BAD_SCALAR_START':
      return at(`text cannot start with ${JSON.stringify(text.charAt(offset))} as it stands; put the whole text in double quotes, ${BLOCK_TEXT}`);
    default:
      break;
  }
  return at(`YAML syntax error (the parser says: ${oneLine(yamlMessage)}); ${indentation}, and put text containing ': ' or ' #' in double quotes`);
}

/** Deepest collection nesting in the CST, walked with an explicit stack so depth cannot overflow ours. */
function tooDeep(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { token, depth } = entry;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > maxDepth) return token.offset;
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Parses one YAML document with positions. Refuses nesting deeper than `maxDepth` before composing
 * (the composer recurses, and V8 can abort the process on a deep stack), several documents, and
 * alias bombs (`maxAliasCount`). Never throws.
 *
 * @example
 * const lc = new LineCounter();
 * const r = parseYaml('facts: []', lc, { maxAliasCount: 100, maxDepth: 32 });
 * if (r.ok) r.parsed.data // → { facts: [] }
 */
export function parseYaml(text: string, lineCounter: LineCounter, limits: YamlLimits): YamlParse {
  try {
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
    const deepAt = tooDeep(tokens, limits.maxDepth);
    if (deepAt !== undefined) {
      return { ok: false, problems: [{ offset: deepAt, message: `the YAML is nested more than ${limits.maxDepth} levels deep; the facts format needs only a few levels` }] };
    }
    const docs = Array.from(new Composer({ uniqueKeys: true, prettyErrors: false }).compose(tokens, true, text.length));
    const doc = docs[0];
    // forceDoc (the `true` above) makes the composer yield a document even for empty input.
    if (!doc) return { ok: false, problems: [{ offset: 0, message: 'file could not be parsed as YAML; check its syntax', problem: SYNTAX }] };
    const { problems, broken, wholeFile } = triageErrors(doc, text, lineCounter);
    const second = docs[1];
    if (second) problems.push({ ...describeYamlError('MULTIPLE_DOCS', '', text, 0), offset: second.range[0] });
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
      problems.push({ offset: 0, message: bomb
        ? `file uses YAML aliases (*name) more than ${limits.maxAliasCount} times over; write the values out instead`
        : 'file could not be read as YAML data; check anchors (&name) and aliases (*name)' });
      return { ok: false, problems };
    }
    if (problems.length === 0) return { ok: true, parsed: { doc, data } };
    return wholeFile || second ? { ok: false, problems } : { ok: false, problems, recovered: { parsed: { doc, data }, broken } };
  } catch {
    return { ok: false, problems: [{ offset: 0, message: 'file could not be parsed as YAML; check its syntax', problem: SYNTAX }] };
  }
}

/** Offset ranges `[start, end]` (end included) of the items of the lists directly under the root map. */
function rootListItems(doc: Document.Parsed): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  if (!isMap(doc.contents)) return ranges;
  for (const pair of doc.contents.items) {
    if (!isSeq(pair.value)) continue;
    for (const item of pair.value.items) {
      const range = typeof item === 'object' && 'range' in item && Array.isArray(item.range) ? item.range : undefined;
      const [start, end] = range ?? [];
      if (typeof start === 'number' && typeof end === 'number') ranges.push([start, end]);
    }
  }
  return ranges;
}

/**
 * Which of a document's errors to report, and how much of it is still readable. A syntax error
 * inside one item of a top-level list (one fact, one source) spoils only that item: the other items
 * are read as usual, and each spoilt item reports its first error, once per line (the parser's
 * further complaints there are echoes of it; so are those in the item after an error found at the
 * very end of its item, like an unclosed bracket). A syntax error elsewhere spoils the whole file, and
 * only the first one is reported. Duplicate keys are always reported; they spoil their item too.
 */
function triageErrors(doc: Document.Parsed, text: string, lineCounter: LineCounter):
  { problems: YamlProblem[]; broken: (readonly [number, number])[]; wholeFile: boolean } {
  const items = rootListItems(doc);
  const problems: YamlProblem[] = [];
  const broken = new Set<readonly [number, number]>();
  /** Items that had an error already, or follow one that ended at their start: later errors there are echoes. */
  const spoilt = new Set<readonly [number, number]>();
  const reportedLines = new Set<number>();
  let wholeFile = false;
  let syntaxReported = false;
  for (const error of [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const offset = error.pos[0];
    const item = items.find(([start, end]) => start <= offset && offset <= end);
    if (item) broken.add(item);
    const problem = describeYamlError(error.code, error.message, text, offset);
    if (error.code === 'DUPLICATE_KEY') {
      problems.push(problem);
      if (!item) wholeFile = true;
      continue;
    }
    const line = lineCounter.linePos(offset).line;
    const report = !syntaxReported || (!wholeFile && item !== undefined && !spoilt.has(item) && !reportedLines.has(line));
    if (!item) {
      wholeFile = true;
    } else {
      spoilt.add(item);
      // An error at the very end of an item (an unclosed '[' or quote noticed where the next item
      // starts) spoils the next item too; what the parser says about that one is an echo.
      const next = items[items.indexOf(item) + 1];
      if (next && offset >= item[1]) spoilt.add(next);
    }
    if (!report) continue;
    problems.push(problem);
    syntaxReported = true;
    reportedLines.add(line);
  }
  return { problems, broken: [...broken], wholeFile };
}

/** Where a schema path points in the document. */
export interface NodeLocation {
  /** Offset of the value at the path, or of the deepest existing ancestor when the path is missing. */
  readonly offset: number;
  /** The map pair whose key is the last path segment, when it exists (for "unknown field" on the key). */
  readonly pair?: Pair;
  /** True when the whole path exists. */
  readonly found: boolean;
}

function offsetOf(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range) && typeof node.range[0] === 'number') return node.range[0];
  return undefined;
}

/**
 * Follows a data path (map keys, sequence indexes) through the YAML nodes, resolving aliases.
 *
 * @example
 * locate(doc, ['facts', 2, 'cite', 0, 'quote']).offset // → offset of that quote's value
 */
export function locate(doc: Document.Parsed, path: readonly PropertyKey[]): NodeLocation {
  let node: unknown = doc.contents;
  let offset = offsetOf(node) ?? 0;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    pair = undefined;
    if (isMap(node)) {
      pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      next = pair?.value;
      if (pair && next === null) next = pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
    }
    if (next === undefined || next === null) return { offset, found: false };
    node = next;
    offset = offsetOf(node) ?? offset;
  }
  return pair ? { offset, pair, found: true } : { offset, found: true };
}

/** Offset of a pair's key, for pointing at a field name. */
export function keyOffset(pair: Pair, fallback: number): number {
  return offsetOf(pair.key) ?? fallback;
}

export { LineCounter };
