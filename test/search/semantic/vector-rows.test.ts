import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOT_KERNEL_WASM } from '../../../src/search/semantic/dot-kernel-wasm.js';
import { DOT_UNIT, VectorRows } from '../../../src/search/semantic/vector-rows.js';
import { compileDotKernel, renderKernelModule } from '../../../scripts/dot-kernel-source.js';

/** A seeded generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unitVector(dims: number, next: () => number): Float32Array {
  const v = Float32Array.from({ length: dims }, () => next() * 2 - 1);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** The kernel's arithmetic written out plainly: int8 rows times the int16 query, summed exactly. */
function referenceDot(row: Float32Array, query: Float32Array): number {
  let sum = 0;
  for (let d = 0; d < row.length; d++) sum += Math.round((row[d] as number) * 127) * Math.round((query[d] as number) * 32767);
  return sum;
}

function floatDot(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, x, d) => sum + x * (b[d] as number), 0);
}

describe('VectorRows', () => {
  it('holds the kernel that dot-kernel.wat compiles to (run scripts/build-dot-kernel.ts after editing it)', async () => {
    const text = readFileSync(new URL('../../../src/search/semantic/dot-kernel.wat', import.meta.url), 'utf8');
    const bytes = await compileDotKernel(text);
    expect(Buffer.from(bytes).toString('base64')).toBe(DOT_KERNEL_WASM);
    const committed = readFileSync(new URL('../../../src/search/semantic/dot-kernel-wasm.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderKernelModule(bytes));
  });

  it.each([1, 4, 15, 16, 17, 31, 96, 195])(
    'computes exactly the integer dot products of every row with a query (%i dimensions)',
    (dims) => {
      const next = random(dims);
      const vectors = Array.from({ length: 37 }, () => unitVector(dims, next));
      const rows = new VectorRows(vectors.length, dims);
      vectors.forEach((v, r) => rows.set(r, v));
      for (let q = 0; q < 5; q++) {
        const query = unitVector(dims, next);
        const dots = [...rows.dots(query)];
        expect(dots).toEqual(vectors.map((v) => referenceDot(v, query)));
        // As cosines: within the rows' int8 rounding of the float cosine.
        vectors.forEach((v, r) => {
          expect(Math.abs((dots[r] as number) / DOT_UNIT - floatDot(v, query))).toBeLessThan(0.02);
          expect(rows.cosine(r, query)).toBe((dots[r] as number) / DOT_UNIT);
        });
        // A prefix of the rows only.
        expect([...rows.dots(query, 5)]).toEqual(dots.slice(0, 5));
      }
    },
  );

  it('gives the best cosine of a run of rows, and -Infinity for none', () => {
    const next = random(7);
    const vectors = Array.from({ length: 10 }, () => unitVector(24, next));
    const rows = new VectorRows(10, 24);
    vectors.forEach((v, r) => rows.set(r, v));
    const query = unitVector(24, next);
    const cosines = vectors.map((_, r) => rows.cosine(r, query));
    expect(rows.bestCosine(3, 4, query)).toBe(Math.max(...cosines.slice(3, 7)));
    expect(rows.bestCosine(0, 10, query)).toBe(Math.max(...cosines));
    expect(rows.bestCosine(0, 0, query)).toBe(-Infinity);
  });

  it('copies rows from other rows of the same dimensions, one or a run', () => {
    const next = random(3);
    const vectors = Array.from({ length: 6 }, () => unitVector(20, next));
    const source = new VectorRows(6, 20);
    vectors.forEach((v, r) => source.set(r, v));
    const target = new VectorRows(4, 20);
    target.copy(0, source, 5);
    target.copy(1, source, 1, 3);
    const query = unitVector(20, next);
    const expected = [5, 1, 2, 3].map((r) => source.cosine(r, query));
    expect([...target.dots(query)].map((d) => d / DOT_UNIT)).toEqual(expected);
    expect(() => target.copy(0, new VectorRows(2, 21), 0)).toThrow(/21 dimensions/);
    expect(() => target.copy(2, source, 0, 3)).toThrow(RangeError);
    expect(() => target.copy(0, source, 4, 3)).toThrow(RangeError);
  });

  it('rejects a query of other dimensions, rows it does not have and impossible sizes, with a clear error', () => {
    const rows = new VectorRows(3, 8);
    expect(() => rows.dots(new Float32Array(7))).toThrow(/7 dimensions .* rows of 8/);
    expect(() => rows.dots(new Float32Array(8), 4)).toThrow(/cannot scan 4 of 3 rows/);
    expect(() => rows.cosine(3, new Float32Array(8))).toThrow(/no row 3 in 3 rows/);
    expect(() => rows.set(-1, new Float32Array(8))).toThrow(RangeError);
    expect(() => new VectorRows(-1, 8)).toThrow(/capacity/);
    expect(() => new VectorRows(2, 0)).toThrow(/dimensions/);
  });

  it('scans no rows when it holds none, and zero rows count 0', () => {
    expect([...new VectorRows(0, 16).dots(new Float32Array(16))]).toEqual([]);
    const query = unitVector(16, random(1));
    expect([...new VectorRows(3, 16).dots(query)]).toEqual([0, 0, 0]);
  });

  it('keeps each set of rows apart: a scan of one leaves another and its results untouched', () => {
    const next = random(11);
    const a = new VectorRows(2, 16);
    const b = new VectorRows(2, 16);
    a.set(0, unitVector(16, next));
    a.set(1, unitVector(16, next));
    b.set(0, unitVector(16, next));
    const query = unitVector(16, next);
    const fromA = [...a.dots(query)];
    const view = a.dots(query);
    b.dots(unitVector(16, next));
    expect([...view]).toEqual(fromA);
  });
});
