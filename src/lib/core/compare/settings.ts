/**
 * The settings of a side-by-side comparison: one relocation of one guest under two settings A
 * and B (issue 4, "A side-by-side compare mode"), with their validation. Every error names its
 * field as `a.ctcsPerChpid` and says what is wrong with the value, so a form can mark the field
 * and a link can say which parameter was bad.
 *
 * Limits follow the documents and the engine: a logical link is 1-4 CHPIDs and at most 16 CTC
 * devices (000 §2, 001 "CTC Connections – How Many Do I Need?"); MAXTOTAL and MAXQUIESCE are
 * whole seconds 1-99,999,999 or NOLIMIT, MAXQUIESCE defaulting to 10 s, NOLIMIT with IMMEDIATE
 * (000 §3.6.1, as `VMRELOCATE MOVE` parses them); the engine holds guests up to 1 TiB.
 */
import { formatSize, parseSize } from '../config/sizes';
import { DEFAULT_MAX_QUIESCE_MS } from '../engine/policy-zvm';
import { MAX_PAGES, PAGE_BYTES } from '../engine/page-map';
import { WORKLOAD_PRESETS, type WorkloadPreset } from '../engine/workload';
import { MAX_CHPIDS, MAX_CTCS } from '../model/link';

/** The stop-and-copy policies a side can run (engine/policy-*.ts). */
export const POLICIES = ['zvm', 'qemu', 'xen'] as const;
export type PolicyId = (typeof POLICIES)[number];

/** How the policies are named to a learner. */
export const POLICY_LABELS: Record<PolicyId, string> = {
	zvm: 'z/VM',
	qemu: 'QEMU',
	xen: 'Xen'
};

/** The workload presets, in the order a form lists them. */
export const WORKLOADS = Object.keys(WORKLOAD_PRESETS) as WorkloadPreset[];

/** A VMRELOCATE limit: whole seconds, or NOLIMIT. */
export type Limit = number | 'NOLIMIT';

/** One side's relocation. */
export interface SideSettings {
	/** The guest's storage, bytes (a whole number of 4 KiB pages). */
	memoryBytes: number;
	workload: WorkloadPreset;
	/** CHPIDs of the ISFC logical link, 1-4. */
	chpids: number;
	/** CTC devices on each CHPID, 1-16; chpids × ctcsPerChpid is at most 16. */
	ctcsPerChpid: number;
	policy: PolicyId;
	/** VMRELOCATE IMMEDIATE (z/VM only). */
	immediate: boolean;
	/** MAXQUIESCE; `default` is VMRELOCATE's: 10 s, or NOLIMIT with IMMEDIATE. */
	maxQuiesce: Limit | 'default';
	/** MAXTOTAL (VMRELOCATE's default is NOLIMIT). */
	maxTotal: Limit;
}

export interface CompareSettings {
	/** Seed of both guests' workloads: the same writes on both sides, so only the settings differ. */
	seed: number;
	a: SideSettings;
	b: SideSettings;
}

export type SideKey = 'a' | 'b';
export const SIDES: readonly SideKey[] = ['a', 'b'];

/** A bad field: its path (`b.chpids`) and what is wrong. */
export interface SettingsError {
	field: string;
	message: string;
}

export type SettingsResult =
	{ ok: true; value: CompareSettings } | { ok: false; errors: SettingsError[] };

/** Smallest and largest guest: 1 MiB, and the engine's 1 TiB. */
export const MIN_MEMORY_BYTES = 2 ** 20;
export const MAX_MEMORY_BYTES = MAX_PAGES * PAGE_BYTES;
/** Largest MAXTOTAL or MAXQUIESCE: eight digits of seconds, as CP's operands. */
export const MAX_LIMIT_S = 99_999_999;
export const MAX_SEED = 0xffff_ffff;

/** The side both presets start from: a 4 GiB web server on one CHPID with four CTCs, z/VM. */
export const BASE_SIDE: SideSettings = {
	memoryBytes: 4 * 2 ** 30,
	workload: 'web',
	chpids: 1,
	ctcsPerChpid: 4,
	policy: 'zvm',
	immediate: false,
	maxQuiesce: 'default',
	maxTotal: 'NOLIMIT'
};

