// The relocations' chart records in the frames, from real simulations in Node: the phase entries
// with their times, the passes with the pages left dirty after each, the z/VM policy's
// bandwidth, target and threshold; the worker sends a record only when it changed, within a
// budget, and the page merges them; and the `report` request gives the whole run.
import { describe, expect, it } from 'vitest';
import { zvmQuiesceThresholdPages } from '$lib/core/engine/policy-zvm';
import { phaseEntries } from '$lib/core/report';
import type { Simulation } from '$lib/core/simulation';
import { mergeHistories } from '$lib/worker/history-merge';
import {
	parseRequest,
	type HistoryUpdate,
	type RelocationHistory,
	type SimView
} from '$lib/worker/protocol';
import {
	HISTORY_BUDGET_CHARS,
	historyKey,
	HistoryTracker,
	policyPagesPerMs,
	relocationHistory
} from '$lib/worker/relocation-history';
import { relocationsShown, relocationView } from '$lib/worker/relocation-view';
import { FRAME_BUDGET_BYTES, FRAME_MS, frameBytes } from '$lib/worker/sim-host';
import { LOG_TAIL } from '$lib/worker/tail';
import { boot, cmd, sec, type Json } from '../core/commands/helpers';
import { harness, MOVE_ITSOLNX1, playMove } from './host-harness';

/** itsossia with its guests serving web requests: memory moves in several pre-copy passes. */
function busy(): Simulation {
	return boot('itsossia', (json) => {
		for (const g of json.guests as Json[]) g.workload = 'web';
	});
}

/** `busy()` with ITSOLNX1 moving from ITSOSSI1 to ITSOSSI2 (issued at 2 s). */
function moving(): Simulation {
	const sim = busy();
	sim.runUntil(sec(2));
	cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2');
	return sim;
}

/** Runs until `done`, at most a simulated hour. */
function runUntil(sim: Simulation, done: () => boolean, stepMs = 100): void {
	const stop = sim.now + 3_600_000;
	let ok = done();
	while (!ok && sim.now < stop) {
		sim.runUntil(sim.now + stepMs);
		ok = done();
	}
	expect(ok).toBe(true);
}

/** Runs until relocation `id` has ended. */
function runToEnd(sim: Simulation, id = 1): void {
	const rel = sim.state.relocations.find((r) => r.id === id)!;
	for (let i = 0; i < 3600 && rel.outcome === null; i++) sim.runUntil(sim.now + 1000);
	expect(rel.outcome).not.toBeNull();
}

/** The phase entries of relocation `id`, read from the whole log (no search). */
function scanPhases(sim: Simulation, id: number) {
	return sim.state.log.flatMap((e) =>
		e.kind === 'relocation.phase' && e.id === id ? [{ phase: e.to, t: e.t }] : []
	);
}

