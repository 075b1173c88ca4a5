import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SortedRecords } from '../../src/archive/sorted.ts';
import { compareStrings } from '../../src/archive/text.ts';

interface Row {
  id: string;
  version: number;
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    version: fc.nat(9),
  }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
  fc.record({ kind: fc.constant('list' as const) }),
);

describe('records kept in id order', () => {
  test('list what a plain map sorted by id holds, after any mix of sets, deletes and reads', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const records = new SortedRecords<Row>((row) => row.id);
        const model = new Map<string, Row>();
        const expected = () => [...model.values()].sort((x, y) => compareStrings(x.id, y.id));
        for (const step of ops) {
          if (step.kind === 'set') {
            const row = { id: step.id, version: step.version };
            records.set(row);
            model.set(step.id, row);
          } else if (step.kind === 'delete') {
            records.delete(step.id);
            model.delete(step.id);
          } else {
            expect(records.list()).toEqual(expected());
          }
          expect(records.size).toBe(model.size);
        }
        expect(records.list()).toEqual(expected());
      }),
      { numRuns: 500 },
    );
  });

  test('give a new list on every read, so a caller holding the last one never sees it change', () => {
    const records = new SortedRecords<Row>((row) => row.id);
    records.set({ id: 'a', version: 1 });
    const first = records.list();
    records.set({ id: 'a', version: 2 });
    const second = records.list();
    expect(first).toEqual([{ id: 'a', version: 1 }]);
    expect(second).toEqual([{ id: 'a', version: 2 }]);
  });
});
