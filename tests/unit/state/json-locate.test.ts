// Where a JSON path is in JSON text: what an import error or a JSON box error points at.
import { describe, expect, it } from 'vitest';
import { jsonOffsets, locatePath, parentPath, positionOf } from '$lib/state/json-locate';

const text = `{
  "name": "x",
  "cluster": {
    "members": [
      { "name": "A", "storage": "4G" },
      {
        "name": "B"
      }
    ]
  },
  "guests": [["a\\"b", 1], {}]
}`;

describe('jsonOffsets and locatePath', () => {
	it('finds object members at their key and array elements at their value', () => {
		expect(locatePath(text, 'name')).toEqual({ line: 2, column: 3 });
		expect(locatePath(text, 'cluster.members')).toEqual({ line: 4, column: 5 });
		expect(locatePath(text, 'cluster.members[0]')).toEqual({ line: 5, column: 7 });
		expect(locatePath(text, 'cluster.members[0].storage')).toEqual({ line: 5, column: 22 });
		expect(locatePath(text, 'cluster.members[1].name')).toEqual({ line: 7, column: 9 });
		expect(locatePath(text, 'guests[0][1]')).toEqual({ line: 11, column: 23 });
		expect(locatePath(text, 'guests[1]')).toEqual({ line: 11, column: 27 });
		expect(locatePath(text, '')).toEqual({ line: 1, column: 1 });
	});

	it('falls back to the nearest ancestor for a field the text lacks', () => {
		expect(locatePath(text, 'cluster.members[1].storage')).toEqual({ line: 6, column: 7 });
		expect(locatePath(text, 'cluster.name')).toEqual({ line: 3, column: 3 });
		expect(locatePath(text, 'params.heartbeatMs')).toEqual({ line: 1, column: 1 });
	});

	it('reads an array at the root, and text cut short as far as it goes', () => {
		const boxed = '[\n  { "rdev": "ZZZZ" },\n  { "rdev": 12 }\n]';
		expect(locatePath(boxed, '[1].rdev')).toEqual({ line: 3, column: 5 });
		const cut = '{ "a": [1, 2,';
		expect([...jsonOffsets(cut).keys()]).toEqual(['', 'a', 'a[0]', 'a[1]']);
		expect(locatePath('', 'a')).toBeNull();
	});

	it('stops at the nesting limit instead of recursing without end', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(jsonOffsets(deep).size).toBe(65);
	});

	it('walks paths up and turns offsets into lines and columns', () => {
		expect(parentPath('a.b[2].c')).toBe('a.b[2]');
		expect(parentPath('a.b[2]')).toBe('a.b');
		expect(parentPath('a')).toBe('');
		expect(parentPath('[3]')).toBe('');
		expect(parentPath('')).toBeNull();
		expect(positionOf('ab\ncd\n\nef', 7)).toEqual({ line: 4, column: 1 });
	});
});
