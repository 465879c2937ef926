// The convergence view's maths: dirty-after-pass figures read from the passes, the z/VM
// policy's own threshold (the pass it marks is the pass the policy quiesced after), the
// projected quiesce time against MAXQUIESCE, the closed-form overlay V(0)·r^i with r estimated
// from real engine passes, and scales that are sane on log and linear axes.
import { describe, expect, it } from 'vitest';
import { constantBandwidth, linkShare, pagesPerMs } from '$lib/core/engine/bandwidth';
import {
	DEFAULT_MAX_QUIESCE_MS,
	zvmPolicy,
	zvmQuiesceTargetMs,
	zvmQuiesceThresholdPages
} from '$lib/core/engine/policy-zvm';
import { createPrecopy, type PrecopyReport } from '$lib/core/engine/precopy';
import type { PassStats, TransferPolicy } from '$lib/core/engine/transfer-policy';
import type { WorkloadSpec } from '$lib/core/engine/workload';
import { buildLink } from '$lib/core/model/link';
import {
	closedForm,
	convergenceFigures,
	convergenceSummary,
	dirtyAfterPasses,
	estimateRatio,
	layoutConvergence,
	logTicks,
	measuredPagesPerMs,
	predictedPasses,
	type ConvergencePass
} from '$lib/viz/convergence';

const GiB = 2 ** 30 / 4096;
const ONE_CHPID = () => linkShare(buildLink('A', 'B', 1, 4)); // 3 writable CTCs: 300 MB/s

/** Pre-copy for exactly `n` passes, then the z/VM two quiesced passes. */
function fixedPasses(n: number): TransferPolicy {
	return {
		name: `fixed ${n}`,
		quiescedPasses: 2,
		decide: (s) =>
			s.passes.length < n
				? { action: 'continue', reason: 'fixed' }
				: { action: 'quiesce', reason: 'fixed' }
	};
}

/** A writer that sweeps all of memory: every write is a new page, so V(i) = M·r^i exactly. */
function sweep(pages: number, writesPerS: number): WorkloadSpec {
	return {
		name: 'uniform',
		residentPages: pages,
		hotPages: pages,
		hotWritesPerS: writesPerS,
		coldWritesPerS: 0,
		skew: 0,
		pattern: 'sweep'
	};
}

function database(): PrecopyReport {
	return createPrecopy({
		guestPages: GiB,
		workload: 'database',
		seed: 1,
		bandwidthMBps: ONE_CHPID(),
		policy: zvmPolicy(),
		guestStateMs: 100,
		maxQuiesceMs: DEFAULT_MAX_QUIESCE_MS
	}).run();
}

describe('zvmQuiesceTargetMs and zvmQuiesceThresholdPages (policy-zvm.ts)', () => {
	it('is min(250 ms, MAXQUIESCE / 2); 250 ms with NOLIMIT', () => {
		expect(zvmQuiesceTargetMs()).toBe(250);
		expect(zvmQuiesceTargetMs({ maxQuiesceMs: 300 })).toBe(150);
		expect(zvmQuiesceTargetMs({ maxQuiesceMs: Infinity })).toBe(250);
		expect(zvmQuiesceTargetMs({ targetQuiesceMs: 100 })).toBe(100);
		expect(zvmQuiesceThresholdPages(100)).toBe(25_000);
		expect(zvmQuiesceThresholdPages(-1)).toBe(0);
	});

	it('is exactly where the policy switches from continue to quiesce', () => {
		const rate = 73.2421875; // pages/ms: one CHPID
		const threshold = zvmQuiesceThresholdPages(rate, { maxQuiesceMs: 400 });
		const stats = (pending: number): PassStats => ({
			unit: 'page',
			passes: [200_000, 100_000],
			passMs: [2730, 1365],
			pending,
			totalUnits: 262_144,
			sentUnits: 300_000,
			elapsedMs: 4095,
			measuredUnitsPerMs: rate
		});
		const policy = zvmPolicy({ maxQuiesceMs: 400 });
		expect(policy.decide(stats(Math.floor(threshold))).action).toBe('quiesce');
		expect(policy.decide(stats(Math.ceil(threshold) + 1)).action).toBe('continue');
	});
});

