// The compare worker's protocol and controller in Node: every malformed request is answered
// with an error naming the field (the worker never throws and the comparison carries on), and
// one wall-clock tick advances both sides on the one simulated clock.
import { describe, expect, it } from 'vitest';
import { CompareRun } from '$lib/core/compare/compare';
import { defaultSettings, PRESETS } from '$lib/core/compare/settings';
import { CompareHost } from '$lib/worker/compare-host';
import { FRAME_MS } from '$lib/worker/host-loop';
import {
	parseCompareRequest,
	type CompareFrame,
	type CompareWorkerMessage
} from '$lib/worker/compare-protocol';
import { drive } from './host-harness';

describe('parseCompareRequest', () => {
	it('accepts each request type', () => {
		const settings = defaultSettings();
		expect(parseCompareRequest({ id: 1, type: 'load', settings, play: true })).toEqual({
			ok: true,
			request: { id: 1, type: 'load', settings, play: true }
		});
		for (const type of ['play', 'pause', 'reset', 'finish'])
			expect(parseCompareRequest({ id: 2, type })).toEqual({ ok: true, request: { id: 2, type } });
		expect(parseCompareRequest({ id: 3, type: 'speed', speed: 100 })).toMatchObject({ ok: true });
	});

	const refused = (data: unknown) => {
		const r = parseCompareRequest(data);
		if (r.ok) throw new Error(`accepted ${JSON.stringify(data)}`);
		return r.error;
	};

	it.each([
		[null, null, 'a request must be an object (got null)'],
		[[1], null, 'a request must be an object (got an array)'],
		[{ type: 'play' }, 'id', 'id must be a non-negative integer (got missing)'],
		[{ id: -1, type: 'play' }, 'id', 'id must be a non-negative integer (got -1)'],
		[{ id: 1, type: 'seek' }, 'type', 'unknown request type "seek"'],
		[
			{ id: 1, type: 'speed', speed: 0 },
			'speed',
			'speed must be a number from 0.1 to 1000 (got 0)'
		],
		[{ id: 1, type: 'speed', speed: 'fast' }, 'speed', 'speed must be a number'],
		[{ id: 1, type: 'load' }, 'settings', 'settings must be an object (got missing)'],
		[
			{ id: 1, type: 'load', settings: defaultSettings(), play: 'yes' },
			'play',
			'play must be true or false'
		]
	])('refuses %j naming %s', (data, field, message) => {
		const e = refused(data);
		expect(e.field).toBe(field);
		expect(e.message).toContain(message);
		expect(e.type).toBe('error');
	});

	it('names the bad setting as a path under settings, and lists every one', () => {
		const settings = structuredClone(defaultSettings());
		settings.b.chpids = 4;
		settings.b.ctcsPerChpid = 5;
		settings.a.workload = 'bitcoin' as never;
		const e = refused({ id: 9, type: 'load', settings });
		expect(e).toMatchObject({ id: 9, field: 'settings.a.workload' });
		expect(e.message).toContain('settings.a.workload: Workload "bitcoin" is not one of');
		expect(e.message).toContain(
			'settings.b.ctcsPerChpid: 4 CHPIDs × 5 CTCs is 20 CTC devices; a logical link has at most 16'
		);
	});
});

/** A CompareHost whose wall clock and timers the test drives. */
function harness() {
	const h = drive<CompareWorkerMessage, CompareHost>((env) => new CompareHost(env));
	return {
		...h,
		last(): CompareFrame['view'] {
			const f = h.posted
				.map((p) => p.message)
				.filter((m): m is CompareFrame => m.type === 'frame')
				.at(-1);
			if (!f) throw new Error('no frame');
			return f.view;
		}
	};
}

describe('CompareHost', () => {
	it('answers a request before any load, and a bad one, without failing', () => {
		const h = harness();
		expect(h.send({ type: 'play' })).toMatchObject({
			type: 'error',
			message: 'no comparison is loaded: send a load request first'
		});
		h.host.receive('not a request');
		expect(h.posted.at(-1)?.message).toMatchObject({ id: null, type: 'error', field: null });
	});

	it('plays both sides on one clock: speed × wall time, the same for A and B', () => {
		const h = harness();
		expect(h.send({ type: 'load', settings: defaultSettings() })).toMatchObject({ of: 'load' });
		h.advance(FRAME_MS);
		expect(h.last()).toMatchObject({ now: 0, playing: false, done: false, generation: 1 });
		h.send({ type: 'speed', speed: 100 });
		h.send({ type: 'play' });
		h.advance(1_000);
		const v = h.last();
		// 1 s of wall time at 100×: about 100 s of simulated time would be past both ends, so
		// the clock stopped where the later side ended.
		const reference = new CompareRun(defaultSettings());
		reference.runToEnd();
		expect(v.done).toBe(true);
		expect(v.playing).toBe(false);
		expect(v.now).toBe(reference.nowMs);
		expect(v.sides.a.endedAtMs).toBe(reference.sides.a.endedAtMs);
		expect(v.sides.b.pagesSent).toBe(reference.sides.b.status().pagesSent);
		expect(v.differences.final).toBe(true);
	});

	it('a tick advances the shared clock once for both sides', () => {
		const h = harness();
		h.send({ type: 'load', settings: defaultSettings(), play: true });
		h.advance(200);
		const v = h.last();
		expect(v.now).toBeGreaterThan(100);
		expect(v.now).toBeLessThanOrEqual(200);
		expect(v.sides.a.phase).toBe('MovingMemory');
		expect(v.sides.b.phase).toBe('MovingMemory');
		// Pause holds the clock.
		h.send({ type: 'pause' });
		h.advance(FRAME_MS);
		const held = h.last().now;
		expect(h.last().playing).toBe(false);
		h.advance(500);
		expect(h.last().now).toBe(held);
	});

	it('runs to the end on finish, and reset goes back to time 0, paused, with a new generation', () => {
		const h = harness();
		const settings = PRESETS.find((p) => p.id === 'workload')!.settings;
		h.send({ type: 'load', settings });
		expect(h.send({ type: 'finish' })).toMatchObject({ of: 'finish' });
		h.advance(FRAME_MS * 3);
		const done = h.last();
		expect(done).toMatchObject({ done: true, playing: false, finishing: false });
		expect(h.send({ type: 'reset' })).toMatchObject({ of: 'reset' });
		h.advance(FRAME_MS);
		expect(h.last()).toMatchObject({ now: 0, done: false, playing: false });
		expect(h.last().generation).toBe(done.generation + 1);
		expect(h.last().settings).toEqual(settings);
	});

	it('a refused load leaves the running comparison alone', () => {
		const h = harness();
		h.send({ type: 'load', settings: defaultSettings(), play: true });
		h.advance(300);
		const before = h.last();
		const bad = structuredClone(defaultSettings()) as unknown as { a: { memoryBytes: unknown } };
		bad.a.memoryBytes = 'lots';
		expect(h.send({ type: 'load', settings: bad })).toMatchObject({
			type: 'error',
			field: 'settings.a.memoryBytes'
		});
		h.advance(100);
		const after = h.last();
		expect(after.generation).toBe(before.generation);
		expect(after.playing).toBe(true);
		expect(after.now).toBeGreaterThan(before.now);
	});

	it('sends no frame while nothing changes', () => {
		const h = harness();
		h.send({ type: 'load', settings: defaultSettings() });
		h.advance(FRAME_MS * 2);
		const count = h.posted.filter((p) => p.message.type === 'frame').length;
		h.advance(2_000);
		expect(h.posted.filter((p) => p.message.type === 'frame').length).toBe(count);
	});
});
