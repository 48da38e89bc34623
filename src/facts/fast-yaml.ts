import jsyaml from 'js-yaml';

/**
 * The loader's fast path: js-yaml reads a valid file several times faster than the `yaml` package,
 * which builds a full syntax tree with positions (about 2 s per 10k facts). Positions are needed only
 * to report problems, so the loader reads every file here first and turns to the `yaml` package
 * — the authority for errors and positions — only when this says "not sure" (`undefined`) or when a
 * problem has to be located.
 *
 * "Not sure" covers everything where the two could disagree or where js-yaml has no limits of its
 * own: any syntax error or duplicate key, anchors and aliases (alias bombs are limited by the `yaml`
 * package's `maxAliasCount`), nesting deeper than the limit, and root keys that JavaScript would
 * reorder. Both read YAML 1.2's core schema, so `2016-11-01` stays a string in either.
 */

/** Data read by {@link parseYamlFast}. */
export interface FastYaml {
  /** What `yaml`'s `parse(text)` returns for the same text. */
  readonly data: unknown;
  /** 1-based line of each item of the block sequences directly under the root map, by key. */
  readonly itemLines: ReadonlyMap<string, readonly number[]>;
}

/** An anchor (`&a`) or alias (`*a`) where YAML would read one: at the start of a node. */
const ANCHOR_OR_ALIAS = /(?:^|[\s:[{,-])[&*][^\s,\]}]/m;
const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/;

/** Thrown from the listener to stop a parse that went past the depth limit. */
class TooDeep extends Error {}

/**
 * Reads `text` with js-yaml, or returns `undefined` when the caller should use the full parser.
 *
 * @example
 * parseYamlFast('facts:\n  - id: a\n', 32)?.itemLines.get('facts'); // [2]
 */
export function parseYamlFast(text: string, maxDepth: number): FastYaml | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  // js-yaml reports every node it opens; under the root map, nodes alternate key, value, key, …
  // so the items of root value number k are the depth-3 nodes opened while root node 2k+1 is open.
  let depth = 0;
  let rootNodes = 0;
  const itemsByRootNode = new Map<number, number[]>();
  let data: unknown;
  try {
    data = jsyaml.load(text, {
      schema: jsyaml.CORE_SCHEMA,
      json: false,
      listener(event, state) {
        if (event === 'close') {
          depth -= 1;
          return;
        }
        depth += 1;
        // Depth counts every node, so the scalar leaves of the deepest allowed collection sit one below it.
        if (depth > maxDepth + 1) throw new TooDeep();
        if (depth === 2) rootNodes += 1;
        else if (depth === 3) {
          const lines = itemsByRootNode.get(rootNodes) ?? [];
          lines.push(state.line + 1);
          itemsByRootNode.set(rootNodes, lines);
        }
      },
    });
  } catch {
    return undefined;
  }
  // An empty document is `undefined` here but `null` for the yaml package: leave it to that one.
  if (data === undefined) return undefined;
  const itemLines = new Map<string, readonly number[]>();
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const keys = Object.keys(data);
    if (keys.some((key) => INTEGER_LIKE.test(key))) return undefined;
    keys.forEach((key, k) => {
      const lines = itemsByRootNode.get(2 * k + 2);
      const value: unknown = (data as Record<string, unknown>)[key];
      if (lines && Array.isArray(value) && lines.length === value.length) itemLines.set(key, lines);
    });
  }
  return { data, itemLines };
}
