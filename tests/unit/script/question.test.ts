// "Predict, then run": every observation read from a real run of the lab's host, and the verdict
// picked by the simulation's result, never stored with the question.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeObserved, holds, observe, type RunResult } from '$lib/script/observe';
import { judge, type PredictQuestion } from '$lib/script/question';
import type { ScriptedRun } from '$lib/script/script';
import { runStep } from './run-script';

const on1 = (text: string) => ({ kind: 'command', on: 'ITSOSSI1', text }) as const;

const run: ScriptedRun = {
	scenario: 'itsossia',
	seed: 3,
	steps: [
		{ runMs: 120_000, inputs: [{ after: 0, input: on1('vmrelocate move itsolnx1 to itsossi2') }] },
		{ runMs: 1000, inputs: [{ after: 0, input: on1('query ssi') }] }
	]
};

let moved: RunResult;
let queried: RunResult;
beforeAll(() => {
	moved = runStep(run, 0);
	queried = runStep(run, 1);
});

describe('observations of a run', () => {
	it('reads the relocation, the guest, members, the mode and links', () => {
		expect(observe({ of: 'relocation-outcome', user: 'itsolnx1' }, moved)).toEqual({
			ok: true,
			value: 'relocated'
		});
		expect(observe({ of: 'relocation-outcome', user: 'NOSUCH' }, moved)).toEqual({
			ok: true,
			value: 'none'
		});
		const passes = observe({ of: 'relocation-figure', user: 'ITSOLNX1', figure: 'passes' }, moved);
		expect(passes.ok && typeof passes.value === 'number' && passes.value >= 1).toBe(true);
		expect(observe({ of: 'guest-member', user: 'ITSOLNX1' }, moved)).toEqual({
			ok: true,
			value: 'ITSOSSI2'
		});
		expect(observe({ of: 'guest-member', user: 'NOSUCH' }, moved)).toEqual({
			ok: true,
			value: 'not logged on'
		});
		expect(observe({ of: 'member-state', member: 'ITSOSSI1' }, moved)).toEqual({
			ok: true,
			value: 'Joined'
		});
		expect(observe({ of: 'cluster-mode' }, moved)).toEqual({ ok: true, value: 'Stable' });
		const link = moved.view.links[0]!;
		expect(
			observe({ of: 'link-capacity', link: `${link.between[0]}-${link.between[1]}` }, moved)
		).toEqual({ ok: true, value: link.capacityMBps });
	});

	it("reads only the step's own console output", () => {
		const says = { of: 'console-says', member: 'ITSOSSI1', text: 'ITSOSSI2' } as const;
		expect(observe(says, queried)).toEqual({ ok: true, value: true });
		const before = {
			of: 'console-says',
			member: 'ITSOSSI1',
			text: 'Relocation of ITSOLNX1'
		} as const;
		expect(observe(before, moved).ok && observe(before, moved)).toMatchObject({ value: true });
		expect(observe(before, queried)).toEqual({ ok: true, value: false });
	});

	it('names what is missing instead of guessing', () => {
		expect(observe({ of: 'member-state', member: 'NOPE' }, moved)).toEqual({
			ok: false,
			error: `no member NOPE in ${moved.view.scenario.title}`
		});
		expect(observe({ of: 'relocation-figure', user: 'X', figure: 'quiesceMs' }, moved)).toEqual({
			ok: false,
			error: 'X has no ended relocation to read quiesceMs from'
		});
		expect(
			observe({ of: 'relocation-ratio', user: 'ITSOLNX1', other: 'X', figure: 'totalMs' }, moved)
		).toEqual({ ok: false, error: 'X has no ended relocation to read totalMs from' });
		expect(observe({ of: 'console-says', member: 'NOPE', text: 'x' }, moved)).toEqual({
			ok: false,
			error: 'no console of member NOPE'
		});
		expect(observe({ of: 'link-capacity', link: 'A-B' }, moved).ok).toBe(false);
	});
});

describe('conditions and words', () => {
	it('holds: is, below, atLeast, between [low, high)', () => {
		expect(holds({ is: 'Stable' }, 'Stable')).toBe(true);
		expect(holds({ is: 'Stable' }, 'Safe')).toBe(false);
		expect(holds({ below: 3 }, 2)).toBe(true);
		expect(holds({ below: 3 }, 3)).toBe(false);
		expect(holds({ atLeast: 3 }, 3)).toBe(true);
		expect(holds({ between: [1, 2] }, 1)).toBe(true);
		expect(holds({ between: [1, 2] }, 2)).toBe(false);
		expect(holds({ below: 3 }, 'x')).toBe(false);
	});

	it('describes ms, ratios, MB/s and yes/no', () => {
		const q = { of: 'relocation-figure', user: 'A', figure: 'quiesceMs' } as const;
		expect(describeObserved(q, 173.5)).toBe('174 ms');
		expect(describeObserved(q, 1500)).toBe('1.50 s');
		expect(
			describeObserved({ of: 'relocation-ratio', user: 'A', other: 'B', figure: 'totalMs' }, 6.62)
		).toBe('6.6×');
		expect(describeObserved({ of: 'link-capacity', link: 'A-B' }, 700)).toBe('700 MB/s');
		expect(describeObserved({ of: 'cluster-mode' }, true)).toBe('yes');
	});
});

describe('judging a prediction', () => {
	const q: PredictQuestion = {
		prompt: 'Where does ITSOLNX1 run once the MOVE ends?',
		observe: { of: 'guest-member', user: 'ITSOLNX1' },
		choices: [
			{ label: 'ITSOSSI1', when: { is: 'ITSOSSI1' } },
			{ label: 'ITSOSSI2', when: { is: 'ITSOSSI2' } }
		],
		explain: 'The MOVE ends with the guest running on the destination.'
	};

	it('the simulation picks the right choice', () => {
		expect(judge(q, moved, 1)).toEqual({
			ok: true,
			value: 'ITSOSSI2',
			observed: 'ITSOSSI2',
			right: [1],
			correct: true
		});
		expect(judge(q, moved, 0)).toMatchObject({ ok: true, right: [1], correct: false });
	});

	it('passes on an observation error', () => {
		const bad = { ...q, observe: { of: 'member-state', member: 'NOPE' } as const };
		expect(judge(bad, moved, 0).ok).toBe(false);
	});
});
