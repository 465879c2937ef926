import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import type { Fault } from '$lib/core/sim/events';
import type { Simulation } from '$lib/core/simulation';
import { boot, cmd, relocation, runToEnd, runToPhase, sec, transcript, whereIs } from './helpers';

const guests = guestsOf;
const LINK = 'GDLLCPX3-GDLMCPX4';

/** gdl with LGRLIN21 busy enough that its relocation lasts several seconds. */
const busy = (workload = 'muncher') =>
	boot('gdl', (j) => {
		j.script = [];
		guests(j)[0]!.workload = workload;
	});

const fault = (sim: Simulation, f: Fault) => sim.apply({ kind: 'fault', fault: f });

const terminated = (reason: string) => [
	'Relocation of user LGRLIN21 from GDLMCPX4 to GDLLCPX3 did not complete. Guest has not been moved',
	'HCPRLH1939E Relocation of LGRLIN21 to GDLLCPX3 is terminated for the following reason(s):',
	`LGRLIN21: ${reason}`
];

describe('the destination or the link lost mid-flight: terminated at once, the guest stays on the source', () => {
	it('the destination abends during Moving Memory', () => {
		const sim = busy();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3');
		runToPhase(sim, 1, 'MovingMemory');
		sim.runUntil(sim.now + sec(1));
		fault(sim, { kind: 'member.abend', member: 'GDLLCPX3' });
		const rel = relocation(sim, 1);
		expect(rel).toMatchObject({ outcome: 'terminated', phase: 'Terminated', endedAt: sim.now });
		expect(transcript(sim, 'GDLMCPX4').slice(2)).toEqual([
			...terminated('Destination GDLLCPX3 is not a joined member of the SSI cluster (it is Down)'),
			'Ready(01939); T=0.01/0.01 04:32:01'
		]);
		sim.runUntil(sim.now + sec(60));
		expect(whereIs(sim, 'LGRLIN21')).toEqual(['GDLMCPX4']);
		expect(sim.state.queue.some((q) => q.event.type === 'relocation.tick')).toBe(false);
	});

	it('the destination abends while the guest is quiesced (Moving Guest): it resumes on the source', () => {
		const sim = busy();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sim, 1, 'MovingGuest');
		sim.runUntil(sim.now + 500);
		fault(sim, { kind: 'member.abend', member: 'GDLLCPX3' });
		expect(relocation(sim, 1)).toMatchObject({ outcome: 'terminated', phase: 'Terminated' });
		expect(relocation(sim, 1).quiesceMs).toBeGreaterThan(0);
		expect(whereIs(sim, 'LGRLIN21')).toEqual(['GDLMCPX4']);
	});

	it('the destination shuts down (Leaving) during Moving Memory', () => {
		const sim = busy();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sim, 1, 'MovingMemory');
		sim.apply({ kind: 'shutdown', member: 'GDLLCPX3' });
		// Every reason at once, as CP lists them: the member leaving also puts the cluster in Influx.
		expect(relocation(sim, 1).messages.slice(1)).toEqual([
			...terminated(
				'Destination GDLLCPX3 is not a joined member of the SSI cluster (it is Leaving)'
			),
			'LGRLIN21: The SSI cluster is in INFLUX mode: cross-system functions are suspended while members join or leave'
		]);
	});

	it('the ISFC link is severed', () => {
		const sim = busy();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sim, 1, 'MovingMemory');
		sim.runUntil(sim.now + 1_234);
		fault(sim, { kind: 'link.sever', link: LINK });
		const rel = relocation(sim, 1);
		expect(rel.outcome).toBe('terminated');
		expect(rel.messages.slice(1)).toEqual(
			terminated('Destination GDLLCPX3 cannot be reached from GDLMCPX4 over ISFC')
		);
		expect(rel.pagesSent).toBeGreaterThan(0);
		expect(whereIs(sim, 'LGRLIN21')).toEqual(['GDLMCPX4']);
	});

	it('the source abends: the guest is lost with it, and the relocation is terminated', () => {
		const sim = busy();
		cmd(sim, 'GDLLCPX3', 'at gdlmcpx4 cmd vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sim, 1, 'MovingMemory');
		fault(sim, { kind: 'member.abend', member: 'GDLMCPX4' });
		const rel = relocation(sim, 1);
		expect(rel.outcome).toBe('terminated');
		expect(rel.messages).toContain(
			'HCPRLH1939E Relocation of LGRLIN21 to GDLLCPX3 is terminated for the following reason(s):'
		);
		expect(whereIs(sim, 'LGRLIN21')).toEqual([]);
	});

	it('after the final pass it cannot be undone: the source going down no longer matters, the destination takes the guest with it', () => {
		const sourceDies = busy('web');
		cmd(sourceDies, 'GDLLCPX3', 'at gdlmcpx4 cmd vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sourceDies, 1, 'CleaningUp');
		fault(sourceDies, { kind: 'member.abend', member: 'GDLMCPX4' });
		expect(runToEnd(sourceDies, 1).outcome).toBe('relocated');
		expect(whereIs(sourceDies, 'LGRLIN21')).toEqual(['GDLLCPX3']);

		const destDies = busy('web');
		cmd(destDies, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(destDies, 1, 'Resuming');
		fault(destDies, { kind: 'member.abend', member: 'GDLLCPX3' });
		const rel = runToEnd(destDies, 1);
		expect(rel.outcome).toBe('relocated');
		expect(whereIs(destDies, 'LGRLIN21')).toEqual([]);
		expect(destDies.state.log).toContainEqual(
			expect.objectContaining({
				kind: 'guest.logoff',
				user: 'LGRLIN21',
				on: 'GDLLCPX3',
				reason: 'member abend'
			})
		);
		// It never ran there: no relocated message, no Linux console lines.
		expect(rel.messages).toEqual(['Relocation of LGRLIN21 from GDLMCPX4 to GDLLCPX3 started']);
	});

	it('a guest that becomes ineligible is terminated at the next phase boundary (SET VMRELOCATE OFF)', () => {
		const sim = busy('web');
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sim, 1, 'MovingMemory');
		cmd(sim, 'GDLMCPX4', 'set vmrelocate lgrlin21 off');
		const at = sim.now;
		// Nothing happens until the boundary: the check runs when pre-copy ends.
		expect(relocation(sim, 1).outcome).toBeNull();
		const rel = runToEnd(sim, 1);
		expect(rel.outcome).toBe('terminated');
		expect(rel.endedAt).toBeGreaterThan(at);
		expect(rel.messages[2]).toBe(
			'HCPRLH1939E Relocation of LGRLIN21 to GDLLCPX3 is terminated for the following reason(s):'
		);
		expect(rel.messages.length).toBe(4);
		expect(whereIs(sim, 'LGRLIN21')).toEqual(['GDLMCPX4']);
	});
});

