/**
 * The run as a tape: the recorded inputs, checkpoints of the state along simulated time, and
 * the simulation at the moment shown. Step back, scrub, fork and reset are built here on the
 * core's determinism (same scenario, seed and timed inputs give the same state, byte for byte):
 * going to time `t` restores the nearest checkpoint at or before `t` and runs forward, applying
 * the recorded inputs at their times. Pure TypeScript (no DOM, no timers): runs in the worker
 * and in Node tests.
 *
 * The invariant everything rests on: the simulation's own `state.inputs` is always a prefix of
 * the tape. The inputs still to apply are the tape past that prefix, all later than `now`.
 *
 * Checkpoints (measured in Node 20, the numbers quoted in the docs of the constants below):
 * - one every {@link CHECKPOINT_INTERVAL_MS} of simulated time, on a fixed grid (0, 10 s,
 *   20 s, …), taken the first time the run passes each grid point;
 * - a snapshot is the state's JSON: 7-18 kB for the built-in scenarios, growing with the
 *   console and the log;
 * - at most {@link MAX_CHECKPOINTS} of them and {@link CHECKPOINT_BUDGET_CHARS} characters in
 *   all; past either cap the interval doubles and every other checkpoint is dropped, so a day
 *   of simulated time keeps one checkpoint every 160 s at worst and a seek never replays more
 *   than one interval (an idle hour of itsossia runs in 140 ms, so 160 s costs about 6 ms).
 *
 * Measured in Node 20 (itsossia, one hour with a relocation at 2 s, 361 checkpoints, 6.5 MB):
 * a seek anywhere in the hour takes 0.1-0.5 ms; one into the relocation, with the frame that
 * follows (the transfer engine rebuilt by replay, its page map drawn), 10-17 ms; replaying the
 * hour from time 0 instead would take 330 ms. An idle simulated day thins to 541 checkpoints
 * 160 s apart (7.6 MB), and a seek in it takes about 6 ms.
 *
 * "The state at `t`" is the state after every event due at or before `t` and every recorded
 * input stamped `t`: a seek, a link's replay and the live run (which runs what an input
 * schedules for its own instant at once, see {@link Timeline.apply}) all agree on it.
 */
import { releaseEngine } from '../core/model/lgr/relocation-engine';
import type { SimInput, TimedInput } from '../core/sim/events';
import type { SimState } from '../core/sim/state';
import { Simulation, type InputResult } from '../core/simulation';

/** Simulated time between checkpoints at first (it doubles when a cap is reached). */
export const CHECKPOINT_INTERVAL_MS = 10_000;
/** Most checkpoints kept (one simulated day at 10 s would be 8,640). */
export const MAX_CHECKPOINTS = 600;
/**
 * Most characters of snapshots kept, about as many bytes (the JSON is ASCII): 600 checkpoints
 * of an 18 kB state are 11 MB; a session with a long console reaches this cap first.
 */
export const CHECKPOINT_BUDGET_CHARS = 32 * 1024 * 1024;

/** The checkpoint parameters (tests shrink them to exercise thinning). */
export interface CheckpointOptions {
	intervalMs: number;
	maxCheckpoints: number;
	budgetChars: number;
}

export const CHECKPOINTS: CheckpointOptions = {
	intervalMs: CHECKPOINT_INTERVAL_MS,
	maxCheckpoints: MAX_CHECKPOINTS,
	budgetChars: CHECKPOINT_BUDGET_CHARS
};

/** A saved moment: the state's JSON at `t`, with the first `inputs` tape entries applied. */
interface Checkpoint {
	t: number;
	inputs: number;
	json: string;
}

/** What {@link Timeline.apply} did: the simulation's answer, and whether it forked the run first. */
export interface TimelineApply {
	result: InputResult;
	/** The time the run forked at because the input was given in the past, or null. */
	forkedAt: number | null;
	/** Recorded inputs the fork discarded. */
	discarded: number;
}

/** Finds the last index in sorted `xs` whose value is ≤ `t` (−1 when none). */
function lastAtOrBefore(xs: readonly number[], t: number): number {
	let lo = 0;
	let hi = xs.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (xs[mid]! <= t) lo = mid + 1;
		else hi = mid;
	}
	return lo - 1;
}

export class Timeline {
	/** The simulation at the moment shown. Replaced by a restore: do not hold on to it. */
	sim: Simulation;
	/** Every input of the run, in order: those applied (a prefix) and those still to replay. */
	private tape: TimedInput[] = [];
	/** The furthest simulated time this run has reached (since the load, reset or last fork). */
	private reached = 0;
	/** Distinct simulated times of the event log's entries, up to {@link latest}, ascending. */
	private times: number[] = [];
	private checkpoints: Checkpoint[] = [];
	private interval = CHECKPOINT_INTERVAL_MS;
	private chars = 0;
	private forked: number | null = null;
	/** Bumped whenever the shown state jumps (seek, step back, fork, reset): tails start over. */
	revision = 0;