describe('a relocation’s chart record', () => {
	it('while memory moves: its phases so far, its passes, the pass under way as the last dirty count', () => {
		const sim = moving();
		// Until the second pre-copy pass is under way.
		const rel = sim.state.relocations[0]!;
		runUntil(sim, () => rel.passes.length >= 1);
		expect(rel.phase).toBe('MovingMemory');
		const h = relocationHistory(sim.state, rel);
		expect(h).toMatchObject({ id: 1, startedAt: sec(2), endedAt: null });
		expect(h.phases.map((p) => p.phase)).toEqual(['CreatingSkeleton', 'MovingMemory']);
		expect(h.phases).toEqual(scanPhases(sim, 1));
		expect(h.passes.map((p) => p.n)).toEqual(rel.passes.map((p) => p.n));
		// The last pass's dirty pages are what the pass under way sends in all.
		const v = relocationView(sim.state, rel);
		expect(h.dirtyAfterPass.at(-1)).toBe(v.currentPassSent + v.currentPassLeft!);
		expect(h.dirtyAfterPass).toHaveLength(h.passes.length);
		// The policy's figures: the rate of the last pre-copy pass, the 250 ms target, the
		// threshold as policy-zvm.ts computes it (4 significant digits).
		const last = rel.passes.at(-1)!;
		const rate = last.pages / (last.endMs - last.startMs);
		expect(h.transfer).toEqual({
			policy: 'z/VM',
			workload: rel.engine!.workload.name,
			seed: rel.engine!.seed,
			guestStateMs: rel.engine!.guestStateMs,
			targetQuiesceMs: 250,
			bandwidthPagesPerMs: Number(rate.toPrecision(4)),
			thresholdPages: Number(
				zvmQuiesceThresholdPages(rate, { maxQuiesceMs: 10_000 }).toPrecision(4)
			)
		});
	});

	it('before the first pass ends, measures the bandwidth as the transfer’s share of the link', () => {
		const sim = moving();
		sim.runUntil(sec(4));
		const rel = sim.state.relocations[0]!;
		expect(rel.passes).toEqual([]);
		const h = relocationHistory(sim.state, rel);
		// 1 MB/s = 1e6 / 4096 / 1000 pages per ms.
		const share = rel.engine!.bandwidth.at(-1)![1];
		expect(policyPagesPerMs(rel)).toBeCloseTo(share / 4.096, 9);
		expect(h.transfer?.bandwidthPagesPerMs).toBe(Number((share / 4.096).toPrecision(4)));
		expect(h.passes).toEqual([]);
		expect(h.dirtyAfterPass).toEqual([]);
	});

	it('once relocated: every phase to Relocated, each pass’s dirty count the next pass, then 0', () => {
		const sim = moving();
		runToEnd(sim);
		const rel = sim.state.relocations[0]!;
		const h = relocationHistory(sim.state, rel);
		expect(h.endedAt).toBe(rel.endedAt);
		expect(h.phases.map((p) => p.phase)).toEqual([
			'CreatingSkeleton',
			'MovingMemory',
			'MovingGuest',
			'FinalMemCopy',
			'Resuming',
			'CleaningUp',
			'Relocated'
		]);
		expect(h.phases).toEqual(scanPhases(sim, 1));
		// Phases in time order, from the MOVE to the end.
		const times = h.phases.map((p) => p.t);
		expect(times).toEqual([...times].sort((a, b) => a - b));
		expect(times[0]).toBeGreaterThanOrEqual(h.startedAt);
		expect(times.at(-1)).toBe(h.endedAt);
		expect(h.dirtyAfterPass).toEqual([...h.passes.slice(1).map((p) => p.pages), 0]);
		expect(h.passes.filter((p) => p.quiesced)).toHaveLength(2);
		// Times to a tenth of a ms.
		for (const p of h.passes) expect(p.endMs * 10).toBe(Math.round(p.endMs * 10));
	});

	it('for a MOVE cancelled by MAXQUIESCE (000 App. A.1.7): the quiesced pass cut short is unknown', () => {
		const sim = boot('a17-maxquiesce');
		for (let i = 0; i < 600 && (sim.state.relocations[0]?.outcome ?? null) === null; i++)
			sim.runUntil(sim.now + 1000);
		const rel = sim.state.relocations[0]!;
		expect(rel.outcome).toBe('cancelled');
		const h = relocationHistory(sim.state, rel);
		expect(h.phases.at(-1)?.phase).toBe('Cancelled');
		expect(h.dirtyAfterPass.at(-1)).toBeNull();
		expect(h.transfer?.targetQuiesceMs).toBe(250);
	});

	it('for a rejected MOVE: no transfer, no passes', () => {
		const sim = boot('a18-paging');
		sim.runUntil(sec(10));
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 to itsossi6');
		const rel = sim.state.relocations.at(-1)!;
		const h = relocationHistory(sim.state, rel);
		expect(h).toMatchObject({ transfer: null, passes: [], dirtyAfterPass: [] });
		expect(h.endedAt).toBe(rel.endedAt);
	});

	it('finds the phases by searching the time-ordered log, as a scan of the whole log does', () => {
		const sim = busy();
		sim.runUntil(sec(2));
		cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2 async');
		sim.runUntil(sec(3));
		cmd(sim, 'ITSOSSI3', 'vmrelocate move itsolnx3 to itsossi4 async');
		runToEnd(sim, 1);
		runToEnd(sim, 2);
		const log = sim.state.log;
		for (let i = 1; i < log.length; i++) expect(log[i]!.t).toBeGreaterThanOrEqual(log[i - 1]!.t);
		for (const rel of sim.state.relocations) {
			expect(phaseEntries(log, rel)).toEqual(scanPhases(sim, rel.id));
		}
	});

	it('has a key that changes at pass and phase boundaries only', () => {
		const sim = moving();
		const rel = sim.state.relocations[0]!;
		runUntil(sim, () => rel.passes.length >= 1);
		const k1 = historyKey(sim.state, rel);
		// A little later in the same pass: the same record.
		sim.runUntil(sim.now + 100);
		expect(rel.passes).toHaveLength(1);
		expect(historyKey(sim.state, rel)).toBe(k1);
		runUntil(sim, () => rel.passes.length === 2);
		expect(historyKey(sim.state, rel)).not.toBe(k1);
	});
});