export const DEFAULT_SEED = 1;

/** A 2 GiB guest rewriting all its memory faster than the fastest link (workload.ts). */
const MUNCHER: SideSettings = {
	...BASE_SIDE,
	memoryBytes: 2 * 2 ** 30,
	workload: 'muncher',
	chpids: 4
};

/**
 * Starting points that make A and B equal but for one thing, so a first look shows what that
 * one thing does. The first is the page's default.
 */
export const PRESETS: readonly {
	id: string;
	label: string;
	settings: CompareSettings;
}[] = [
	{
		id: 'ctcs',
		label: 'CTC count: 4 CTCs against 1',
		settings: { seed: DEFAULT_SEED, a: BASE_SIDE, b: { ...BASE_SIDE, ctcsPerChpid: 1 } }
	},
	{
		id: 'immediate',
		label: 'IMMEDIATE against the default (busy database)',
		settings: {
			seed: DEFAULT_SEED,
			a: { ...BASE_SIDE, workload: 'database' },
			b: { ...BASE_SIDE, workload: 'database', immediate: true }
		}
	},
	{
		id: 'workload',
		label: 'Workload: idle against database',
		settings: {
			seed: DEFAULT_SEED,
			a: { ...BASE_SIDE, workload: 'idle' },
			b: { ...BASE_SIDE, workload: 'database' }
		}
	},
	{
		id: 'policy',
		label: 'Policy: z/VM against QEMU',
		settings: { seed: DEFAULT_SEED, a: BASE_SIDE, b: { ...BASE_SIDE, policy: 'qemu' } }
	},
	{
		id: 'maxquiesce',
		label: 'MAXQUIESCE: 10 s against 1 s (memory muncher)',
		settings: {
			seed: DEFAULT_SEED,
			a: { ...MUNCHER },
			b: { ...MUNCHER, maxQuiesce: 1 }
		}
	}
];

/** The page's default comparison: the first preset. */
export function defaultSettings(): CompareSettings {
	const s = PRESETS[0]!.settings;
	return { seed: s.seed, a: { ...s.a }, b: { ...s.b } };
}

/** MAXQUIESCE in force, ms (Infinity for NOLIMIT): VMRELOCATE's default when none is given. */
export function effectiveMaxQuiesceMs(s: SideSettings): number {
	if (s.maxQuiesce === 'default') return s.immediate ? Infinity : DEFAULT_MAX_QUIESCE_MS;
	return limitMs(s.maxQuiesce);
}

/** A limit in ms; Infinity for NOLIMIT. */
export function limitMs(l: Limit): number {
	return l === 'NOLIMIT' ? Infinity : l * 1000;
}

/** A limit as VMRELOCATE spells it: `10` or `NOLIMIT`; `default` for MAXQUIESCE's default. */
export function limitText(l: Limit | 'default'): string {
	return String(l);
}

// ---------------------------------------------------------------------------------------------
// Field text: what a form or a link holds, parsed field by field.

/** One side's fields as text, as a form or a link holds them. */
export interface SideFields {
	memory: string;
	workload: string;
	chpids: string;
	ctcsPerChpid: string;
	policy: string;
	immediate: string;
	maxQuiesce: string;
	maxTotal: string;
}

export const SIDE_FIELDS: readonly (keyof SideFields)[] = [
	'memory',
	'workload',
	'chpids',
	'ctcsPerChpid',
	'policy',
	'immediate',
	'maxQuiesce',
	'maxTotal'
];

/** How each field is named in errors a learner reads next to the field. */
export const FIELD_LABELS: Record<keyof SideFields | 'seed', string> = {
	memory: 'Guest memory',
	workload: 'Workload',
	chpids: 'CHPIDs',
	ctcsPerChpid: 'CTCs per CHPID',
	policy: 'Policy',
	immediate: 'IMMEDIATE',
	maxQuiesce: 'MAXQUIESCE',
	maxTotal: 'MAXTOTAL',
	seed: 'Seed'
};

