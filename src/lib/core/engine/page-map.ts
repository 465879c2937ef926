import { bitRange, compact16, popcount32, popcountRange, spread16 } from './bits';
import { giveWords, takeWords } from './array-pool';
import { downsampleMap } from './page-map-image';

/** Bytes in one guest page: z/VM and Linux on Z move memory in 4 KiB pages (MODEL-NOTES). */
export const PAGE_BYTES = 4096;
/** The largest guest the engine holds: 1 TiB of 4 KiB pages (issue 3, "Speed and memory"). */
export const MAX_PAGES = 2 ** 28;

/**
 * Per-page transfer state. The state array holds two bits a page: never sent (00), sent (01) or
 * in flight (11); "dirtied since sent" is a sent page whose dirty bit is set. So a guest write
 * touches only the dirty bitmap (one word, one cache line), the hot path of the whole engine,
 * and sending an in-flight word is one mask (11 → 01).
 */
export const PageState = {
	/** Not sent yet in this relocation (also every page that is not resident). */
	NeverSent: 0,
	/** Sent, and not written since: the destination's copy is current. */
	Sent: 1,
	/** Sent, then written by the guest: it must go again in the next pass. */
	Dirty: 2,
	/** Selected for the current pass and not yet sent. */
	InFlight: 3
} as const;
export type PageStateCode = (typeof PageState)[keyof typeof PageState];

/** How many pages are in each state, plus the dirty bitmap's and residency's totals. */
export interface PageCounts {
	neverSent: number;
	sent: number;
	dirty: number;
	inFlight: number;
	/** Pages whose dirty bit is set: what the next pass would send. */
	dirtyBits: number;
	resident: number;
}

const EVEN = 0x55555555;

/**
 * A guest's memory as a packed page map: 2-bit states (16 pages per Uint32 word), a 1-bit dirty
 * bitmap and a 1-bit residency bitmap (32 pages per word), and a 1-bit-per-state-word in-flight
 * summary: 0.508 bytes per page in all, inside the 1.25-byte budget of issue 3. The dirty bitmap
 * is read and cleared at the start of each pass, as Xen's log-dirty mode and KVM_GET_DIRTY_LOG
 * do (MODEL-NOTES, "Dirty tracking").
 *
 * Counters are kept up to date by every operation except "dirtied since sent", which
 * {@link PageMap.counts} finds by scanning the non-zero dirty words when asked (once a UI frame);
 * {@link PageMap.recount} recomputes everything from the arrays by popcount.
 */
export class PageMap {
	readonly pages: number;
	/** 2-bit states (00 never sent, 01 sent, 11 in flight), page p at word p>>>4, bits 2(p&15)+0..1. */
	readonly states: Uint32Array;
	/** Dirty bitmap: bit p&31 of word p>>>5 is set when page p was written since it was last read. */
	readonly dirty: Uint32Array;
	/** Residency bitmap: pages the guest has touched; only these go in the first pass (000 §3.2). */
	readonly resident: Uint32Array;

	private nNever: number;
	/** Pages coded sent, whether dirtied since or not. */
	private nSent = 0;
	private nInFlight = 0;
	private nDirtyBits = 0;
	private nResident = 0;
	/** Next state word the current pass sends from: each pass sweeps the map once, in order. */
	private cursor = 0;
	/** In-flight summary: one bit per state word that may hold in-flight pages (1/128 byte a page). */
	readonly flight: Uint32Array;

	constructor(pages: number) {
		if (!Number.isInteger(pages) || pages < 1 || pages > MAX_PAGES) {
			throw new RangeError(`page map: ${pages} pages is outside 1..${MAX_PAGES} (1 TiB)`);
		}
		this.pages = pages;
		this.states = takeWords(Math.ceil(pages / 16));
		this.dirty = takeWords(Math.ceil(pages / 32));
		this.resident = takeWords(Math.ceil(pages / 32));
		this.flight = takeWords(Math.ceil(this.states.length / 32));
		this.nNever = pages;
	}

	/** A map for a guest of `bytes` storage (rounded up to whole pages). */
	static forStorage(bytes: number): PageMap {
		return new PageMap(Math.ceil(bytes / PAGE_BYTES));
	}

