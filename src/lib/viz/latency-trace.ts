/**
 * "What the workload sees": a request-latency trace of a guest being relocated. A model for
 * the view, not part of the simulation (the core moves pages, not requests), but pure and
 * deterministic like it: the same input and seed give the same trace (sfc32, core/sim/prng.ts).
 *
 * The model, and the numbers chosen for it (the documents give none; 000 §3.1 only says the
 * quiesce is short enough that "the user or the application does not notice"):
 * - Requests arrive as a Poisson stream at the workload's rate ({@link REQUEST_PROFILES}).
 * - Each needs a service time of guest CPU: the profile's base time with a uniform ±20 %
 *   seeded jitter. There is no queueing: each request is served on its own (ample threads and
 *   CPUs), so a request's latency is its service time plus the time the guest was not running
 *   while the request waited or ran.
 * - While memory is pre-copied the guest runs a little slower: IBM measured 2-2.5 % Linux steal
 *   time during the memory passes (z/VM 6.2 performance report, MODEL-NOTES), so a request that
 *   arrives then needs 1/(1 − 0.025) ≈ 1.026× its service time ({@link PRECOPY_STEAL}).
 * - While the guest is stopped (quiesced, and until it runs again on the destination) it serves
 *   nothing: a request that arrives then starts when the guest resumes; one in service is
 *   suspended and finishes after. The longest latency is therefore the stop plus a service time,
 *   the stall a user would notice.
 * - A very long window would be millions of requests; above {@link MAX_REQUESTS} the stream is
 *   thinned to every k-th request (a Poisson stream at rate/k: the same latencies, fewer dots).
 * - Each second of simulated time has its own seeded stream (from the seed and the second), so
 *   two windows show the same requests where they overlap (while thinning is the same).
 */
import { nextFloat, seedPrng } from '../core/sim/prng';

/** The request stream of a workload. */
export interface RequestProfile {
	/** Requests arriving per second (Poisson). */
	readonly ratePerS: number;
	/** Base service time of a request, ms of guest CPU. */
	readonly serviceMs: number;
	/** Service time varies uniformly within ±jitter × base. */
	readonly jitter: number;
	/** What a request is, in words. */
	readonly what: string;
}

/** Relative jitter of the service time: ±20 %. */
export const SERVICE_JITTER = 0.2;

/**
 * Request streams per workload preset (engine/workload.ts), chosen as orders of magnitude for
 * what each guest serves:
 *
 * | preset   | requests/s | service | what                                                   |
 * |----------|-----------:|--------:|--------------------------------------------------------|
 * | idle     | 5          | 2 ms    | monitoring probes and health checks                    |
 * | web      | 200        | 5 ms    | HTTP requests for pages and API calls                  |
 * | database | 1,000      | 2 ms    | short OLTP transactions (index lookups, row updates)    |
 * | java-gc  | 100        | 20 ms   | application-server requests                            |
 * | sap      | 50         | 100 ms  | ABAP dialog steps (the application server's CPU share) |
 * | muncher  | 10         | 1 ms    | a heartbeat probe of a batch job that serves no users  |
 *
 * A custom workload uses the web stream.
 */
export const REQUEST_PROFILES = {
	idle: { ratePerS: 5, serviceMs: 2, jitter: SERVICE_JITTER, what: 'monitoring probes' },
	web: { ratePerS: 200, serviceMs: 5, jitter: SERVICE_JITTER, what: 'HTTP requests' },
	database: { ratePerS: 1000, serviceMs: 2, jitter: SERVICE_JITTER, what: 'OLTP transactions' },
	'java-gc': {
		ratePerS: 100,
		serviceMs: 20,
		jitter: SERVICE_JITTER,
		what: 'application-server requests'
	},
	sap: { ratePerS: 50, serviceMs: 100, jitter: SERVICE_JITTER, what: 'dialog steps' },
	muncher: { ratePerS: 10, serviceMs: 1, jitter: SERVICE_JITTER, what: 'heartbeat probes' }
} as const satisfies Record<string, RequestProfile>;

