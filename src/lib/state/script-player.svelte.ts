/**
 * Drives a {@link SimSession} through a scripted run (script/script.ts): shows the start of a
 * step, runs it (its inputs at their offsets, then time to its end, pausing exactly there), and
 * moves to any other step by loading that step's position, so forward, back and restart always
 * land on the same state. Lessons, presenter decks and embeds share it.
 */
import type { ConsoleLine, TimedInput } from '../core/sim/events';
import type { RunResult } from '../script/observe';
import {
	positionAfter,
	positionBefore,
	stepInputs,
	stepEnd,
	stepStart,
	type ScriptedRun
} from '../script/script';
import type { SimSession } from './sim.svelte';

/** Where the step shown stands: at its start, running, at its end, or stopped inside it. */
export type StepStatus = 'ready' | 'running' | 'done' | 'interrupted';

export class ScriptPlayer {
	/** The step shown (0-based). */
	step = $state(0);
	status = $state<StepStatus>('ready');
	/** Why the last move or run failed, or null. */
	error = $state<string | null>(null);
	/** Bumped by every move: a run still awaiting the worker gives up when it changes. */
	#token = 0;
	/** The latest move, until the worker has answered it: a run waits for it first. */
	#moving: Promise<boolean> | null = null;

	constructor(
		private readonly session: SimSession,
		private run: ScriptedRun
	) {}

	get script(): ScriptedRun {
		return this.run;
	}

	get steps(): number {
		return this.run.steps.length;
	}

	/** Uses another script (another lesson or deck) from its step `k`. */
	async use(run: ScriptedRun, k = 0): Promise<boolean> {
		this.run = run;
		return this.goTo(k);
	}

	/** Shows the start of step `k` (clamped to the steps there are), paused. */
	async goTo(k: number, at: 'start' | 'end' = 'start'): Promise<boolean> {
		const step = Math.max(0, Math.min(this.steps - 1, Math.floor(k)));
		const token = ++this.#token;
		const position =
			at === 'start' ? positionBefore(this.run, step) : positionAfter(this.run, step);
		this.step = step;
		this.status = at === 'start' ? 'ready' : 'done';
		const moving = this.load(position, step, token);
		this.#moving = moving;
		const done = await moving;
		if (this.#moving === moving) this.#moving = null;
		return done;
	}

	private async load(
		position: { inputs: TimedInput[]; t: number },
		step: number,
		token: number
	): Promise<boolean> {
		try {
			await this.session.load(this.run.scenario, {
				seed: this.run.seed,
				inputs: position.inputs,
				t: position.t
			});
			if (token !== this.#token) return false;
			await this.session.setSpeed(this.run.steps[step]?.speed ?? 1);
			this.error = null;
			return token === this.#token;
		} catch (e) {
			if (token === this.#token) this.error = e instanceof Error ? e.message : String(e);
			return false;
		}
	}

	/** Shows the start of the step again (presenter R). */
	restart(): Promise<boolean> {
		return this.goTo(this.step);
	}

	/** Shows the start of the next step; false at the last one. */
	async next(): Promise<boolean> {
		return this.step + 1 < this.steps ? this.goTo(this.step + 1) : false;
	}

	/** Shows the start of the previous step; false at the first one. */
	async back(): Promise<boolean> {
		return this.step > 0 ? this.goTo(this.step - 1) : false;
	}

	/**
	 * Runs the step shown from its start: each input at its offset, then time to the step's end,
	 * where playback pauses. True when it reached the end; false when it was interrupted (another
	 * move, a pause) or refused.
	 */
	async runStep(): Promise<boolean> {
		const k = this.step;
		const start = stepStart(this.run, k);
		const end = stepEnd(this.run, k);
		// A move still loading is waited for: the run starts from the state it shows.
		const moving = this.#moving;
		if (moving && !(await moving)) return false;
		// Only a step shown at its start runs from here; else its start is loaded first.
		if (this.status !== 'ready' && !(await this.goTo(k))) return false;
		const mine = this.#token;
		if (this.step !== k) return false;
		this.status = 'running';
		// Where the run stands: known from the script, not read from a frame that may lag.
		let now = start;
		for (const x of stepInputs(this.run, k)) {
			if (x.at > now) {
				if (!(await this.session.playUntil(x.at)) || mine !== this.#token)
					return this.stopped(mine);
				now = x.at;
			}
			if ((await this.session.apply(x.input)) === null || mine !== this.#token) {
				return this.stopped(mine);
			}
		}
		if (end > now && (!(await this.session.playUntil(end)) || mine !== this.#token)) {
			return this.stopped(mine);
		}
		this.status = 'done';
		return true;
	}

	/** Interrupted: the step shows a moment inside it, so running it again starts it over. */
	private stopped(token: number): false {
		if (token === this.#token) this.status = 'interrupted';
		return false;
	}

	/** The step's result for judging a question: the frame, the consoles, and when it started. */
	result(console: Readonly<Record<string, readonly ConsoleLine[]>>): RunResult | null {
		const view = this.session.view;
		if (!view) return null;
		return { view, console, since: stepStart(this.run, this.step) };
	}
}
