import { fillUint32, seedPrng, type PrngState } from '../sim/prng';
import type { PageMap } from './page-map';
import { PAGE_BYTES } from './page-map';
import {
	forEachExtent,
	forEachPageRun,
	layoutResident,
	type ResidentLayout
} from './workload-layout';

/**
 * What a guest does to its memory, in the writable-working-set terms of Clark et al.
 * (MODEL-NOTES): a *resident* set (pages touched since IPL; only these move in the first pass),
 * inside it a *hot* set rewritten fast, and the rest (*cold*) rewritten slowly. 000 §3.2.1
 * names the two guest factors this captures: "virtual memory size" and "page change rate".
 *
 * Rates are page *writes* per second, not distinct pages: a write to a page already dirty since
 * the last pass adds nothing, so a hot set written faster than a pass lasts saturates at its
 * size, the floor below which pre-copy cannot shrink a pass.
 */
export interface WorkloadSpec {
	/** Preset key or `custom`. */
	readonly name: string;
	readonly residentPages: number;
	/** Hot working set, inside the resident set. */
	readonly hotPages: number;
	readonly hotWritesPerS: number;
	/** Writes spread uniformly over the resident pages outside the hot set. */
	readonly coldWritesPerS: number;
	/**
	 * Concentration of writes inside the hot set, in [0, 1): the written page is at offset
	 * ⌊H·u^(1/(1−skew))⌋ for uniform u (a power law, read by linear interpolation from a
	 * 1024-segment table), so 0 is uniform and 0.9 sends most writes to a few pages.
	 */
	readonly skew: number;
	/**
	 * How hot writes pick pages: `random` (default) draws each page, with repeats; `sweep` walks
	 * the hot set in address order and wraps, as a program filling a buffer does, so every write
	 * within one lap is to a new page.
	 */
	readonly pattern?: 'random' | 'sweep';
	/** Periodic bursts of extra cold-set writes (a garbage collector), in simulated time. */
	readonly burst?: {
		readonly periodMs: number;
		readonly durationMs: number;
		readonly writesPerS: number;
	};
	/**
	 * I/O that writes guest memory without the guest's CPUs: inbound network data landing in the
	 * QDIO input buffers of its NICs, DASD reads completing into its buffers. While the guest runs
	 * these writes are part of the rates above; once it is quiesced they are all that still
	 * writes its memory, until its I/O devices have been moved (the "Moving Guest" phase). That
	 * is why the final pass exists at all: z/VM's quiesce covers two passes, the penultimate
	 * with the guest stopped and the last for what its I/O wrote meanwhile (issue 3, "The phase
	 * machine"). The buffers are a ring of `bufferPages` pages at the start of the hot set,
	 * written in order as a device fills its input queue; no page is drawn at random, so these
	 * writes do not consume the workload's random numbers.
	 */
	readonly io?: {
		readonly bufferPages: number;
		readonly writesPerS: number;
	};
}

/** A preset before it is sized to a guest: sets as fractions of guest storage. */
interface PresetDef {
	resident: number;
	/** Fraction of guest storage (capped at the resident set). */
	hot: number;
	hotWritesPerS: number;
	coldWritesPerS: number;
	skew: number;
	pattern?: WorkloadSpec['pattern'];
	burst?: WorkloadSpec['burst'];
	/** I/O buffer ring in pages (not a fraction: buffer counts do not grow with storage) and its write rate. */
	io?: WorkloadSpec['io'];
}

