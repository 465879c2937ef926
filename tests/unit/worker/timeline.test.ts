// The tape behind step back, scrub and fork: a seek lands on exactly the state the run had at
// that time (compared as whole snapshots, mid-relocation included), step back goes to the
// previous logged event, a fork discards the recorded future, and thinned checkpoints stay exact.
import { describe, expect, it } from 'vitest';
import { buildInitialState } from '$lib/core/model/build';
import type { SimInput, TimedInput } from '$lib/core/sim/events';
import type { SimState } from '$lib/core/sim/state';
import { replay } from '$lib/core/simulation';
import { CHECKPOINT_INTERVAL_MS, Timeline } from '$lib/worker/timeline';
import { builtin, randomSource } from '../helpers';

const command = (on: string, text: string): SimInput => ({ kind: 'command', on, text });

/**
 * A live session on itsossia as the worker runs one: time in uneven chunks (frames at various
 * speeds), a relocation, a CTC failing under it and being repaired, two inputs at the same
 * instant, a QUERY and a second relocation. Returns the snapshots taken along the way.
 */
function session(): { initial: SimState; timeline: Timeline; seen: Map<number, string> } {
	const initial = buildInitialState(builtin('itsossia'));
	const timeline = new Timeline(initial);
	const seen = new Map<number, string>();
	const link = 'ITSOSSI1-ITSOSSI2';
	const script: TimedInput[] = [
		{ at: 2_000, input: command('ITSOSSI1', 'vmrelocate move itsolnx1 to itsossi2 async') },
		{ at: 5_333, input: { kind: 'fault', fault: { kind: 'ctc.fail', link, chpid: '4A', ctc: 0 } } },
		{ at: 5_333, input: command('ITSOSSI2', 'vmrelocate status details') },
		{
			at: 9_100,
			input: { kind: 'fault', fault: { kind: 'ctc.repair', link, chpid: '4A', ctc: 0 } }
		},
		{ at: 31_007, input: command('ITSOSSI3', 'q ssi') },
		{ at: 61_000, input: command('ITSOSSI2', 'vmrelocate move itsolnx2 to itsossi3 async') }
	];
	const random = randomSource(7);
	let next = 0;
	while (timeline.now < 90_000) {
		// A frame's worth of simulated time: 33 ms at 1× to 3.3 s at 100×, never a round number.
		const target = timeline.now + 1 + Math.floor(random() * 3_300);
		while (next < script.length && script[next]!.at <= target) {
			const { at, input } = script[next++]!;
			timeline.advanceTo(at);
			expect(timeline.apply(input).result.ok).toBe(true);
			if (script[next]?.at !== at) seen.set(timeline.now, timeline.sim.snapshot());
		}
		timeline.advanceTo(target);
		seen.set(timeline.now, timeline.sim.snapshot());
	}
	return { initial, timeline, seen };
}

/** Relocation phases in a snapshot, to show which cut points are mid-relocation. */
function phases(json: string): string[] {
	return (JSON.parse(json) as SimState).relocations.map((r) => r.phase);
}

