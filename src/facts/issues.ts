import type { z } from 'zod';
import { closestName } from './text-distance.js';
import { KNOWN_FIELDS } from './schema.js';
import type { ExpectedValue, FieldName, LoadProblem } from './types.js';

/** A schema problem as a path into the file's data plus a message (and its code); the loader adds the position. */
export interface SchemaProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly problem?: LoadProblem;
  /** Point at the key of the last path segment (unknown fields) rather than its value. */
  readonly atKey?: boolean;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return { found: false, value: undefined };
    value = Reflect.get(value, segment);
  }
  return { found: true, value };
}

function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `${String(value)} (a yes/no value)`;
  return typeof value;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string': return 'text';
    case 'array': return 'a list (lines starting with "- ")';
    case 'object': return 'a group of fields (name: value lines)';
    case 'number': return 'a number';
    case 'boolean': return 'true or false';
    default: return expected;
  }
}

/** What a zod type name is in {@link ExpectedValue} terms. */
function expectedValue(expected: string): ExpectedValue {
  switch (expected) {
    case 'string': return 'text';
    case 'array': return 'list';
    case 'object': return 'group';
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    default: return 'other';
  }
}

/** The field a path ends at, as {@link nameOf} names it in English. */
function fieldOf(path: readonly PropertyKey[]): FieldName {
  const last = path[path.length - 1];
  if (last === undefined) return { name: '' };
  if (typeof last === 'number') return { name: String(path[path.length - 2]), item: last + 1 };
  return { name: String(last) };
}

/** "'quote'", or "item 2 of 'tags'" for list items, or "the file" at the root. */
function nameOf(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the file';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `item ${last + 1} of '${String(parent)}'`;
  }
  return `'${String(last)}'`;
}

function placeOf(fileKind: 'case' | 'facts', path: readonly PropertyKey[]): string {
  return [fileKind, ...path.filter((p): p is string => typeof p === 'string')].join('/');
}

/**
 * Turns zod issues into moderator messages ("unknown field 'qoute' — did you mean 'quote'?",
 * "'text' is 412 characters long, over the limit of 300; shorten it"). `prefix` is prepended to
 * issue paths when a sub-value was validated on its own.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], data: unknown, fileKind: 'case' | 'facts', prefix: readonly PropertyKey[] = []): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const name = nameOf(path);
    const { found, value } = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = KNOWN_FIELDS[placeOf(fileKind, path)] ?? [];
        for (const key of issue.keys) {
          const guess = closestName(key, known);
          problems.push({
            path: [...path, key],
            atKey: true,
            problem: guess ? { kind: 'unknown-field', field: key, guess } : { kind: 'unknown-field', field: key },
            message: guess
              ? `unknown field '${key}' — did you mean '${guess}'?`
              : `unknown field '${key}'; the fields allowed here are ${known.map((k) => `'${k}'`).join(', ')}`,
          });
        }
        break;
      }
      case 'invalid_type':
        if (path.length === 0) {
          problems.push({ path, message: fileKind === 'case'
            ? 'case.yaml is empty or not a group of fields; it needs id:, title:, summary: and sources:'
            : "the facts file is empty or not a group of fields; it should start with 'facts:' followed by a list" });
        } else if (!found) {
          problems.push({ path: path.slice(0, -1), problem: { kind: 'missing-field', field: fieldOf(path) }, message: `missing required field ${name}; add it` });
        } else {
          problems.push({ path, problem: { kind: 'wrong-type', field: fieldOf(path), expected: expectedValue(issue.expected) }, message: `${name} should be ${describeExpected(issue.expected)}, not ${describeKind(value)}${issue.expected === 'string' && typeof value !== 'object' ? '; put it in quotes' : ''}` });
        }
        break;
      case 'too_big': {
        const size = typeof value === 'string' ? value.trim().length : Array.isArray(value) ? value.length : 0;
        const max = Number(issue.maximum);
        problems.push({ path, problem: { kind: issue.origin === 'array' ? 'too-many' : 'too-long', field: fieldOf(path), size, max }, message: issue.origin === 'array'
          ? `${name} has ${size} items, over the limit of ${String(issue.maximum)}; remove some`
          : `${name} is ${size} characters long, over the limit of ${String(issue.maximum)}; shorten it` });
        break;
      }
      case 'too_small':
        problems.push({ path, problem: issue.origin === 'array' ? { kind: 'too-few', field: fieldOf(path), min: Number(issue.minimum) } : { kind: 'empty', field: fieldOf(path) }, message: issue.origin === 'array'
          ? `${name} needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}; add ${Number(issue.minimum) === 1 ? 'one' : 'more'}`
          : `${name} is empty; fill it in` });
        break;
      default:
        problems.push({ path, message: `${name} ${issue.message}` });
    }
  }
  return problems;
}
