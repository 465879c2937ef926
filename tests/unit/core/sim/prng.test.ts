import { describe, expect, it } from 'vitest';
import { nextFloat, nextInt, nextUint32, seedPrng } from '$lib/core/sim/prng';

describe('sfc32 seeded by SplitMix32', () => {
	it('gives the same sequence for the same seed', () => {
		const a = seedPrng(42);
		const b = seedPrng(42);
		const xs = Array.from({ length: 100 }, () => nextUint32(a));
		const ys = Array.from({ length: 100 }, () => nextUint32(b));
		expect(xs).toEqual(ys);
	});

	it('gives different sequences for neighbouring seeds', () => {
		const a = seedPrng(1);
		const b = seedPrng(2);
		const same = Array.from({ length: 50 }, () => nextUint32(a) === nextUint32(b)).filter(Boolean);
		expect(same.length).toBe(0);
	});

	it('continues identically after its state is copied through JSON (snapshot)', () => {
		const a = seedPrng(9);
		for (let i = 0; i < 10; i++) nextUint32(a);
		const b = JSON.parse(JSON.stringify(a));
		expect(Array.from({ length: 20 }, () => nextUint32(a))).toEqual(
			Array.from({ length: 20 }, () => nextUint32(b))
		);
	});

	it('produces floats in [0, 1) with a plausible mean and ints within bounds', () => {
		const s = seedPrng(123);
		let sum = 0;
		for (let i = 0; i < 20_000; i++) {
			const f = nextFloat(s);
			expect(f).toBeGreaterThanOrEqual(0);
			expect(f).toBeLessThan(1);
			sum += f;
		}
		expect(sum / 20_000).toBeGreaterThan(0.48);
		expect(sum / 20_000).toBeLessThan(0.52);
		const seen = new Set<number>();
		for (let i = 0; i < 1000; i++) seen.add(nextInt(s, 3, 7));
		expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
	});
});
