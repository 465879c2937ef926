// The quiesce window's maths, on real simulations: phase spans read from the event log as the
// LGR tests read them, the quiesced span (what MAXQUIESCE limits) and the stopped span (what
// the workload feels) with their budgets, outcome marks, the latency trace's stall equal to the
// stop, and a time axis whose scale and ticks are sane in full and zoomed views.
import { symbol, symbolCircle, symbolSquare, symbolX } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '$lib/core/simulation';
import {
	defaultTraceRelocation,
	focusDomain,
	fullDomain,
	layoutQuiesceWindow,
	PHASE_LANES,
	phaseSpans,
	precopySpan,
	quiesceSpan,
	quiesceWindowSummary,
	relocationTrace,
	stopSpan,
	timelineFromState,
	type TimelineRelocation
} from '$lib/viz/quiesce-window';
import { boot, phases, runToEnd, sec, type Json } from '../core/lgr/helpers';

/** The gdl scenario's three relocations of 001 (relocated, cancelled, relocated), guest busy. */
function gdl(workload?: string): Simulation {
	const sim = boot(
		'gdl',
		workload
			? (j: Json) => {
					for (const g of j.guests as Json[]) g.workload = workload;
				}
			: undefined
	);
	sim.runUntil(sec(6 * 60));
	return sim;
}

const timelines = (sim: Simulation) =>
	sim.state.relocations.map((r) => timelineFromState(r, sim.state.log));

describe('phases from the event log', () => {
	const sim = gdl();
	const [r1, r2, r3] = timelines(sim);

	it('reads the same phase entries as the LGR tests, with the workload and seed', () => {
		expect(sim.state.relocations.map((r) => r.outcome)).toEqual([
			'relocated',
			'cancelled',
			'relocated'
		]);
		for (const t of [r1!, r2!, r3!]) {
			expect(t.phases.map((e) => ({ to: e.phase, t: e.t }))).toEqual(phases(sim, t.id));
		}
		expect(r1).toMatchObject({ user: 'LGRLIN21', maxQuiesceMs: 10_000, workload: 'idle' });
		expect(r1!.seed).toBe(sim.state.relocations[0]!.engine!.seed);
	});

	it('spans run back to back from the MOVE to the end, one per phase gone through', () => {
		const spans = phaseSpans(r1!, sim.now);
		expect(spans.map((s) => s.phase)).toEqual(PHASE_LANES.map((l) => l.phase));
		expect(spans[0]!.startMs).toBe(r1!.startedAt);
		expect(spans[0]!.endMs).toBe(r1!.startedAt); // eligibility is checked at the command
		for (let i = 1; i < spans.length; i++) expect(spans[i]!.startMs).toBe(spans[i - 1]!.endMs);
		expect(spans.at(-1)!.endMs).toBe(r1!.endedAt);
		expect(spans.every((s) => !s.open)).toBe(true);
		// The cancelled one stopped in Moving Memory: never quiesced, never stopped.
		expect(phaseSpans(r2!, sim.now).map((s) => s.phase)).toEqual([
			'Eligibility',
			'CreatingSkeleton',
			'MovingMemory'
		]);
		expect(quiesceSpan(r2!, sim.now)).toBeNull();
		expect(stopSpan(r2!, sim.now)).toBeNull();
		expect(precopySpan(r2!, sim.now)!.endMs).toBe(r2!.endedAt);
	});

	it('the quiesced span is Moving Guest + Final Mem Copy, as long as the engine quiesced', () => {
		const rel = sim.state.relocations[0]!;
		const q = quiesceSpan(r1!, sim.now)!;
		const spans = phaseSpans(r1!, sim.now);
		const at = (p: string) => spans.find((s) => s.phase === p)!;
		expect(q).toEqual({
			startMs: at('MovingGuest').startMs,
			endMs: at('FinalMemCopy').endMs,
			open: false
		});
		// Phase changes land on whole-ms ticks; the engine's figure is exact.
		expect(Math.abs(q.endMs - q.startMs - rel.quiesceMs)).toBeLessThanOrEqual(1);
		// The guest runs again after Resuming: the stop is the quiesce plus the resume.
		const s = stopSpan(r1!, sim.now)!;
		expect(s.startMs).toBe(q.startMs);
		expect(s.endMs).toBe(at('Resuming').endMs);
		expect(s.endMs - q.endMs).toBe(sim.state.params.relocationResumeMs);
	});

	it('a relocation in progress has open spans ending now', () => {
		const live = boot('gdl');
		live.runUntil(26_000);
		const t = timelineFromState(live.state.relocations[0]!, live.state.log);
		expect(t.outcome).toBeNull();
		const spans = phaseSpans(t, live.now);
		expect(spans.at(-1)).toMatchObject({ phase: 'MovingMemory', endMs: live.now, open: true });
		expect(spans.slice(0, -1).every((x) => !x.open)).toBe(true);
		expect(quiesceSpan(t, live.now)).toBeNull();
		const l = layoutQuiesceWindow([t], live.now, null, { width: 600 });
		expect(l.now).toBeCloseTo(l.x1, 6);
		expect(l.relocations[0]!.mark).toBeNull();
		expect(l.relocations[0]!.outcome).toBe('in progress');
	});
});

