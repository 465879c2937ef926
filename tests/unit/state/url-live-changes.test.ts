// The two live-change inputs (guest.workload, link.ctcs) travel in links and through the worker
// protocol like every other input: a round trip gives them back field for field, a link with
// them replays to the same state, and a bad one is refused naming the field.
import { describe, expect, it } from 'vitest';
import { buildInitialState } from '$lib/core/model/build';
import type { SimInput, TimedInput } from '$lib/core/sim/events';
import { Simulation, replay } from '$lib/core/simulation';
import { packText } from '$lib/state/url-codec';
import {
	checkTimedInputs,
	decodeUrlState,
	encodeUrlState,
	type UrlState
} from '$lib/state/url-state';
import { resolveScenario } from '$lib/state/scenario-ref';
import { parseRequest } from '$lib/worker/protocol';

const workload: SimInput = {
	kind: 'guest.workload',
	user: 'LNXSU11',
	on: 'ITSOSSI5',
	workload: 'database'
};
const ctcs: SimInput = { kind: 'link.ctcs', link: 'ITSOSSI5-ITSOSSI6', chpid: '40', ctcs: 2 };

describe('links', () => {
	it('give both inputs back, field for field, and drop extra fields', async () => {
		const inputs: TimedInput[] = [
			{ at: 1_000, input: workload },
			{ at: 2_000.5, input: { ...ctcs, note: 'dropped' } as SimInput }
		];
		const s: UrlState = { scenario: { builtin: 'itsossib' }, seed: 3, inputs, t: 5_000 };
		const r = await decodeUrlState(await encodeUrlState(s));
		expect(r).toEqual({
			ok: true,
			value: { ...s, inputs: [inputs[0], { at: 2_000.5, input: ctcs }] }
		});
	});

	it('reproduce a run that changed a workload and a CTC count during a relocation', async () => {
		const spec = resolveScenario({ builtin: 'itsossib' });
		if (!spec.ok) throw new Error('itsossib');
		const sim = new Simulation(buildInitialState(spec.value, 11));
		sim.runUntil(3_000);
		sim.apply({ kind: 'command', on: 'ITSOSSI5', text: 'vmrelocate move lnxsu11 itsossi6 async' });
		sim.runUntil(3_420);
		sim.apply(workload);
		sim.runUntil(3_777);
		sim.apply(ctcs);
		sim.runUntil(20_000);
		const r = await decodeUrlState(
			await encodeUrlState({
				scenario: { builtin: 'itsossib' },
				seed: 11,
				inputs: sim.state.inputs,
				t: sim.now
			})
		);
		if (!r.ok) throw new Error(r.errors.join('\n'));
		const again = replay(buildInitialState(spec.value, r.value.seed), r.value.inputs, r.value.t);
		expect(again.snapshot()).toBe(sim.snapshot());
		expect(again.state.log.some((e) => e.kind === 'link.ctcs')).toBe(true);
		expect(again.state.log.some((e) => e.kind === 'guest.workload')).toBe(true);
	});

	it('refuse bad values, naming the field', async () => {
		const cases: [unknown, string][] = [
			[
				{ ...workload, workload: 'bitcoin' },
				'inputs[0].input.workload: "bitcoin" is not a workload preset (idle, web, database, java-gc, sap, muncher)'
			],
			[
				{ ...workload, user: 'TOO-LONG-NAME' },
				'inputs[0].input.user: "TOO-LONG-NAME" is not a user ID (1-8 letters, digits, @, # or $)'
			],
			[{ ...workload, on: 7 }, 'inputs[0].input.on: must be a member name (got 7)'],
			[{ ...ctcs, ctcs: 17 }, 'inputs[0].input.ctcs: must be an integer 1-16 (got 17)'],
			[{ ...ctcs, ctcs: 0 }, 'inputs[0].input.ctcs: must be an integer 1-16 (got 0)'],
			[{ ...ctcs, ctcs: 2.5 }, 'inputs[0].input.ctcs: must be an integer 1-16 (got 2.5)'],
			[{ ...ctcs, chpid: '400' }, 'inputs[0].input.chpid: "400" is not a CHPID (two hex digits)'],
			[
				{ ...ctcs, link: 'ITSOSSI5' },
				'inputs[0].input.link: "ITSOSSI5" is not a link id (two member names joined by "-")'
			]
		];
		for (const [input, error] of cases) {
			const errors: string[] = [];
			expect(checkTimedInputs([{ at: 0, input }], 'inputs', errors, 10)).toBeUndefined();
			expect(errors).toEqual([error]);
		}
		const link = new URLSearchParams({
			v: '1',
			scenario: 'itsossib',
			seed: '1',
			t: '10',
			inputs: await packText(JSON.stringify([{ at: 1, input: { ...ctcs, ctcs: 99 } }]))
		}).toString();
		const r = await decodeUrlState(link);
		expect(r).toEqual({
			ok: false,
			errors: ['inputs[0].input.ctcs: must be an integer 1-16 (got 99)']
		});
	});
});

describe('the worker protocol', () => {
	it('accepts both inputs', () => {
		for (const input of [workload, ctcs]) {
			expect(parseRequest({ id: 1, type: 'apply', input })).toEqual({
				ok: true,
				request: { id: 1, type: 'apply', input }
			});
		}
	});

	it('refuses bad ones, naming the field', () => {
		const cases: [unknown, string, string][] = [
			[
				{ ...workload, workload: 'x' },
				'input.workload',
				'input.workload must be one of idle, web, database, java-gc, sap, muncher (got "x")'
			],
			[{ ...workload, user: '' }, 'input.user', 'input.user must be a non-empty string (got "")'],
			[{ ...ctcs, ctcs: 17 }, 'input.ctcs', 'input.ctcs must be an integer from 1 to 16 (got 17)'],
			[
				{ ...ctcs, chpid: undefined },
				'input.chpid',
				'input.chpid must be a non-empty string (got missing)'
			]
		];
		for (const [input, field, message] of cases) {
			const r = parseRequest({ id: 4, type: 'apply', input });
			expect(r).toEqual({ ok: false, error: { id: 4, type: 'error', field, message } });
		}
	});
});
