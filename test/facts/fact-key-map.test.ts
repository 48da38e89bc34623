import { describe, expect, it } from 'vitest';
import { FactKeyMap } from '../../src/facts/fact-key-map.js';

describe('FactKeyMap', () => {
  it('finds values by fact and by `case/id` key, and counts entries once', () => {
    const map = new FactKeyMap<number>();
    map.set({ caseId: 'tick-jaxa', id: 'a' }, 1);
    map.set({ caseId: 'tick-jaxa', id: 'b' }, 2);
    map.set({ caseId: 'other', id: 'a' }, 3);
    map.set({ caseId: 'tick-jaxa', id: 'a' }, 4);
    expect(map.size).toBe(3);
    expect(map.get({ caseId: 'tick-jaxa', id: 'a' })).toBe(4);
    expect(map.get({ caseId: 'other', id: 'a' })).toBe(3);
    expect(map.getByKey('tick-jaxa/b')).toBe(2);
    expect([...map.values()]).toEqual([4, 2, 3]);
  });

  it('finds nothing for keys that are not `case/id`', () => {
    const map = new FactKeyMap<number>();
    map.set({ caseId: 'tick-jaxa', id: 'a' }, 1);
    for (const key of ['tick-jaxa', 'tick-jaxa/', '/a', 'tick-jaxa/a/b', 'tick-jaxa//a', '', 'a']) expect(map.getByKey(key)).toBeUndefined();
  });

  it('take removes and returns the entry', () => {
    const map = new FactKeyMap<string>();
    map.set({ caseId: 'c', id: 'x' }, 'X');
    expect(map.take({ caseId: 'c', id: 'x' })).toBe('X');
    expect(map.take({ caseId: 'c', id: 'x' })).toBeUndefined();
    expect(map.take({ caseId: 'none', id: 'x' })).toBeUndefined();
    expect(map.size).toBe(0);
    expect([...map.values()]).toEqual([]);
  });
});