describe('MAXQUIESCE exceeded (000 A.1.7)', () => {
	const sim = boot('a17-maxquiesce');
	sim.runUntil(sec(5));
	const rel = runToEnd(sim, 1);
	const t = timelineFromState(rel, sim.state.log);

	it('is quiesced for the whole budget, then resumes on the source at once', () => {
		expect(t.outcome).toBe('cancelled');
		expect(t.maxQuiesceMs).toBe(3000);
		const q = quiesceSpan(t, sim.now)!;
		expect(q.endMs - q.startMs).toBe(3000);
		expect(q.endMs).toBe(t.endedAt);
		expect(stopSpan(t, sim.now)).toEqual(q);
	});

	it('marks the budget exhausted, the bracket ending at the quiesced span, and the outcome', () => {
		const l = layoutQuiesceWindow([t], sim.now, null, { width: 800 });
		const r = l.relocations[0]!;
		const b = r.budget!;
		expect(b.exhausted).toBe(true);
		expect(b.budgetClipped).toBe(false);
		expect(b.budgetX1).toBeCloseTo(b.x1, 1);
		expect(b.label).toBe('quiesced 3 s of a 3 s MAXQUIESCE budget (100 %)');
		expect(r.mark).toMatchObject({ kind: 'cancelled', label: 'cancelled' });
		expect(r.mark!.symbol).toBe(symbol(symbolX, 90)());
		// On the lane it ended in: Moving Guest.
		expect(r.mark!.y).toBe(
			r.lanes.find((x) => x.phase === 'MovingGuest')!.y + r.lanes[0]!.height / 2
		);
		expect(quiesceWindowSummary([t], sim.now, null, null)).toBe(
			'1 relocation. #1 LNXSU11 ITSOSSI5 → ITSOSSI6, cancelled: quiesced 3 s of a 3 s budget; 15.4 s in all.'
		);
	});
});