/**
 * The presets. Fractions are of the guest's storage; rates are 4 KiB page writes per second.
 * For scale: the fastest ISFC link (4 CHPIDs, 16 CTCs, 14 written) carries 1,400 MB/s, about
 * 342,000 pages/s; one CTC carries 100 MB/s, about 24,400 pages/s (model/link.ts).
 *
 * | preset     | resident | hot set | hot writes/s | cold writes/s | skew | bursts                      |
 * |------------|----------|---------|--------------|---------------|------|-----------------------------|
 * | idle       | 25 %     | 1 %     | 50           | 2             | 0    | —                           |
 * | web        | 50 %     | 4 %     | 2,500        | 250           | 0.5  | —                           |
 * | database   | 90 %     | 10 %    | 25,000       | 2,500         | 0.6  | —                           |
 * | java-gc    | 80 %     | 10 %    | 25,000 (sweep) | 500         | 0    | every 30 s for 3 s, +150,000/s on the cold set |
 * | sap        | 85 %     | 15 %    | 30,000       | 5,000         | 0.4  | —                           |
 * | muncher    | 100 %    | 100 %   | 400,000 (sweep) | 0          | 0    | —                           |
 *
 * I/O while quiesced ({@link WorkloadSpec.io}; pages, not fractions, since buffer counts do not
 * grow with storage): idle 1,024-page ring at 25 writes/s; web 1,024 at 2,500/s; database
 * 2,048 at 10,000/s; java-gc 1,024 at 1,000/s; sap 2,048 at 5,000/s; muncher none. A ring of
 * 1,024 pages is one qeth device's inbound queue as Linux sets it up by default (64 buffers of
 * 64 KiB); database and sap add as much again for DASD reads in flight. The rates are each
 * workload's inbound traffic (idle: ARP, NTP and monitoring, ~100 KB/s; web: requests and
 * uploads, ~10 MB/s; database: ~40 MB/s of reads; sap: ~20 MB/s). They only set the size of
 * the final pass, which never exceeds the ring: a few MiB at most, a few ms on any ISFC link.
 *
 * Why these numbers (choices for the model, to be read as orders of magnitude):
 * - **idle**: Linux with nothing to do still runs timers, daemons and logging over a few MB of
 *   kernel and daemon pages; a quarter of storage has been touched since IPL. Its writable
 *   working set is tiny, so pre-copy converges in a pass or two (Clark et al., MODEL-NOTES).
 * - **web**: request and socket buffers, session caches and logs are rewritten continuously
 *   (hot, moderately skewed); static content sits in the page cache, which is written only when
 *   a file is first read (cold). Half of storage resident.
 * - **database** (OLTP): the buffer pool is sized to fill storage, so nearly all of it is
 *   resident (IBM, "z/VM 6.2 Live Guest Relocation with Linux Middleware – Various Workloads",
 *   2013: the first pass ≈ the database memory target plus the OS). Updates concentrate on hot rows, index and log pages (skew 0.6) with
 *   scattered row updates across the pool (cold). A busy guest: more passes, longer relocation
 *   (000 §3.2.1, "page change rate"), but its hot set still converges on a multi-CTC link.
 * - **java-gc**: the heap is sized near storage (the same study: first pass ≈ Java heap).
 *   Bump-pointer allocation walks the nursery in address order at ~100 MB/s and starts again
 *   after each minor collection (hot, a sweep), and a major collection every 30 s compacts the
 *   old generation, rewriting much of the heap for 3 s (the burst). The study found Java's
 *   intermediate passes the largest, relative to its first pass, of the workloads it measured.
 * - **sap** (ABAP application server under load): large program and table buffers plus
 *   extended memory holding user contexts, which many work processes roll in and out: a big,
 *   broad hot set and a busy cold set.
 * - **muncher**: a test program that sweeps through all of its memory in a loop at 1.6 GB/s,
 *   faster than any ISFC link. Its writable working set is all of memory and r = D/B > 1, so
 *   pre-copy cannot converge (MODEL-NOTES, closed form): each pass is as big as the first, and
 *   the quiesce has to move the whole guest. It shows why MAXQUIESCE exists (000 A.1.7).
 */
