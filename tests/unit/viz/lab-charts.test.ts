// The lab's chart inputs from the frames: the same objects while what they hold is the same
// (so charts lay out again only when their input changed), the convergence chart fed from a
// relocation's record, and the quiesce window's clock in steps while relocations run.
import { describe, expect, it } from 'vitest';
import { timelineFromState } from '$lib/viz/quiesce-window';
import {
	convergenceInput,
	keepIfSame,
	memberMarkers,
	quiesceWindowNow,
	relocationMarkers,
	timelineRelocations
} from '$lib/viz/lab-charts';
import { mergeHistories, NO_HISTORIES } from '$lib/worker/history-merge';
import { HistoryTracker } from '$lib/worker/relocation-history';
import { relocationsShown } from '$lib/worker/relocation-view';
import { buildView } from '$lib/worker/view';
import type { SimView } from '$lib/worker/protocol';
import type { Simulation } from '$lib/core/simulation';
import { boot, cmd, sec, type Json } from '../core/commands/helpers';

const META = { frame: 1, generation: 1, title: 't', source: 's', playing: true, speed: 1 };

/** itsossia, its guests serving web requests, ITSOLNX1 moving from ITSOSSI1 to ITSOSSI2. */
function moving(): Simulation {
	const sim = boot('itsossia', (json) => {
		for (const g of json.guests as Json[]) g.workload = 'web';
	});
	sim.runUntil(sec(2));
	cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
	return sim;
}

/** Frames of `sim` as the page gets them, with the records merged as SimSession does. */
function frames(sim: Simulation) {
	const tracker = new HistoryTracker();
	let histories = NO_HISTORIES;
	return () => {
		const view: SimView = buildView(
			sim,
			{ ...META, histories: tracker.update(sim.state, relocationsShown(sim.state)) },
			null
		);
		histories = mergeHistories(histories, view.histories, view.relocations);
		return { view, histories };
	};
}

describe('chart inputs from frames', () => {
	it('keepIfSame hands back the previous array when every item is the same', () => {
		const a = [{ x: 1 }, { x: 2 }];
		const same = (p: { x: number }, q: { x: number }) => p.x === q.x;
		expect(keepIfSame(a, [{ x: 1 }, { x: 2 }], same)).toBe(a);
		const b = [{ x: 1 }, { x: 3 }];
		expect(keepIfSame(a, b, same)).toBe(b);
		expect(keepIfSame(a, [{ x: 1 }], same)).toHaveLength(1);
		expect(keepIfSame(null, a, same)).toBe(a);
	});

	it('stay the same objects from frame to frame while nothing they hold changes', () => {
		const sim = moving();
		const next = frames(sim);
		sim.runUntil(sec(5));
		const f1 = next();
		const t1 = timelineRelocations(null, f1.view.relocations, f1.histories);
		const m1 = memberMarkers(null, f1.view);
		const r1 = relocationMarkers(null, f1.view);
		const rel1 = f1.view.relocations[0]!;
		const c1 = convergenceInput(null, rel1, f1.histories.get(1)!);
		// 200 ms later, within the first pass: new frames, the same inputs.
		sim.runUntil(sim.now + 200);
		const f2 = next();
		expect(f2.view).not.toBe(f1.view);
		expect(f2.histories).toBe(f1.histories);
		expect(timelineRelocations(t1, f2.view.relocations, f2.histories)).toBe(t1);
		expect(memberMarkers(m1, f2.view)).toBe(m1);
		expect(relocationMarkers(r1, f2.view)).toBe(r1);
		expect(convergenceInput(c1, f2.view.relocations[0]!, f2.histories.get(1)!)).toBe(c1);
		expect(r1).toEqual([{ id: 1, user: 'ITSOLNX1', phase: 'MovingMemory' }]);

		// A pass ends: the convergence input and the timeline change, with the record's passes.
		const rel = sim.state.relocations[0]!;
		while (rel.passes.length < 2) sim.runUntil(sim.now + 200);
		const f3 = next();
		const c3 = convergenceInput(c1, f3.view.relocations[0]!, f3.histories.get(1)!);
		expect(c3).not.toBe(c1);
		expect(c3.passes).toBe(f3.histories.get(1)!.passes);
		expect(c3.passes).toHaveLength(2);
		expect(c3).toMatchObject({
			title: "Convergence of ITSOLNX1's memory, ITSOSSI1 → ITSOSSI2",
			exportName: 'convergence-1-ITSOLNX1',
			source: 'the z/VM policy',
			maxQuiesceMs: 10_000,
			targetQuiesceMs: 250
		});
		expect(c3.thresholdPages).toBeGreaterThan(0);
		// The quiesce time once the guest has been quiesced (the live figure), else none.
		const live = f3.view.relocations[0]!.quiesceMs;
		const quiesced = live > 0 || c3.passes.some((p) => p.quiesced);
		expect(c3.quiesceMs).toBe(quiesced ? live : undefined);
		expect(c1.quiesceMs).toBeUndefined();
	});

	it('give the quiesce window the same relocations as the simulation state, phases and all', () => {
		const sim = moving();
		const next = frames(sim);
		const rel = sim.state.relocations[0]!;
		while (rel.outcome === null) sim.runUntil(sim.now + 1000);
		const f = next();
		const [t] = timelineRelocations(null, f.view.relocations, f.histories);
		const fromState = timelineFromState(rel, sim.state.log);
		expect({ ...t, phases: [...t!.phases] }).toEqual(fromState);
	});
});

describe('the quiesce window’s clock', () => {
	const rel = {
		id: 1,
		user: 'U',
		from: 'A',
		to: 'B',
		startedAt: 10_000,
		endedAt: null,
		outcome: null,
		phases: [],
		maxQuiesceMs: 10_000
	};

	it('is the time itself without relocations', () => {
		expect(quiesceWindowNow(12_345, [])).toBe(12_345);
	});

	it('moves in power-of-two steps of about 1/256 of the time since the first began, never ahead', () => {
		const seen = new Set<number>();
		let last = 0;
		for (let t = 10_000; t <= 70_000; t += 7) {
			const q = quiesceWindowNow(t, [rel]);
			expect(q).toBeLessThanOrEqual(t);
			expect(q).toBeGreaterThanOrEqual(10_000);
			expect(t - q).toBeLessThan(Math.max(64, (t - 10_000) / 128));
			last = Math.max(last, q);
			seen.add(q);
		}
		// About 256 × log2 distinct times over a minute, not one per frame.
		expect(seen.size).toBeLessThan(1_000);
		expect(seen.size).toBeGreaterThan(100);
	});

	it('stops after every relocation has ended, at the end and a margin', () => {
		const ended = { ...rel, endedAt: 60_000, outcome: 'relocated' as const };
		expect(quiesceWindowNow(61_000, [ended])).toBe(61_000);
		expect(quiesceWindowNow(600_000, [ended])).toBe(62_000);
		expect(quiesceWindowNow(6_000_000, [ended])).toBe(62_000);
	});
});
