// The bandwidth actually in use on each ISFC link, which the topology animates (issue 4,
// "Topology": "traffic animates along the links at a rate proportional to the bandwidth
// actually used, so a four-CHPID link visibly carries more than a one-CHPID link, and a
// failed CTC visibly stops"): per link and direction from the engines' sharing, and per CTC.
import { describe, expect, it } from 'vitest';
import { ctcTraffic, linkFlows } from '$lib/core/model/lgr/traffic';
import { buildLink, ctcShares, linkCapacityMBps } from '$lib/core/model/link';
import type { Simulation } from '$lib/core/simulation';
import { buildView } from '$lib/worker/view';
import { boot, cmd, runToEnd, runToPhase, sec } from '../lgr/helpers';

const sum = (xs: number[][]) => xs.flat().reduce((a, b) => a + b, 0);

describe('ctcShares: what each device carries at full capacity', () => {
	it('adds up to the link capacity in every shape, failures included', () => {
		for (const [chpids, ctcs] of [
			[1, 1],
			[1, 4],
			[2, 8],
			[4, 16],
			[3, 7],
			[1, 16],
			[4, 4]
		] as const) {
			const link = buildLink('A', 'B', chpids, ctcs);
			expect(sum(ctcShares(link))).toBeCloseTo(linkCapacityMBps(link), 9);
			link.chpids[0]!.ctcs[0]!.failed = true;
			expect(sum(ctcShares(link))).toBeCloseTo(linkCapacityMBps(link), 9);
			link.chpids.at(-1)!.failed = true;
			expect(sum(ctcShares(link))).toBeCloseTo(linkCapacityMBps(link), 9);
		}
	});

	it('a failed device, a failed CHPID and a cut link carry nothing; one device per side is left unwritten', () => {
		const link = buildLink('A', 'B', 2, 8);
		// 8 devices, 7 written (N-1 of 2-8): the unwritten one comes off the fullest CHPID.
		expect(ctcShares(link)).toEqual([
			[100, 100, 100, 0],
			[100, 100, 100, 100]
		]);
		link.chpids[1]!.ctcs[2]!.failed = true;
		// 7 working, 6 written: 3 on each CHPID.
		expect(ctcShares(link)).toEqual([
			[100, 100, 100, 0],
			[100, 100, 0, 100]
		]);
		link.chpids[0]!.failed = true;
		expect(ctcShares(link)[0]).toEqual([0, 0, 0, 0]);
		link.severed = true;
		expect(sum(ctcShares(link))).toBe(0);
	});

	it('more than four devices on a CHPID share its 400 MB/s', () => {
		const link = buildLink('A', 'B', 1, 9);
		// 9 devices, 7 written, capped at one CHPID's 400 MB/s.
		const shares = ctcShares(link)[0]!;
		expect(shares.filter((s) => s > 0)).toHaveLength(7);
		expect(shares[0]).toBeCloseTo(400 / 7, 9);
	});
});

/** ITSOSSIB with its link reshaped, LNXSU11 a busy guest, and its move under way. */
function moving(chpids: number, ctcs: number): Simulation {
	const sim = boot('itsossib', (j) => {
		const link = (j.cluster as { links: Record<string, unknown>[] }).links[0]!;
		link.chpids = chpids;
		link.ctcs = ctcs;
		j.guests = [{ user: 'LNXSU11', on: 'ITSOSSI5', workload: 'web' }];
		j.script = [];
	});
	sim.runUntil(sec(2));
	cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
	const rel = runToPhase(sim, 1, 'MovingMemory');
	sim.runUntil(rel.engine!.startMs + 150);
	return sim;
}

const flowsOf = (sim: Simulation) => linkFlows(sim.state).get('ITSOSSI5-ITSOSSI6') ?? [];

describe('linkFlows: the memory moving over each link', () => {
	it('a four-CHPID link carries more than a one-CHPID link', () => {
		const four = flowsOf(moving(4, 16));
		const one = flowsOf(moving(1, 4));
		expect(four).toEqual([{ from: 'ITSOSSI5', to: 'ITSOSSI6', mbps: 1400, transfers: 1 }]);
		expect(one).toEqual([{ from: 'ITSOSSI5', to: 'ITSOSSI6', mbps: 300, transfers: 1 }]);
	});

	it('nothing moves before memory does or after the relocation', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(2));
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		// Creating the skeleton: no memory yet.
		expect(flowsOf(sim)).toEqual([]);
		runToEnd(sim, 1);
		expect(flowsOf(sim)).toEqual([]);
	});

	it('two moves the same way share the link; opposite ways each get the whole of their direction', () => {
		const sim = boot('itsossib', (j) => {
			j.guests = [
				{ user: 'LNXSU11', on: 'ITSOSSI5', workload: 'web' },
				{ user: 'LNXSU12', on: 'ITSOSSI5', workload: 'web' },
				{ user: 'LNXRH65', on: 'ITSOSSI6', workload: 'web' }
			];
			j.script = [];
		});
		sim.runUntil(sec(2));
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6 async');
		cmd(sim, 'ITSOSSI6', 'vmrelocate move lnxrh65 itsossi5 async');
		sim.runUntil(sec(2.75));
		expect(flowsOf(sim)).toEqual([
			{ from: 'ITSOSSI5', to: 'ITSOSSI6', mbps: 700, transfers: 2 },
			{ from: 'ITSOSSI6', to: 'ITSOSSI5', mbps: 700, transfers: 1 }
		]);
	});

	it('a failed CTC stops carrying from the next slice, and the flow drops with the capacity', () => {
		const sim = moving(2, 8);
		const link = sim.state.cluster.links[0]!;
		expect(ctcTraffic(link, flowsOf(sim))).toEqual([
			[100, 100, 100, 0],
			[100, 100, 100, 100]
		]);
		sim.apply({
			kind: 'fault',
			fault: { kind: 'ctc.fail', link: link.id, chpid: '50', ctc: 0 }
		});
		sim.runUntil(sim.now + 101);
		expect(flowsOf(sim)[0]!.mbps).toBe(600);
		expect(ctcTraffic(link, flowsOf(sim))[1]![0]).toBe(0);
		expect(sum(ctcTraffic(link, flowsOf(sim)))).toBeCloseTo(600, 9);
	});

	it('the frame carries it: per link, per direction, per CHPID and per CTC', () => {
		const sim = moving(4, 16);
		const view = buildView(
			sim,
			{ frame: 1, generation: 1, title: '', source: '', playing: false, speed: 1 },
			null
		);
		const l = view.links[0]!;
		expect(l.flows).toEqual([{ from: 'ITSOSSI5', to: 'ITSOSSI6', mbps: 1400, transfers: 1 }]);
		expect(l.inUseMBps).toBe(1400);
		// 14 of 16 written: the unwritten two come off the first CHPIDs (all equally full).
		expect(l.chpids.map((c) => c.inUseMBps)).toEqual([300, 300, 400, 400]);
		expect(l.chpids[0]!.ctcs.map((c) => c.inUseMBps)).toEqual([100, 100, 100, 0]);
	});
});
