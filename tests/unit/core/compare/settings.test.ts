// The compare settings' validation: every bad field is refused with a message naming the field
// and saying what is wrong, from the form's text (parseSideFields, parseCompareFields) and from a
// message's typed values (validateSettings). Limits: 000 §2 / 001 (1-4 CHPIDs, at most 16 CTCs),
// 000 §3.6.1 (MAXTOTAL, MAXQUIESCE and their defaults), the engine's 1 TiB.
import { describe, expect, it } from 'vitest';
import {
	BASE_SIDE,
	compareFields,
	defaultSettings,
	effectiveMaxQuiesceMs,
	parseCompareFields,
	parseSeed,
	parseSideFields,
	PRESETS,
	sideFields,
	validateSettings,
	type SideFields
} from '$lib/core/compare/settings';

const fields = (patch: Partial<SideFields> = {}): SideFields => ({
	...sideFields(BASE_SIDE),
	...patch
});

/** The errors of one side's fields, as `field: message`. */
function errorsOf(patch: Partial<SideFields>): string[] {
	const r = parseSideFields(fields(patch), 'b');
	expect(r.value).toBeNull();
	return r.errors.map((e) => `${e.field}: ${e.message}`);
}

describe('side fields as typed', () => {
	it('reads good text, case and blanks forgiven', () => {
		const r = parseSideFields(
			fields({
				memory: ' 512m ',
				workload: 'database',
				chpids: '2',
				ctcsPerChpid: '8',
				policy: 'zvm',
				immediate: 'YES',
				maxQuiesce: 'nolimit',
				maxTotal: '120'
			}),
			'a'
		);
		expect(r.errors).toEqual([]);
		expect(r.value).toEqual({
			memoryBytes: 512 * 2 ** 20,
			workload: 'database',
			chpids: 2,
			ctcsPerChpid: 8,
			policy: 'zvm',
			immediate: true,
			maxQuiesce: 'NOLIMIT',
			maxTotal: 120
		});
	});

	it('an empty MAXQUIESCE or "default" is the default; an empty MAXTOTAL is NOLIMIT', () => {
		for (const mq of ['', 'default', 'DEFAULT']) {
			const v = parseSideFields(fields({ maxQuiesce: mq, maxTotal: '' }), 'a').value!;
			expect(v.maxQuiesce).toBe('default');
			expect(v.maxTotal).toBe('NOLIMIT');
		}
		expect(effectiveMaxQuiesceMs(BASE_SIDE)).toBe(10_000);
		expect(effectiveMaxQuiesceMs({ ...BASE_SIDE, immediate: true })).toBe(Infinity);
		expect(effectiveMaxQuiesceMs({ ...BASE_SIDE, immediate: true, maxQuiesce: 3 })).toBe(3_000);
	});

	it.each([
		['4', 'b.memory: Guest memory: "4" has no unit'],
		['lots', 'b.memory: Guest memory: "LOTS" is not a z/VM size'],
		['512K', 'b.memory: Guest memory 512K is outside 1M to 1T'],
		['2T', 'b.memory: Guest memory 2T is outside 1M to 1T'],
		['1.5K', 'b.memory: Guest memory 1.5K is outside 1M to 1T'],
		['1025K', 'b.memory: Guest memory 1025K is not a whole number of 4K pages']
	])('guest memory %j is refused', (memory, message) => {
		expect(errorsOf({ memory })[0]).toContain(message);
	});

	it.each([
		[{ workload: 'bitcoin' }, 'b.workload: Workload "bitcoin" is not one of idle, web, database'],
		[{ chpids: '0' }, 'b.chpids: CHPIDs "0" is not a whole number from 1 to 4'],
		[{ chpids: '5' }, 'b.chpids: CHPIDs "5" is not a whole number from 1 to 4'],
		[{ chpids: 'two' }, 'b.chpids: CHPIDs "two" is not a whole number from 1 to 4'],
		[
			{ ctcsPerChpid: '0' },
			'b.ctcsPerChpid: CTCs per CHPID "0" is not a whole number from 1 to 16'
		],
		[{ ctcsPerChpid: '2.5' }, 'b.ctcsPerChpid: CTCs per CHPID "2.5" is not a whole number'],
		[
			{ chpids: '4', ctcsPerChpid: '5' },
			'b.ctcsPerChpid: 4 CHPIDs × 5 CTCs is 20 CTC devices; a logical link has at most 16'
		],
		[{ policy: 'vmware' }, 'b.policy: Policy "vmware" is not one of zvm, qemu, xen'],
		[{ immediate: 'maybe' }, 'b.immediate: IMMEDIATE "maybe" is not yes or no'],
		[
			{ policy: 'qemu', immediate: 'yes' },
			'b.immediate: IMMEDIATE is a VMRELOCATE option: it applies to the z/VM policy only, not QEMU'
		],
		[
			{ maxQuiesce: '0' },
			'b.maxQuiesce: MAXQUIESCE "0" is not a number of seconds from 1 to 99999999'
		],
		[{ maxQuiesce: '-1' }, 'b.maxQuiesce: MAXQUIESCE "-1" is not a number of seconds'],
		[{ maxQuiesce: '10s' }, 'b.maxQuiesce: MAXQUIESCE "10s" is not a number of seconds'],
		[{ maxTotal: '100000000' }, 'b.maxTotal: MAXTOTAL "100000000" is not a number of seconds'],
		[{ maxTotal: 'default' }, 'b.maxTotal: MAXTOTAL "default" is not a number of seconds']
	] as [Partial<SideFields>, string][])('%j is refused', (patch, message) => {
		expect(errorsOf(patch)).toEqual([expect.stringContaining(message)]);
	});

	it('names every bad field at once, and a missing one', () => {
		const f: Partial<SideFields> = fields({ chpids: '9', policy: 'x' });
		delete f.workload;
		const r = parseSideFields(f, 'a');
		expect(r.errors.map((e) => e.field)).toEqual(['a.workload', 'a.chpids', 'a.policy']);
		expect(r.errors[0]!.message).toBe('Workload is missing');
	});

	it('the seed is a whole number from 0 to 2^32 − 1', () => {
		expect(parseSeed('0')).toBe(0);
		expect(parseSeed('4294967295')).toBe(4294967295);
		for (const bad of ['-1', '4294967296', '1e3', 'x', ''])
			expect(parseSeed(bad)).toMatchObject({ field: 'seed' });
	});

	it('a whole form: fields round-trip, and errors of both sides and the seed come together', () => {
		for (const p of PRESETS) {
			expect(parseCompareFields(compareFields(p.settings))).toEqual({
				ok: true,
				value: p.settings
			});
		}
		const f = compareFields(defaultSettings());
		f.seed = 'x';
		f.a.memory = '0M';
		f.b.ctcsPerChpid = '17';
		const r = parseCompareFields(f);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['seed', 'a.memory', 'b.ctcsPerChpid']);
	});
});

