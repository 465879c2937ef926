// The request-latency model behind "what the workload sees": deterministic per seed, windows
// that agree where they overlap, a stall exactly as long as the guest was stopped, the small
// documented pre-copy slowdown, and a down-sampling that never loses the slowest request.
import { describe, expect, it } from 'vitest';
import {
	completionMs,
	downsampleMax,
	latencyStats,
	latencyTrace,
	normaliseStops,
	PRECOPY_SLOWDOWN,
	PRECOPY_STEAL,
	profileFor,
	REQUEST_PROFILES,
	SERVICE_JITTER,
	type LatencyPoint,
	type LatencyTraceInput,
	type RequestProfile
} from '$lib/viz/latency-trace';

const web = REQUEST_PROFILES.web;
const exact: RequestProfile = { ...web, jitter: 0 };

const base: LatencyTraceInput = {
	profile: web,
	seed: 7,
	startMs: 0,
	endMs: 20_000,
	precopy: { startMs: 2_000, endMs: 12_000 },
	stops: [{ startMs: 12_000, endMs: 12_173 }]
};

describe('the request streams (documented numbers)', () => {
	it('has one per workload preset; anything else gets the web stream', () => {
		expect(REQUEST_PROFILES.web).toMatchObject({ ratePerS: 200, serviceMs: 5 });
		expect(REQUEST_PROFILES.database).toMatchObject({ ratePerS: 1000, serviceMs: 2 });
		expect(Object.keys(REQUEST_PROFILES).sort()).toEqual(
			['database', 'idle', 'java-gc', 'muncher', 'sap', 'web'].sort()
		);
		expect(profileFor('sap')).toBe(REQUEST_PROFILES.sap);
		expect(profileFor('custom')).toBe(REQUEST_PROFILES.web);
		expect(profileFor('toString')).toBe(REQUEST_PROFILES.web);
		expect(profileFor(undefined)).toBe(REQUEST_PROFILES.web);
		expect(SERVICE_JITTER).toBe(0.2);
		// IBM's 2-2.5 % steal time during the memory passes (MODEL-NOTES): a modest slowdown.
		expect(PRECOPY_STEAL).toBe(0.025);
		expect(PRECOPY_SLOWDOWN).toBeCloseTo(1.0256, 4);
	});
});

