import { describe, expect, it } from 'vitest';
import type { PassStats } from '$lib/core/engine/transfer-policy';
import { estimateMs, fmt } from '$lib/core/engine/transfer-policy';
import { DEFAULT_MAX_QUIESCE_MS, stalled, zvmPolicy } from '$lib/core/engine/policy-zvm';
import {
	QEMU_DOWNTIME_LIMIT_MS,
	QEMU_MAX_BANDWIDTH_MBPS,
	qemuPolicy
} from '$lib/core/engine/policy-qemu';
import { xenPolicy } from '$lib/core/engine/policy-xen';

/** Stats after the given passes, with `pending` left and a rate of `rate` units/ms. */
function stats(
	passes: number[],
	pending: number,
	rate = 100,
	over: Partial<PassStats> = {}
): PassStats {
	const sent = passes.reduce((a, b) => a + b, 0);
	return {
		unit: 'page',
		passes,
		passMs: passes.map((p) => p / rate),
		pending,
		totalUnits: 1_000_000,
		sentUnits: sent,
		elapsedMs: sent / rate,
		measuredUnitsPerMs: rate,
		...over
	};
}

describe('policy helpers', () => {
	it('estimateMs divides by the measured rate; nothing left takes no time; no rate never ends', () => {
		expect(estimateMs(stats([1000], 500, 50), 500)).toBe(10);
		expect(estimateMs(stats([1000], 0, 0), 0)).toBe(0);
		expect(estimateMs(stats([1000], 5, 0), 5)).toBe(Infinity);
		expect(fmt(12)).toBe('12');
		expect(fmt(0.123456)).toBe('0.123');
	});

	it('stalled: the last k sizes each ≥ ratio × the smallest before them', () => {
		expect(stalled([100, 95, 96], 0.9, 2)).toBe(true);
		expect(stalled([100, 50, 49], 0.9, 2)).toBe(false); // 50 < 90
		expect(stalled([100, 95, 80], 0.9, 2)).toBe(false); // 80 < 85.5
		expect(stalled([100, 40, 95, 90], 0.9, 2)).toBe(true); // both above 0.9 × 40
		expect(stalled([100, 99], 0.9, 2)).toBe(false); // too few
	});
});

describe("z/VM policy (the model of CP's undocumented rule)", () => {
	const policy = zvmPolicy();

	it('makes two quiesced passes (6.2 performance report: the final two passes)', () => {
		expect(policy.quiescedPasses).toBe(2);
		expect(DEFAULT_MAX_QUIESCE_MS).toBe(10_000);
	});

	it('IMMEDIATE quiesces after the first pass, whatever is left', () => {
		const d = zvmPolicy({ immediate: true }).decide(stats([1_000_000], 900_000));
		expect(d.action).toBe('quiesce');
		expect(d.reason).toMatch(/IMMEDIATE/);
		expect(policy.decide(stats([1_000_000], 900_000)).action).toBe('continue');
	});

	it('quiesces when the rest moves within the 250 ms target, not when it needs longer', () => {
		// 100 pages/ms: 25,000 pages take 250 ms; 25,100 take 251 ms.
		expect(policy.decide(stats([1_000_000], 25_000)).action).toBe('quiesce');
		const d = policy.decide(stats([1_000_000], 25_100));
		expect(d.action).toBe('continue');
		expect(d.reason).toMatch(/above the 250 ms quiesce target/);
	});

	it('a small MAXQUIESCE tightens the target to half of it', () => {
		const tight = zvmPolicy({ maxQuiesceMs: 200 });
		expect(tight.decide(stats([1_000_000], 10_000)).action).toBe('quiesce'); // 100 ms
		expect(tight.decide(stats([1_000_000], 10_100)).action).toBe('continue'); // 101 ms
		const nolimit = zvmPolicy({ maxQuiesceMs: Infinity });
		expect(nolimit.decide(stats([1_000_000], 25_000)).action).toBe('quiesce');
	});

	it('quiesces when the changed set stops shrinking for two passes, not after one', () => {
		const d = policy.decide(stats([1_000_000, 600_000, 590_000], 580_000));
		expect(d.action).toBe('quiesce');
		expect(d.reason).toMatch(/stopped shrinking/);
		expect(policy.decide(stats([1_000_000, 600_000], 590_000)).action).toBe('continue');
		expect(policy.decide(stats([1_000_000, 600_000, 590_000], 500_000)).action).toBe('continue');
	});

	it('quiesces at the pass cap (16), and not before', () => {
		const shrinking = Array.from({ length: 16 }, (_, i) => Math.round(1_000_000 * 0.8 ** i));
		expect(policy.decide(stats(shrinking, Math.round(shrinking[15]! * 0.8))).action).toBe(
			'quiesce'
		);
		const fewer = shrinking.slice(0, 15);
		expect(policy.decide(stats(fewer, Math.round(fewer[14]! * 0.8))).action).toBe('continue');
	});

	it('never gives up by itself, even with no bandwidth', () => {
		const d = policy.decide(stats([1_000_000, 900_000], 850_000, 0));
		expect(d.action).not.toBe('give-up');
	});

	it('speaks in tracks when the unit is tracks (FDRPASVM later)', () => {
		const d = policy.decide(stats([50_000], 10, 100, { unit: 'track' }));
		expect(d.reason).toMatch(/10 tracks/);
	});
});

