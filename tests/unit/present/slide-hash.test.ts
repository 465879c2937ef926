import { describe, expect, it } from 'vitest';
import { slideFromHash, slideHash } from '$lib/present/slide-hash';

describe('the slide in the address', () => {
	it('round-trips, counted from 1 in the address', () => {
		expect(slideHash(0)).toBe('#slide=1');
		expect(slideHash(4)).toBe('#slide=5');
		for (const k of [0, 2, 5]) expect(slideFromHash(slideHash(k), 6)).toBe(k);
	});

	it('clamps to the slides there are', () => {
		expect(slideFromHash('#slide=99', 6)).toBe(5);
		expect(slideFromHash('#slide=0', 6)).toBe(0);
	});

	it('anything else is the first slide', () => {
		for (const h of [
			'',
			'#',
			'#slide=',
			'#slide=abc',
			'#slide=-2',
			'#slide=2.5',
			'#other=3',
			'#slide=12345'
		])
			expect(slideFromHash(h, 6), h).toBe(0);
		expect(slideFromHash('#slide=3', 0)).toBe(0);
	});
});