/** A side's settings as field text (the inverse of {@link parseSideFields}). */
export function sideFields(s: SideSettings): SideFields {
	return {
		memory: formatSize(s.memoryBytes),
		workload: s.workload,
		chpids: String(s.chpids),
		ctcsPerChpid: String(s.ctcsPerChpid),
		policy: s.policy,
		immediate: s.immediate ? 'yes' : 'no',
		maxQuiesce: limitText(s.maxQuiesce),
		maxTotal: limitText(s.maxTotal)
	};
}

const quote = (v: string) => `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;

/**
 * Checks a side's values and their rules against each other: the guest's size, the link's
 * devices (at most 16 over at most 4 CHPIDs), the limits, IMMEDIATE only with the z/VM policy.
 * `memoryField` names the memory field in errors (`memory` in a form, `memoryBytes` in a message).
 */
export function checkSide(
	s: SideSettings,
	prefix: string,
	memoryField: 'memory' | 'memoryBytes' = 'memory'
): SettingsError[] {
	const errors: SettingsError[] = [];
	const bad = (field: string, message: string) =>
		errors.push({ field: `${prefix}.${field}`, message });
	const mem = s.memoryBytes;
	if (!Number.isSafeInteger(mem) || mem < MIN_MEMORY_BYTES || mem > MAX_MEMORY_BYTES)
		bad(memoryField, `Guest memory ${sizeText(mem)} is outside 1M to 1T`);
	else if (mem % PAGE_BYTES !== 0)
		bad(memoryField, `Guest memory ${sizeText(mem)} is not a whole number of 4K pages`);
	if (!WORKLOADS.includes(s.workload))
		bad('workload', `Workload ${quote(String(s.workload))} is not one of ${WORKLOADS.join(', ')}`);
	const chpidsOk = Number.isInteger(s.chpids) && s.chpids >= 1 && s.chpids <= MAX_CHPIDS;
	if (!chpidsOk)
		bad(
			'chpids',
			`CHPIDs ${quote(String(s.chpids))} is not a whole number from 1 to ${MAX_CHPIDS}`
		);
	const ctcsOk =
		Number.isInteger(s.ctcsPerChpid) && s.ctcsPerChpid >= 1 && s.ctcsPerChpid <= MAX_CTCS;
	if (!ctcsOk)
		bad(
			'ctcsPerChpid',
			`CTCs per CHPID ${quote(String(s.ctcsPerChpid))} is not a whole number from 1 to ${MAX_CTCS}`
		);
	if (chpidsOk && ctcsOk && s.chpids * s.ctcsPerChpid > MAX_CTCS)
		bad(
			'ctcsPerChpid',
			`${s.chpids} CHPIDs × ${s.ctcsPerChpid} CTCs is ${s.chpids * s.ctcsPerChpid} CTC devices; a logical link has at most ${MAX_CTCS}`
		);
	const policyOk = POLICIES.includes(s.policy);
	if (!policyOk)
		bad('policy', `Policy ${quote(String(s.policy))} is not one of ${POLICIES.join(', ')}`);
	if (s.immediate && policyOk && s.policy !== 'zvm')
		bad(
			'immediate',
			`IMMEDIATE is a VMRELOCATE option: it applies to the z/VM policy only, not ${POLICY_LABELS[s.policy]}`
		);
	const limit = (field: 'maxQuiesce' | 'maxTotal', l: Limit | 'default') => {
		if (l === 'NOLIMIT' || (field === 'maxQuiesce' && l === 'default')) return;
		if (!(typeof l === 'number' && Number.isInteger(l) && l >= 1 && l <= MAX_LIMIT_S))
			bad(
				field,
				`${FIELD_LABELS[field]} ${quote(String(l))} is not a number of seconds from 1 to ${MAX_LIMIT_S} or NOLIMIT`
			);
	};
	limit('maxQuiesce', s.maxQuiesce);
	limit('maxTotal', s.maxTotal);
	return errors;
}

function sizeText(bytes: number): string {
	return Number.isSafeInteger(bytes) && bytes > 0 ? formatSize(bytes) : String(bytes);
}

function wholeNumber(text: string): number {
	const t = text.trim();
	return /^\d{1,10}$/.test(t) ? Number(t) : NaN;
}

function parseLimitText(text: string): Limit | number {
	const t = text.trim();
	return /^nolimit$/i.test(t) ? 'NOLIMIT' : wholeNumber(t);
}

/**
 * Reads one side's fields as a form or a link holds them; every bad field gives an error under
 * `prefix.field`. An empty MAXQUIESCE (or `default`) is VMRELOCATE's default, an empty MAXTOTAL
 * NOLIMIT.
 */
export function parseSideFields(
	f: Partial<Record<keyof SideFields, string>>,
	prefix: string
): { value: SideSettings | null; errors: SettingsError[] } {
	const errors: SettingsError[] = [];
	const bad = (field: keyof SideFields, message: string) =>
		errors.push({ field: `${prefix}.${field}`, message });
	const given = (k: keyof SideFields): string => {
		const v = f[k];
		if (v === undefined) bad(k, `${FIELD_LABELS[k]} is missing`);
		return v ?? '';
	};

	const memoryText = given('memory');
	let memoryBytes = NaN;
	if (f.memory !== undefined) {
		const r = parseSize(memoryText);
		if (r.ok) memoryBytes = r.bytes;
		else bad('memory', `Guest memory: ${r.reason}`);
	}
	const chpidsText = given('chpids');
	const ctcsText = given('ctcsPerChpid');
	const immText = given('immediate').trim();
	let immediate = false;
	if (/^(yes|true|1|on)$/i.test(immText)) immediate = true;
	else if (f.immediate !== undefined && !/^(no|false|0|off)$/i.test(immText))
		bad('immediate', `IMMEDIATE ${quote(immText)} is not yes or no`);
	const mq = f.maxQuiesce?.trim() ?? '';
	const mt = f.maxTotal?.trim() ?? '';
	const candidate: SideSettings = {
		memoryBytes,
		workload: given('workload').trim() as WorkloadPreset,
		chpids: wholeNumber(chpidsText),
		ctcsPerChpid: wholeNumber(ctcsText),
		policy: given('policy').trim() as PolicyId,
		immediate,
		maxQuiesce: mq === '' || /^default$/i.test(mq) ? 'default' : parseLimitText(mq),
		maxTotal: mt === '' ? 'NOLIMIT' : parseLimitText(mt)
	};
	// Fields already reported as missing or unreadable are not reported twice.
	const reported = new Set(errors.map((e) => e.field));
	const checked = checkSide(candidate, prefix).filter((e) => !reported.has(e.field));
	// checkSide quotes numbers it could not read as NaN: say what was typed instead.
	const typed: Partial<Record<string, string>> = {
		[`${prefix}.chpids`]: chpidsText,
		[`${prefix}.ctcsPerChpid`]: ctcsText,
		[`${prefix}.maxQuiesce`]: mq,
		[`${prefix}.maxTotal`]: mt
	};
	for (const e of checked) {
		const t = typed[e.field];
		errors.push(t === undefined ? e : { ...e, message: e.message.replace('"NaN"', quote(t)) });
	}
	return errors.length > 0 ? { value: null, errors } : { value: candidate, errors };
}

/** Reads the seed field: a whole number from 0 to 2^32 − 1. */
export function parseSeed(text: string): number | SettingsError {
	const t = text.trim();
	const n = wholeNumber(t);
	if (!(n >= 0 && n <= MAX_SEED))
		return {
			field: 'seed',
			message: `Seed ${quote(t)} is not a whole number from 0 to ${MAX_SEED}`
		};
	return n;
}

/** A whole comparison as field text: what the form edits. */
export interface CompareFields {
	seed: string;
	a: SideFields;
	b: SideFields;
}

/** The fields of `s` (the inverse of {@link parseCompareFields}). */
export function compareFields(s: CompareSettings): CompareFields {
	return { seed: String(s.seed), a: sideFields(s.a), b: sideFields(s.b) };
}

/** Reads a whole form: every bad field of both sides and the seed, named. */
export function parseCompareFields(f: CompareFields): SettingsResult {
	const seed = parseSeed(f.seed);
	const a = parseSideFields(f.a, 'a');
	const b = parseSideFields(f.b, 'b');
	const errors = [...(typeof seed === 'number' ? [] : [seed]), ...a.errors, ...b.errors];
	if (errors.length > 0 || typeof seed !== 'number' || !a.value || !b.value)
		return { ok: false, errors };
	return { ok: true, value: { seed, a: a.value, b: b.value } };
}

// ---------------------------------------------------------------------------------------------
// Typed values: what the worker receives (a structured clone of a CompareSettings).

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
	if (v === undefined) return 'missing';
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'a list';
	if (typeof v === 'string') return quote(v);
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return `a${typeof v === 'object' ? 'n' : ''} ${typeof v}`;
}

const SETTING_KEYS: readonly (keyof SideSettings)[] = [
	'memoryBytes',
	'workload',
	'chpids',
	'ctcsPerChpid',
	'policy',
	'immediate',
	'maxQuiesce',
	'maxTotal'
];

/**
 * Checks a settings object as it arrives in a message: types first, then the same rules as the
 * fields, each error under its path (`b.chpids`). Never throws; unknown keys are refused.
 */
export function validateSettings(v: unknown): SettingsResult {
	if (!isObj(v))
		return {
			ok: false,
			errors: [{ field: 'settings', message: `settings must be an object (got ${describe(v)})` }]
		};
	const errors: SettingsError[] = [];
	for (const k of Object.keys(v))
		if (!['seed', 'a', 'b'].includes(k))
			errors.push({ field: k, message: `${k} is not a setting (expected seed, a and b)` });
	const seed = v['seed'];
	if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
		errors.push({
			field: 'seed',
			message: `seed must be a whole number from 0 to ${MAX_SEED} (got ${describe(seed)})`
		});
	for (const key of SIDES) {
		const s = v[key];
		if (!isObj(s)) {
			errors.push({ field: key, message: `${key} must be an object (got ${describe(s)})` });
			continue;
		}
		for (const k of Object.keys(s))
			if (!(SETTING_KEYS as readonly string[]).includes(k))
				errors.push({ field: `${key}.${k}`, message: `${key}.${k} is not a setting` });
		const typed: SettingsError[] = [];
		const need = (k: keyof SideSettings, ok: boolean, what: string) => {
			if (!ok)
				typed.push({
					field: `${key}.${k}`,
					message: `${key}.${k} must be ${what} (got ${describe(s[k])})`
				});
		};
		const isLimit = (x: unknown) => x === 'NOLIMIT' || typeof x === 'number';
		need('memoryBytes', typeof s['memoryBytes'] === 'number', 'a number of bytes');
		need('workload', typeof s['workload'] === 'string', 'a workload preset name');
		need('chpids', typeof s['chpids'] === 'number', 'a number');
		need('ctcsPerChpid', typeof s['ctcsPerChpid'] === 'number', 'a number');
		need('policy', typeof s['policy'] === 'string', 'a policy name');
		need('immediate', typeof s['immediate'] === 'boolean', 'true or false');
		need(
			'maxQuiesce',
			isLimit(s['maxQuiesce']) || s['maxQuiesce'] === 'default',
			'seconds, "NOLIMIT" or "default"'
		);
		need('maxTotal', isLimit(s['maxTotal']), 'seconds or "NOLIMIT"');
		errors.push(...typed);
		if (typed.length === 0)
			errors.push(...checkSide(s as unknown as SideSettings, key, 'memoryBytes'));
	}
	if (errors.length > 0) return { ok: false, errors };
	const side = (s: unknown): SideSettings => {
		const o = s as SideSettings;
		return {
			memoryBytes: o.memoryBytes,
			workload: o.workload,
			chpids: o.chpids,
			ctcsPerChpid: o.ctcsPerChpid,
			policy: o.policy,
			immediate: o.immediate,
			maxQuiesce: o.maxQuiesce,
			maxTotal: o.maxTotal
		};
	};
	return { ok: true, value: { seed: seed as number, a: side(v['a']), b: side(v['b']) } };
}
