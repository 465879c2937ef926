import { describe, expect, it } from 'vitest';
import { finishedBetween, parseMessage, stateKey, summarize } from '$lib/embed/api';
import { clampSeek, seekEnd, stepAction } from '$lib/embed/range';
import { elementSnippet, escapeAttribute, iframeSnippet } from '$lib/embed/snippet';
import type { RelocationView, SimView } from '$lib/worker/protocol';

const cmd = (command: string, extra: Record<string, unknown> = {}) => ({
	quiesce: 1,
	kind: 'command',
	id: 'c1',
	command,
	...extra
});

function invalid(data: unknown): string {
	const r = parseMessage(data);
	if (r.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(r)}`);
	return r.error;
}

describe('postMessage API v1: what is not for the embed is ignored', () => {
	it.each([
		['a string', 'play'],
		['null', null],
		['a list', [1, 2]],
		['an object without quiesce', { kind: 'command', command: 'play' }],
		['a Map', new Map([['quiesce', 1]])],
		['a Date', new Date(0)]
	])('%s', (_, data) => {
		expect(parseMessage(data)).toEqual({ kind: 'ignore' });
	});
});

describe('postMessage API v1: commands', () => {
	it.each([
		[cmd('play'), { command: 'play' }],
		[cmd('pause'), { command: 'pause' }],
		[cmd('step'), { command: 'step' }],
		[cmd('seek', { t: 0 }), { command: 'seek', t: 0 }],
		[cmd('seek', { t: 1234.5 }), { command: 'seek', t: 1234.5 }],
		[cmd('speed', { speed: 0.1 }), { command: 'speed', speed: 0.1 }],
		[cmd('speed', { speed: 1000 }), { command: 'speed', speed: 1000 }],
		[cmd('load', { scenario: 'itsossia' }), { command: 'load', scenario: 'itsossia' }],
		[
			cmd('load', { scenario: 'itsossia', seed: 7 }),
			{ command: 'load', scenario: 'itsossia', seed: 7 }
		],
		[cmd('load', { scenario: { name: 'x' } }), { command: 'load', scenario: { name: 'x' } }]
	])('%j is accepted', (data, command) => {
		expect(parseMessage(data)).toEqual({ kind: 'command', id: 'c1', command });
	});

	it('the id is optional (null), a string or a finite number', () => {
		const { id: _, ...noId } = cmd('play');
		expect(parseMessage(noId)).toMatchObject({ kind: 'command', id: null });
		expect(parseMessage({ ...cmd('play'), id: 3 })).toMatchObject({ kind: 'command', id: 3 });
		expect(invalid({ ...cmd('play'), id: { a: 1 } })).toMatch(/^id: must be a string/);
		expect(invalid({ ...cmd('play'), id: 'x'.repeat(101) })).toMatch(
			/^id: must be a string of at most 100/
		);
		expect(invalid({ ...cmd('play'), id: Infinity })).toMatch(/^id:/);
	});

	it('the wrong version, kind or command is answered with an error naming the field', () => {
		expect(invalid({ ...cmd('play'), quiesce: 2 })).toBe(
			'quiesce: version 2 is not supported (this embed speaks version 1)'
		);
		expect(invalid({ ...cmd('play'), quiesce: '1' })).toMatch(/^quiesce: version the string "1"/);
		expect(invalid({ ...cmd('play'), kind: 'event' })).toMatch(/^kind: must be "command"/);
		expect(invalid(cmd('rewind'))).toMatch(
			/^command: unknown command the string "rewind"; expected one of play, pause, step, seek, load, speed/
		);
		expect(invalid({ ...cmd('play'), command: 5 })).toMatch(/^command: must be a string \(got 5\)/);
	});

	it.each([
		['play', {}],
		['pause', {}],
		['step', {}],
		['seek', { t: 1 }],
		['speed', { speed: 2 }],
		['load', { scenario: 'itsossia' }]
	])('%s refuses extra fields', (name, fields) => {
		expect(invalid(cmd(name, { ...fields, extra: 1 }))).toMatch(
			new RegExp(`^extra: unknown field for "${name}"`)
		);
	});

	it.each([
		[cmd('seek'), /^t: must be a number of simulated milliseconds, 0 or more \(got a undefined\)/],
		[cmd('seek', { t: '100' }), /^t: .*the string "100"/],
		[cmd('seek', { t: -1 }), /^t: .*\(got -1\)/],
		[cmd('seek', { t: NaN }), /^t: .*\(got NaN\)/],
		[cmd('speed'), /^speed: must be a number from 0.1 to 1000/],
		[cmd('speed', { speed: 0 }), /^speed: .*\(got 0\)/],
		[cmd('speed', { speed: 1001 }), /^speed: .*\(got 1001\)/],
		[cmd('speed', { speed: '2' }), /^speed: .*the string "2"/],
		[cmd('load'), /^scenario: must be a built-in scenario's id or a scenario file's JSON object/],
		[cmd('load', { scenario: '' }), /^scenario: a built-in id must be 1-100 characters/],
		[cmd('load', { scenario: [1] }), /^scenario: .*\(got a list\)/],
		[
			cmd('load', { scenario: { constructor: 1 } }),
			/^scenario: the key "constructor" is not allowed/
		],
		[
			cmd('load', { scenario: { big: 'x'.repeat(300_000) } }),
			/^scenario: \d+ characters of JSON; the limit is 262144/
		],
		[
			cmd('load', { scenario: 'itsossia', seed: -1 }),
			/^seed: must be an integer 0-4294967295 \(got -1\)/
		],
		[cmd('load', { scenario: 'itsossia', seed: 1.5 }), /^seed: .*\(got 1.5\)/],
		[cmd('load', { scenario: 'itsossia', seed: '7' }), /^seed: .*the string "7"/]
	])('%j is refused', (data, error) => {
		expect(invalid(data)).toMatch(error);
	});

	it('a scenario nested deeper than a link may carry is refused', () => {
		let deep: Record<string, unknown> = {};
		const top = deep;
		for (let i = 0; i < 70; i++) {
			const next = {};
			deep.a = next;
			deep = next;
		}
		expect(invalid(cmd('load', { scenario: top }))).toMatch(/nested more than 64 levels deep/);
	});
});

function relocation(id: number, phase: RelocationView['phase']): RelocationView {
	return {
		id,
		user: 'ITSOLNX1',
		from: 'ITSOSSI1',
		to: 'ITSOSSI2',
		phase,
		status: phase,
		elapsedMs: 5000,
		quiesceMs: 120
	} as RelocationView;
}

function view(over: {
	now?: number;
	generation?: number;
	revision?: number;
	relocations?: RelocationView[];
	mode?: string;
	playing?: boolean;
}): SimView {
	return {
		frame: 1,
		generation: over.generation ?? 1,
		scenario: { id: 'itsossia', title: 'ITSO', source: 's', seed: 1 },
		cluster: { name: 'C', mode: over.mode ?? 'Stable' },
		now: over.now ?? 0,
		playing: over.playing ?? false,
		speed: 1,
		members: [{ name: 'ITSOSSI1', state: 'Joined' }],
		relocations: over.relocations ?? [],
		timeline: { revision: over.revision ?? 0 }
	} as unknown as SimView;
}

describe('events', () => {
	it('the state key ignores the clock but not the mode, playing or phases', () => {
		const range = { from: 0, to: null };
		const a = stateKey(summarize(view({ now: 1 }), range));
		expect(stateKey(summarize(view({ now: 2 }), range))).toBe(a);
		expect(stateKey(summarize(view({ mode: 'Safe' }), range))).not.toBe(a);
		expect(stateKey(summarize(view({ playing: true }), range))).not.toBe(a);
		expect(
			stateKey(summarize(view({ relocations: [relocation(1, 'MovingMemory')] }), range))
		).not.toBe(a);
	});

	it('a relocation is finished when it ends between two frames of the same run, once', () => {
		const moving = view({ relocations: [relocation(1, 'MovingMemory')] });
		const ended = view({ now: 9000, relocations: [relocation(1, 'Relocated')] });
		expect(finishedBetween(moving, ended)).toEqual([
			expect.objectContaining({ id: 1, outcome: 'Relocated', t: 9000, quiesceMs: 120 })
		]);
		expect(finishedBetween(ended, ended)).toEqual([]);
		// Issued and refused within one frame.
		expect(finishedBetween(view({}), view({ relocations: [relocation(2, 'Rejected')] }))).toEqual([
			expect.objectContaining({ id: 2, outcome: 'Rejected' })
		]);
		// A jump in time or a load shows it ended: not a finish.
		expect(
			finishedBetween(moving, view({ revision: 1, relocations: [relocation(1, 'Relocated')] }))
		).toEqual([]);
		expect(
			finishedBetween(moving, view({ generation: 2, relocations: [relocation(1, 'Relocated')] }))
		).toEqual([]);
		expect(finishedBetween(null, ended)).toEqual([]);
	});
});

describe('the locked range', () => {
	it('seeks stay inside the range and what the run has reached', () => {
		expect(clampSeek(500, { from: 1000, to: 5000 }, 9000)).toBe(1000);
		expect(clampSeek(7000, { from: 1000, to: 5000 }, 9000)).toBe(5000);
		expect(clampSeek(7000, { from: 0, to: null }, 6000)).toBe(6000);
		expect(clampSeek(3000, { from: 1000, to: 5000 }, 9000)).toBe(3000);
		expect(seekEnd({ from: 1000, to: 5000 }, 2000)).toBe(2000);
	});

	it('a step runs to the next event inside the range, to the end when the next is past it, or not at all', () => {
		expect(stepAction(0, 100, { from: 0, to: null })).toEqual({ kind: 'step' });
		expect(stepAction(0, 100, { from: 0, to: 5000 })).toEqual({ kind: 'step' });
		expect(stepAction(0, 6000, { from: 0, to: 5000 })).toEqual({ kind: 'to', t: 5000 });
		expect(stepAction(0, null, { from: 0, to: 5000 })).toEqual({ kind: 'to', t: 5000 });
		expect(stepAction(5000, 6000, { from: 0, to: 5000 })).toEqual({ kind: 'none' });
	});
});

describe('snippets', () => {
	it('escape attribute values', () => {
		expect(escapeAttribute('a"b<c>&d')).toBe('a&quot;b&lt;c&gt;&amp;d');
		expect(iframeSnippet('https://x.example/embed/#v=1&scenario=a"b')).toBe(
			'<iframe src="https://x.example/embed/#v=1&amp;scenario=a&quot;b" title="Quiesce: z/VM SSI cluster lab" width="100%" height="640" loading="lazy" style="border: 0"></iframe>'
		);
	});

	it('the element snippet carries every parameter but origin', () => {
		expect(
			elementSnippet(
				'https://x.example/embed.js',
				'v=1&scenario=itsossia&to=5000&origin=https%3A%2F%2Fa.example'
			)
		).toBe(
			'<script src="https://x.example/embed.js" defer></script>\n<quiesce-embed v="1" scenario="itsossia" to="5000"></quiesce-embed>'
		);
	});
});