describe('Timeline: seek lands on exactly the state the run had', () => {
	const { initial, timeline, seen } = session();
	const times = [...seen.keys()];

	it('the session reached 90 s with six inputs recorded, the second relocation still moving', () => {
		expect(timeline.latest).toBe(timeline.now);
		expect(timeline.latest).toBeGreaterThanOrEqual(90_000);
		expect(timeline.inputs).toHaveLength(6);
		expect(timeline.sim.state.relocations.map((r) => r.outcome)).toEqual(['relocated', null]);
		// Some cut points are in the middle of memory moving, others in quiesced phases.
		const during = times.filter((t) => phases(seen.get(t)!).includes('MovingMemory'));
		expect(during.length).toBeGreaterThan(5);
	});

	it('byte for byte at every frame boundary, seeking back and forth in random order', () => {
		const random = randomSource(11);
		const order = [...times].sort(() => random() - 0.5);
		for (const t of order) {
			timeline.seek(t);
			expect(timeline.now).toBe(t);
			expect(timeline.sim.snapshot(), `seek to ${t}`).toBe(seen.get(t));
		}
	});

	it('matches an independent replay of the inputs at times between frames', () => {
		for (const t of [0, 1_999, 2_000, 2_001, 5_333, 7_777.5, 12_345, 30_000, 45_000, 61_050]) {
			timeline.seek(t);
			const applied = timeline.inputs.filter((x) => x.at <= t);
			expect(timeline.sim.snapshot(), `seek to ${t}`).toBe(replay(initial, applied, t).snapshot());
		}
	});

	it('refuses times outside [0, latest]', () => {
		expect(() => timeline.seek(-1)).toThrow(RangeError);
		expect(() => timeline.seek(timeline.latest + 1)).toThrow(/latest time reached/);
		expect(() => timeline.seek(Number.NaN)).toThrow(RangeError);
	});

	it('plays on from the past reproducing the recorded run, inputs included', () => {
		const end = timeline.latest;
		timeline.seek(1_000);
		expect(timeline.inPast).toBe(true);
		expect(timeline.applied).toBe(0);
		let t = 1_000;
		while (t < end) {
			t = Math.min(end, t + 777);
			timeline.advanceTo(t);
		}
		expect(timeline.inPast).toBe(false);
		expect(timeline.applied).toBe(6);
		expect(timeline.sim.snapshot()).toBe(seen.get(end));
	});
});

describe('Timeline: step back and step', () => {
	it('step back goes to each earlier logged event time exactly, down to the start', () => {
		const { initial, timeline } = session();
		const logged = [...new Set(timeline.sim.state.log.map((e) => e.t))];
		expect(timeline.eventTimes).toEqual(logged);
		const earlier = logged.filter((t) => t < timeline.now).reverse();
		expect(earlier.length).toBeGreaterThan(10);
		for (const expected of earlier.slice(0, 25)) {
			expect(timeline.stepBack()).toBe(expected);
			const applied = timeline.inputs.filter((x) => x.at <= expected);
			expect(timeline.sim.snapshot()).toBe(replay(initial, applied, expected).snapshot());
		}
		timeline.seek(1_500);
		expect(timeline.stepBack()).toBe(0);
		expect(timeline.stepBack()).toBeNull();
		expect(timeline.now).toBe(0);
	});

	it('step after step back returns to the same states (recorded inputs re-applied)', () => {
		const { timeline, seen } = session();
		timeline.seek(5_000);
		const path: number[] = [];
		while (timeline.now < 10_000) {
			expect(timeline.step()).toBe(true);
			path.push(timeline.now);
		}
		// The step stops at the recorded input's time, then the inputs are applied as recorded.
		expect(path).toContain(5_333);
		expect(timeline.applied).toBe(4);
		const t = [...seen.keys()].find((x) => x > timeline.now)!;
		timeline.advanceTo(t);
		expect(timeline.sim.snapshot()).toBe(seen.get(t));
	});

	it('knows the previous and next logged event around the time shown', () => {
		const { timeline } = session();
		timeline.seek(5_000);
		const prev = timeline.previousEventTime()!;
		const next = timeline.nextEventTime()!;
		expect(prev).toBeLessThan(5_000);
		expect(next).toBeGreaterThan(5_000);
		expect(timeline.eventTimes.filter((t) => t > prev && t < next)).toEqual([]);
	});
});