describe('figures from real engine passes', () => {
	it('dirty after pass k is pass k+1; the policy quiesced after the pass the threshold marks', () => {
		const rep = database();
		expect(rep.outcome).toBe('completed');
		const f = convergenceFigures({ passes: rep.passes, maxQuiesceMs: DEFAULT_MAX_QUIESCE_MS });
		rep.passes
			.slice(0, -1)
			.forEach((_, i) => expect(f.dirtyAfter[i]).toBe(rep.passes[i + 1]!.pages));
		expect(f.dirtyAfter.at(-1)).toBe(0); // after the final pass the guest resumes
		expect(f.quiescedPasses).toBe(2);
		expect(f.pagesSent).toBe(rep.pagesSent);

		// The policy's own figures: the rate measured over the last pre-copy pass, 250 ms.
		const lastPre = rep.passes.filter((p) => !p.quiesced).at(-1)!;
		expect(f.bandwidthPagesPerMs).toBeCloseTo(lastPre.pages / (lastPre.endMs - lastPre.startMs), 9);
		expect(f.targetQuiesceMs).toBe(250);
		expect(f.thresholdPages).toBeCloseTo(250 * f.bandwidthPagesPerMs!, 6);
		const decision = rep.decisions.find((d) => d.action === 'quiesce')!;
		expect(decision.reason).toMatch(/within the 250 ms quiesce target/);
		expect(f.withinThresholdAfterPass).toBe(decision.afterPass);
	});

	it('projects the quiesce from the pages left, the bandwidth and the guest state', () => {
		const rep = database();
		const f = convergenceFigures({
			passes: rep.passes,
			maxQuiesceMs: DEFAULT_MAX_QUIESCE_MS,
			quiesceMs: rep.quiesceMs
		});
		const firstQuiesced = rep.passes.find((p) => p.quiesced)!;
		expect(f.remainingPages).toBe(firstQuiesced.pages);
		expect(f.remainingSource).toBe('measured');
		expect(f.projectedQuiesceMs).toBeCloseTo(firstQuiesced.pages / f.bandwidthPagesPerMs! + 100, 9);
		// What it leaves out is the final pass (the I/O ring): the quiesce used just that more.
		const finalPass = rep.passes.at(-1)!;
		expect(f.usedQuiesceMs).toBe(rep.quiesceMs);
		expect(rep.quiesceMs - f.projectedQuiesceMs!).toBeGreaterThanOrEqual(-1);
		expect(rep.quiesceMs - f.projectedQuiesceMs!).toBeLessThanOrEqual(
			finalPass.endMs - finalPass.startMs + 1
		);
		expect(f.projectedOverBudget).toBe(false);
		expect(convergenceSummary(f)).toMatch(
			new RegExp(
				`^4 passes \\(2 quiesced\\) sent .*Quiesced ${Math.round(rep.quiesceMs)} ms of a 10 s budget\\.`
			)
		);
	});

	it('a guest that cannot converge projects over MAXQUIESCE, as the engine then cancels', () => {
		// The memory muncher of 000 A.1.7: r = D/B > 1, every pass the whole guest.
		const rep = createPrecopy({
			guestPages: GiB,
			workload: 'muncher',
			seed: 1,
			bandwidthMBps: ONE_CHPID(),
			policy: zvmPolicy({ maxQuiesceMs: 3000 }),
			guestStateMs: 100,
			maxQuiesceMs: 3000
		}).run();
		expect(rep.outcome).toBe('max-quiesce');
		const f = convergenceFigures({
			passes: rep.passes,
			maxQuiesceMs: 3000,
			quiesceMs: rep.quiesceMs
		});
		// The quiesced pass was cut short and never recorded: the series gives the pages left.
		expect(f.remainingSource).toBe('closed-form');
		expect(f.ratio?.ratio).toBeCloseTo(1, 9);
		expect(f.remainingPages).toBeCloseTo(GiB, 3);
		expect(f.projectedQuiesceMs).toBeGreaterThan(3000);
		expect(f.projectedOverBudget).toBe(true);
		expect(f.usedQuiesceMs).toBe(3000);
		const layout = layoutConvergence(
			{ passes: rep.passes, maxQuiesceMs: 3000, quiesceMs: rep.quiesceMs },
			{ width: 600 }
		);
		const b = layout.bullet;
		expect(b.over).toBe(true);
		expect(b.budget!.x).toBeLessThan(b.projected!.x + b.projected!.width);
		expect(b.budget!.label).toBe('MAXQUIESCE 3 s');
		// The used bar ends on the budget line: MAXQUIESCE stopped it there.
		expect(b.used!.x + b.used!.width).toBeCloseTo(b.budget!.x, 1);
		expect(convergenceSummary(f)).toMatch(
			/by the closed form.*of a 3 s MAXQUIESCE budget: over budget\./
		);
	});
});

