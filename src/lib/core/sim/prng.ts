/**
 * Seeded pseudo-random numbers for the simulation core.
 *
 * Algorithm: **sfc32** (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * as in PractRand), seeded through **SplitMix32** so that nearby seeds give unrelated streams.
 * The whole state is four unsigned 32-bit integers, so it serialises into a snapshot and
 * restores to exactly the same sequence.
 */
export type PrngState = [number, number, number, number];

/** SplitMix32 step: spreads a 32-bit seed into well-mixed 32-bit words. */
function splitmix32(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** The initial sfc32 state for a seed (any finite number; it is truncated to 32 bits). */
export function seedPrng(seed: number): PrngState {
	const next = splitmix32(seed);
	const state: PrngState = [next(), next(), next(), 1];
	// Discard the first outputs, as the sfc32 reference does, to leave the seeding transient.
	for (let i = 0; i < 12; i++) nextUint32(state);
	return state;
}

/** Advances the state in place and returns the next unsigned 32-bit integer. */
export function nextUint32(state: PrngState): number {
	let [a, b, c, d] = state;
	const t = (((a + b) >>> 0) + d) >>> 0;
	d = (d + 1) >>> 0;
	a = b ^ (b >>> 9);
	b = (c + (c << 3)) >>> 0;
	c = ((c << 21) | (c >>> 11)) >>> 0;
	c = (c + t) >>> 0;
	state[0] = a >>> 0;
	state[1] = b;
	state[2] = c;
	state[3] = d;
	return t;
}

/** A float in [0, 1). */
export function nextFloat(state: PrngState): number {
	return nextUint32(state) / 4294967296;
}

/** An integer in [min, max] inclusive. */
export function nextInt(state: PrngState, min: number, max: number): number {
	return min + Math.floor(nextFloat(state) * (max - min + 1));
}

/**
 * Fills `out[0..n)` with the next `n` outputs, exactly as `n` calls of {@link nextUint32} would,
 * and leaves the state where they would. The generator runs on local variables, which is about
 * five times faster than the per-call form: the memory-transfer engine draws one number per
 * page it dirties (src/lib/core/engine/workload.ts).
 */
export function fillUint32(state: PrngState, out: Uint32Array, n: number = out.length): void {
	let a = state[0];
	let b = state[1];
	let c = state[2];
	let d = state[3];
	for (let i = 0; i < n; i++) {
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = ((c << 21) | (c >>> 11)) >>> 0;
		c = (c + t) >>> 0;
		out[i] = t;
	}
	state[0] = a >>> 0;
	state[1] = b;
	state[2] = c;
	state[3] = d;
}