describe('the records in the frames', () => {
	it('go once after a reset, then only when one changed, and stop when nothing changes', () => {
		const sim = busy();
		sim.runUntil(sec(2));
		cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2 async');
		cmd(sim, 'ITSOSSI3', 'vmrelocate move itsolnx3 to itsossi4 async');
		sim.runUntil(sec(3));
		const tracker = new HistoryTracker();
		const first = tracker.update(sim.state, relocationsShown(sim.state))!;
		expect(first.reset).toBe(true);
		expect(first.relocations.map((h) => h.id)).toEqual([1, 2]);
		// Nothing changed: nothing to send.
		expect(tracker.update(sim.state, relocationsShown(sim.state))).toBeNull();
		// Run until a pass of one of them ends: only the changed records go.
		const before = sim.state.relocations.map((r) => historyKey(sim.state, r));
		const updates: HistoryUpdate[] = [];
		runUntil(
			sim,
			() => {
				const u = tracker.update(sim.state, relocationsShown(sim.state));
				if (u) updates.push(u);
				return u !== null;
			},
			50
		);
		const update = updates[0]!;
		expect(update.reset).toBe(false);
		const changed = sim.state.relocations
			.filter((r, i) => historyKey(sim.state, r) !== before[i])
			.map((r) => r.id);
		expect(update.relocations.map((h) => h.id)).toEqual(changed);
		// After a reset (a jump), everything goes again.
		tracker.reset();
		expect(tracker.update(sim.state, relocationsShown(sim.state))).toMatchObject({
			reset: true,
			relocations: [{ id: 1 }, { id: 2 }]
		});
	});

	it('keep an update within its budget and send the rest in the next ones', () => {
		const sim = boot('itsossia');
		sim.runUntil(sec(2));
		for (let i = 0; i < 40; i++) cmd(sim, 'ITSOSSI2', 'vmrelocate move itsolnx2 to itsossi9');
		const shown = relocationsShown(sim.state);
		const tracker = new HistoryTracker();
		// Stand-in records, each about 5 KB, as a relocation with many passes would have.
		const big = { ...shown[0]! };
		const many = Array.from({ length: 60 }, (_, i) => ({
			n: i + 1,
			pages: 123_456,
			startMs: i * 1000.5,
			endMs: i * 1000.5 + 900.25,
			quiesced: false
		}));
		const rels = shown.map((r) => ({ ...big, ...r, passes: many }));
		let held: ReadonlyMap<number, RelocationHistory> = new Map();
		const sizes: number[] = [];
		for (let i = 0; i < 10; i++) {
			const u = tracker.update(sim.state, rels);
			if (!u) break;
			sizes.push(JSON.stringify(u).length);
			held = mergeHistories(held, u, rels);
		}
		expect(sizes.length).toBeGreaterThan(1);
		for (const s of sizes) expect(s).toBeLessThanOrEqual(HISTORY_BUDGET_CHARS + 200);
		expect([...held.keys()]).toEqual(rels.map((r) => r.id));
		expect(tracker.pending).toBe(false);
	});

	it('are merged by the page, which drops those of relocations no longer shown', () => {
		const h = (id: number, startedAt = 0): RelocationHistory => ({
			id,
			startedAt,
			endedAt: null,
			phases: [],
			passes: [],
			dirtyAfterPass: [],
			transfer: null
		});
		const held = mergeHistories(new Map(), { reset: true, relocations: [h(1), h(2)] }, [
			{ id: 1 },
			{ id: 2 }
		]);
		// Nothing new: the same map, so that charts keep their inputs.
		expect(mergeHistories(held, null, [{ id: 1 }, { id: 2 }])).toBe(held);
		expect(mergeHistories(held, { reset: false, relocations: [] }, [{ id: 1 }, { id: 2 }])).toBe(
			held
		);
		const next = mergeHistories(held, { reset: false, relocations: [h(2, 5)] }, [
			{ id: 1 },
			{ id: 2 }
		]);
		expect(next).not.toBe(held);
		expect(next.get(1)).toBe(held.get(1));
		expect(next.get(2)?.startedAt).toBe(5);
		expect([...mergeHistories(next, null, [{ id: 2 }]).keys()]).toEqual([2]);
		expect([
			...mergeHistories(next, { reset: true, relocations: [h(3)] }, [{ id: 3 }]).keys()
		]).toEqual([3]);
	});

	it('ride on the host’s frames within 64 KiB, reset by a seek, as the page merges them', () => {
		const h = harness();
		playMove(h, 100);
		let views: SimView[] = [];
		for (let i = 0; i < 2_000; i++) {
			h.advance(FRAME_MS);
			views = h.frames().map((f) => f.frame.view);
			if (views.at(-1)?.relocations[0]?.outcome === 'relocated') break;
		}
		h.send({ type: 'pause' });
		h.advance(FRAME_MS * 2);
		let held: ReadonlyMap<number, RelocationHistory> = new Map();
		for (const f of h.frames()) {
			expect(frameBytes(f.frame.view, f.frame.pageMap ?? null)).toBeLessThanOrEqual(
				FRAME_BUDGET_BYTES
			);
			held = mergeHistories(held, f.frame.view.histories, f.frame.view.relocations);
		}
		// Most frames carry no record: one goes at each boundary.
		const carrying = h.frames().filter((f) => f.frame.view.histories !== null);
		expect(carrying.length).toBeLessThan(h.frames().length / 2);
		const end = held.get(1)!;
		expect(end.phases.at(-1)?.phase).toBe('Relocated');
		expect(end.passes.map((p) => p.pages)).toEqual(
			views.at(-1)!.relocations[0]!.passes.map((p) => p.pages)
		);

		// A seek back into the transfer: the next frame's records replace the page's.
		const mark = h.frames().length;
		h.send({ type: 'seek', t: end.phases.find((p) => p.phase === 'MovingMemory')!.t + 1000 });
		h.advance(FRAME_MS);
		const after = h
			.frames()
			.slice(mark)
			.find((f) => f.frame.view.histories)!.frame.view;
		expect(after.histories!.reset).toBe(true);
		held = mergeHistories(held, after.histories, after.relocations);
		expect(held.get(1)).toMatchObject({ endedAt: null });
		expect(held.get(1)!.phases.at(-1)?.phase).toBe('MovingMemory');
	});
});