describe('settings in a message (validateSettings)', () => {
	it('accepts every preset, and returns a copy without stray keys', () => {
		for (const p of PRESETS)
			expect(validateSettings(p.settings)).toEqual({ ok: true, value: p.settings });
	});

	const bad = (patch: (s: Record<string, unknown>) => void) => {
		const s = structuredClone(defaultSettings()) as unknown as Record<string, unknown>;
		patch(s);
		const r = validateSettings(s);
		expect(r.ok).toBe(false);
		return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`);
	};
	const side = (s: Record<string, unknown>, k: 'a' | 'b') => s[k] as Record<string, unknown>;

	it.each([
		[
			(s: Record<string, unknown>) => (s.seed = -1),
			'seed: seed must be a whole number from 0 to 4294967295 (got -1)'
		],
		[(s: Record<string, unknown>) => (s.seed = '1'), 'seed: seed must be a whole number'],
		[(s: Record<string, unknown>) => (s.c = {}), 'c: c is not a setting (expected seed, a and b)'],
		[(s: Record<string, unknown>) => (s.a = null), 'a: a must be an object (got null)'],
		[
			(s: Record<string, unknown>) => (side(s, 'b').memoryBytes = '4G'),
			'b.memoryBytes: b.memoryBytes must be a number of bytes (got "4G")'
		],
		[
			(s: Record<string, unknown>) => (side(s, 'b').memoryBytes = 2 ** 50),
			'b.memoryBytes: Guest memory 1024T is outside 1M to 1T'
		],
		[
			(s: Record<string, unknown>) => (side(s, 'b').memoryBytes = 2 ** 30 + 1),
			'b.memoryBytes: Guest memory'
		],
		[
			(s: Record<string, unknown>) => (side(s, 'a').chpids = 1.5),
			'a.chpids: CHPIDs "1.5" is not a whole number from 1 to 4'
		],
		[
			(s: Record<string, unknown>) => (side(s, 'a').immediate = 'yes'),
			'a.immediate: a.immediate must be true or false'
		],
		[
			(s: Record<string, unknown>) => (side(s, 'a').maxQuiesce = 0),
			'a.maxQuiesce: MAXQUIESCE "0" is not a number of seconds'
		],
		[
			(s: Record<string, unknown>) => (side(s, 'a').maxTotal = 'default'),
			'a.maxTotal: a.maxTotal must be seconds or "NOLIMIT"'
		],
		[(s: Record<string, unknown>) => (side(s, 'a').extra = 1), 'a.extra: a.extra is not a setting'],
		[
			(s: Record<string, unknown>) => {
				side(s, 'a').policy = 'xen';
				side(s, 'a').immediate = true;
			},
			'a.immediate: IMMEDIATE is a VMRELOCATE option: it applies to the z/VM policy only, not Xen'
		]
	])('refuses a bad value (%#)', (patch, message) => {
		expect(bad(patch)).toEqual([expect.stringContaining(message)]);
	});

	it('refuses what is not an object, and never throws on hostile input', () => {
		for (const v of [null, 3, 'x', [], undefined])
			expect(validateSettings(v)).toMatchObject({ ok: false, errors: [{ field: 'settings' }] });
		const hostile = JSON.parse('{"seed":1,"a":{"__proto__":{"x":1}},"b":[]}');
		const r = validateSettings(hostile);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors.map((e) => e.field)).toContain('b');
	});
});