export const WORKLOAD_PRESETS = {
	idle: {
		resident: 0.25,
		hot: 0.01,
		hotWritesPerS: 50,
		coldWritesPerS: 2,
		skew: 0,
		io: { bufferPages: 1024, writesPerS: 25 }
	},
	web: {
		resident: 0.5,
		hot: 0.04,
		hotWritesPerS: 2_500,
		coldWritesPerS: 250,
		skew: 0.5,
		io: { bufferPages: 1024, writesPerS: 2_500 }
	},
	database: {
		resident: 0.9,
		hot: 0.1,
		hotWritesPerS: 25_000,
		coldWritesPerS: 2_500,
		skew: 0.6,
		io: { bufferPages: 2048, writesPerS: 10_000 }
	},
	'java-gc': {
		resident: 0.8,
		hot: 0.1,
		hotWritesPerS: 25_000,
		coldWritesPerS: 500,
		skew: 0,
		pattern: 'sweep',
		burst: { periodMs: 30_000, durationMs: 3_000, writesPerS: 150_000 },
		io: { bufferPages: 1024, writesPerS: 1_000 }
	},
	sap: {
		resident: 0.85,
		hot: 0.15,
		hotWritesPerS: 30_000,
		coldWritesPerS: 5_000,
		skew: 0.4,
		io: { bufferPages: 2048, writesPerS: 5_000 }
	},
	muncher: {
		resident: 1,
		hot: 1,
		hotWritesPerS: 400_000,
		coldWritesPerS: 0,
		skew: 0,
		pattern: 'sweep'
	}
} as const satisfies Record<string, PresetDef>;

export type WorkloadPreset = keyof typeof WORKLOAD_PRESETS;

/** The preset names, in the order of the table above. */
export const WORKLOAD_NAMES: readonly WorkloadPreset[] = [
	'idle',
	'web',
	'database',
	'java-gc',
	'sap',
	'muncher'
] satisfies WorkloadPreset[];

/** Whether `name` is a preset name. */
export function isWorkloadPreset(name: unknown): name is WorkloadPreset {
	return typeof name === 'string' && (WORKLOAD_NAMES as readonly string[]).includes(name);
}

/** The preset `name` sized to a guest of `guestPages` pages. */
export function presetWorkload(name: WorkloadPreset, guestPages: number): WorkloadSpec {
	const p: PresetDef = WORKLOAD_PRESETS[name];
	const residentPages = Math.round(guestPages * p.resident);
	const hotPages = Math.min(residentPages, Math.round(guestPages * p.hot));
	return {
		name,
		residentPages,
		hotPages,
		hotWritesPerS: p.hotWritesPerS,
		coldWritesPerS: p.coldWritesPerS,
		skew: p.skew,
		...(p.pattern ? { pattern: p.pattern } : {}),
		...(p.burst ? { burst: p.burst } : {}),
		...(p.io ? { io: { ...p.io, bufferPages: Math.min(p.io.bufferPages, hotPages) } } : {})
	};
}

/** The custom form's fields, sizes in MiB as a learner types them. */
export interface CustomWorkloadForm {
	residentMiB: number;
	hotMiB: number;
	hotWritesPerS: number;
	coldWritesPerS: number;
	skew: number;
	pattern?: WorkloadSpec['pattern'];
}

/** A custom workload for a `guestPages` guest; throws a RangeError naming the bad field. */
export function customWorkload(form: CustomWorkloadForm, guestPages: number): WorkloadSpec {
	const toPages = (mib: number) => Math.round((mib * 2 ** 20) / PAGE_BYTES);
	const spec: WorkloadSpec = {
		name: 'custom',
		residentPages: toPages(form.residentMiB),
		hotPages: toPages(form.hotMiB),
		hotWritesPerS: form.hotWritesPerS,
		coldWritesPerS: form.coldWritesPerS,
		skew: form.skew,
		...(form.pattern ? { pattern: form.pattern } : {})
	};
	validateWorkload(spec, guestPages);
	return spec;
}