describe('the closed-form overlay V(0)·r^i', () => {
	const M = 2 ** 18;
	const mbps = 100;
	const B = pagesPerMs(mbps) * 1000; // pages/s

	it('estimates r from real passes of a sweeping writer, and the overlay is V(0)·r^i', () => {
		const r = 0.5;
		const rep = createPrecopy({
			guestPages: M,
			workload: sweep(M, r * B),
			seed: 1,
			bandwidthMBps: constantBandwidth(mbps),
			policy: fixedPasses(6)
		}).run();
		const est = estimateRatio(rep.passes)!;
		expect(est.method).toBe('anchored');
		expect(est.v0).toBe(M);
		expect(est.ratio).toBeCloseTo(r, 4);
		const layout = layoutConvergence(
			{ passes: rep.passes, maxQuiesceMs: null },
			{ width: 640, prediction: true }
		);
		const pred = layout.prediction!;
		// Pre-copy passes 1-6 and the first quiesced pass (pages dirtied during pass 6).
		expect(pred.points.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		for (const p of pred.points) expect(p.pages).toBe(M * est.ratio ** (p.n - 1));
		for (const p of pred.points) {
			expect(Math.abs(p.pages - rep.passes[p.n - 1]!.pages)).toBeLessThanOrEqual(3 + M * 1e-3);
		}
		// On a log axis a geometric series is a straight line: equal steps down.
		const steps = pred.points.slice(1).map((p, i) => p.y - pred.points[i]!.y);
		for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 1);
		const dirtySteps = layout.dirty.points
			.slice(1, 5)
			.map((p, i) => p.y - layout.dirty.points[i]!.y);
		for (const s of dirtySteps) expect(Math.abs(s - steps[0]!)).toBeLessThan(0.5);
		// Not on a linear one.
		const lin = layoutConvergence(
			{ passes: rep.passes, maxQuiesceMs: null },
			{ width: 640, prediction: true, log: false }
		).prediction!.points;
		expect(Math.abs(lin[2]!.y - lin[1]!.y - (lin[1]!.y - lin[0]!.y))).toBeGreaterThan(5);
	});

	it('a given r replaces the estimate; without pass 1 both V(0) and r are fitted', () => {
		const passes: ConvergencePass[] = [3, 4, 5, 6].map((n) => ({
			n,
			pages: 80_000 * 0.25 ** (n - 1),
			startMs: n,
			endMs: n + 1,
			quiesced: false
		}));
		const fit = estimateRatio(passes)!;
		expect(fit.method).toBe('fit');
		expect(fit.ratio).toBeCloseTo(0.25, 12);
		expect(fit.v0).toBeCloseTo(80_000, 6);
		expect(closedForm(fit, 5)).toBeCloseTo(passes[2]!.pages, 6);
		const given = estimateRatio(passes, 0.5)!;
		expect(given).toMatchObject({ method: 'given', ratio: 0.5 });
		const withFirst = [{ n: 1, pages: 1000, startMs: 0, endMs: 1, quiesced: false }];
		expect(estimateRatio(withFirst)).toBeNull(); // one pass says nothing about r
		expect(estimateRatio(withFirst, 0.3)).toMatchObject({ ratio: 0.3, v0: 1000, method: 'given' });
		expect(predictedPasses(withFirst).map((p) => p.n)).toEqual([1]);
	});
});

describe('dirtyAfterPasses and measuredPagesPerMs', () => {
	const p = (n: number, pages: number, quiesced = false, ms = 10): ConvergencePass => ({
		n,
		pages,
		startMs: n * 100,
		endMs: n * 100 + ms,
		quiesced
	});

	it('reads the next pass, takes given figures first, and knows nothing across a gap', () => {
		const passes = [p(1, 1000), p(2, 300), p(4, 50), p(5, 20, true), p(6, 2, true)];
		expect(dirtyAfterPasses(passes)).toEqual([300, null, 20, 2, 0]);
		expect(dirtyAfterPasses(passes, [null, 90])).toEqual([300, 90, 20, 2, 0]);
		// While pre-copy runs the last figure is the pass under way: only the caller knows it.
		expect(dirtyAfterPasses([p(1, 1000), p(2, 300)])).toEqual([300, null]);
		expect(dirtyAfterPasses([p(1, 1000), p(2, 300)], [undefined as never, 120])).toEqual([
			300, 120
		]);
	});

	it('measures over the last pre-copy pass that sent pages, as the engine does', () => {
		expect(measuredPagesPerMs([p(1, 1000, false, 10), p(2, 300, false, 5)])).toBe(60);
		expect(measuredPagesPerMs([p(1, 1000, false, 10), p(2, 0, false, 0), p(3, 5, true, 1)])).toBe(
			100
		);
		expect(measuredPagesPerMs([])).toBeNull();
	});
});

