import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, DEFAULT_SCENARIO } from '$lib/core/scenarios/catalog';
import { FILE_IDS, loadBuiltin } from '$lib/core/scenarios/index';

describe('the built-in catalog lists the scenario files as they are', () => {
	it('the same ids in the same order, the default first', () => {
		expect(BUILTIN_CATALOG.map((s) => s.id)).toEqual(FILE_IDS);
		expect(BUILTIN_CATALOG[0]!.id).toBe(DEFAULT_SCENARIO);
	});

	it.each(BUILTIN_CATALOG.map((s) => [s.id, s.title] as const))(
		"%s: the title is the file's own",
		(id, title) => {
			const r = loadBuiltin(id);
			expect(r.ok && r.value.title).toBe(title);
		}
	);
});
