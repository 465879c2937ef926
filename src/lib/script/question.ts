/**
 * "Predict, then run": a question asked before a step runs, judged against what the simulation
 * then does (observe.ts). The right choice is whichever condition the observed value meets.
 */
import {
	describeObserved,
	holds,
	observe,
	type Condition,
	type Observation,
	type Observed,
	type RunResult
} from './observe';

export interface Choice {
	label: string;
	/** When this choice is the right prediction. */
	when: Condition;
}

export interface PredictQuestion {
	prompt: string;
	observe: Observation;
	/** Conditions that do not overlap, so that exactly one choice is right for any value. */
	choices: readonly Choice[];
	/** Why the simulation does what it does: shown with the verdict, whichever choice was made. */
	explain: string;
}

export type Verdict =
	| {
			ok: true;
			value: Observed;
			/** The observed value in words. */
			observed: string;
			/** Indexes of the choices whose condition the value meets (one, in a sound question). */
			right: number[];
			/** Whether the learner's choice is among them. */
			correct: boolean;
	  }
	| { ok: false; error: string };

/** Judges choice `chosen` of `q` against the run's result. */
export function judge(q: PredictQuestion, run: RunResult, chosen: number): Verdict {
	const seen = observe(q.observe, run);
	if (!seen.ok) return seen;
	const right = q.choices.flatMap((c, i) => (holds(c.when, seen.value) ? [i] : []));
	return {
		ok: true,
		value: seen.value,
		observed: describeObserved(q.observe, seen.value),
		right,
		correct: right.includes(chosen)
	};
}
