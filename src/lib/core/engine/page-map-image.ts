import { bitRange, popcount32, spread16 } from './bits';
import type { PageMap } from './page-map';

/**
 * Values of a down-sampled page-map cell: the four page states (the same codes as
 * `PageState`), plus one for pages that are not resident and so are never sent.
 */
export const CellValue = {
	NeverSent: 0,
	Sent: 1,
	Dirty: 2,
	InFlight: 3,
	NotResident: 4
} as const;
export type CellValueCode = (typeof CellValue)[keyof typeof CellValue];

/**
 * Cells spanning more state words (16 pages each) than this are sampled: {@link SAMPLE_RUNS}
 * evenly spaced runs of {@link RUN_WORDS} contiguous words (one cache line each), so a frame of a
 * 1 TiB map reads about 130,000 cache lines per array instead of all 16 million words. Up to
 * 8 GiB at 256×128 cells every page is counted.
 */
export const MAX_WORDS_PER_CELL = 16;
const SAMPLE_RUNS = 4;
const RUN_WORDS = 4;

/** Ties go to the state a learner most needs to see: in flight, dirty, sent, never, absent. */
const PRIORITY: readonly CellValueCode[] = [3, 2, 1, 0, 4];
const EVEN = 0x55555555;

/**
 * Down-samples `map` to `width`×`height` cells (row-major, one byte each): cell c covers pages
 * [⌊c·P/C⌋, ⌊(c+1)·P/C⌋) and holds its most common {@link CellValue}.
 */
export function downsampleMap(
	map: PageMap,
	width: number,
	height: number,
	out?: Uint8Array
): Uint8Array {
	if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
		throw new RangeError(`downsample: ${width}x${height} is not a positive whole size`);
	}
	const cells = width * height;
	const img = out ?? new Uint8Array(cells);
	if (img.length < cells) throw new RangeError(`downsample: buffer of ${img.length} < ${cells}`);
	const counts = new Float64Array(5);
	const pages = map.pages;
	for (let c = 0; c < cells; c++) {
		const a = Math.min(pages - 1, Math.floor((c * pages) / cells));
		const b = Math.max(a + 1, Math.floor(((c + 1) * pages) / cells));
		countCell(map, a, b, counts);
		let best: CellValueCode = PRIORITY[0]!;
		for (const v of PRIORITY) if (counts[v]! > counts[best]!) best = v;
		img[c] = best;
	}
	return img;
}

/** Counts the cell values of pages [a, b), sampling when the range spans many words. */
function countCell(map: PageMap, a: number, b: number, counts: Float64Array): void {
	counts.fill(0);
	const kA = a >>> 4;
	const kB = (b - 1) >>> 4;
	const span = kB - kA + 1;
	if (span <= MAX_WORDS_PER_CELL) {
		for (let k = kA; k <= kB; k++) countWord(map, k, wordMask(k, a, b), counts);
		return;
	}
	for (let r = 0; r < SAMPLE_RUNS; r++) {
		const first = kA + Math.floor(((2 * r + 1) * (span - RUN_WORDS)) / (2 * SAMPLE_RUNS));
		for (let k = first; k < first + RUN_WORDS; k++) countWord(map, k, wordMask(k, a, b), counts);
	}
}

/** The even-bit mask of the pages of state word k inside [a, b). */
function wordMask(k: number, a: number, b: number): number {
	const base = k << 4;
	return spread16(bitRange(Math.max(a, base) - base, Math.min(b, base + 16) - base));
}

function countWord(map: PageMap, k: number, pmask: number, counts: Float64Array): void {
	const s = map.states[k]!;
	const lo = s & EVEN;
	const hi = (s >>> 1) & EVEN;
	const shift = (k & 1) << 4;
	const res = spread16(map.resident[k >>> 1]! >>> shift);
	const dirty = spread16(map.dirty[k >>> 1]! >>> shift);
	const never = pmask & ~lo & ~hi;
	const sent = pmask & lo & ~hi;
	counts[CellValue.InFlight] = counts[CellValue.InFlight]! + popcount32(pmask & lo & hi);
	counts[CellValue.Sent] = counts[CellValue.Sent]! + popcount32(sent & ~dirty);
	counts[CellValue.Dirty] = counts[CellValue.Dirty]! + popcount32(sent & dirty);
	counts[CellValue.NeverSent] = counts[CellValue.NeverSent]! + popcount32(never & res);
	counts[CellValue.NotResident] = counts[CellValue.NotResident]! + popcount32(never & ~res);
}
