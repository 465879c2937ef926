/**
 * A small pool of zeroed Uint32Arrays for page maps. A fresh typed array is zero pages that the
 * OS maps in on first touch; for a 64 GiB guest's 8 MiB of maps that costs more than sending its
 * first pass. A worker that runs relocation after relocation (and replays them to scrub time)
 * reuses the arrays of finished ones instead. Reuse never changes results: arrays are zeroed
 * when taken.
 */

/** Most bytes kept for reuse: a few mid-sized guests; a 1 TiB guest's maps are never kept. */
export const MAX_POOLED_BYTES = 64 * 2 ** 20;

const free = new Map<number, Uint32Array[]>();
let pooled = 0;

/** A zeroed Uint32Array of `length` words, reused when one is free. */
export function takeWords(length: number): Uint32Array {
	const a = free.get(length)?.pop();
	if (!a) return new Uint32Array(length);
	pooled -= a.byteLength;
	a.fill(0);
	return a;
}

/** Offers `a` for reuse; the caller must not use it afterwards. */
export function giveWords(a: Uint32Array): void {
	if (pooled + a.byteLength > MAX_POOLED_BYTES) return;
	const list = free.get(a.length);
	if (list?.includes(a)) return;
	if (list) list.push(a);
	else free.set(a.length, [a]);
	pooled += a.byteLength;
}

/** Bytes currently held for reuse. */
export function pooledBytes(): number {
	return pooled;
}
