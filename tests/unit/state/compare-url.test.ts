// A comparison in the address: every preset round-trips through the query; a bad, unknown,
// repeated or oversized parameter is named and its field keeps the default, so a damaged link
// still opens a comparison. And the narration of the compare page's polite live region.
import { describe, expect, it } from 'vitest';
import { CompareRun } from '$lib/core/compare/compare';
import { defaultSettings, PRESETS, type CompareSettings } from '$lib/core/compare/settings';
import { narrateCompare } from '$lib/state/compare-narration';
import {
	compareLinkProblem,
	compareQuery,
	hasCompareQuery,
	MAX_PARAM_CHARS,
	readCompareQuery
} from '$lib/state/compare-url';
import { compareView } from '$lib/worker/compare-view';
import type { CompareView } from '$lib/worker/compare-protocol';

const read = (query: string) => readCompareQuery(new URLSearchParams(query));

describe('settings in the address', () => {
	it('every preset round-trips, readably', () => {
		for (const p of PRESETS) {
			const q = compareQuery(p.settings);
			expect(read(q)).toEqual({ settings: p.settings, errors: [] });
		}
		expect(compareQuery(defaultSettings())).toBe(
			'seed=1&a.memory=4G&a.workload=web&a.chpids=1&a.ctcsPerChpid=4&a.policy=zvm&a.immediate=no&a.maxQuiesce=default&a.maxTotal=NOLIMIT' +
				'&b.memory=4G&b.workload=web&b.chpids=1&b.ctcsPerChpid=1&b.policy=zvm&b.immediate=no&b.maxQuiesce=default&b.maxTotal=NOLIMIT'
		);
	});

	it('a short link gives only what differs from the default; the rest is the default', () => {
		const r = read('b.policy=xen&b.memory=8G&seed=42');
		expect(r.errors).toEqual([]);
		expect(r.settings).toEqual({
			seed: 42,
			a: defaultSettings().a,
			b: { ...defaultSettings().b, policy: 'xen', memoryBytes: 8 * 2 ** 30 }
		});
		expect(hasCompareQuery(new URLSearchParams('b.policy=xen'))).toBe(true);
		expect(hasCompareQuery(new URLSearchParams('utm_source=x'))).toBe(false);
	});

	it('names each bad parameter, and keeps the default for its field only', () => {
		const r = read(
			'seed=abc&a.chpids=9&a.memory=16G&b.ctcs=2&b.policy=qemu&b.immediate=yes&a.maxTotal=0'
		);
		expect(r.errors.map((e) => e.field)).toEqual([
			'b.ctcs',
			'seed',
			'a.chpids',
			'a.maxTotal',
			'b.immediate'
		]);
		expect(r.errors[0]!.message).toMatch(/^b\.ctcs is not a setting of side B \(b\.memory, /);
		const d = defaultSettings();
		expect(r.settings).toEqual({
			seed: d.seed,
			a: { ...d.a, memoryBytes: 16 * 2 ** 30 },
			b: { ...d.b, policy: 'qemu' }
		});
		const text = compareLinkProblem(r.errors);
		expect(text).toMatch(/^Some settings in this link could not be used: b\.ctcs is not a setting/);
		expect(text).toContain('a.chpids: CHPIDs "9" is not a whole number from 1 to 4');
		expect(text).toMatch(/Those fields keep their defaults\.$/);
	});

	it('a link over the device limit keeps the default CTC count', () => {
		const r = read('a.chpids=4&a.ctcsPerChpid=5');
		expect(r.errors).toEqual([
			{
				field: 'a.ctcsPerChpid',
				message: '4 CHPIDs × 5 CTCs is 20 CTC devices; a logical link has at most 16'
			}
		]);
		expect(r.settings.a).toMatchObject({ chpids: 4, ctcsPerChpid: 4 });
	});

	it('refuses repeated and oversized values, and is not fooled by hostile names', () => {
		const long = 'x'.repeat(MAX_PARAM_CHARS + 1);
		const r = read(`a.memory=8G&a.memory=1G&b.workload=${long}&a.__proto__=1&b.constructor=2`);
		expect(r.errors.map((e) => e.field)).toEqual([
			'a.memory',
			'b.workload',
			'a.__proto__',
			'b.constructor'
		]);
		expect(r.errors[0]!.message).toBe('a.memory is given more than once; the first is used');
		expect(r.errors[1]!.message).toBe(`b.workload is longer than ${MAX_PARAM_CHARS} characters`);
		expect(r.settings.a.memoryBytes).toBe(8 * 2 ** 30);
		expect(r.settings.b.workload).toBe(defaultSettings().b.workload);
		expect(Object.getPrototypeOf(r.settings.a)).toBe(Object.prototype);
	});
});

/** Frames of a run, as the worker would build them, at the given clock times. */
function frames(settings: CompareSettings, times: number[]): CompareView[] {
	const run = new CompareRun(settings);
	return times.map((t, i) => {
		run.advanceTo(t);
		return compareView(run, {
			frame: i + 1,
			generation: 1,
			playing: true,
			finishing: false,
			speed: 1
		});
	});
}

describe('narration (the one polite live region)', () => {
	it('says what differs when a comparison starts, and a reset', () => {
		const [first] = frames(defaultSettings(), [0]);
		expect(narrateCompare(null, first!)).toBe(
			'New comparison. A and B differ only in CTCs per CHPID (4 against 1).'
		);
		expect(narrateCompare(first!, { ...first!, generation: 2 })).toBe(
			'Back to the start of the comparison: both MOVEs issued at 0.'
		);
	});

	it('says phase changes and outcomes, not the clock or the counts', () => {
		const [a, b, c] = frames(defaultSettings(), [50, 150, 1_000]);
		expect(narrateCompare(a!, b!)).toBe('A: Moving Memory. B: Moving Memory.');
		expect(narrateCompare(b!, c!)).toBeNull();
	});

	it('gives the outcome of each side and the final differences in words', () => {
		const run = new CompareRun(defaultSettings());
		run.runToEnd();
		const endA = run.sides.a.endedAtMs!;
		const [before, aDone, after] = frames(defaultSettings(), [endA - 1, endA, run.nowMs]);
		expect(narrateCompare(before!, aDone!)).toMatch(
			/^A relocated in 8\.12 s, quiesced for \d+ ms\.$/
		);
		const end = narrateCompare(aDone!, after!)!;
		expect(end).toMatch(/^B relocated in 23\.7 s, quiesced for \d+ ms\. Comparison done\. /);
		expect(end).toContain(after!.differences.sentences.join(' '));
		expect(end).toContain("B's total time was 2.9× longer than A's");
	});

	it('says a MAXQUIESCE cancellation', () => {
		const settings = PRESETS.find((p) => p.id === 'maxquiesce')!.settings;
		const run = new CompareRun(settings);
		run.runToEnd();
		const t = run.sides.b.endedAtMs!;
		const [x, y] = frames(settings, [t - 1, t]);
		expect(narrateCompare(x!, y!)).toBe(
			'B was cancelled after 4.17 s: MAXQUIESCE exceeded; the guest stays on the source.'
		);
	});
});