	/** The state at time 0, as JSON. */
	private readonly initial: string;

	/** `initial` is the state at time 0 (it is copied, never kept). */
	constructor(
		initial: SimState,
		private readonly options: CheckpointOptions = CHECKPOINTS
	) {
		this.initial = JSON.stringify(initial);
		this.sim = Simulation.restore(this.initial);
		this.startOver();
	}

	/** Simulated time shown. */
	get now(): number {
		return this.sim.now;
	}

	/** The latest simulated time reached: seeks go anywhere in [0, latest]. */
	get latest(): number {
		return this.reached;
	}

	/** Where the run last forked (a command in the past, or a fork request), or null. */
	get forkedAt(): number | null {
		return this.forked;
	}

	/** True while the time shown is before the latest reached: the recorded run replays. */
	get inPast(): boolean {
		return this.sim.now < this.reached;
	}

	/** Every recorded input, applied or still to replay (read-only). */
	get inputs(): readonly TimedInput[] {
		return this.tape;
	}

	/** How many recorded inputs are applied at the time shown. */
	get applied(): number {
		return this.sim.state.inputs.length;
	}

	/** Distinct times of logged events up to {@link latest} (read-only, ascending). */
	get eventTimes(): readonly number[] {
		return this.times;
	}

	/** The interval checkpoints are kept at now (it doubles as the caps are reached). */
	get checkpointInterval(): number {
		return this.interval;
	}

	/** Number and total size of the checkpoints held. */
	get checkpointStats(): { count: number; chars: number } {
		return { count: this.checkpoints.length, chars: this.chars };
	}

	/** The latest logged event time before `now`, or null when there is none. */
	previousEventTime(): number | null {
		const i = lastAtOrBefore(this.times, this.sim.now);
		const j = i >= 0 && this.times[i] === this.sim.now ? i - 1 : i;
		return j >= 0 ? this.times[j]! : null;
	}

	/** The first logged event time after `now`, up to {@link latest}, or null. */
	nextEventTime(): number | null {
		const i = lastAtOrBefore(this.times, this.sim.now) + 1;
		return i < this.times.length ? this.times[i]! : null;
	}

	/**
	 * Runs forward to `target` (no earlier than now), applying the recorded inputs due on the
	 * way at their times and checkpointing at each grid point passed for the first time.
	 */
	advanceTo(target: number): void {
		const sim = this.sim;
		if (!(target >= sim.now)) return;
		for (;;) {
			const k = sim.state.inputs.length;
			const due = this.tape[k];
			const inputAt = due && due.at <= target ? due.at : Infinity;
			const last = this.checkpoints.at(-1)!;
			const grid = (Math.floor(last.t / this.interval) + 1) * this.interval;
			const checkpointAt = grid <= target ? grid : Infinity;
			const stop = Math.min(inputAt, checkpointAt, target);
			sim.runUntil(stop);
			if (stop === inputAt) {
				this.run(due!.input);
				continue;
			}
			if (stop === checkpointAt) {
				this.checkpoint();
				continue;
			}
			break;
		}
		this.extend();
	}

	/**
	 * Runs to the next thing that happens: the next pending event or the next recorded input,
	 * whichever comes first. False when there is neither.
	 */
	step(): boolean {
		const next = this.sim.nextEventTime();
		const due = this.tape[this.applied]?.at ?? null;
		const at = next === null ? due : due === null ? next : Math.min(next, due);
		if (at === null) return false;
		this.advanceTo(Math.max(at, this.sim.now));
		return true;
	}

	/**
	 * Shows simulated time `t`, anywhere in [0, {@link latest}]: the exact state the run had
	 * there. Throws a RangeError outside that range.
	 */
	seek(t: number): void {
		if (!Number.isFinite(t) || t < 0 || t > this.reached) {
			throw new RangeError(
				`t must be between 0 and the latest time reached, ${this.reached} ms (got ${t})`
			);
		}
		if (t === this.sim.now) return;
		const i = lastAtOrBefore(
			this.checkpoints.map((c) => c.t),
			t
		);
		const cp = this.checkpoints[i]!;
		// Going forward, the simulation shown is as good a start as a checkpoint before it.
		if (!(t > this.sim.now && cp.t <= this.sim.now)) this.restore(cp);
		this.advanceTo(t);
		this.revision++;
	}

	/**
	 * Goes back to the previous logged event's time, exactly (or to the start when no event
	 * came before). Returns the time landed on, or null when already at the start.
	 */
	stepBack(): number | null {
		if (this.sim.now === 0) return null;
		const t = this.previousEventTime() ?? 0;
		this.seek(t);
		return t;
	}

