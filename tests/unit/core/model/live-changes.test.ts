// Changing a guest's workload and a link's CTC count while the simulation runs (issue 4,
// "Interaction": "change a guest's workload or a link's CTC count while it runs"): the two
// inputs apply, refuse bad requests with a reason logged as input.rejected, take effect in a
// relocation under way from its engine's next slice, and replay byte for byte.
import { describe, expect, it } from 'vitest';
import { engineOf } from '$lib/core/model/lgr/relocation-engine';
import { linkCapacityMBps } from '$lib/core/model/link';
import { Simulation, replay } from '$lib/core/simulation';
import type { LogEntry, SimInput } from '$lib/core/sim/events';
import { boot, cmd, lastRelocation, runToEnd, runToPhase, sec } from '../lgr/helpers';

const LINK = 'ITSOSSI5-ITSOSSI6';

/** ITSOSSIB, running, with LNXSU11 its 4 GiB all resident, so relocations take a few seconds. */
function cluster(workload = 'idle'): Simulation {
	const sim = boot('itsossib', (j) => {
		j.guests = [
			{ user: 'LNXSU11', on: 'ITSOSSI5', workload },
			{ user: 'LNXSU12', on: 'ITSOSSI5' },
			{ user: 'LNXRH65', on: 'ITSOSSI6' }
		];
		j.script = [];
	});
	sim.runUntil(sec(2));
	return sim;
}

function logOf<K extends LogEntry['kind']>(sim: Simulation, kind: K) {
	return sim.state.log.filter((e): e is Extract<LogEntry, { kind: K }> => e.kind === kind);
}

const workload = (user: string, on: string, w: string): SimInput =>
	({ kind: 'guest.workload', user, on, workload: w }) as SimInput;
const ctcs = (chpid: string, n: number, link = LINK): SimInput => ({
	kind: 'link.ctcs',
	link,
	chpid,
	ctcs: n
});

describe('guest.workload', () => {
	it("changes the guest's workload and logs it", () => {
		const sim = cluster();
		const r = sim.apply(workload('lnxsu11', 'itsossi5', 'database'));
		expect(r).toEqual({ ok: true, lines: [], rc: 0 });
		expect(sim.state.cluster.guests.find((g) => g.user === 'LNXSU11')!.workload).toBe('database');
		expect(logOf(sim, 'guest.workload')).toEqual([
			{
				t: sec(2),
				kind: 'guest.workload',
				user: 'LNXSU11',
				on: 'ITSOSSI5',
				from: 'idle',
				to: 'database'
			}
		]);
		expect(sim.state.inputs.at(-1)!.input.kind).toBe('guest.workload');
	});

	it('refuses, naming why, and logs the refusal as input.rejected', () => {
		const sim = cluster();
		const cases: [SimInput, string][] = [
			[workload('NOSUCH', 'ITSOSSI5', 'web'), 'no guest NOSUCH is logged on to ITSOSSI5'],
			[workload('LNXSU11', 'ITSOSSI6', 'web'), 'no guest LNXSU11 is logged on to ITSOSSI6'],
			[
				workload('LNXSU11', 'ITSOSSI5', 'idle'),
				'LNXSU11 on ITSOSSI5 already runs the idle workload'
			],
			[
				workload('LNXSU11', 'ITSOSSI5', 'bitcoin'),
				'"bitcoin" is not a workload preset (idle, web, database, java-gc, sap, muncher)'
			]
		];
		for (const [input, reason] of cases) {
			const r = sim.apply(input);
			expect(r.ok).toBe(false);
			expect(r.lines).toEqual([reason]);
			expect(sim.state.log.at(-1)).toEqual({ t: sec(2), kind: 'input.rejected', input, reason });
		}
		expect(sim.state.cluster.guests.find((g) => g.user === 'LNXSU11')!.workload).toBe('idle');
	});

	it('a relocation under way follows the new workload from its next engine slice', () => {
		const sim = cluster('idle');
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		const rel = runToPhase(sim, 1, 'MovingMemory');
		sim.runUntil(rel.engine!.startMs + 250);
		const engine = engineOf(sim.state, rel)!;
		expect(engine.workload.spec.name).toBe('idle');
		sim.apply(workload('LNXSU11', 'ITSOSSI5', 'muncher'));
		expect(rel.engine!.workloads).toEqual([
			[sim.now, expect.objectContaining({ name: 'muncher' })]
		]);
		// Within the current slice (it started at +200) the engine still writes as before ...
		sim.runUntil(rel.engine!.startMs + 299);
		expect(engineOf(sim.state, rel)!.workload.spec.name).toBe('idle');
		// ... and from the next one on, it runs the new preset, with the guest's own resident set.
		sim.runUntil(rel.engine!.startMs + 401);
		const spec = engineOf(sim.state, rel)!.workload.spec;
		expect(spec.name).toBe('muncher');
		expect(spec.residentPages).toBe(rel.engine!.workload.residentPages);
	});

	it('a busy workload turned on mid-relocation makes it take longer than staying idle', () => {
		const run = (change: boolean) => {
			const sim = cluster('idle');
			cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async maxquiesce nolimit');
			const rel = runToPhase(sim, 1, 'MovingMemory');
			sim.runUntil(rel.engine!.startMs + 1_000);
			if (change) sim.apply(workload('LNXSU11', 'ITSOSSI5', 'database'));
			runToEnd(sim, 1);
			return rel;
		};
		const calm = run(false);
		const busy = run(true);
		expect(calm.outcome).toBe('relocated');
		expect(busy.outcome).toBe('relocated');
		expect(busy.pagesSent).toBeGreaterThan(calm.pagesSent);
		expect(busy.endedAt! - busy.startedAt).toBeGreaterThan(calm.endedAt! - calm.startedAt);
	});

	it('after the relocation, the guest keeps the workload on the destination', () => {
		const sim = cluster('idle');
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		runToPhase(sim, 1, 'MovingMemory');
		sim.apply(workload('LNXSU11', 'ITSOSSI5', 'web'));
		runToEnd(sim, 1);
		const g = sim.state.cluster.guests.find((x) => x.user === 'LNXSU11')!;
		expect(g.on).toBe('ITSOSSI6');
		expect(g.workload).toBe('web');
		expect(sim.apply(workload('LNXSU11', 'ITSOSSI6', 'sap')).ok).toBe(true);
	});
});