/** Throws a RangeError naming the first field of `spec` that does not fit a `guestPages` guest. */
export function validateWorkload(spec: WorkloadSpec, guestPages: number): void {
	const bad = (field: string, why: string) => {
		throw new RangeError(`workload ${spec.name}: ${field} ${why}`);
	};
	const whole = (v: number) => Number.isInteger(v) && v >= 0;
	if (!whole(spec.residentPages) || spec.residentPages > guestPages)
		bad('resident size', `must be 0..${guestPages} pages (the guest's storage)`);
	if (!whole(spec.hotPages) || spec.hotPages > spec.residentPages)
		bad('hot working set', 'must be 0..the resident size');
	const rate = (v: number) => Number.isFinite(v) && v >= 0;
	if (!rate(spec.hotWritesPerS)) bad('hot write rate', 'must be a finite rate ≥ 0 pages/s');
	if (!rate(spec.coldWritesPerS)) bad('cold write rate', 'must be a finite rate ≥ 0 pages/s');
	if (!(spec.skew >= 0 && spec.skew < 1)) bad('skew', 'must be in [0, 1)');
	if (spec.pattern !== undefined && spec.pattern !== 'random' && spec.pattern !== 'sweep')
		bad('pattern', 'must be random or sweep');
	const b = spec.burst;
	if (
		b &&
		!(b.periodMs > 0 && b.durationMs >= 0 && b.durationMs <= b.periodMs && rate(b.writesPerS))
	)
		bad('burst', 'needs period > 0, 0 ≤ duration ≤ period and a rate ≥ 0');
	const io = spec.io;
	if (io && !(whole(io.bufferPages) && io.bufferPages <= spec.hotPages && rate(io.writesPerS)))
		bad('I/O buffers', 'need 0..the hot working set pages and a rate ≥ 0 pages/s');
}

const CHUNK = 2048;
const TWO_32 = 4294967296;
/** Segments of the skew curve's lookup table (10 bits of each draw pick one). */
const SKEW_SEGMENTS = 1024;

/**
 * A running workload: dirties pages of a {@link PageMap} over simulated time, deterministically
 * from its seed. The number of writes in [a, b) is ⌊rate·b⌋ − ⌊rate·a⌋ (times in seconds), so it
 * depends only on the times, never on how the caller slices them; each write draws one sfc32
 * number (sim/prng.ts). Work is proportional to the writes, never to the guest's size.
 */
export class Workload {
	readonly layout: ResidentLayout;
	private specNow: WorkloadSpec;
	private hotStartNow: number;
	private burstPhaseNow: number;
	private readonly guestPages: number;
	private readonly prng: PrngState;
	private readonly buf = new Uint32Array(CHUNK);
	/** u ↦ H·u^(1/(1−skew)) at SKEW_SEGMENTS+1 points; interpolated, it is ~10× cheaper than Math.pow. */
	private skewCurve: Float64Array | null;
	/** Next logical hot-set offset a `sweep` writes. */
	private sweepAt = 0;
	/** Next page of the I/O buffer ring that I/O writes. */
	private ioAt = 0;

	constructor(spec: WorkloadSpec, guestPages: number, seed: number) {
		validateWorkload(spec, guestPages);
		this.specNow = spec;
		this.guestPages = guestPages;
		this.prng = seedPrng(seed);
		this.layout = layoutResident(guestPages, spec.residentPages, this.prng);
		const slack = spec.residentPages - spec.hotPages;
		this.hotStartNow = Math.floor(this.draw() * (slack + 1));
		this.burstPhaseNow = spec.burst ? Math.floor(this.draw() * spec.burst.periodMs) : 0;
		this.skewCurve = spec.skew > 0 ? skewCurve(spec.skew, spec.hotPages) : null;
	}

	/** What the workload does now (see {@link retune}). */
	get spec(): WorkloadSpec {
		return this.specNow;
	}
	/** Logical index of the hot set's first page. */
	get hotStart(): number {
		return this.hotStartNow;
	}
	/** Where the first burst starts, in [0, period). */
	get burstPhaseMs(): number {
		return this.burstPhaseNow;
	}