describe('QEMU-style policy', () => {
	const policy = qemuPolicy();

	it("has QEMU's defaults: 300 ms downtime limit, 128 MiB/s max-bandwidth, one stop-and-copy round", () => {
		expect(QEMU_DOWNTIME_LIMIT_MS).toBe(300);
		expect(policy.rateCapMBps).toBeCloseTo(134.217728, 6);
		expect(QEMU_MAX_BANDWIDTH_MBPS).toBeCloseTo(134.217728, 6);
		expect(policy.quiescedPasses).toBe(1);
		expect(qemuPolicy({ maxBandwidthMBps: Infinity }).rateCapMBps).toBeUndefined();
	});

	it('completes when pending ≤ bandwidth × downtime limit, and not above it', () => {
		expect(policy.decide(stats([1_000_000], 30_000, 100)).action).toBe('quiesce');
		expect(policy.decide(stats([1_000_000], 30_001, 100)).action).toBe('continue');
		expect(qemuPolicy({ downtimeLimitMs: 30 }).decide(stats([1_000_000], 3_001)).action).toBe(
			'continue'
		);
	});

	it('has no iteration cap: pass 1000 that does not converge continues', () => {
		const passes = Array.from({ length: 1000 }, () => 500_000);
		expect(policy.decide(stats(passes, 500_000)).action).toBe('continue');
	});
});

describe('Xen-style policy', () => {
	const legacy = xenPolicy();
	const current = xenPolicy({ variant: 'current' });

	it('legacy: the 30th round is final (29 iterations), not before', () => {
		// Small rounds of a big guest, so that neither the 3× cap nor the 50-page rule applies.
		const p29 = Array.from({ length: 29 }, (_, i) => 90_000 - i * 1000);
		const big = { totalUnits: 10_000_000 };
		const d = legacy.decide(stats(p29, 60_000, 100, big));
		expect(d.action).toBe('quiesce');
		expect(d.reason).toMatch(/30th/);
		expect(legacy.decide(stats(p29.slice(0, 28), 60_000, 100, big)).action).toBe('continue');
	});

	it('legacy: stops after sending more than 3× memory, not at 3×', () => {
		const passes = [1_000_000, 900_000, 880_000];
		expect(legacy.decide(stats(passes, 870_000, 100, { sentUnits: 3_000_001 })).action).toBe(
			'quiesce'
		);
		expect(legacy.decide(stats(passes, 870_000, 100, { sentUnits: 3_000_000 })).action).toBe(
			'continue'
		);
	});

	it('legacy: stops when a round sent under 50 pages, not at 50', () => {
		expect(legacy.decide(stats([1_000_000, 49], 3)).action).toBe('quiesce');
		expect(legacy.decide(stats([1_000_000, 50], 3)).action).toBe('continue');
	});

	it('legacy: stops when a round sent more than the one before', () => {
		const d = legacy.decide(stats([1_000_000, 500, 600], 550));
		expect(d.action).toBe('quiesce');
		expect(d.reason).toMatch(/more than round 2/);
		expect(legacy.decide(stats([1_000_000, 600, 500], 550)).action).toBe('continue');
	});

	it('current: at most 5 iterations, or ≤ 50 dirty pages', () => {
		const five = [1_000_000, 800_000, 700_000, 650_000, 600_000];
		expect(current.decide(stats(five, 590_000)).action).toBe('quiesce');
		expect(current.decide(stats(five.slice(0, 4), 590_000)).action).toBe('continue');
		expect(current.decide(stats([1_000_000], 50)).action).toBe('quiesce');
		expect(current.decide(stats([1_000_000], 51)).action).toBe('continue');
		expect(legacy.quiescedPasses).toBe(1);
	});
});
