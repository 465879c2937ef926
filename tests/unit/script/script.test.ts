import { describe, expect, it } from 'vitest';
import {
	positionAfter,
	positionBefore,
	scriptProblems,
	stepEnd,
	stepInputs,
	stepStart,
	type ScriptedRun
} from '$lib/script/script';

const q = (text: string) => ({ kind: 'command', on: 'ITSOSSI1', text }) as const;

const run: ScriptedRun = {
	scenario: 'itsossia',
	seed: 7,
	prelude: { runMs: 1000, inputs: [{ after: 0, input: q('q ssi') }] },
	steps: [
		{ runMs: 0 },
		{
			runMs: 5000,
			inputs: [
				{ after: 2000, input: q('b') },
				{ after: 0, input: q('a') }
			]
		},
		{ runMs: 3000 }
	]
};

describe('scripted runs: positions', () => {
	it('starts each step where the one before ended, the prelude first', () => {
		expect([0, 1, 2, 3].map((k) => stepStart(run, k))).toEqual([1000, 1000, 6000, 9000]);
		expect(stepEnd(run, 1)).toBe(6000);
		expect(stepEnd(run, 2)).toBe(9000);
	});

	it("gives a step's inputs at absolute times, in order of their offsets", () => {
		expect(stepInputs(run, 1)).toEqual([
			{ at: 1000, input: q('a') },
			{ at: 3000, input: q('b') }
		]);
		expect(stepInputs(run, 5)).toEqual([]);
	});

	it('positions carry every earlier input and the start time; after = before the next', () => {
		expect(positionBefore(run, 0)).toEqual({ inputs: [{ at: 0, input: q('q ssi') }], t: 1000 });
		expect(positionBefore(run, 2)).toEqual({
			inputs: [
				{ at: 0, input: q('q ssi') },
				{ at: 1000, input: q('a') },
				{ at: 3000, input: q('b') }
			],
			t: 6000
		});
		expect(positionAfter(run, 1)).toEqual(positionBefore(run, 2));
		expect(positionBefore(run, 3).t).toBe(9000);
	});

	it('without a prelude the first step starts at 0 with nothing applied', () => {
		const bare = { ...run, prelude: undefined };
		expect(positionBefore(bare, 0)).toEqual({ inputs: [], t: 0 });
	});
});

describe('scripted runs: problems named by step', () => {
	it('accepts a sound script', () => expect(scriptProblems(run)).toEqual([]));

	it('refuses offsets outside the step, negative spans, bad speeds and seeds, no steps', () => {
		const bad: ScriptedRun = {
			scenario: 'x',
			seed: -1,
			steps: [
				{ runMs: 1000, inputs: [{ after: 1000, input: q('a') }] },
				{ runMs: -5 },
				{ runMs: 0, speed: 0, inputs: [{ after: 1, input: q('a') }] }
			]
		};
		expect(scriptProblems(bad)).toEqual([
			'seed must be a whole number from 0 to 4294967295 (got -1)',
			'steps[0].inputs[0].after must be from 0 to 999 ms (got 1000)',
			'steps[1].runMs must be a whole number of ms from 0 (got -5)',
			'steps[2].speed must be above 0 (got 0)',
			'steps[2].inputs[0].after must be from 0 to 0 ms (got 1)'
		]);
		expect(scriptProblems({ scenario: 'x', seed: 1, steps: [] })).toEqual([
			'a script needs at least one step'
		]);
	});
});