	/**
	 * The guest starts doing something else at `atMs` (a `guest.workload` input): the new spec's
	 * rates, hot-set size, skew, pattern, bursts and I/O apply to writes from then on. Its memory
	 * stays where it is: the resident set (the guest's own size, the same in every preset it
	 * runs) and its layout are kept, and the hot set keeps its start unless it no longer fits.
	 * No random number is drawn, so the writes stay a function of the seed and the times alone.
	 * A new burst cycle starts at `atMs`, as a collector's first major collection would.
	 */
	retune(spec: WorkloadSpec, atMs: number): void {
		if (spec === this.specNow) return;
		validateWorkload(spec, this.guestPages);
		if (spec.residentPages !== this.specNow.residentPages) {
			throw new RangeError(
				`workload ${spec.name}: resident size ${spec.residentPages} pages must stay ${this.specNow.residentPages} (the guest's memory does not move)`
			);
		}
		const was = this.specNow;
		this.specNow = spec;
		this.hotStartNow = Math.min(this.hotStartNow, spec.residentPages - spec.hotPages);
		if (spec.skew !== was.skew || spec.hotPages !== was.hotPages) {
			this.skewCurve = spec.skew > 0 ? skewCurve(spec.skew, spec.hotPages) : null;
		}
		this.sweepAt = spec.hotPages > 0 ? this.sweepAt % spec.hotPages : 0;
		const ring = spec.io?.bufferPages ?? 0;
		this.ioAt = ring > 0 ? this.ioAt % ring : 0;
		if (spec.burst) {
			const p = spec.burst.periodMs;
			this.burstPhaseNow = ((Math.floor(atMs) % p) + p) % p;
		}
	}

	/** Bytes of the typed arrays this workload holds (its write buffer and layout). */
	get scratchBytes(): number {
		return this.buf.byteLength + this.layout.starts.byteLength + (this.skewCurve?.byteLength ?? 0);
	}

	private draw(): number {
		fillUint32(this.prng, this.buf, 1);
		return this.buf[0]! / TWO_32;
	}

	/** Marks the workload's resident pages in `map`. */
	applyResidency(map: PageMap): void {
		forEachExtent(this.layout, (start, length) => map.setResident(start, length));
	}

	/** Writes to the hot set and to the cold set (bursts included) in [fromMs, toMs). */
	writesBetween(fromMs: number, toMs: number): { hot: number; cold: number } {
		const s = this.spec;
		const count = (ratePerS: number, a: number, b: number) =>
			Math.floor((ratePerS * b) / 1000) - Math.floor((ratePerS * a) / 1000);
		const hot = s.hotPages > 0 ? count(s.hotWritesPerS, fromMs, toMs) : 0;
		let cold = 0;
		if (s.residentPages > s.hotPages) {
			cold = count(s.coldWritesPerS, fromMs, toMs);
			if (s.burst) {
				cold += count(s.burst.writesPerS, this.burstMs(fromMs), this.burstMs(toMs));
			}
		}
		return { hot, cold };
	}

	/** Milliseconds of burst between time 0 and `t`. */
	private burstMs(t: number): number {
		const b = this.spec.burst!;
		const since = t - this.burstPhaseMs;
		if (since <= 0) return 0;
		const periods = Math.floor(since / b.periodMs);
		return periods * b.durationMs + Math.min(b.durationMs, since - periods * b.periodMs);
	}

	/**
	 * Applies the I/O writes of [fromMs, toMs) to `map`, for a quiesced guest whose devices have
	 * not moved yet (see {@link WorkloadSpec.io}); returns how many writes were made.
	 */
	dirtyIo(map: PageMap, fromMs: number, toMs: number): number {
		const io = this.spec.io;
		if (!io || io.bufferPages === 0 || toMs <= fromMs) return 0;
		const n =
			Math.floor((io.writesPerS * toMs) / 1000) - Math.floor((io.writesPerS * fromMs) / 1000);
		this.ioAt = this.ring(map, io.bufferPages, this.ioAt, n);
		return n;
	}

