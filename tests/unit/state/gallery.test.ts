// The gallery's entries: every built-in, read through the validator, with its members by CEC,
// links, guests and source as the cards show them.
import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS, DEFAULT_SCENARIO } from '$lib/core/scenarios/index';
import { galleryEntries, membersByCec, membersSummary } from '$lib/state/gallery';

describe('galleryEntries', () => {
	const { entries, problems } = galleryEntries();

	it('has every built-in, the default first, and no problems', () => {
		expect(problems).toEqual([]);
		expect(entries.map((e) => e.id)).toEqual(BUILTIN_IDS);
		expect(entries[0]).toMatchObject({ id: DEFAULT_SCENARIO, isDefault: true });
		expect(entries.filter((e) => e.isDefault)).toHaveLength(1);
	});

	it('describes the members by CEC, the links, the guests and the source', () => {
		const a = entries.find((e) => e.id === 'itsossia')!;
		expect(membersSummary(a)).toBe('4 members on 2 CECs');
		expect(membersByCec(a)).toEqual([
			{ cec: 'Z10EC', members: 'ITSOSSI1, ITSOSSI2' },
			{ cec: 'Z196', members: 'ITSOSSI3, ITSOSSI4' }
		]);
		expect(a.links).toHaveLength(6);
		expect(a.source).toMatch(/^000 ch\. 4/);
		expect(a.hasSystemConfig).toBe(true);
		const m = entries.find((e) => e.id === 'myclustr')!;
		expect(
			membersByCec(m)
				.map((c) => c.members)
				.join(', ')
		).toContain('MEMBER3 (down at the start)');
		const b = entries.find((e) => e.id === 'bench-three')!;
		expect(b.guests.some((g) => g.workload === 'database')).toBe(true);
	});
});