/** Linux steal time while memory is pre-copied (the high end of IBM's 2-2.5 %). */
export const PRECOPY_STEAL = 0.025;

/** Service times grow by this factor during pre-copy: 1 / (1 − steal). */
export const PRECOPY_SLOWDOWN = 1 / (1 - PRECOPY_STEAL);

/** Length of the blocks of time that each have their own random stream, ms. */
const BLOCK_MS = 1000;

/** Most requests a trace computes before thinning the stream. */
export const MAX_REQUESTS = 400_000;

/** The request stream of a workload by its preset name; the web stream for any other name. */
export function profileFor(workload: string | undefined | null): RequestProfile {
	if (workload && Object.hasOwn(REQUEST_PROFILES, workload)) {
		return REQUEST_PROFILES[workload as keyof typeof REQUEST_PROFILES];
	}
	return REQUEST_PROFILES.web;
}

/** A span of simulated time, ms: [startMs, endMs). */
export interface TimeSpan {
	readonly startMs: number;
	readonly endMs: number;
}

export interface LatencyTraceInput {
	readonly profile: RequestProfile;
	readonly seed: number;
	/** Requests arriving in [startMs, endMs) are traced. */
	readonly startMs: number;
	readonly endMs: number;
	/** Memory is being pre-copied: service times are {@link PRECOPY_SLOWDOWN}× longer. */
	readonly precopy?: TimeSpan | null;
	/** The guest is not running (quiesced, not yet resumed): it serves nothing. */
	readonly stops?: readonly TimeSpan[];
	/** Requests not complete by then are left out (a relocation still in progress). */
	readonly observedUntilMs?: number;
	/** Pre-copy slowdown factor; default {@link PRECOPY_SLOWDOWN}. */
	readonly slowdown?: number;
	/** Default {@link MAX_REQUESTS}. */
	readonly maxRequests?: number;
}

/** One request: when it arrived and how long it took. */
export interface LatencyPoint {
	/** Arrival, simulated ms. */
	t: number;
	latencyMs: number;
}

export interface LatencyTrace {
	/** Every traced request, in arrival order. */
	points: LatencyPoint[];
	/** Each point stands for this many requests (1 unless thinned). */
	sampleEvery: number;
	/** The longest stop: the stall the workload sees, or null without one. */
	stall: (TimeSpan & { durationMs: number }) | null;
	/** The request that waited longest. */
	max: LatencyPoint | null;
	profile: RequestProfile;
}

/** Stops sorted by start, overlapping ones merged, empty ones dropped. */
export function normaliseStops(stops: readonly TimeSpan[]): TimeSpan[] {
	const sorted = stops.filter((s) => s.endMs > s.startMs).sort((a, b) => a.startMs - b.startMs);
	const out: { startMs: number; endMs: number }[] = [];
	for (const s of sorted) {
		const last = out.at(-1);
		if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
		else out.push({ startMs: s.startMs, endMs: s.endMs });
	}
	return out;
}

/**
 * When a request arriving at `arrival` that needs `serviceMs` of running time completes, the
 * guest not running during `stops` (normalised).
 */
export function completionMs(
	arrival: number,
	serviceMs: number,
	stops: readonly TimeSpan[]
): number {
	let t = arrival;
	let left = serviceMs;
	for (const s of stops) {
		if (s.endMs <= t) continue;
		if (t + left <= s.startMs) break;
		if (t < s.startMs) left -= s.startMs - t;
		t = s.endMs;
	}
	return t + left;
}

