/**
 * Word-at-a-time bit tricks for the packed page maps (SWAR: "SIMD within a register"). All
 * operate on 32-bit words as JavaScript int32/uint32 numbers, so V8 keeps them in registers.
 */

/** Number of set bits in a 32-bit word (the classic SWAR popcount, Hacker's Delight §5-1). */
export function popcount32(x: number): number {
	x = x - ((x >>> 1) & 0x55555555);
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	x = (x + (x >>> 4)) & 0x0f0f0f0f;
	return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Spreads the low 16 bits of `x` to the even bit positions of a 32-bit word (bit i → bit 2i),
 * turning a 1-bit-per-page mask into the low bits of a 2-bit-per-page mask.
 */
export function spread16(x: number): number {
	x &= 0xffff;
	x = (x | (x << 8)) & 0x00ff00ff;
	x = (x | (x << 4)) & 0x0f0f0f0f;
	x = (x | (x << 2)) & 0x33333333;
	x = (x | (x << 1)) & 0x55555555;
	return x >>> 0;
}

/** The inverse of {@link spread16}: bit 2i of `x` → bit i (odd bits are ignored). */
export function compact16(x: number): number {
	x &= 0x55555555;
	x = (x | (x >>> 1)) & 0x33333333;
	x = (x | (x >>> 2)) & 0x0f0f0f0f;
	x = (x | (x >>> 4)) & 0x00ff00ff;
	x = (x | (x >>> 8)) & 0x0000ffff;
	return x;
}

/** Total set bits in `words[from..to)`. */
export function popcountRange(words: Uint32Array, from = 0, to = words.length): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const w = words[i]!;
		if (w !== 0) n += popcount32(w);
	}
	return n;
}

/** A mask of bits `[lo, hi)` of a 32-bit word, 0 ≤ lo ≤ hi ≤ 32. */
export function bitRange(lo: number, hi: number): number {
	if (hi <= lo) return 0;
	const upper = hi >= 32 ? 0xffffffff : (1 << hi) - 1;
	return (upper & ~((1 << lo) - 1)) >>> 0;
}