	/**
	 * Makes the time shown the end of the run: the recorded inputs after it are discarded and
	 * the run goes on live from here (a what-if branch). Returns how many inputs it discarded.
	 */
	fork(): number {
		const now = this.sim.now;
		const keep = this.applied;
		const discarded = this.tape.length - keep;
		this.tape.length = keep;
		this.reached = now;
		this.times.length = lastAtOrBefore(this.times, now) + 1;
		const kept = this.checkpoints.filter((c) => c.t <= now && c.inputs <= keep);
		this.checkpoints = kept;
		this.chars = kept.reduce((n, c) => n + c.json.length, 0);
		this.forked = now;
		this.revision++;
		return discarded;
	}

	/**
	 * Applies an input at the time shown and records it. In the past, the run forks here first:
	 * the recorded future cannot hold once something new has happened.
	 */
	apply(input: SimInput): TimelineApply {
		let forkedAt: number | null = null;
		let discarded = 0;
		if (this.inPast || this.applied < this.tape.length) {
			discarded = this.fork();
			forkedAt = this.sim.now;
		}
		this.tape.push({ at: this.sim.now, input });
		const result = this.run(input);
		this.extend();
		return { result, forkedAt, discarded };
	}

	/** Back to time 0 of the same scenario and seed, with nothing recorded. */
	reset(): void {
		this.restore({ t: 0, inputs: 0, json: this.initial });
		this.startOver();
		this.revision++;
	}

	/**
	 * Replaces the recorded inputs with `inputs` (in time order, none after `t`) and shows time
	 * `t`, which becomes the latest: what a shared link asks for.
	 */
	load(inputs: readonly TimedInput[], t: number): void {
		this.reset();
		this.tape = inputs.filter((x) => x.at <= t).map((x) => ({ at: x.at, input: x.input }));
		this.advanceTo(t);
	}

	/**
	 * Applies an input, then runs what it scheduled for this very instant. A replay does the
	 * same (it runs up to the time of the next input, or of the seek, after each), so the state
	 * right after an input is the state a seek to its time lands on.
	 */
	private run(input: SimInput): InputResult {
		const result = this.sim.apply(input);
		this.sim.runUntil(this.sim.now);
		return result;
	}

	private startOver(): void {
		this.tape = [];
		this.reached = 0;
		this.forked = null;
		this.interval = this.options.intervalMs;
		this.checkpoints = [{ t: 0, inputs: 0, json: this.initial }];
		this.chars = this.initial.length;
		this.times = [];
		this.extend();
	}

	/** Swaps in the state of a checkpoint, releasing the page maps of the one shown. */
	private restore(cp: Checkpoint): void {
		const old = this.sim.state;
		for (const rel of old.relocations) if (rel.engine?.running) releaseEngine(old, rel);
		this.sim = Simulation.restore(cp.json);
	}

	private checkpoint(): void {
		const json = this.sim.snapshot();
		this.checkpoints.push({ t: this.sim.now, inputs: this.applied, json });
		this.chars += json.length;
		while (
			(this.checkpoints.length > this.options.maxCheckpoints ||
				this.chars > this.options.budgetChars) &&
			this.checkpoints.length > 2
		) {
			this.interval *= 2;
			const kept = this.checkpoints.filter((c) => c.t % this.interval === 0);
			// The latest one stays whatever the grid: it bounds the replay of the recent past.
			const last = this.checkpoints.at(-1)!;
			if (kept.at(-1) !== last) kept.push(last);
			this.checkpoints = kept;
			this.chars = kept.reduce((n, c) => n + c.json.length, 0);
		}
	}

	/** At or past the latest time: the run is new here, so its event times are recorded. */
	private extend(): void {
		const s = this.sim.state;
		if (s.now < this.reached) return;
		this.reached = s.now;
		const last = this.times.at(-1) ?? -1;
		const fresh: number[] = [];
		for (let i = s.log.length - 1; i >= 0; i--) {
			const t = s.log[i]!.t;
			if (t <= last) break;
			if (fresh.at(-1) !== t) fresh.push(t);
		}
		for (let i = fresh.length - 1; i >= 0; i--) this.times.push(fresh[i]!);
	}
}

/**
 * At most `max` of the ascending `times` in [0, latest], spread evenly over time: the first of
 * each of `max` equal slices of the range (a slider cannot show ticks closer than that).
 */
export function thinTicks(times: readonly number[], latest: number, max: number): number[] {
	if (times.length <= max) return [...times];
	const out: number[] = [];
	let slice = -1;
	for (const t of times) {
		const s = latest > 0 ? Math.min(max - 1, Math.floor((t / latest) * max)) : 0;
		if (s !== slice) {
			out.push(t);
			slice = s;
		}
	}
	return out;
}