describe('latencyTrace', () => {
	it('is deterministic: the same input gives the same trace, another seed another one', () => {
		expect(latencyTrace(base)).toEqual(latencyTrace(base));
		expect(latencyTrace({ ...base, seed: 8 }).points).not.toEqual(latencyTrace(base).points);
	});

	it('gives the same requests where two windows overlap', () => {
		const a = latencyTrace({ ...base, startMs: 0, endMs: 10_000 });
		const b = latencyTrace({ ...base, startMs: 5_300, endMs: 15_000 });
		const inA = a.points.filter((p) => p.t >= 5_300);
		const inB = b.points.filter((p) => p.t < 10_000);
		expect(inA.length).toBeGreaterThan(500);
		expect(inB).toEqual(inA);
	});

	it('arrives at the stream rate, in order', () => {
		const t = latencyTrace({ ...base, stops: [], precopy: null });
		const n = t.points.length;
		const expected = (web.ratePerS * 20_000) / 1000; // 4,000
		expect(Math.abs(n - expected)).toBeLessThan(5 * Math.sqrt(expected));
		expect(t.points.every((p, i) => i === 0 || p.t > t.points[i - 1]!.t)).toBe(true);
		expect(t.sampleEvery).toBe(1);
		// Without a stop (or pre-copy) nothing waits: latency is the service time, ±20 %.
		const lat = t.points.map((p) => p.latencyMs);
		expect(Math.min(...lat)).toBeGreaterThanOrEqual(web.serviceMs * 0.8 - 1e-9);
		expect(Math.min(...lat)).toBeLessThan(web.serviceMs * 0.81);
		expect(Math.max(...lat)).toBeLessThanOrEqual(web.serviceMs * 1.2 + 1e-9);
		expect(Math.max(...lat)).toBeGreaterThan(web.serviceMs * 1.19);
		expect(t.stall).toBeNull();
	});

	it('stalls exactly as long as the guest was stopped', () => {
		const q0 = 12_000;
		const q1 = 12_173;
		const t = latencyTrace({ ...base, profile: exact });
		expect(t.stall).toEqual({ startMs: q0, endMs: q1, durationMs: 173 });
		const s = exact.serviceMs;
		for (const p of t.points) {
			if (p.t >= q0 && p.t < q1) {
				// Arrived while stopped: waits for the resume, then is served.
				expect(p.latencyMs).toBeCloseTo(q1 - p.t + s, 9);
			} else if (p.t < q0 && p.t + s * PRECOPY_SLOWDOWN > q0) {
				// In service when the guest stopped: suspended for the whole stop.
				expect(p.latencyMs).toBeCloseTo(s * PRECOPY_SLOWDOWN + (q1 - q0), 9);
			} else if (p.t >= 2_000 && p.t < q0) {
				expect(p.latencyMs).toBeCloseTo(s * PRECOPY_SLOWDOWN, 9);
			} else {
				expect(p.latencyMs).toBeCloseTo(s, 9);
			}
		}
		// The slowest request saw the stall: the stop, less how late after it began it came,
		// plus its service.
		const max = t.max!;
		expect(max.latencyMs).toBeLessThanOrEqual(173 + s * PRECOPY_SLOWDOWN + 1e-9);
		const firstIn = t.points.find((p) => p.t >= q0)!;
		expect(max.latencyMs).toBeGreaterThanOrEqual(q1 - firstIn.t + s - 1e-9);
		expect(max.latencyMs).toBeGreaterThan(160);
	});

	it('with jitter, the slowest request is the stop plus at most one slowed service time', () => {
		const t = latencyTrace(base);
		expect(t.stall!.durationMs).toBe(173);
		expect(t.max!.latencyMs).toBeLessThanOrEqual(173 + web.serviceMs * 1.2 * PRECOPY_SLOWDOWN);
		expect(t.max!.latencyMs).toBeGreaterThan(173 - 20);
		expect(t.max!.t).toBeGreaterThan(12_000 - web.serviceMs * 1.3);
		expect(t.max!.t).toBeLessThan(12_173);
	});

	it('slows requests during pre-copy by the documented steal time, no more', () => {
		const t = latencyTrace({ ...base, stops: [] });
		const before = latencyStats(t, { startMs: 0, endMs: 2_000 });
		const during = latencyStats(t, { startMs: 2_000, endMs: 12_000 });
		const after = latencyStats(t, { startMs: 12_000, endMs: 20_000 });
		expect(during.medianMs! / after.medianMs!).toBeGreaterThan(1);
		expect(during.medianMs! / after.medianMs!).toBeLessThan(1.06);
		expect(before.requests).toBeGreaterThan(300);
		expect(Math.abs(before.medianMs! - web.serviceMs)).toBeLessThan(0.3);
	});

	it('leaves out requests not complete by the observed time', () => {
		const t = latencyTrace({ ...base, endMs: 12_100, observedUntilMs: 12_100 });
		for (const p of t.points) expect(p.t + p.latencyMs).toBeLessThanOrEqual(12_100);
		expect(t.points.some((p) => p.t >= 12_000)).toBe(false);
	});

	it('thins a stream too long to draw, and says by how much', () => {
		const t = latencyTrace({
			profile: REQUEST_PROFILES.database,
			seed: 1,
			startMs: 0,
			endMs: 3_600_000,
			maxRequests: 50_000
		});
		expect(t.sampleEvery).toBe(72); // 3.6 M requests / 50,000
		expect(t.points.length).toBeLessThan(55_000);
		expect(latencyStats(t, { startMs: 0, endMs: 3_600_000 }).requests).toBe(t.points.length * 72);
	});
});