describe('Timeline: fork and reset', () => {
	it('a fork discards the recorded future and the run goes on live from there', () => {
		const { initial, timeline } = session();
		timeline.seek(3_000);
		expect(timeline.fork()).toBe(5);
		expect(timeline.forkedAt).toBe(3_000);
		expect(timeline.latest).toBe(3_000);
		expect(timeline.inputs).toHaveLength(1);
		expect(Math.max(...timeline.eventTimes)).toBeLessThanOrEqual(3_000);
		expect(() => timeline.seek(3_001)).toThrow(RangeError);
		timeline.advanceTo(90_000);
		// No fault, no second relocation: the branch is the first input alone.
		expect(timeline.sim.state.relocations).toHaveLength(1);
		expect(timeline.sim.snapshot()).toBe(replay(initial, timeline.inputs, 90_000).snapshot());
		// The new branch is a tape like any other: seeks inside it are exact.
		timeline.seek(2_500);
		expect(timeline.sim.snapshot()).toBe(replay(initial, timeline.inputs, 2_500).snapshot());
	});

	it('an input in the past forks the run there, then is recorded', () => {
		const { initial, timeline } = session();
		timeline.seek(20_000);
		const r = timeline.apply(command('ITSOSSI4', 'q ssi'));
		expect(r.forkedAt).toBe(20_000);
		expect(r.discarded).toBe(2);
		expect(r.result.ok).toBe(true);
		expect(timeline.inPast).toBe(false);
		expect(timeline.inputs.map((x) => x.at)).toEqual([2_000, 5_333, 5_333, 9_100, 20_000]);
		timeline.advanceTo(25_000);
		expect(timeline.sim.snapshot()).toBe(replay(initial, timeline.inputs, 25_000).snapshot());
		// At the end of the run an input does not fork.
		expect(timeline.apply(command('ITSOSSI4', 'q ssi')).forkedAt).toBeNull();
	});

	it('reset goes back to time 0 with nothing recorded', () => {
		const { initial, timeline } = session();
		timeline.reset();
		expect(timeline.now).toBe(0);
		expect(timeline.latest).toBe(0);
		expect(timeline.inputs).toEqual([]);
		expect(timeline.forkedAt).toBeNull();
		expect(timeline.sim.snapshot()).toBe(JSON.stringify(initial));
	});

	it('load replays a recorded tape to its time (what a shared link does)', () => {
		const { initial, timeline, seen } = session();
		const tape = timeline.inputs.slice(0, 4);
		const t = [...seen.keys()].find((x) => x > 9_100 && x < 31_007)!;
		const other = new Timeline(initial);
		other.load(tape, t);
		expect(other.now).toBe(t);
		expect(other.latest).toBe(t);
		expect(other.sim.snapshot()).toBe(seen.get(t));
	});
});

describe('Timeline: checkpoints', () => {
	it('keeps one per interval and thins them past the cap, seeks staying exact', () => {
		const initial = buildInitialState(builtin('itsossib'));
		const timeline = new Timeline(initial, {
			intervalMs: 1_000,
			maxCheckpoints: 8,
			budgetChars: 10_000_000
		});
		const inputs: TimedInput[] = [];
		for (let t = 0; t <= 60_000; t += 1_500) {
			timeline.advanceTo(t);
			if (t % 9_000 === 0) {
				const input = command('ITSOSSI5', 'q ssi');
				timeline.apply(input);
				inputs.push({ at: t, input });
			}
		}
		expect(timeline.checkpointStats.count).toBeLessThanOrEqual(8);
		expect(timeline.checkpointInterval).toBeGreaterThanOrEqual(8_000);
		for (const t of [59_000, 0, 17_250, 45_000, 8_999, 9_000]) {
			timeline.seek(t);
			const applied = inputs.filter((x) => x.at <= t);
			expect(timeline.sim.snapshot(), `seek to ${t}`).toBe(replay(initial, applied, t).snapshot());
		}
	});

	it('the default interval is ten simulated seconds', () => {
		const timeline = new Timeline(buildInitialState(builtin('itsossib')));
		timeline.advanceTo(95_000);
		expect(CHECKPOINT_INTERVAL_MS).toBe(10_000);
		expect(timeline.checkpointStats.count).toBe(10);
	});
});