describe('layoutQuiesceWindow', () => {
	const sim = gdl('web');
	const rels = timelines(sim);
	const full = fullDomain(rels, sim.now);
	const traced = defaultTraceRelocation(rels)!;
	const trace = relocationTrace(traced, sim.now, full);

	it('traces the last relocation that moved memory, with its guest’s request stream', () => {
		expect(traced.id).toBe(3);
		expect(trace.profile).toMatchObject({ ratePerS: 200, serviceMs: 5 });
		// The stall is the stop: quiesce and resume.
		const stop = stopSpan(traced, sim.now)!;
		expect(trace.stall).toEqual({
			startMs: stop.startMs,
			endMs: stop.endMs,
			durationMs: stop.endMs - stop.startMs
		});
		expect(trace.max!.latencyMs).toBeGreaterThan(trace.stall!.durationMs - 10);
		expect(trace.max!.latencyMs).toBeLessThan(trace.stall!.durationMs + 7);
		expect(relocationTrace(traced, sim.now, full)).toEqual(trace);
	});

	it('stacks the relocations, lanes in phase order, spans inside the plot', () => {
		const l = layoutQuiesceWindow(rels, sim.now, trace, { width: 900 });
		expect(l.domain).toEqual(full);
		expect(l.relocations.map((r) => r.name)).toEqual([
			'#1 LGRLIN21 GDLMCPX4 → GDLLCPX3',
			'#2 LGRLIN21 GDLLCPX3 → GDLMCPX4',
			'#3 LGRLIN21 GDLLCPX3 → GDLMCPX4'
		]);
		let bottom = 0;
		for (const r of l.relocations) {
			expect(r.top).toBeGreaterThanOrEqual(bottom);
			expect(r.lanes.map((x) => x.label)).toEqual([
				'Eligibility',
				'Creating skeleton',
				'Moving Memory',
				'Moving Guest',
				'Final Mem Copy',
				'Resuming',
				'Cleaning Up'
			]);
			for (let i = 1; i < r.lanes.length; i++) {
				expect(r.lanes[i]!.y).toBeGreaterThanOrEqual(r.lanes[i - 1]!.y + r.lanes[i - 1]!.height);
			}
			for (const lane of r.lanes) {
				for (const s of lane.spans) {
					expect(s.x).toBeGreaterThanOrEqual(l.x0);
					expect(s.x + s.width).toBeLessThanOrEqual(l.x1 + 2);
					expect(s.width).toBeGreaterThanOrEqual(2);
				}
			}
			bottom = (r.budget ? r.budget.y + r.budget.height : r.lanes.at(-1)!.y) + 1;
		}
		expect(l.trace!.top).toBeGreaterThan(bottom);
		expect(l.axisY).toBeGreaterThan(l.trace!.top + l.trace!.height);
		expect(l.height).toBeGreaterThan(l.axisY);
		// Outcome marks: a circle for relocated, an X for cancelled.
		expect(l.relocations.map((r) => r.mark?.kind)).toEqual(['relocated', 'cancelled', 'relocated']);
		expect(l.relocations[0]!.mark!.symbol).toBe(symbol(symbolCircle, 90)());
		expect(l.relocations[1]!.mark!.symbol).not.toBe(symbol(symbolSquare, 90)());
		expect(l.relocations[1]!.budget).toBeNull();
	});

	it('time ticks ascend in seconds; the budget bracket is to scale or clipped with an arrow', () => {
		const l = layoutQuiesceWindow(rels, sim.now, trace, { width: 900 });
		const ticks = l.timeTicks;
		expect(ticks.length).toBeGreaterThanOrEqual(3);
		for (let i = 1; i < ticks.length; i++) {
			expect(ticks[i]!.value).toBeGreaterThan(ticks[i - 1]!.value);
			expect(ticks[i]!.pos).toBeGreaterThan(ticks[i - 1]!.pos);
		}
		for (const t of ticks) {
			expect(t.pos).toBeGreaterThanOrEqual(l.x0 - 0.01);
			expect(t.pos).toBeLessThanOrEqual(l.x1 + 0.01);
			expect(Number(t.label)).toBeCloseTo(t.value / 1000, 6);
		}
		// Relocation 1 ends minutes before the axis does: its 10 s budget fits, to scale.
		const b1 = l.relocations[0]!.budget!;
		const pxPerMs = (l.x1 - l.x0) / (l.domain[1] - l.domain[0]);
		expect(b1.budgetClipped).toBe(false);
		expect(b1.budgetX1! - b1.x0).toBeCloseTo(10_000 * pxPerMs, 1);
		expect(b1.exhausted).toBe(false);
		const q1 = quiesceSpan(rels[0]!, sim.now)!;
		const used = q1.endMs - q1.startMs;
		expect(used).toBeGreaterThan(100);
		expect(used).toBeLessThan(1000);
		expect(b1.label).toBe(
			`quiesced ${Math.round(used)} ms of a 10 s MAXQUIESCE budget (${Number(((100 * used) / 10_000).toPrecision(2))} %)`
		);
		// In a view that ends before the budget does, the bracket stops at the axis's end.
		const q3 = quiesceSpan(rels[2]!, sim.now)!;
		const narrow = layoutQuiesceWindow(rels, sim.now, trace, {
			width: 900,
			domain: [q3.startMs - 1000, q3.startMs + 5000]
		});
		const b3 = narrow.relocations[2]!.budget!;
		expect(b3.budgetClipped).toBe(true);
		expect(b3.budgetX1).toBe(narrow.x1);
		expect(b3.x1 - b3.x0).toBeCloseTo(
			((q3.endMs - q3.startMs) * (narrow.x1 - narrow.x0)) / 6000,
			1
		);
	});

	it('draws the trace down-sampled, the slowest request and the stall kept and labelled', () => {
		const l = layoutQuiesceWindow(rels, sim.now, trace, { width: 900 });
		const tr = l.trace!;
		expect(tr.points.length).toBeLessThanOrEqual(2000);
		expect(trace.points.length).toBeGreaterThan(tr.points.length);
		expect(tr.points).toContain(trace.max);
		expect(tr.max!.latencyMs).toBe(trace.max!.latencyMs);
		expect(tr.stall!.label).toBe(`stall ${Math.round(trace.stall!.durationMs)} ms`);
		expect(tr.stall!.x1 - tr.stall!.x0).toBeGreaterThanOrEqual(2);
		for (let i = 1; i < tr.yTicks.length; i++) {
			expect(tr.yTicks[i]!.pos).toBeLessThan(tr.yTicks[i - 1]!.pos);
		}
		expect(tr.yTicks[0]).toMatchObject({ value: 0, pos: tr.top + tr.height });
		expect(tr.max!.y).toBeGreaterThanOrEqual(tr.top);
		expect(tr.path.startsWith('M')).toBe(true);
	});

	it('zooms to the stop: the same requests, the stall wide, other spans clipped', () => {
		const focus = focusDomain(traced, sim.now, full)!;
		const stop = stopSpan(traced, sim.now)!;
		expect(focus[0]).toBeLessThan(stop.startMs);
		expect(focus[1]).toBeGreaterThan(stop.endMs);
		const l = layoutQuiesceWindow(rels, sim.now, trace, { width: 900, domain: focus });
		expect(l.domain).toEqual(focus);
		const stall = l.trace!.stall!;
		expect(stall.x1 - stall.x0).toBeGreaterThan((l.x1 - l.x0) / 4);
		// Every request arriving in view is drawn as it is (fewer than the cap).
		const inView = trace.points.filter((p) => p.t >= focus[0] && p.t <= focus[1]);
		expect(l.trace!.points).toEqual(inView);
		const r3 = l.relocations[2]!;
		const memory = r3.lanes.find((x) => x.phase === 'MovingMemory')!.spans[0]!;
		expect(memory.clipped).toBe(true);
		expect(memory.x).toBe(l.x0);
		// Relocations out of view fold to their names.
		for (const r of l.relocations.slice(0, 2)) {
			expect(r).toMatchObject({ collapsed: true, lanes: [], mark: null, budget: null });
		}
		expect(r3.collapsed).toBe(false);
		expect(r3.top).toBeLessThan(l.relocations[0]!.top + 80);
		// One partly in view keeps its lanes, the part out of view cut off.
		const part = layoutQuiesceWindow(rels, sim.now, trace, {
			width: 900,
			domain: [focus[0], stop.endMs + 1]
		});
		const cleanup = part.relocations[2]!.lanes.find((x) => x.phase === 'CleaningUp')!.spans[0]!;
		expect(cleanup.clipped).toBe(true);
		expect(cleanup.x).toBeGreaterThan(part.x1 - 10);
		expect(cleanup.x + cleanup.width).toBeLessThanOrEqual(part.x1 + 2);
		expect(part.relocations[2]!.mark).toBeNull();
	});

	it('sums it up in words', () => {
		const ms = (x: number) => `${Math.round(x)} ms`;
		const q = (t: TimelineRelocation) => {
			const span = quiesceSpan(t, sim.now)!;
			return ms(span.endMs - span.startMs);
		};
		const total = (t: TimelineRelocation) =>
			`${Number(((t.endedAt! - t.startedAt) / 1000).toPrecision(3))} s`;
		const [r1, r2, r3] = rels as [TimelineRelocation, TimelineRelocation, TimelineRelocation];
		expect(quiesceWindowSummary(rels, sim.now, trace, traced)).toBe(
			`3 relocations. #1 LGRLIN21 GDLMCPX4 → GDLLCPX3, relocated: quiesced ${q(r1)} of a 10 s budget; ${total(r1)} in all. ` +
				`#2 LGRLIN21 GDLLCPX3 → GDLMCPX4, cancelled: never quiesced; ${total(r2)} in all. ` +
				`#3 LGRLIN21 GDLLCPX3 → GDLMCPX4, relocated: quiesced ${q(r3)} of a 10 s budget; ${total(r3)} in all. ` +
				`Request latency of LGRLIN21 (200 HTTP requests a second, 5 ms each): the guest stopped for ${ms(trace.stall!.durationMs)}, the slowest request took ${ms(trace.max!.latencyMs)}.`
		);
		expect(quiesceWindowSummary([], 0, null, null)).toBe('No relocations yet.');
	});
});