	/** Bytes held by the map's typed arrays. */
	get byteLength(): number {
		return (
			this.states.byteLength +
			this.dirty.byteLength +
			this.resident.byteLength +
			this.flight.byteLength
		);
	}

	/**
	 * Hands the arrays back for reuse by later maps (array-pool.ts). The map must not be used
	 * afterwards; a map never disposed is simply garbage-collected.
	 */
	dispose(): void {
		for (const a of [this.states, this.dirty, this.resident, this.flight]) giveWords(a);
	}

	/** Marks pages `[start, start + count)` resident, a word at a time. */
	setResident(start: number, count: number): void {
		const end = Math.min(this.pages, start + count);
		if (start < 0 || start >= end) return;
		const r = this.resident;
		let added = 0;
		for (let w = start >>> 5; w <= (end - 1) >>> 5; w++) {
			const base = w << 5;
			const old = r[w]!;
			if (base >= start && base + 32 <= end) {
				if (old !== 0xffffffff) {
					added += 32 - popcount32(old);
					r[w] = 0xffffffff;
				}
				continue;
			}
			const mask = bitRange(Math.max(0, start - base), Math.min(32, end - base));
			const fresh = mask & ~old;
			if (fresh !== 0) {
				added += popcount32(fresh);
				r[w] = old | mask;
			}
		}
		this.nResident += added;
	}

	/** Whether page `p` is resident (goes in the first pass). */
	isResident(p: number): boolean {
		return ((this.resident[p >>> 5]! >>> (p & 31)) & 1) === 1;
	}

	/** Whether page `p` was written since its dirty bit was last read. */
	isDirty(p: number): boolean {
		return ((this.dirty[p >>> 5]! >>> (p & 31)) & 1) === 1;
	}

	/** Page `p`'s state, "dirtied since sent" included. */
	stateOf(p: number): PageStateCode {
		const code = (this.states[p >>> 4]! >>> ((p & 15) << 1)) & 3;
		if (code === PageState.Sent && this.isDirty(p)) return PageState.Dirty;
		return code as PageStateCode;
	}

	/**
	 * The guest wrote page `p`: its dirty bit is set, which makes a sent page "dirtied since
	 * sent". A page still in flight stays in flight (the copy about to go includes the write) but
	 * keeps its dirty bit, so the next pass sends it again, as KVM's dirty log does.
	 */
	markDirty(p: number): void {
		const wi = p >>> 5;
		const bit = 1 << (p & 31);
		const d = this.dirty[wi]!;
		if ((d & bit) === 0) {
			this.dirty[wi] = d | bit;
			this.nDirtyBits++;
		}
	}

	/**
	 * {@link markDirty} for `pages[0..n)`, with the bitmap in a local and no branch on the data
	 * (a write hits an already-dirty page about as often as not, so a branch would mispredict):
	 * the workload's bulk path.
	 */
	markDirtyMany(pages: Uint32Array, n: number): void {
		const dirty = this.dirty;
		let bits = 0;
		for (let i = 0; i < n; i++) {
			const p = pages[i]!;
			const wi = p >>> 5;
			const d = dirty[wi]!;
			const nd = d | (1 << (p & 31));
			dirty[wi] = nd;
			bits += (nd ^ d) >>> (p & 31);
		}
		this.nDirtyBits += bits;
	}

	/**
	 * {@link markDirty} for every page of `[start, start + count)`, a word at a time: the path of
	 * a workload that sweeps through memory.
	 */
	markDirtyRange(start: number, count: number): void {
		const end = Math.min(this.pages, start + count);
		if (start < 0 || start >= end) return;
		const dirty = this.dirty;
		let bits = 0;
		for (let w = start >>> 5; w <= (end - 1) >>> 5; w++) {
			const base = w << 5;
			const mask = bitRange(Math.max(0, start - base), Math.min(32, end - base));
			const d = dirty[w]!;
			const fresh = mask & ~d;
			if (fresh !== 0) {
				bits += popcount32(fresh);
				dirty[w] = d | mask;
			}
		}
		this.nDirtyBits += bits;
	}