describe('link.ctcs', () => {
	const chpid = (sim: Simulation, id: string) =>
		sim.state.cluster.links[0]!.chpids.find((c) => c.id === id)!;

	it('adds devices after the last one, with the same number on both members, and logs the capacity', () => {
		const sim = cluster();
		// ITSOSSIB: 8 CTCs over CHPIDs 40 (4A60-4A63) and 50 (4A80-4A83); 7 written: 700 MB/s.
		expect(linkCapacityMBps(sim.state.cluster.links[0]!)).toBe(700);
		expect(sim.apply(ctcs('40', 6)).ok).toBe(true);
		expect(chpid(sim, '40').ctcs.map((c) => [c.rdevA, c.rdevB])).toEqual([
			['4A60', '4A60'],
			['4A61', '4A61'],
			['4A62', '4A62'],
			['4A63', '4A63'],
			['4A64', '4A64'],
			['4A65', '4A65']
		]);
		const [changed] = logOf(sim, 'link.ctcs');
		expect(changed).toMatchObject({
			link: LINK,
			chpid: '40',
			from: 4,
			to: 6,
			devices: ['4A64', '4A65']
		});
		// 10 devices, 8 written (N-2 of 9-16): still 400 + 400 MB/s at most per CHPID.
		expect(logOf(sim, 'link.capacity').at(-1)).toMatchObject({
			link: LINK,
			ctcs: 10,
			mbps: 800,
			reason: 'CHPID 40: 4 → 6 CTCs'
		});
	});

	it('removes devices from the end of the CHPID, failed ones too', () => {
		const sim = cluster();
		sim.apply({ kind: 'fault', fault: { kind: 'ctc.fail', link: LINK, chpid: '50', ctc: 3 } });
		expect(sim.apply(ctcs('50', 1)).ok).toBe(true);
		expect(chpid(sim, '50').ctcs).toEqual([{ rdevA: '4A80', rdevB: '4A80', failed: false }]);
		expect(logOf(sim, 'link.ctcs').at(-1)!.devices).toEqual(['4A81', '4A82', '4A83']);
		// CHPID 40 with 4 and CHPID 50 with 1: 5 devices, 4 written: 300 + 100 MB/s.
		expect(linkCapacityMBps(sim.state.cluster.links[0]!)).toBe(400);
	});

	it('refuses what the documents rule out, naming why', () => {
		const sim = cluster();
		const cases: [SimInput, string][] = [
			[
				ctcs('40', 13),
				`link ${LINK} would have 17 CTC devices; a logical link has 1-16 (001 "CTC Connections"), so CHPID 40 can have at most 12`
			],
			[ctcs('40', 0), `CHPID 40 of link ${LINK} needs at least 1 CTC device (got 0)`],
			[ctcs('40', 4), `CHPID 40 of link ${LINK} already has 4 CTC devices`],
			[ctcs('60', 2), `link ${LINK} has no CHPID 60`],
			[ctcs('40', 2, 'ITSOSSI5-NOWHERE'), 'no ISFC link named ITSOSSI5-NOWHERE']
		];
		for (const [input, reason] of cases) {
			const r = sim.apply(input);
			expect(r).toEqual({ ok: false, lines: [reason], rc: 1 });
			expect(sim.state.log.at(-1)).toMatchObject({ kind: 'input.rejected', input, reason });
		}
		expect(sim.state.cluster.links[0]!.chpids.map((c) => c.ctcs.length)).toEqual([4, 4]);
		// Up to the limit is fine: 12 + 4 = 16.
		expect(sim.apply(ctcs('40', 12)).ok).toBe(true);
	});

	it('never takes a device number already in use on a member', () => {
		const sim = boot('itsossib', (j) => {
			const link = (j.cluster as { links: Record<string, unknown>[] }).links[0]!;
			delete link.chpids;
			delete link.ctcs;
			delete link.firstRdev;
			link.devices = [
				{ chpid: '40', a: '4A60', b: '4A60' },
				{ chpid: '50', a: '4A61', b: '4A70' }
			];
		});
		const r = sim.apply(ctcs('40', 2));
		expect(r.lines).toEqual([
			`device 4A61 is already in use on ITSOSSI5: CHPID 40 of link ${LINK} cannot grow past 1 CTC devices`
		]);
		expect(sim.apply(ctcs('50', 3)).ok).toBe(true);
		expect(chpid(sim, '50').ctcs.map((c) => `${c.rdevA}/${c.rdevB}`)).toEqual([
			'4A61/4A70',
			'4A62/4A71',
			'4A63/4A72'
		]);
	});

	it("a relocation's bandwidth follows the new count from its next slice, and it ends sooner", () => {
		const run = (grow: boolean) => {
			const sim = cluster('web');
			cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
			const rel = runToPhase(sim, 1, 'MovingMemory');
			sim.runUntil(rel.engine!.startMs + 550);
			if (grow) {
				// Only one CHPID: 16 devices over 2 CHPIDs, 14 written; both CHPIDs at 400 MB/s.
				sim.apply(ctcs('40', 8));
				sim.apply(ctcs('50', 8));
				expect(rel.engine!.bandwidth.at(-1)).toEqual([sim.now, 800]);
				// The engine still runs the slice it is in at the old rate.
				expect(engineOf(sim.state, rel)!.sendingMBps()).toBe(700);
				sim.runUntil(rel.engine!.startMs + 601);
				expect(engineOf(sim.state, rel)!.sendingMBps()).toBe(800);
			}
			runToEnd(sim, 1);
			return rel;
		};
		const before = run(false);
		const after = run(true);
		expect(after.outcome).toBe('relocated');
		expect(after.endedAt!).toBeLessThan(before.endedAt!);
	});
});