describe('layoutConvergence: scales and ticks', () => {
	const rep = database();
	const input = {
		passes: rep.passes,
		maxQuiesceMs: DEFAULT_MAX_QUIESCE_MS,
		quiesceMs: rep.quiesceMs
	};

	for (const log of [true, false]) {
		it(`${log ? 'log' : 'linear'}: ticks ascend inside the plot; bars stand on the baseline`, () => {
			const l = layoutConvergence(input, { width: 520, height: 340, log });
			const bottom = l.plot.y + l.plot.height;
			expect(l.width).toBe(520);
			expect(l.height).toBe(340);
			expect(l.yTicks.length).toBeGreaterThanOrEqual(3);
			for (let i = 1; i < l.yTicks.length; i++) {
				expect(l.yTicks[i]!.value).toBeGreaterThan(l.yTicks[i - 1]!.value);
				expect(l.yTicks[i]!.pos).toBeLessThan(l.yTicks[i - 1]!.pos);
			}
			for (const t of l.yTicks) {
				expect(t.pos).toBeGreaterThanOrEqual(l.plot.y - 0.01);
				expect(t.pos).toBeLessThanOrEqual(bottom + 0.01);
			}
			if (!log) expect(l.yTicks[0]).toMatchObject({ value: 0, pos: bottom });
			else
				for (const t of l.yTicks)
					expect(Math.log10(t.value) % 1 === 0 || /^[125]/.test(String(t.value))).toBe(true);
			// The highest bar reaches its value.
			expect(l.bars).toHaveLength(rep.passes.length);
			for (const b of l.bars) {
				expect(b.y + b.height).toBeCloseTo(bottom, 1);
				expect(b.x).toBeGreaterThanOrEqual(l.plot.x);
				expect(b.x + b.width).toBeLessThanOrEqual(l.plot.x + l.plot.width);
			}
			expect(l.bars.map((b) => b.quiesced)).toEqual(rep.passes.map((p) => p.quiesced));
			expect(l.xTicks.map((t) => t.label)).toEqual(['1', '2', '3', '4']);
			// The dirty point after pass k sits between bars k and k+1.
			l.dirty.points.slice(0, -1).forEach((pt, i) => {
				expect(pt.x).toBeGreaterThan(l.bars[i]!.x + l.bars[i]!.width);
				expect(pt.x).toBeLessThan(l.bars[i + 1]!.x);
			});
			// Below the threshold line means within the quiesce target.
			const t = l.threshold!;
			const k = l.figures.withinThresholdAfterPass!;
			expect(l.dirty.points.find((pt) => pt.n === k)!.y).toBeGreaterThan(t.y);
			expect(l.dirty.points.find((pt) => pt.n === k - 1)!.y).toBeLessThan(t.y);
			expect(t.label).toMatch(/^quiesce threshold [\d.]+K pages \(250 ms\)$/);
		});
	}

	it('the bullet axis holds the budget; zero pages sit on the log floor', () => {
		const l = layoutConvergence(input, { width: 520 });
		const b = l.bullet;
		expect(b.ticks[0]!.value).toBe(0);
		expect(b.ticks.at(-1)!.value).toBeGreaterThanOrEqual(10_000);
		expect(b.budget!.x).toBeLessThanOrEqual(b.x + b.width);
		expect(b.projected!.width).toBeGreaterThanOrEqual(2);
		expect(b.projected!.label).toMatch(/^projected \d+ ms$/);
		const last = l.dirty.points.at(-1)!;
		expect(last).toMatchObject({ pages: 0, clamped: true });
		expect(last.y).toBeCloseTo(l.plot.y + l.plot.height, 1);
	});

	it('draws nothing for no passes, without failing', () => {
		const l = layoutConvergence({ passes: [], maxQuiesceMs: null }, { width: 300 });
		expect(l.bars).toEqual([]);
		expect(l.dirty.path).toBe('');
		expect(l.threshold).toBeNull();
		expect(l.bullet.budget).toBeNull();
		expect(convergenceSummary(l.figures)).toBe('No passes through memory yet.');
	});

	it('logTicks: powers of ten over many decades, 1-2-5 over few', () => {
		expect(logTicks(1, 1e6)).toEqual([1, 10, 100, 1000, 1e4, 1e5, 1e6]);
		expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
	});
});