/** The request-latency trace of `input` (see the module comment for the model). */
export function latencyTrace(input: LatencyTraceInput): LatencyTrace {
	const { profile, startMs, endMs } = input;
	const stops = normaliseStops(input.stops ?? []);
	const slowdown = input.slowdown ?? PRECOPY_SLOWDOWN;
	const until = input.observedUntilMs ?? Infinity;
	const expected = (profile.ratePerS * Math.max(0, endMs - startMs)) / 1000;
	const sampleEvery = Math.max(1, Math.ceil(expected / (input.maxRequests ?? MAX_REQUESTS)));
	const meanGap = profile.ratePerS > 0 ? (1000 * sampleEvery) / profile.ratePerS : Infinity;
	const points: LatencyPoint[] = [];
	let max: LatencyPoint | null = null;
	const pre = input.precopy;
	// Time is cut into blocks, each with a stream of its own seeded from (seed, block), so any
	// window holds the same requests where it overlaps another: a growing or zoomed window
	// does not reshuffle the trace.
	const first = Math.floor(startMs / BLOCK_MS);
	for (let k = first; k * BLOCK_MS < endMs && meanGap < Infinity; k++) {
		const rng = seedPrng((input.seed ^ Math.imul(k, 0x9e3779b1)) >>> 0);
		const blockEnd = (k + 1) * BLOCK_MS;
		let t = k * BLOCK_MS;
		for (;;) {
			// 1 − u is in (0, 1], so the log is finite.
			t += -Math.log(1 - nextFloat(rng)) * meanGap;
			if (!(t < blockEnd)) break;
			let service = profile.serviceMs * (1 + profile.jitter * (2 * nextFloat(rng) - 1));
			if (t < startMs || t >= endMs) continue;
			if (pre && t >= pre.startMs && t < pre.endMs) service *= slowdown;
			const done = completionMs(t, service, stops);
			if (done > until) continue;
			const p = { t, latencyMs: done - t };
			points.push(p);
			if (!max || p.latencyMs > max.latencyMs) max = p;
		}
	}
	let stall: LatencyTrace['stall'] = null;
	for (const s of stops) {
		const d = s.endMs - s.startMs;
		if (!stall || d > stall.durationMs)
			stall = { startMs: s.startMs, endMs: s.endMs, durationMs: d };
	}
	return { points, sampleEvery, stall, max, profile };
}

/**
 * At most `maxPoints` of `points` (sorted by t) within [t0, t1], for drawing: the window is cut
 * into `maxPoints` equal buckets and each keeps its slowest request, so a stall is never lost
 * (the slowest request overall always survives). Fewer points than that are kept as they are.
 */
export function downsampleMax(
	points: readonly LatencyPoint[],
	maxPoints: number,
	t0 = points[0]?.t ?? 0,
	t1 = points.at(-1)?.t ?? 0
): LatencyPoint[] {
	const inside = points.filter((p) => p.t >= t0 && p.t <= t1);
	const n = Math.max(1, Math.floor(maxPoints));
	if (inside.length <= n) return inside;
	const span = t1 - t0;
	const best: (LatencyPoint | undefined)[] = new Array(n);
	for (const p of inside) {
		const k = span > 0 ? Math.min(n - 1, Math.floor(((p.t - t0) / span) * n)) : 0;
		const b = best[k];
		if (!b || p.latencyMs > b.latencyMs) best[k] = p;
	}
	return best.filter((p): p is LatencyPoint => p !== undefined);
}

/** Latency over a span: how many requests arrived in it, their median and their maximum. */
export interface LatencyStats {
	requests: number;
	medianMs: number | null;
	maxMs: number | null;
}

/** The first index of `points` (in arrival order) that arrived at or after `t`. */
function firstAtOrAfter(points: readonly LatencyPoint[], t: number): number {
	let lo = 0;
	let hi = points.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (points[mid]!.t < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * Statistics of the requests of `trace` that arrived in [startMs, endMs). The points are in
 * arrival order, so the span is found by binary search and only its latencies are sorted (as
 * numbers, in a typed array): a live chart asks for these on every redraw.
 */
export function latencyStats(trace: LatencyTrace, span: TimeSpan): LatencyStats {
	const pts = trace.points;
	const from = firstAtOrAfter(pts, span.startMs);
	const n = Math.max(0, firstAtOrAfter(pts, span.endMs) - from);
	if (n === 0) return { requests: 0, medianMs: null, maxMs: null };
	const xs = new Float64Array(n);
	for (let i = 0; i < n; i++) xs[i] = pts[from + i]!.latencyMs;
	xs.sort();
	const mid = n >> 1;
	const median = n % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
	return { requests: n * trace.sampleEvery, medianMs: median, maxMs: xs[n - 1]! };
}