describe('replay and snapshots', () => {
	/** A run with both kinds of change made in the middle of a relocation, and a refused one. */
	function live(): { sim: Simulation; initial: Simulation['state']; end: number } {
		const sim = cluster('idle');
		const initial = JSON.parse(sim.snapshot()) as Simulation['state'];
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		sim.runUntil(sec(3.25));
		sim.apply(workload('LNXSU11', 'ITSOSSI5', 'java-gc'));
		sim.runUntil(sec(3.9));
		sim.apply(ctcs('50', 2));
		sim.apply(ctcs('50', 20));
		sim.runUntil(sec(5.05));
		sim.apply(workload('LNXSU11', 'ITSOSSI5', 'database'));
		sim.apply(ctcs('50', 6));
		const end = sec(40);
		sim.runUntil(end);
		expect(lastRelocation(sim).outcome).toBe('relocated');
		return { sim, initial, end };
	}

	it('replaying the recorded inputs gives the same state, byte for byte', () => {
		const { sim, initial, end } = live();
		expect(replay(initial, sim.state.inputs, end).snapshot()).toBe(sim.snapshot());
		// Twice over, too: the run is a function of its inputs.
		expect(live().sim.snapshot()).toBe(sim.snapshot());
	});

	for (const cut of [3_300, 3_950, 4_444, 5_100, 9_000]) {
		it(`a snapshot restored at ${cut} ms goes on exactly as the uninterrupted run`, () => {
			const { sim, initial, end } = live();
			const part = replay(
				initial,
				sim.state.inputs.filter((x) => x.at <= cut),
				cut
			);
			const restored = Simulation.restore(part.snapshot());
			for (const { at, input } of sim.state.inputs.filter((x) => x.at > cut)) {
				restored.runUntil(at);
				restored.apply(input);
			}
			restored.runUntil(end);
			expect(restored.snapshot()).toBe(sim.snapshot());
		});
	}
});
