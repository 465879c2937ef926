import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS } from '$lib/core/scenarios/index';
import { builtin, simOf } from '../helpers';

// `bench-three` is the load the UI benchmark (tests/bench/ui.ts) drives the lab with: it is only
// useful if its three relocations, one of a 256 GiB guest, really start together and overlap.
const GiB = 1024 ** 3;
const MOVES = [
	{ user: 'LNXDB01', from: 'ITSOSSI1', to: 'ITSOSSI3', size: 256 * GiB },
	{ user: 'LNXSAP01', from: 'ITSOSSI2', to: 'ITSOSSI4', size: 96 * GiB },
	{ user: 'LNXWEB01', from: 'ITSOSSI4', to: 'ITSOSSI1', size: 32 * GiB }
];

describe('the bench-three scenario', () => {
	it('is a four-member built-in whose guests pass VMRELOCATE TEST', () => {
		expect(BUILTIN_IDS).toContain('bench-three');
		const spec = builtin('bench-three');
		expect(spec.cluster.members.map((m) => m.name)).toEqual([
			'ITSOSSI1',
			'ITSOSSI2',
			'ITSOSSI3',
			'ITSOSSI4'
		]);
		const sim = simOf('bench-three');
		sim.runUntil(5_000);
		for (const m of MOVES) {
			const g = sim.state.cluster.guests.find((x) => x.user === m.user)!;
			expect(g.on).toBe(m.from);
			expect(g.storage.currentBytes).toBe(m.size);
			const r = sim.apply({
				kind: 'command',
				on: m.from,
				user: 'MAINT',
				text: `vmrelocate test ${m.user} ${m.to}`
			});
			expect(r.lines[0]).toBe(`User ${m.user} is eligible for relocation to ${m.to}`);
		}
	});

	it('starts the three relocations asynchronously at one instant, and they run concurrently to completion', () => {
		const sim = simOf('bench-three');
		sim.runUntil(10_000);
		const rels = sim.state.relocations;
		expect(rels.map((r) => [r.user, r.from, r.to])).toEqual(
			MOVES.map((m) => [m.user, m.from, m.to])
		);
		for (const r of rels) {
			expect(r.startedAt).toBe(10_000);
			expect(r.options.synchronous).toBe(false);
		}
		// A minute later all three are still moving memory, each over its own link.
		sim.runUntil(70_000);
		expect(sim.state.relocations.map((r) => r.outcome)).toEqual([null, null, null]);
		expect(sim.state.relocations.every((r) => r.pagesSent > 0)).toBe(true);
		// The 256 GiB guest finishes last, well within the 3,000 simulated seconds of the bench.
		sim.runUntil(3_000_000);
		const done = sim.state.relocations;
		expect(done.map((r) => r.outcome)).toEqual(['relocated', 'relocated', 'relocated']);
		const db = done[0]!;
		expect(Math.max(...done.map((r) => r.endedAt!))).toBe(db.endedAt);
		expect(db.passes.length).toBeGreaterThan(1);
		for (const m of MOVES) {
			expect(sim.state.cluster.guests.find((g) => g.user === m.user)!.on).toBe(m.to);
		}
	});
});
