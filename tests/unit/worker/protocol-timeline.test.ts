// Validation of the time-travel requests (seek, stepBack, fork, reset, recording) and of the
// extended load (a built-in id or an inline scenario, a seed, recorded inputs and a time):
// every refusal names the offending field.
import { describe, expect, it } from 'vitest';
import {
	MAX_LOAD_INPUTS,
	MAX_SCENARIO_CHARS,
	parseRequest,
	REQUEST_TYPES
} from '$lib/worker/protocol';
import { builtinJson } from '$lib/core/scenarios/index';

/** The field a refused message names (fails the test if it was accepted). */
function refused(message: unknown): { field: string | null; message: string } {
	const r = parseRequest(message);
	if (r.ok) throw new Error(`accepted ${JSON.stringify(message)}`);
	return { field: r.error.field, message: r.error.message };
}

const command = { kind: 'command', on: 'ITSOSSI5', text: 'q ssi' };

describe('time-travel requests', () => {
	it('are known request types', () => {
		for (const t of ['seek', 'stepBack', 'fork', 'reset', 'recording']) {
			expect(REQUEST_TYPES).toContain(t);
		}
	});

	it('stepBack, fork, reset and recording take no fields', () => {
		for (const type of ['stepBack', 'fork', 'reset', 'recording'] as const) {
			expect(parseRequest({ id: 3, type })).toEqual({ ok: true, request: { id: 3, type } });
		}
	});

	it('seek takes a time in simulated ms, 0 or more', () => {
		expect(parseRequest({ id: 1, type: 'seek', t: 0 })).toEqual({
			ok: true,
			request: { id: 1, type: 'seek', t: 0 }
		});
		expect(parseRequest({ id: 1, type: 'seek', t: 86_400_001.5 })).toMatchObject({ ok: true });
		for (const t of [-1, Number.NaN, Infinity, '100', null, undefined, [5]]) {
			const e = refused({ id: 2, type: 'seek', t });
			expect(e.field).toBe('t');
			expect(e.message).toMatch(/^t must be a time in simulated ms, 0 or more/);
		}
	});
});

describe('load', () => {
	it('takes a built-in id with an optional seed, as before', () => {
		expect(parseRequest({ id: 1, type: 'load', scenario: 'itsossib', seed: 7 })).toEqual({
			ok: true,
			request: { id: 1, type: 'load', scenario: 'itsossib', seed: 7 }
		});
		expect(refused({ id: 1, type: 'load', scenario: '' }).field).toBe('scenario');
		expect(refused({ id: 1, type: 'load', scenario: 42 }).field).toBe('scenario');
		expect(refused({ id: 1, type: 'load', scenario: ['itsossib'] }).field).toBe('scenario');
		expect(refused({ id: 1, type: 'load', scenario: 'itsossib', seed: 2 ** 32 }).field).toBe(
			'seed'
		);
	});

	it('takes a scenario inline (its content is checked by the scenario validator on load)', () => {
		const inline = builtinJson('itsossib') as Record<string, unknown>;
		const r = parseRequest({ id: 1, type: 'load', scenario: inline, seed: 3 });
		expect(r).toEqual({ ok: true, request: { id: 1, type: 'load', scenario: inline, seed: 3 } });
	});

	it('refuses an inline scenario that is too large, or not plain JSON', () => {
		const big = { name: 'x', padding: 'x'.repeat(MAX_SCENARIO_CHARS) };
		const e = refused({ id: 1, type: 'load', scenario: big });
		expect(e.field).toBe('scenario');
		expect(e.message).toContain(`at most ${MAX_SCENARIO_CHARS}`);
		// A structured clone can carry a cycle; JSON cannot.
		const cyclic: Record<string, unknown> = { name: 'x' };
		cyclic.self = cyclic;
		expect(refused({ id: 1, type: 'load', scenario: cyclic })).toMatchObject({
			field: 'scenario',
			message: expect.stringMatching(/^scenario must be plain JSON/)
		});
	});

	it('takes recorded inputs and a time to replay to', () => {
		const inputs = [
			{ at: 0, input: command },
			{ at: 1_500, input: { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } } },
			{ at: 1_500, input: { kind: 'ipl', member: 'ITSOSSI6' } }
		];
		expect(parseRequest({ id: 1, type: 'load', scenario: 'itsossib', inputs, t: 2_000 })).toEqual({
			ok: true,
			request: { id: 1, type: 'load', scenario: 'itsossib', inputs, t: 2_000 }
		});
	});

	it('names the bad field of a recorded input', () => {
		const load = (inputs: unknown, t?: number) =>
			refused({
				id: 1,
				type: 'load',
				scenario: 'itsossib',
				inputs,
				...(t === undefined ? {} : { t })
			});
		expect(load({ at: 0 }).field).toBe('inputs');
		expect(load(['x']).field).toBe('inputs[0]');
		expect(load([{ at: -1, input: command }]).field).toBe('inputs[0].at');
		expect(
			load([
				{ at: 5, input: command },
				{ at: 4, input: command }
			])
		).toMatchObject({
			field: 'inputs[1].at',
			message: expect.stringContaining('in time order')
		});
		expect(load([{ at: 5, input: command }], 4)).toMatchObject({
			field: 'inputs[0].at',
			message: 'inputs[0].at is 5, after t (4)'
		});
		expect(load([{ at: 0 }]).field).toBe('inputs[0].input');
		expect(load([{ at: 0, input: { kind: 'command', on: 'ITSOSSI5' } }]).field).toBe(
			'inputs[0].input.text'
		);
		expect(
			load([{ at: 0, input: { kind: 'fault', fault: { kind: 'ctc.fail', link: 'A-B' } } }]).field
		).toBe('inputs[0].input.fault.chpid');
		const many = Array.from({ length: MAX_LOAD_INPUTS + 1 }, () => ({ at: 0, input: command }));
		expect(load(many).field).toBe('inputs');
	});

	it('names a bad time', () => {
		for (const t of [-5, 86_400_001, '10', Number.NaN]) {
			expect(refused({ id: 1, type: 'load', scenario: 'itsossib', t }).field).toBe('t');
		}
	});
});
