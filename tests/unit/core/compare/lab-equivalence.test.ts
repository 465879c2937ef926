// The compare mode's z/VM side gives exactly the figures the lab gives (issue 4, compare mode):
// the same guest (storage, workload, resident set), link (CHPIDs × CTCs) and VMRELOCATE options,
// moved by VMRELOCATE MOVE at simulated time 0 in the full simulation, with the engine seed the
// simulation drew. Passes (times to the bit), quiesce time, pages sent, total time and outcome.
import { describe, expect, it } from 'vitest';
import { formatSize } from '$lib/core/config/sizes';
import { PAGE_BYTES } from '$lib/core/engine/page-map';
import { relocationReport } from '$lib/core/report';
import { CompareRun } from '$lib/core/compare/compare';
import { BASE_SIDE, type SideSettings } from '$lib/core/compare/settings';
import { sideWorkload } from '$lib/core/compare/side';
import { boot, cmd, relocation, runToEnd } from '../lgr/helpers';
import { guestsOf } from '../../helpers';

interface Case {
	name: string;
	side: SideSettings;
	/** The MOVE's options as typed on the console. */
	options: string;
	outcome: 'relocated' | 'cancelled';
}

const cases: Case[] = [
	{
		name: '4G web guest, 1 CHPID × 4 CTCs, defaults',
		side: { ...BASE_SIDE },
		options: '',
		outcome: 'relocated'
	},
	{
		name: '4G database guest, 2 CHPIDs × 2 CTCs, IMMEDIATE',
		side: { ...BASE_SIDE, workload: 'database', chpids: 2, ctcsPerChpid: 2, immediate: true },
		options: 'immediate',
		outcome: 'relocated'
	},
	{
		name: '4G memory muncher, 4 CHPIDs × 4 CTCs, MAXQUIESCE 1 (000 A.1.7)',
		side: { ...BASE_SIDE, workload: 'muncher', chpids: 4, ctcsPerChpid: 4, maxQuiesce: 1 },
		options: 'maxquiesce 1',
		outcome: 'cancelled'
	},
	{
		name: '4G java-gc guest, 1 CHPID × 1 CTC, MAXTOTAL 20',
		side: { ...BASE_SIDE, workload: 'java-gc', ctcsPerChpid: 1, maxTotal: 20 },
		options: 'maxtotal 20',
		outcome: 'cancelled'
	}
];

describe('a z/VM compare side against the lab (VMRELOCATE MOVE in the full simulation)', () => {
	for (const c of cases) {
		it(c.name, () => {
			// The gdl pair with LGRLIN21, the simulator's default 4G guest, on the side's link and
			// workload, its resident set the preset's share (a side's guest touched what its preset says).
			const { spec } = sideWorkload(c.side);
			expect(c.side.memoryBytes).toBe(4 * 2 ** 30);
			const sim = boot('gdl', (j) => {
				j.script = [];
				const g = guestsOf(j)[0]!;
				g.workload = c.side.workload;
				g.resident = formatSize(spec.residentPages * PAGE_BYTES);
				const cluster = j.cluster as { links: Record<string, unknown>[] };
				cluster.links[0] = {
					between: ['GDLMCPX4', 'GDLLCPX3'],
					chpids: c.side.chpids,
					ctcs: c.side.chpids * c.side.ctcsPerChpid,
					firstRdev: '6000'
				};
			});
			expect(sim.now).toBe(0);
			cmd(sim, 'GDLMCPX4', `vmrelocate move lgrlin21 gdllcpx3 async ${c.options}`.trim());
			const rel = runToEnd(sim, 1);
			const lab = relocationReport(rel, sim.now, sim.state.log);
			expect(lab.outcome).toBe(c.outcome);

			const run = new CompareRun({ seed: relocation(sim, 1).engine!.seed, a: c.side, b: c.side });
			run.runToEnd();
			const side = run.sides.a.status();
			expect(side.outcome).toBe(c.outcome);
			expect(side.passes).toEqual(rel.passes);
			expect(side.quiesceMs).toBe(rel.quiesceMs);
			expect(side.pagesSent).toBe(rel.pagesSent);
			expect(side.endedAtMs).toBe(lab.totalMs);
			expect(side.limit).toBe(
				c.outcome === 'cancelled' ? c.options.split(' ')[0]!.toUpperCase() : null
			);
			// The phases at the same times as the lab logged them.
			const labPhases = sim.state.log.flatMap((e) =>
				e.kind === 'relocation.phase' && e.to !== 'CreatingSkeleton'
					? [{ to: e.to, atMs: e.t }]
					: []
			);
			expect(run.sides.a.phases.slice(1)).toEqual(labPhases);
		});
	}
});
