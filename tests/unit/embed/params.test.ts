import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '$lib/core/scenarios/catalog';
import {
	checkOrigin,
	DEFAULT_CONTROLS,
	DEFAULT_PANELS,
	embedParamText,
	loadTime,
	parseEmbedParams,
	type EmbedParams
} from '$lib/embed/params';
import { encodeUrlState } from '$lib/state/url-state';

async function ok(search: string, hash = ''): Promise<EmbedParams> {
	const r = await parseEmbedParams(search, hash);
	if (!r.ok) throw new Error(r.errors.join('\n'));
	return r.value;
}

async function errorsOf(search: string, hash = ''): Promise<string[]> {
	const r = await parseEmbedParams(search, hash);
	if (r.ok) throw new Error(`expected errors for ${search}${hash}`);
	return r.errors;
}

describe('embed parameters: defaults', () => {
	it('an empty address is the default scenario with its own seed, at 0, default panels and controls', async () => {
		const p = await ok('', '');
		expect(p.scenario).toEqual({ builtin: DEFAULT_SCENARIO });
		expect(p.seed).toBeUndefined();
		expect(p.t).toBe(0);
		expect(p.inputs).toEqual([]);
		expect(p.speed).toBeUndefined();
		expect(p.from).toBe(0);
		expect(p.to).toBeNull();
		expect(p.autoplay).toBe(false);
		expect(p.panels).toEqual(DEFAULT_PANELS);
		expect(p.controls).toEqual(DEFAULT_CONTROLS);
		expect(p.theme).toBeNull();
		expect(p.origin).toBeNull();
	});

	it('a plain anchor in the hash is not parameters: the query is read', async () => {
		const p = await ok('?scenario=itsossia', '#top');
		expect(p.scenario).toEqual({ builtin: 'itsossia' });
	});
});

describe('embed parameters: the lab link state', () => {
	it('reads a link the lab writes (hash), with seed, inputs, t and speed', async () => {
		const encoded = await encodeUrlState({
			scenario: { builtin: 'itsossia' },
			seed: 42,
			inputs: [{ at: 1000, input: { kind: 'command', on: 'ITSOSSI1', text: 'q time' } }],
			t: 5000,
			speed: 5
		});
		const p = await ok('', `#${encoded}&from=1000&to=4000`);
		expect(p.scenario).toEqual({ builtin: 'itsossia' });
		expect(p.seed).toBe(42);
		expect(p.inputs).toHaveLength(1);
		expect(p.t).toBe(5000);
		expect(p.speed).toBe(5);
		expect(p.from).toBe(1000);
		expect(p.to).toBe(4000);
		expect(loadTime(p)).toBe(5000);
	});

	it("reports the link state's own errors by parameter", async () => {
		expect((await errorsOf('?v=2')).join()).toMatch(/^v: version "2"/);
		expect((await errorsOf('?scenario=nope')).join()).toMatch(
			/^scenario: no built-in scenario "nope"/
		);
		expect((await errorsOf('?seed=-1')).join()).toMatch(/^seed:/);
		expect((await errorsOf('?t=abc')).join()).toMatch(/^t:/);
		expect((await errorsOf('?speed=5000')).join()).toMatch(/^speed: 5000 is out of range/);
		expect((await errorsOf('?inputs=!!!')).join()).toMatch(/^inputs:/);
		expect((await errorsOf('?scenario=itsossia&scenario=itsossib')).join()).toMatch(
			/scenario: given 2 times/
		);
	});

	it('refuses parameters in both the query and the hash, and unknown parameters', async () => {
		expect(await errorsOf('?scenario=itsossia', '#v=1&seed=1')).toEqual([
			expect.stringMatching(/both the query .* and the hash/)
		]);
		expect(await errorsOf('?colour=red')).toEqual([
			expect.stringMatching(/^colour: unknown parameter/)
		]);
	});
});

describe('embed parameters: range', () => {
	it('from and to in simulated ms; the run loads to the latest of t, from and to', async () => {
		const p = await ok('?from=2000&to=60000.5');
		expect([p.from, p.to]).toEqual([2000, 60000.5]);
		expect(loadTime(p)).toBe(60000.5);
		expect(loadTime({ t: 0, from: 3000, to: null })).toBe(3000);
	});

	it.each([
		['from=-1', /^from: "-1" is not a number/],
		['from=1e3', /^from: "1e3" is not a number/],
		['to=abc', /^to: "abc" is not a number/],
		['to=', /^to: "" is not a number/],
		['to=86400001', /^to: 86400001 ms is more than/],
		['from=5000&to=5000', /^to: 5000 ms must be after from \(5000 ms\)/],
		['from=5000&to=1000', /^to: 1000 ms must be after from/],
		['from=1&from=2', /^from: given 2 times/]
	])('%s is refused', async (query, error) => {
		expect(await errorsOf(`?${query}`)).toEqual([expect.stringMatching(error)]);
	});
});