	/**
	 * Starts a pass: the first pass takes every resident page, later ones the pages whose dirty
	 * bit is set. Either way the dirty bitmap is read and cleared, and the selected pages go in
	 * flight. Returns the pass's size in pages.
	 */
	beginPass(first: boolean): number {
		const before = this.nInFlight;
		// With nothing left in flight every summary bit is stale; otherwise keep them all.
		if (this.nInFlight === 0) this.flight.fill(0);
		if (first) {
			this.selectInFlight(this.resident, false);
			// Every dirty bit is counted, so a clean bitmap need not be written (nor its pages touched).
			if (this.nDirtyBits > 0) this.dirty.fill(0);
		} else {
			this.selectInFlight(this.dirty, true);
		}
		this.nDirtyBits = 0;
		this.cursor = 0;
		return this.nInFlight - before;
	}

	/**
	 * Turns the pages set in `bits` into in-flight pages, 32 at a time, clearing `bits` as it
	 * reads them when `clear` is set (the dirty bitmap's read-and-clear).
	 */
	private selectInFlight(bits: Uint32Array, clear: boolean): void {
		const states = this.states;
		const flight = this.flight;
		let fresh = 0;
		let resent = 0;
		for (let j = 0; j < bits.length; j++) {
			const b = bits[j]!;
			if (b === 0) continue;
			if (clear) bits[j] = 0;
			const k = j << 1;
			const s0 = states[k]!;
			if (b === 0xffffffff && s0 === states[k + 1] && (s0 === 0 || s0 === EVEN)) {
				// Thirty-two pages, all never sent (a first pass) or all sent (a full pass).
				states[k] = 0xffffffff;
				states[k + 1] = 0xffffffff;
				flight[k >>> 5] = flight[k >>> 5]! | (3 << (k & 31));
				if (s0 === 0) fresh += 32;
				else resent += 32;
			} else if (b === 0xffffffff) {
				this.selectWhole(k);
				this.selectWhole(k + 1);
			} else {
				this.selectHalf(k, b & 0xffff);
				this.selectHalf(k + 1, b >>> 16);
			}
		}
		this.nNever -= fresh;
		this.nSent -= resent;
		this.nInFlight += fresh + resent;
	}

	/**
	 * Puts all sixteen pages of state word `k` in flight. A word whose pages share one state
	 * (the usual case in a full pass) needs no popcount.
	 */
	private selectWhole(k: number): void {
		const s = this.states[k]!;
		this.flight[k >>> 5] = this.flight[k >>> 5]! | (1 << (k & 31));
		if (s === 0xffffffff) return;
		this.states[k] = 0xffffffff;
		if (s === 0) this.nNever -= 16;
		else if (s === EVEN) this.nSent -= 16;
		else {
			const lo = s & EVEN;
			const hi = (s >>> 1) & EVEN;
			const wasSent = popcount32(lo & ~hi);
			const wasInFlight = popcount32(lo & hi);
			this.nSent -= wasSent;
			this.nNever -= 16 - wasSent - wasInFlight;
			this.nInFlight -= wasInFlight;
		}
		this.nInFlight += 16;
	}

	/** Puts the pages of state word `k` selected by the 16-bit mask `sel` in flight. */
	private selectHalf(k: number, sel: number): void {
		if (sel === 0) return;
		const e = spread16(sel);
		const s = this.states[k]!;
		const c = popcount32(sel);
		const pairs = s & (e | (e << 1));
		// Pages picked from the dirty bitmap are nearly always all sent: skip the popcounts.
		if (pairs === e) this.nSent -= c;
		else if (pairs === 0) this.nNever -= c;
		else {
			const lo = s & EVEN;
			const hi = (s >>> 1) & EVEN;
			const wasSent = popcount32(e & lo & ~hi);
			const wasInFlight = popcount32(e & lo & hi);
			this.nSent -= wasSent;
			this.nNever -= c - wasSent - wasInFlight;
			this.nInFlight -= wasInFlight;
		}
		this.nInFlight += c;
		this.states[k] = s | e | (e << 1);
		this.flight[k >>> 5] = this.flight[k >>> 5]! | (1 << (k & 31));
	}

