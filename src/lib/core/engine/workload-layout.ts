import { nextFloat, type PrngState } from '../sim/prng';

/**
 * Where a guest's resident pages lie in its address space. The resident set is cut into 16 to
 * 32 extents of a power-of-two length (the last one shorter), separated by gaps of random size,
 * the first extent at page 0 where Linux loads its kernel. Workloads address the resident set by
 * a *logical* index 0..R-1 (the extents laid end to end); with power-of-two extents, mapping a
 * logical index to a page is a shift and an add, so the cost of dirtying never depends on the
 * guest's size.
 */
export interface ResidentLayout {
	readonly residentPages: number;
	/** First page of each extent (pages < 2^28, so int32). */
	readonly starts: Int32Array;
	/** log2 of the length of every extent but the last. */
	readonly extentShift: number;
}

/** The resident set is cut into at least this many extents, so that it looks scattered. */
export const MIN_EXTENTS = 16;

/** Lays out `residentPages` of a `guestPages` guest, choosing the gaps from `prng`. */
export function layoutResident(
	guestPages: number,
	residentPages: number,
	prng: PrngState
): ResidentLayout {
	const shift =
		residentPages >= 2 * MIN_EXTENTS ? Math.floor(Math.log2(residentPages / MIN_EXTENTS)) : 0;
	const len = 2 ** shift;
	const n = Math.ceil(residentPages / len);
	const starts = new Int32Array(n);
	const gapTotal = guestPages - residentPages;
	// A gap follows each extent; random weights in [0.5, 1.5) keep them of the same order.
	const weights = Array.from({ length: n }, () => 0.5 + nextFloat(prng));
	const sum = weights.reduce((a, b) => a + b, 0);
	let at = 0;
	let gapsLeft = gapTotal;
	for (let e = 0; e < n; e++) {
		starts[e] = at;
		const extent = e === n - 1 ? residentPages - (n - 1) * len : len;
		const gap = e === n - 1 ? gapsLeft : Math.floor((gapTotal * weights[e]!) / sum);
		gapsLeft -= gap;
		at += extent + gap;
	}
	return { residentPages, starts, extentShift: shift };
}

/** The page holding logical resident index `i` (0 ≤ i < residentPages). */
export function pageOf(layout: ResidentLayout, i: number): number {
	const e = i >>> layout.extentShift;
	return layout.starts[e]! + i - (e << layout.extentShift);
}

/**
 * Replaces each logical index `base + idx[i]` in `idx[0..n)` by its page, in place: the bulk
 * form of {@link pageOf}, with the layout in locals.
 */
export function pagesOf(layout: ResidentLayout, idx: Uint32Array, n: number, base: number): void {
	const starts = layout.starts;
	const shift = layout.extentShift;
	const within = (1 << shift) - 1;
	for (let i = 0; i < n; i++) {
		const l = base + idx[i]!;
		idx[i] = starts[l >>> shift]! + (l & within);
	}
}

/** Calls `fn(start, length)` for each resident extent, in address order. */
export function forEachExtent(
	layout: ResidentLayout,
	fn: (start: number, length: number) => void
): void {
	forEachPageRun(layout, 0, layout.residentPages, fn);
}

/** Calls `fn(page, length)` for each run of pages holding logical indices [a, b). */
export function forEachPageRun(
	layout: ResidentLayout,
	a: number,
	b: number,
	fn: (page: number, length: number) => void
): void {
	const shift = layout.extentShift;
	let i = a;
	while (i < b) {
		const e = i >>> shift;
		const runEnd = Math.min(b, (e + 1) << shift);
		fn(layout.starts[e]! + i - (e << shift), runEnd - i);
		i = runEnd;
	}
}