	/** `n` writes walking the first `size` hot-set pages in order from `from`; the next offset. */
	private ring(map: PageMap, size: number, from: number, n: number): number {
		const mark = (a: number, b: number) =>
			forEachPageRun(this.layout, this.hotStart + a, this.hotStart + b, (p, len) =>
				map.markDirtyRange(p, len)
			);
		if (n >= size) mark(0, size);
		else if (from + n <= size) mark(from, from + n);
		else {
			mark(from, size);
			mark(0, from + n - size);
		}
		return (from + (n % size)) % size;
	}

	/** Applies the writes of [fromMs, toMs) to `map`; returns how many writes were made. */
	dirty(map: PageMap, fromMs: number, toMs: number): number {
		if (toMs <= fromMs) return 0;
		const { hot, cold } = this.writesBetween(fromMs, toMs);
		this.writeHot(map, hot);
		this.writeCold(map, cold);
		return hot + cold;
	}

	private writeHot(map: PageMap, n: number): void {
		const hotPages = this.spec.hotPages;
		if (this.spec.pattern === 'sweep') return this.sweepHot(map, n);
		const buf = this.buf;
		const curve = this.skewCurve;
		const h0 = this.hotStart;
		const { starts, extentShift: shift } = this.layout;
		const within = (1 << shift) - 1;
		const scale = hotPages / TWO_32;
		const last = hotPages - 1;
		for (let left = n; left > 0; left -= CHUNK) {
			const m = Math.min(CHUNK, left);
			fillUint32(this.prng, buf, m);
			// Draw → offset in the hot set → logical resident index → page (pageOf, inlined).
			if (curve === null) {
				for (let i = 0; i < m; i++) {
					const l = h0 + Math.floor(buf[i]! * scale);
					buf[i] = starts[l >>> shift]! + (l & within);
				}
			} else {
				for (let i = 0; i < m; i++) {
					const x = buf[i]!;
					const j = x >>> 22;
					const lo = curve[j]!;
					const off = Math.floor(lo + (curve[j + 1]! - lo) * ((x & 0x3fffff) * (1 / 0x400000)));
					const l = h0 + (off > last ? last : off);
					buf[i] = starts[l >>> shift]! + (l & within);
				}
			}
			map.markDirtyMany(buf, m);
		}
	}

	/** `n` writes walking the hot set in order: at most one lap's worth of pages, in runs. */
	private sweepHot(map: PageMap, n: number): void {
		this.sweepAt = this.ring(map, this.spec.hotPages, this.sweepAt, n);
	}

	private writeCold(map: PageMap, n: number): void {
		const { hotPages, residentPages } = this.spec;
		const buf = this.buf;
		const h0 = this.hotStart;
		const { starts, extentShift: shift } = this.layout;
		const within = (1 << shift) - 1;
		const scale = (residentPages - hotPages) / TWO_32;
		for (let left = n; left > 0; left -= CHUNK) {
			const m = Math.min(CHUNK, left);
			fillUint32(this.prng, buf, m);
			for (let i = 0; i < m; i++) {
				const u = Math.floor(buf[i]! * scale);
				const l = u < h0 ? u : u + hotPages;
				buf[i] = starts[l >>> shift]! + (l & within);
			}
			map.markDirtyMany(buf, m);
		}
	}
}

/** The inverse CDF of the hot set's power-law skew, in pages, sampled for interpolation. */
function skewCurve(skew: number, hotPages: number): Float64Array {
	const k = 1 / (1 - skew);
	const t = new Float64Array(SKEW_SEGMENTS + 1);
	for (let j = 0; j <= SKEW_SEGMENTS; j++) t[j] = hotPages * Math.pow(j / SKEW_SEGMENTS, k);
	return t;
}
