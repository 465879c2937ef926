import { describe, expect, it } from 'vitest';
import { bitRange, popcount32, popcountRange, spread16 } from '$lib/core/engine/bits';
import { fillUint32, nextUint32, seedPrng } from '$lib/core/sim/prng';

function naivePopcount(x: number): number {
	let n = 0;
	for (let i = 0; i < 32; i++) n += (x >>> i) & 1;
	return n;
}

describe('word-at-a-time bit operations', () => {
	it('popcount32 agrees with a bit-by-bit count, including the sign bit', () => {
		const s = seedPrng(5);
		const samples = [0, 1, 0x80000000, 0xffffffff, 0x55555555, 0xaaaaaaaa];
		for (let i = 0; i < 500; i++) samples.push(nextUint32(s));
		for (const x of samples) expect(popcount32(x)).toBe(naivePopcount(x));
		expect(popcount32(-1)).toBe(32);
	});

	it('spread16 moves bit i to bit 2i and drops bits above 15', () => {
		expect(spread16(0)).toBe(0);
		expect(spread16(1)).toBe(1);
		expect(spread16(0x8000)).toBe(0x40000000);
		expect(spread16(0xffff)).toBe(0x55555555);
		expect(spread16(0x1ffff)).toBe(0x55555555);
		expect(spread16(0b1011)).toBe(0b01000101);
	});

	it('bitRange covers [lo, hi) at the word edges', () => {
		expect(bitRange(0, 32)).toBe(0xffffffff);
		expect(bitRange(0, 1)).toBe(1);
		expect(bitRange(31, 32)).toBe(0x80000000);
		expect(bitRange(4, 8)).toBe(0xf0);
		expect(bitRange(5, 5)).toBe(0);
		expect(popcount32(bitRange(3, 29))).toBe(26);
	});

	it('popcountRange sums a slice of words', () => {
		const w = new Uint32Array([0xffffffff, 1, 3, 0x80000000]);
		expect(popcountRange(w)).toBe(36);
		expect(popcountRange(w, 1, 3)).toBe(3);
	});

	it('fillUint32 gives exactly the sequence of repeated nextUint32 calls and the same end state', () => {
		const a = seedPrng(77);
		const b = seedPrng(77);
		const out = new Uint32Array(1000);
		fillUint32(a, out, 999);
		for (let i = 0; i < 999; i++) expect(out[i]).toBe(nextUint32(b));
		expect(out[999]).toBe(0);
		expect(a).toEqual(b);
		expect(nextUint32(a)).toBe(nextUint32(b));
	});
});
