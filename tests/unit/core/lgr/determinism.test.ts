import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/core/config/scenario';
import type { ScenarioSpec } from '$lib/core/config/scenario-types';
import { buildInitialState } from '$lib/core/model/build';
import { engineOf } from '$lib/core/model/lgr/relocation-engine';
import { runReport } from '$lib/core/report';
import { builtinJson } from '$lib/core/scenarios/index';
import { Simulation, replay } from '$lib/core/simulation';
import { builtin } from '../../helpers';
import { cmd, relocation, type Json } from './helpers';

/**
 * ITSOSSIB with two busy guests relocating at once over the same link, a CTC failing and being
 * repaired under them, a STATUS in the middle and a third relocation back: every mechanism that
 * feeds an engine, all scripted so that a run is a function of the scenario and the seed.
 */
function busyScenario(): ScenarioSpec {
	const j = structuredClone(builtinJson('itsossib')) as Json;
	j.guests = [
		{ user: 'LNXSU11', on: 'ITSOSSI5', workload: 'database', resident: '3G' },
		{ user: 'LNXSU12', on: 'ITSOSSI5', workload: 'java-gc' }
	];
	const link = 'ITSOSSI5-ITSOSSI6';
	j.script = [
		{ at: '2s', on: 'ITSOSSI5', command: 'vmrelocate move lnxsu11 itsossi6 async' },
		{ at: '2s', on: 'ITSOSSI5', command: 'vmrelocate move lnxsu12 itsossi6 async maxq 20' },
		{ at: '3.333s', fault: { kind: 'ctc.fail', link, chpid: '40', ctc: 1 } },
		{ at: '5.5s', on: 'ITSOSSI6', command: 'vmrelocate status details' },
		{ at: '7.05s', fault: { kind: 'ctc.repair', link, chpid: '40', ctc: 1 } },
		{ at: '40s', on: 'ITSOSSI6', command: 'vmrelocate move lnxsu11 itsossi5 async immediate' }
	];
	const r = validateScenario(j);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

const END = 70_000;

describe('determinism: the same scenario and seed give the same relocations, byte for byte', () => {
	it('identical reports for identical seeds (built-in and busy scenarios)', () => {
		for (const spec of [builtin('gdl'), builtin('a17-maxquiesce'), busyScenario()]) {
			const a = JSON.stringify(runReport(spec, { untilMs: END }));
			const b = JSON.stringify(runReport(spec, { untilMs: END }));
			expect(a).toBe(b);
		}
		const report = runReport(busyScenario(), { untilMs: END });
		expect(report.relocations.map((r) => r.outcome)).toEqual([
			'relocated',
			'relocated',
			'relocated'
		]);
	});

	it('another seed gives other workload writes (the seed reaches the engine)', () => {
		const spec = busyScenario();
		const a = runReport(spec, { untilMs: END, seed: 1 });
		const b = runReport(spec, { untilMs: END, seed: 2 });
		expect(a.relocations[0]!.passes.map((p) => p.pages)).not.toEqual(
			b.relocations[0]!.passes.map((p) => p.pages)
		);
	});
});

describe('snapshot and restore in the middle of a relocation', () => {
	const fresh = () => new Simulation(buildInitialState(busyScenario()));
	const reference = (() => {
		const sim = fresh();
		sim.runUntil(END);
		return sim.snapshot();
	})();

	// Cut points: before the moves, in the skeleton, mid-pass off the engine grid, right after the
	// CTC failure, at the STATUS, while quiesced, between relocations, during the third.
	for (const cut of [1_000, 2_050, 2_777, 3_333, 5_500, 7_777, 12_345, 25_000, 40_150, 41_234]) {
		it(`restored at ${cut} ms goes on exactly as the uninterrupted run`, () => {
			const sim = fresh();
			sim.runUntil(cut);
			const restored = Simulation.restore(sim.snapshot());
			restored.runUntil(END);
			expect(restored.snapshot()).toBe(reference);
		});
	}

	it('a restored engine is the original, page for page (rebuilt on first use by replay)', () => {
		const sim = fresh();
		sim.runUntil(4_321);
		const restored = Simulation.restore(sim.snapshot());
		for (const id of [1, 2]) {
			const original = engineOf(sim.state, relocation(sim, id))!;
			const rebuilt = engineOf(restored.state, relocation(restored, id))!;
			expect(rebuilt).not.toBe(original);
			expect(rebuilt.status()).toEqual(original.status());
			expect(rebuilt.report()).toEqual(original.report());
			expect(rebuilt.map.counts()).toEqual(original.map.counts());
			expect(rebuilt.map.states).toEqual(original.map.states);
			expect(rebuilt.map.dirty).toEqual(original.map.dirty);
		}
	});

	it('a command right after a restore (STATUS rebuilds the engine) and the run goes on identically', () => {
		const a = fresh();
		a.runUntil(6_000);
		const b = Simulation.restore(a.snapshot());
		const ra = cmd(a, 'ITSOSSI5', 'vmrelocate status details');
		const rb = cmd(b, 'ITSOSSI5', 'vmrelocate status details');
		expect(rb.lines).toEqual(ra.lines);
		cmd(a, 'ITSOSSI5', 'vmrelocate cancel lnxsu12');
		cmd(b, 'ITSOSSI5', 'vmrelocate cancel lnxsu12');
		a.runUntil(END);
		b.runUntil(END);
		expect(b.snapshot()).toBe(a.snapshot());
		expect(relocation(b, 2).outcome).toBe('cancelled');
	});

	it('replaying the recorded inputs reproduces the run (step-back and scrub)', () => {
		const live = fresh();
		const initial = JSON.parse(live.snapshot()) as typeof live.state;
		live.runUntil(3_000);
		cmd(live, 'ITSOSSI5', 'vmrelocate cancel lnxsu12');
		live.runUntil(END);
		const again = replay(initial, live.state.inputs, END);
		expect(again.snapshot()).toBe(live.snapshot());
	});
});