describe('edge cases', () => {
	it('a rejected MOVE: an instant of Eligibility, a square mark; nothing to trace', () => {
		const t: TimelineRelocation = {
			id: 9,
			user: 'LNXA',
			from: 'A',
			to: 'B',
			startedAt: 1000,
			endedAt: 1000,
			outcome: 'rejected',
			phases: [{ phase: 'Rejected', t: 1000 }],
			maxQuiesceMs: null
		};
		expect(phaseSpans(t, 5000)).toEqual([
			{ phase: 'Eligibility', startMs: 1000, endMs: 1000, open: false }
		]);
		expect(defaultTraceRelocation([t])).toBeNull();
		const l = layoutQuiesceWindow([t], 5000, null, { width: 400 });
		const lane = l.relocations[0]!.lanes[0]!;
		expect(lane.spans[0]!.width).toBe(2);
		expect(l.relocations[0]!.mark).toMatchObject({ kind: 'rejected' });
		expect(l.relocations[0]!.mark!.symbol).toBe(symbol(symbolSquare, 90)());
		expect(l.trace).toBeNull();
	});

	it('MAXQUIESCE NOLIMIT: a quiesce without a budget bracket', () => {
		const t: TimelineRelocation = {
			id: 1,
			user: 'LNXA',
			from: 'A',
			to: 'B',
			startedAt: 0,
			endedAt: 1000,
			outcome: 'relocated',
			phases: [
				{ phase: 'CreatingSkeleton', t: 0 },
				{ phase: 'MovingMemory', t: 100 },
				{ phase: 'MovingGuest', t: 700 },
				{ phase: 'FinalMemCopy', t: 800 },
				{ phase: 'Resuming', t: 850 },
				{ phase: 'CleaningUp', t: 900 },
				{ phase: 'Relocated', t: 1000 }
			],
			maxQuiesceMs: null
		};
		const b = layoutQuiesceWindow([t], 1000, null, { width: 500 }).relocations[0]!.budget!;
		expect(b.budgetX1).toBeNull();
		expect(b.exhausted).toBe(false);
		expect(b.label).toBe('quiesced 150 ms of MAXQUIESCE NOLIMIT');
		expect(stopSpan(t, 1000)).toEqual({ startMs: 700, endMs: 900, open: false });
	});
});
