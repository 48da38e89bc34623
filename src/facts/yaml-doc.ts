import { Composer, LineCounter, Parser, isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { CST, Document, Node as YamlNode, Pair } from 'yaml';

/** A problem with a YAML file, by character offset (the caller turns it into line:column). */
export interface YamlProblem {
  readonly offset: number;
  readonly message: string;
}

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  /** The plain data (`doc.toJS()`), what the schema validates. */
  readonly data: unknown;
}

export interface YamlLimits {
  readonly maxAliasCount: number;
  readonly maxDepth: number;
}

/** What a YAML error code means to a moderator, and what to do. */
function describeYamlError(code: string, yamlMessage: string, text: string, offset: number): string {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^\s:#]+|^"[^"\n]*"|^'[^'\n]*'/.exec(text.slice(offset, offset + 100))?.[0] ?? '';
      return `the field ${key ? `'${key.replace(/^["']|["']$/g, '')}' ` : ''}appears twice in the same place; keep only one`;
    }
    case 'MULTIPLE_DOCS':
      return "file contains more than one YAML document (a '---' line); keep only one";
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML needs spaces';
    case 'RESOURCE_EXHAUSTION':
      return 'the YAML is nested too deeply; the facts format needs only a few levels';
    default:
      return `YAML syntax error (${yamlMessage.replace(/\s+/g, ' ').trim()}); check the indentation, and put text containing ': ' or ' #' in quotes`;
  }
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
export function parseYaml(text: string, lineCounter: LineCounter, limits: YamlLimits):
  { ok: true; parsed: ParsedYaml } | { ok: false; problems: YamlProblem[] } {
  try {
    const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
    const deepAt = tooDeep(tokens, limits.maxDepth);
    if (deepAt !== undefined) {
      return { ok: false, problems: [{ offset: deepAt, message: `the YAML is nested more than ${limits.maxDepth} levels deep; the facts format needs only a few levels` }] };
    }
    const docs = Array.from(new Composer({ uniqueKeys: true, prettyErrors: false }).compose(tokens, true, text.length));
    const doc = docs[0];
    // forceDoc (the `true` above) makes the composer yield a document even for empty input.
    if (!doc) return { ok: false, problems: [{ offset: 0, message: 'file could not be parsed as YAML; check its syntax' }] };
    // After the first syntax error the parser's later complaints are mostly echoes of it; duplicate keys stand alone.
    const firstSyntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    const problems: YamlProblem[] = doc.errors
      .filter((e) => e.code === 'DUPLICATE_KEY' || e === firstSyntax)
      .map((e) => ({ offset: e.pos[0], message: describeYamlError(e.code, e.message, text, e.pos[0]) }));
    const second = docs[1];
    if (second) problems.push({ offset: second.range[0], message: describeYamlError('MULTIPLE_DOCS', '', text, 0) });
    if (problems.length > 0) return { ok: false, problems };
    try {
      return { ok: true, parsed: { doc, data: doc.toJS({ maxAliasCount: limits.maxAliasCount }) } };
    } catch (error) {
      const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
      return { ok: false, problems: [{ offset: 0, message: bomb
        ? `file uses YAML aliases (*name) more than ${limits.maxAliasCount} times over; write the values out instead`
        : 'file could not be read as YAML data; check anchors (&name) and aliases (*name)' }] };
    }
  } catch {
    return { ok: false, problems: [{ offset: 0, message: 'file could not be parsed as YAML; check its syntax' }] };
  }
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
    offset = offsetOf(node as YamlNode) ?? offset;
  }
  return pair ? { offset, pair, found: true } : { offset, found: true };
}

/** Offset of a pair's key, for pointing at a field name. */
export function keyOffset(pair: Pair, fallback: number): number {
  return offsetOf(pair.key) ?? fallback;
}

export { LineCounter };
