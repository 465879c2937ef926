/**
 * A scripted run: one built-in scenario, one seed, and steps that each apply some inputs at
 * fixed offsets and then run simulated time for a fixed span. Lessons (/learn), presenter decks
 * (/present) and embeds with a locked step range all drive the simulation through one.
 *
 * Every step starts where the previous one ended, so the state at the start of step k is a
 * position — the inputs of the steps before k at their absolute times, and the time k starts —
 * which the worker's `load` replays exactly (worker/timeline.ts `load`). Moving forward or back
 * is loading a position, never undoing: the same position always gives the same state.
 *
 * Pure TypeScript (no DOM): scripts are checked and replayed in Node tests.
 */
import type { SimInput, TimedInput } from '../core/sim/events';

/** An input a step applies, `after` simulated ms from the step's start (0: at once). */
export interface ScriptInput {
	after: number;
	input: SimInput;
}

export interface ScriptStep {
	/** Applied in order of `after`; each `after` is less than `runMs` (or 0 when `runMs` is 0). */
	inputs?: readonly ScriptInput[];
	/** Simulated ms the step runs for once its first input is applied (0: inputs only). */
	runMs: number;
	/** Playback speed while the step runs (simulated ms per wall-clock ms); default 1. */
	speed?: number;
}

export interface ScriptedRun {
	/** A built-in scenario id (core/scenarios/catalog.ts). */
	scenario: string;
	seed: number;
	/** Run before the first step is shown (e.g. to let the members join); never shown. */
	prelude?: ScriptStep;
	steps: readonly ScriptStep[];
}

/** Where the simulation stands: what a `load` with `inputs` and `t` replays to. */
export interface Position {
	inputs: TimedInput[];
	t: number;
}

/** The steps in the order they run, the prelude first. */
function allSteps(run: ScriptedRun): readonly ScriptStep[] {
	return run.prelude ? [run.prelude, ...run.steps] : run.steps;
}

/** The simulated time step `k` starts at (k = steps.length: the time the last one ends). */
export function stepStart(run: ScriptedRun, k: number): number {
	const steps = allSteps(run);
	const upTo = k + (run.prelude ? 1 : 0);
	let t = 0;
	for (let i = 0; i < upTo && i < steps.length; i++) t += steps[i]!.runMs;
	return t;
}

/** The time step `k` ends at. */
export function stepEnd(run: ScriptedRun, k: number): number {
	return stepStart(run, k) + (run.steps[k]?.runMs ?? 0);
}

/** Step `k`'s inputs at their absolute simulated times, in order. */
export function stepInputs(run: ScriptedRun, k: number): TimedInput[] {
	const step = run.steps[k];
	if (!step) return [];
	return inputsAt(step, stepStart(run, k));
}

function inputsAt(step: ScriptStep, start: number): TimedInput[] {
	return [...(step.inputs ?? [])]
		.sort((a, b) => a.after - b.after)
		.map((x) => ({ at: start + x.after, input: x.input }));
}

/**
 * The position at the start of step `k` (0 ≤ k ≤ steps.length; steps.length: after the last
 * step): the prelude and the steps before `k` have run, with all their inputs.
 */
export function positionBefore(run: ScriptedRun, k: number): Position {
	const steps = allSteps(run);
	const upTo = Math.min(k + (run.prelude ? 1 : 0), steps.length);
	const inputs: TimedInput[] = [];
	let t = 0;
	for (let i = 0; i < upTo; i++) {
		const step = steps[i]!;
		inputs.push(...inputsAt(step, t));
		t += step.runMs;
	}
	return { inputs, t };
}

/** The position at the end of step `k`: the start of step k + 1. */
export function positionAfter(run: ScriptedRun, k: number): Position {
	return positionBefore(run, k + 1);
}

/** What is wrong with a script's shape, each naming the step (empty: nothing). */
export function scriptProblems(run: ScriptedRun): string[] {
	const problems: string[] = [];
	if (!Number.isSafeInteger(run.seed) || run.seed < 0 || run.seed > 0xffffffff) {
		problems.push(`seed must be a whole number from 0 to 4294967295 (got ${run.seed})`);
	}
	if (run.steps.length === 0) problems.push('a script needs at least one step');
	const check = (step: ScriptStep, name: string) => {
		if (!Number.isSafeInteger(step.runMs) || step.runMs < 0) {
			problems.push(`${name}.runMs must be a whole number of ms from 0 (got ${step.runMs})`);
		}
		if (step.speed !== undefined && !(step.speed > 0)) {
			problems.push(`${name}.speed must be above 0 (got ${step.speed})`);
		}
		for (const [i, x] of (step.inputs ?? []).entries()) {
			const last = step.runMs === 0 ? 0 : step.runMs - 1;
			if (!Number.isSafeInteger(x.after) || x.after < 0 || x.after > last) {
				problems.push(`${name}.inputs[${i}].after must be from 0 to ${last} ms (got ${x.after})`);
			}
		}
	};
	if (run.prelude) check(run.prelude, 'prelude');
	run.steps.forEach((s, i) => check(s, `steps[${i}]`));
	return problems;
}