describe('link capacity during a relocation (000 §3.2.1: "ISFC setup"; 001: more CHPIDs, faster relocation)', () => {
	const moveWith = (faults: (sim: Simulation) => void) => {
		const sim = busy('web');
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sim, 1, 'MovingMemory');
		sim.runUntil(sim.now + 500);
		faults(sim);
		return runToEnd(sim, 1);
	};

	it('a failed CHPID slows the transfer from the next slice on; the relocation still completes', () => {
		const healthy = moveWith(() => {});
		const degraded = moveWith((sim) => fault(sim, { kind: 'chpid.fail', link: LINK, chpid: '40' }));
		expect(degraded.outcome).toBe('relocated');
		// 16 CTCs (14 written) give 1,400 MB/s; 12 on three CHPIDs (10 written) give 1,000.
		expect(healthy.engine!.bandwidth.map(([, mbps]) => mbps)).toEqual([1400]);
		expect(degraded.engine!.bandwidth.map(([, mbps]) => mbps)).toEqual([1400, 1000]);
		expect(degraded.endedAt! - degraded.startedAt).toBeGreaterThan(
			healthy.endedAt! - healthy.startedAt
		);
	});

	it('failed CTCs one at a time, then repaired: the bandwidth follows each change', () => {
		const rel = moveWith((sim) => {
			for (const ctc of [0, 1, 2]) fault(sim, { kind: 'ctc.fail', link: LINK, chpid: '40', ctc });
			sim.runUntil(sim.now + 300);
			fault(sim, { kind: 'ctc.repair', link: LINK, chpid: '40', ctc: 0 });
		});
		expect(rel.outcome).toBe('relocated');
		expect(rel.engine!.bandwidth.map(([, mbps]) => mbps)).toEqual([1400, 1300, 1200, 1100, 1200]);
	});
});