	/**
	 * Sends up to `budget` in-flight pages, in address order from where the pass got to, a state
	 * word (16 pages) at a time. The in-flight summary lets it jump over words with nothing in
	 * flight 32 at a time, so a sparse pass costs little more than the pages it sends. Returns
	 * how many were sent.
	 */
	sendInFlight(budget: number): number {
		const summary = this.flight;
		const states = this.states;
		const n = states.length;
		let k = this.cursor;
		let sent = 0;
		while (k < n && sent < budget) {
			const bits = summary[k >>> 5]! >>> (k & 31);
			if (bits === 0) {
				k = (k | 31) + 1;
				continue;
			}
			// Flagged words from k to the end of this summary word: the dense case of a full pass.
			const end = bits === 0xffffffff >>> (k & 31) ? Math.min(n, (k | 31) + 1) : 0;
			if (end === 0) k += 31 - Math.clz32(bits & -bits);
			do {
				const s = states[k]!;
				if (s === 0xffffffff && sent + 16 <= budget) {
					// Sixteen pages in flight: the common case in a first pass.
					states[k] = EVEN;
					sent += 16;
				} else {
					const m = s & (s >>> 1) & EVEN;
					if (m !== 0) {
						const c = popcount32(m);
						if (sent + c > budget) {
							states[k] = s & ~(lowest(m, budget - sent) << 1);
							sent = budget;
							break;
						}
						states[k] = s & ~(m << 1);
						sent += c;
					}
				}
				k++;
			} while (k < end && sent < budget);
		}
		this.cursor = k;
		this.nInFlight -= sent;
		this.nSent += sent;
		return sent;
	}

	/** Pages of the current pass not yet sent. */
	get inFlight(): number {
		return this.nInFlight;
	}

	/** Pages whose dirty bit is set: the size of the next pass if it started now. */
	get dirtyCount(): number {
		return this.nDirtyBits;
	}

	/** Resident pages: the size of the first pass. */
	get residentCount(): number {
		return this.nResident;
	}

	/**
	 * The counters: all maintained as the map changes, except "dirtied since sent", counted over
	 * the non-zero dirty words only.
	 */
	counts(): PageCounts {
		const dirty = this.dirtiedSinceSent();
		return {
			neverSent: this.nNever,
			sent: this.nSent - dirty,
			dirty,
			inFlight: this.nInFlight,
			dirtyBits: this.nDirtyBits,
			resident: this.nResident
		};
	}

	/** Sent pages whose dirty bit is set. */
	private dirtiedSinceSent(): number {
		if (this.nDirtyBits === 0) return 0;
		const dirty = this.dirty;
		const states = this.states;
		let n = 0;
		for (let j = 0; j < dirty.length; j++) {
			const d = dirty[j]!;
			if (d === 0) continue;
			n += popcount32(
				d & ((sentMask(states[2 * j]!) | (sentMask(states[2 * j + 1] ?? 0) << 16)) >>> 0)
			);
		}
		return n;
	}

	/** The same figures recomputed from the arrays by popcount over whole words. */
	recount(): PageCounts {
		let sent = 0;
		let inFlight = 0;
		const states = this.states;
		for (let k = 0; k < states.length; k++) {
			const s = states[k]!;
			if (s === 0) continue;
			const lo = s & EVEN;
			const hi = (s >>> 1) & EVEN;
			sent += popcount32(lo & ~hi);
			inFlight += popcount32(lo & hi);
		}
		const dirty = this.dirtiedSinceSent();
		return {
			neverSent: this.pages - sent - inFlight,
			sent: sent - dirty,
			dirty,
			inFlight,
			dirtyBits: popcountRange(this.dirty),
			resident: popcountRange(this.resident)
		};
	}

	/**
	 * A `width`×`height` image of the map, one byte per cell in row-major order, each the cell's
	 * dominant {@link CellValue} (see page-map-image.ts). Fills `out` when given.
	 */
	downsample(width: number, height: number, out?: Uint8Array): Uint8Array {
		return downsampleMap(this, width, height, out);
	}
}

/** The lowest `n` set bits of `m`. */
function lowest(m: number, n: number): number {
	let rest = m;
	let take = 0;
	for (let left = n; left > 0; left--) {
		const low = rest & -rest;
		take |= low;
		rest ^= low;
	}
	return take;
}

/** The 16-bit mask of the sent (01) pages of a state word. */
function sentMask(s: number): number {
	return compact16(s & ~(s >>> 1) & EVEN);
}
