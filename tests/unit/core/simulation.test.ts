import { describe, expect, it } from 'vitest';
import { buildInitialState } from '$lib/core/model/build';
import { Simulation, replay } from '$lib/core/simulation';
import type { SimInput } from '$lib/core/sim/events';
import { builtin, simOf } from '../helpers';

/** A session with every kind of input: commands, faults, repairs, IPL and shutdown. */
const session: [number, SimInput][] = [
	[3_000, { kind: 'command', on: 'ITSOSSI1', text: 'q ssi' }],
	[5_000, { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI4' } }],
	[
		9_000,
		{ kind: 'fault', fault: { kind: 'ctc.fail', link: 'ITSOSSI1-ITSOSSI2', chpid: '4A', ctc: 0 } }
	],
	[20_000, { kind: 'command', on: 'ITSOSSI2', text: 'q ssi' }],
	[22_000, { kind: 'ipl', member: 'ITSOSSI4' }],
	[40_000, { kind: 'fault', fault: { kind: 'link.sever', link: 'ITSOSSI2-ITSOSSI3' } }],
	[60_000, { kind: 'command', on: 'ITSOSSI3', text: 'formssi display 141' }],
	[61_000, { kind: 'fault', fault: { kind: 'link.repair', link: 'ITSOSSI2-ITSOSSI3' } }],
	[70_000, { kind: 'command', on: 'ITSOSSI1', text: 'at itsossi2 cmd shutdown reipl' }]
];

function run(seed?: number, until = 120_000): Simulation {
	const sim = simOf('itsossia', seed);
	for (const [at, input] of session.filter(([at]) => at <= until)) {
		sim.runUntil(at);
		sim.apply(input);
	}
	sim.runUntil(until);
	return sim;
}

describe('determinism (DESIGN: same scenario + seed + commands = same event log)', () => {
	it('two runs give byte-identical event logs and consoles', () => {
		const a = run();
		const b = run();
		expect(JSON.stringify(a.state.log)).toBe(JSON.stringify(b.state.log));
		expect(JSON.stringify(a.state.console)).toBe(JSON.stringify(b.state.console));
		expect(a.snapshot()).toBe(b.snapshot());
		expect(a.state.log.length).toBeGreaterThan(20);
	});

	it('a different seed changes the heartbeat phases, and with them the log', () => {
		expect(JSON.stringify(run(1).state.log)).not.toBe(JSON.stringify(run(2).state.log));
	});
});

describe('snapshots', () => {
	it('round-trip through JSON to an identical state', () => {
		const sim = run(1, 50_000);
		const restored = Simulation.restore(sim.snapshot());
		expect(restored.state).toEqual(sim.state);
		expect(restored.snapshot()).toBe(sim.snapshot());
	});

	it('a restored simulation continues exactly as the original (fork, step back)', () => {
		const whole = run(1, 120_000);
		const part = run(1, 45_000);
		const fork = Simulation.restore(part.snapshot());
		for (const [at, input] of session.filter(([at]) => at > 45_000)) {
			fork.runUntil(at);
			fork.apply(input);
		}
		fork.runUntil(120_000);
		expect(fork.snapshot()).toBe(whole.snapshot());
	});

	it('replaying recorded inputs reproduces the run (basis of back-step, scrub and shared links)', () => {
		const sim = run(1, 120_000);
		const again = replay(buildInitialState(builtin('itsossia'), 1), sim.state.inputs, 120_000);
		expect(again.snapshot()).toBe(sim.snapshot());
	});

	it('step runs the next event and reports when the queue is empty', () => {
		const sim = new Simulation(buildInitialState(builtin('itsossib')));
		const next = sim.nextEventTime();
		expect(sim.step()).toBe(true);
		expect(sim.now).toBe(next);
		sim.state.queue = [];
		expect(sim.step()).toBe(false);
	});

	it('script steps run at their simulated time (itsossib: Q SSI at 5 s)', () => {
		const sim = simOf('itsossib');
		sim.runUntil(4_999);
		expect(sim.state.console).toEqual([]);
		sim.runUntil(5_000);
		expect(sim.state.console[0]).toMatchObject({
			t: 5_000,
			on: 'ITSOSSI5',
			kind: 'input',
			text: 'Q SSI'
		});
	});
});