describe('concurrent ASYNCHRONOUS relocations share the ISFC link (000 §3.6.1: they "compete with each other")', () => {
	/** ITSOSSIB: LNXSU11 and LNXSU12 on ITSOSSI5, a 700 MB/s link to ITSOSSI6. */
	const pair = () =>
		boot('itsossib', (j) => {
			j.script = [];
			j.guests = [
				{ user: 'LNXSU11', on: 'ITSOSSI5', workload: 'web' },
				{ user: 'LNXSU12', on: 'ITSOSSI5', workload: 'web' }
			];
		});
	const took = (sim: Simulation, id: number) => {
		const r = runToEnd(sim, id);
		expect(r.outcome).toBe('relocated');
		return r.endedAt! - r.startedAt;
	};

	it('two at once each take longer than one alone, and get half the link each', () => {
		const alone = pair();
		cmd(alone, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		const aloneMs = took(alone, 1);

		const both = pair();
		cmd(both, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		cmd(both, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6 async');
		const firstMs = took(both, 1);
		const secondMs = took(both, 2);
		expect(firstMs).toBeGreaterThan(aloneMs * 1.5);
		expect(secondMs).toBeGreaterThan(aloneMs * 1.5);
		// The first starts alone and shares from the second's start; the second gets the whole
		// link back when the first is done.
		expect(relocation(both, 1).engine!.bandwidth.map(([, mbps]) => mbps)).toEqual([700, 350]);
		expect(relocation(both, 2).engine!.bandwidth.map(([, mbps]) => mbps)).toEqual([350, 700]);
		expect(relocation(alone, 1).engine!.bandwidth.map(([, mbps]) => mbps)).toEqual([700]);
		// Both are in STATUS while they run; both guests end up on ITSOSSI6.
		expect(whereIs(both, 'LNXSU11')).toEqual(['ITSOSSI6']);
		expect(whereIs(both, 'LNXSU12')).toEqual(['ITSOSSI6']);
	});

	it('STATUS lists both while they run', () => {
		const sim = pair();
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async', 'MAINT');
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6 async', 'MAINT');
		sim.runUntil(sim.now + sec(1));
		const lines = cmd(sim, 'ITSOSSI6', 'vmrelocate status').lines;
		expect(lines.slice(1, 3)).toEqual([
			'LNXSU11  ITSOSSI5 ITSOSSI6 MAINT    Moving Memory  00:00:01',
			'LNXSU12  ITSOSSI5 ITSOSSI6 MAINT    Moving Memory  00:00:01'
		]);
	});

	it('relocations the other way over the same link do not share a direction', () => {
		const sim = boot('itsossib', (j) => {
			j.script = [];
			j.guests = [
				{ user: 'LNXSU11', on: 'ITSOSSI5', workload: 'web' },
				{ user: 'LNXRH65', on: 'ITSOSSI6', workload: 'web' }
			];
		});
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async');
		cmd(sim, 'ITSOSSI6', 'vmrelocate move lnxrh65 itsossi5 async');
		runToEnd(sim, 1);
		runToEnd(sim, 2);
		expect(relocation(sim, 1).engine!.bandwidth.map(([, m]) => m)).toEqual([700]);
		expect(relocation(sim, 2).engine!.bandwidth.map(([, m]) => m)).toEqual([700]);
	});
});