describe('embed parameters: autoplay, panels, controls, theme', () => {
	it.each([
		['autoplay=1', true],
		['autoplay=true', true],
		['autoplay', true],
		['autoplay=0', false],
		['autoplay=false', false]
	])('%s', async (query, value) => {
		expect((await ok(`?${query}`)).autoplay).toBe(value);
	});

	it('autoplay=yes is refused', async () => {
		expect(await errorsOf('?autoplay=yes')).toEqual([
			expect.stringMatching(/^autoplay: "yes" must be 1 or 0/)
		]);
	});

	it('panels and controls are shown in a fixed order; controls=none hides them all', async () => {
		const p = await ok('?panels=log,topology&controls=seek,play');
		expect(p.panels).toEqual(['topology', 'log']);
		expect(p.controls).toEqual(['play', 'seek']);
		expect((await ok('?controls=none')).controls).toEqual([]);
	});

	it.each([
		['panels=topology,map', /^panels: "map" is not one of status, topology/],
		['panels=', /^panels: an empty item/],
		['panels=none', /^panels: "none" is not one of/],
		['panels=log,log', /^panels: "log" is listed twice/],
		[
			'controls=play,rewind',
			/^controls: "rewind" is not one of play, step, seek, speed \(or none alone\)/
		],
		['controls=none,play', /^controls: "none" is not one of/]
	])('%s is refused', async (query, error) => {
		expect(await errorsOf(`?${query}`)).toEqual([expect.stringMatching(error)]);
	});

	it('theme: light, dark or projector', async () => {
		for (const theme of ['light', 'dark', 'projector'] as const) {
			expect((await ok(`?theme=${theme}`)).theme).toBe(theme);
		}
		expect(await errorsOf('?theme=blue')).toEqual([
			expect.stringMatching(/^theme: "blue" is not a theme \(light, dark, projector\)/)
		]);
	});
});

describe('embed parameters: origin', () => {
	it('an exact http(s) origin turns the API on', async () => {
		expect((await ok('?origin=https://docs.example.org')).origin).toBe('https://docs.example.org');
		expect((await ok('?origin=http://localhost:8080')).origin).toBe('http://localhost:8080');
	});

	it.each([
		['*', /is not an origin/],
		['null', /is not an origin/],
		[
			'https://docs.example.org/',
			/no path or trailing slash \(did you mean https:\/\/docs.example.org\?\)/
		],
		['https://docs.example.org/guide', /no path/],
		['ftp://example.org', /must be an http: or https: origin/],
		['javascript:alert(1)', /must be an http: or https: origin/],
		['https://user@example.org', /must be exactly an origin/]
	])('%s is refused', async (origin, error) => {
		expect(checkOrigin(origin)).toEqual({ ok: false, error: expect.stringMatching(error) });
		const r = await parseEmbedParams(`?origin=${encodeURIComponent(origin)}`, '');
		expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/^origin: /)], origin: null });
	});

	it('a valid origin comes back with the other errors (so the host can be told)', async () => {
		const r = await parseEmbedParams('?origin=https://a.example&theme=blue', '');
		expect(r).toEqual({
			ok: false,
			errors: [expect.stringMatching(/^theme:/)],
			origin: 'https://a.example'
		});
	});
});

describe('embedParamText', () => {
	it('adds only the options that differ from the defaults, and reads back the same', async () => {
		const encoded = await encodeUrlState({
			scenario: { builtin: 'itsossia' },
			seed: 7,
			inputs: [],
			t: 9000
		});
		const plain = embedParamText(encoded, {
			from: 0,
			to: null,
			autoplay: false,
			panels: DEFAULT_PANELS,
			controls: DEFAULT_CONTROLS,
			theme: null,
			origin: null
		});
		expect(plain).toBe(encoded);
		const text = embedParamText(encoded, {
			from: 1000,
			to: 9000,
			autoplay: true,
			panels: ['topology'],
			controls: [],
			theme: 'dark',
			origin: 'https://docs.example.org'
		});
		const p = await ok('', `#${text}`);
		expect(p).toMatchObject({
			seed: 7,
			t: 9000,
			from: 1000,
			to: 9000,
			autoplay: true,
			panels: ['topology'],
			controls: [],
			theme: 'dark',
			origin: 'https://docs.example.org'
		});
	});
});