describe('the report request', () => {
	it('is a request of its own, without fields', () => {
		expect(parseRequest({ id: 3, type: 'report' })).toEqual({
			ok: true,
			request: { id: 3, type: 'report' }
		});
	});

	it('gives the whole run to the time shown, with its phases, and the recording that replays it', () => {
		const h = harness();
		expect(h.send({ type: 'report' })).toMatchObject({
			type: 'error',
			message: expect.stringMatching(/no scenario is loaded/)
		});
		h.send({ type: 'load', scenario: 'itsossia' });
		h.send({ type: 'runFor', ms: 2_000 });
		h.send({ type: 'apply', input: MOVE_ITSOLNX1 });
		h.send({ type: 'runFor', ms: 120_000 });
		// More log entries than a frame's tail holds.
		for (let i = 0; i < LOG_TAIL; i++)
			h.send({ type: 'apply', input: { kind: 'command', on: 'ITSOSSI3', text: 'q ssi' } });
		const reply = h.send({ type: 'report' });
		if (reply.type !== 'ok' || reply.of !== 'report') throw new Error(JSON.stringify(reply));
		expect(reply.t).toBe(122_000);
		expect(reply.inputs[0]).toEqual({
			at: 2_000,
			input: { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate move itsolnx1 to itsossi2' }
		});
		expect(reply.inputs).toHaveLength(1 + LOG_TAIL);
		const r = reply.report;
		expect(r).toMatchObject({ scenario: 'itsossia', untilMs: 122_000, seed: reply.seed });
		expect(r.relocations[0]).toMatchObject({ id: 1, user: 'ITSOLNX1', outcome: 'relocated' });
		expect(r.relocations[0]!.phases.map((p) => p.phase)).toContain('FinalMemCopy');
		// The whole log, not a tail.
		expect(r.log.length).toBeGreaterThan(LOG_TAIL);
		expect(r.log[0]!.kind).toBe('sim.start');
	});
});
