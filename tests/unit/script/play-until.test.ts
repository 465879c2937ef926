// The worker's `play` with `until`: playback pauses exactly at the time asked for, which is how
// scripted steps end where their script says; and a step run live equals its position loaded.
import { describe, expect, it } from 'vitest';
import { parseRequest } from '$lib/worker/protocol';
import { positionAfter, type ScriptedRun } from '$lib/script/script';
import { harness } from '../worker/host-harness';
import { latest, runStep } from './run-script';

describe('play until', () => {
	it('pauses exactly at `until`, and the frame says where it will stop while it plays', () => {
		const h = harness();
		h.send({ type: 'load', scenario: 'itsossia' });
		h.send({ type: 'speed', speed: 10 });
		expect(h.send({ type: 'play', until: 12_345 })).toMatchObject({ type: 'ok', of: 'play' });
		h.advance(100);
		expect(latest(h).view).toMatchObject({ playing: true, stopAt: 12_345 });
		h.advance(5000);
		expect(latest(h).view).toMatchObject({ playing: false, stopAt: null, now: 12_345 });
	});

	it('refuses a time not after the one shown, naming the field', () => {
		const h = harness();
		h.send({ type: 'load', scenario: 'itsossia' });
		h.send({ type: 'runFor', ms: 5000 });
		expect(h.send({ type: 'play', until: 5000 })).toMatchObject({
			type: 'error',
			field: 'until',
			message: 'until is 5000 ms, not after the time shown (5000 ms)'
		});
		expect(latest(h).view.playing).toBe(false);
	});

	it('a pause or a seek forgets the stop', () => {
		const h = harness();
		h.send({ type: 'load', scenario: 'itsossia' });
		h.send({ type: 'play', until: 60_000 });
		h.advance(500);
		h.send({ type: 'pause' });
		h.advance(100);
		expect(latest(h).view.stopAt).toBeNull();
		h.send({ type: 'play' });
		h.advance(100);
		expect(latest(h).view.stopAt).toBeNull();
	});

	it('validates until: a whole number of ms from 1', () => {
		for (const until of [0, -1, 1.5, '9', null]) {
			const r = parseRequest({ id: 1, type: 'play', until });
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.field).toBe('until');
		}
		expect(parseRequest({ id: 1, type: 'play', until: 10 })).toMatchObject({
			ok: true,
			request: { until: 10 }
		});
	});
});

describe('a step run live equals its end position loaded', () => {
	const run: ScriptedRun = {
		scenario: 'itsossia',
		seed: 3,
		steps: [
			{
				runMs: 120_000,
				inputs: [
					{
						after: 0,
						input: { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate move itsolnx1 to itsossi2' }
					},
					{ after: 1500, input: { kind: 'command', on: 'ITSOSSI1', text: 'vmrelocate status' } }
				]
			}
		]
	};

	it('same members, relocations and consoles either way', () => {
		const live = runStep(run, 0);
		const h = harness();
		const p = positionAfter(run, 0);
		h.send({ type: 'load', scenario: run.scenario, seed: run.seed, inputs: p.inputs, t: p.t });
		h.advance(100);
		const loaded = latest(h);
		expect(live.view.now).toBe(120_000);
		expect(loaded.view.now).toBe(120_000);
		expect(live.view.relocations.map((r) => r.outcome)).toEqual(['relocated']);
		expect(loaded.view.members).toEqual(live.view.members);
		expect(loaded.view.relocations).toEqual(live.view.relocations);
		expect(loaded.console).toEqual(live.console);
	});
});
