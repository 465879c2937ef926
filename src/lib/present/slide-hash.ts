/**
 * The slide a deck shows, in the address's hash (`#slide=3`, counted from 1), so that a reload
 * in the middle of a talk comes back to the same slide instead of the first. Reading never
 * throws: anything but a whole number gives the first slide, and a number past the end the last.
 */

/** The 0-based slide `hash` names, clamped to the `count` slides there are. */
export function slideFromHash(hash: string, count: number): number {
	const m = /^#?slide=([0-9]{1,4})$/.exec(hash);
	if (!m || count < 1) return 0;
	return Math.max(0, Math.min(count - 1, Number(m[1]) - 1));
}

/** The hash for 0-based slide `k`. */
export function slideHash(k: number): string {
	return `#slide=${k + 1}`;
}