describe('stops', () => {
	it('merges overlapping stops and drops empty ones', () => {
		expect(
			normaliseStops([
				{ startMs: 50, endMs: 60 },
				{ startMs: 10, endMs: 20 },
				{ startMs: 15, endMs: 30 },
				{ startMs: 40, endMs: 40 }
			])
		).toEqual([
			{ startMs: 10, endMs: 30 },
			{ startMs: 50, endMs: 60 }
		]);
	});

	it('completionMs: waits out a stop, is suspended by one, crosses several', () => {
		const stops = normaliseStops([
			{ startMs: 100, endMs: 200 },
			{ startMs: 210, endMs: 300 }
		]);
		expect(completionMs(0, 5, stops)).toBe(5);
		expect(completionMs(120, 5, stops)).toBe(205);
		expect(completionMs(98, 5, stops)).toBe(203);
		expect(completionMs(98, 20, stops)).toBe(98 + 20 + 100 + 90);
		expect(completionMs(400, 5, stops)).toBe(405);
	});
});

describe('downsampleMax', () => {
	const t = latencyTrace({ ...base, endMs: 60_000 });

	it('keeps at most the points asked for, in order, each the slowest of its bucket', () => {
		const n = 500;
		const out = downsampleMax(t.points, n, 0, 60_000);
		expect(t.points.length).toBeGreaterThan(10_000);
		expect(out.length).toBeLessThanOrEqual(n);
		expect(out.length).toBeGreaterThan(n * 0.9);
		for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThan(out[i - 1]!.t);
		const members = new Set<LatencyPoint>(t.points);
		for (const p of out) expect(members.has(p)).toBe(true);
		// The slowest request, the stall's, survives any down-sampling.
		for (const k of [1, 7, 100, 2000])
			expect(downsampleMax(t.points, k, 0, 60_000)).toContain(t.max);
		// Every bucket's maximum is the point kept for it.
		const width = 60_000 / n;
		for (const p of out) {
			const k = Math.min(n - 1, Math.floor(p.t / width));
			const bucket = t.points.filter((q) => Math.min(n - 1, Math.floor(q.t / width)) === k);
			expect(p.latencyMs).toBe(Math.max(...bucket.map((q) => q.latencyMs)));
		}
	});

	it('keeps a short series as it is, and only the window asked for', () => {
		const few = t.points.slice(0, 50);
		expect(downsampleMax(few, 2000)).toEqual(few);
		const window = downsampleMax(t.points, 2000, 11_000, 13_000);
		expect(window.every((p) => p.t >= 11_000 && p.t <= 13_000)).toBe(true);
		expect(window).toContain(t.max);
		expect(downsampleMax([], 10)).toEqual([]);
	});
});

describe('latencyStats', () => {
	/** The statistics by their definition: filter, sort, take the middle and the last. */
	function naive(points: readonly LatencyPoint[], a: number, b: number, every: number) {
		const xs = points
			.filter((p) => p.t >= a && p.t < b)
			.map((p) => p.latencyMs)
			.sort((x, y) => x - y);
		if (xs.length === 0) return { requests: 0, medianMs: null, maxMs: null };
		const mid = xs.length >> 1;
		return {
			requests: xs.length * every,
			medianMs: xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2,
			maxMs: xs.at(-1)!
		};
	}

	it('finds the span by binary search and gives what filtering and sorting give', () => {
		const t = latencyTrace({ ...base, endMs: 30_000, maxRequests: 2_000 });
		expect(t.sampleEvery).toBeGreaterThan(1);
		const cuts = [0, 1, 1_999.5, 2_000, 11_999, 12_000, 12_100, 12_173, 20_000, 29_999, 30_000];
		for (const a of cuts)
			for (const b of cuts)
				expect(latencyStats(t, { startMs: a, endMs: b })).toEqual(
					naive(t.points, a, b, t.sampleEvery)
				);
		// Spans at the exact arrival time of a request: the start is in, the end is out.
		const p = t.points[100]!;
		expect(latencyStats(t, { startMs: p.t, endMs: p.t }).requests).toBe(0);
		expect(latencyStats(t, { startMs: p.t, endMs: t.points[101]!.t }).requests).toBe(t.sampleEvery);
	});
});
