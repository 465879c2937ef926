/**
 * The whole lab state in a link: scenario, seed, the time-stamped inputs and the simulated
 * time, so that opening the link and replaying (core/simulation.ts `replay`) reproduces exactly
 * what the sender saw. Pure TypeScript: it reads and writes strings, never `location`.
 *
 * Format, version 1 (URLSearchParams syntax; the page keeps it in the hash, which is never sent
 * anywhere and changes without a reload):
 *
 *     v=1 & scenario=<built-in id> | inline=<packed scenario JSON>
 *         & seed=<0..4294967295> & t=<simulated ms> [& speed=<0.1..1000>] [& inputs=<packed JSON>]
 *
 * "Packed" is compact JSON → UTF-8 → raw DEFLATE (`CompressionStream('deflate-raw')`, built
 * into Node 20 and browsers, hence the async API) → base64url without padding. `inputs` is the
 * JSON of `TimedInput[]` exactly as the simulation records them (`state.inputs`), so links and
 * the JSON export (export/json.ts) share one format. Measured lengths of the whole fragment: a
 * built-in scenario with no inputs, 36 characters; with four inputs (two VMRELOCATEs, a CTC
 * fault, a QUERY), 283; with twenty commands, 506. A small scenario inline: itsossib 860,
 * gdl 1,470. The large ones inline (itsossia with four inputs 3,786; the App. A.1 files about
 * 5,000) work in browsers but are too long for some chat and mail clients. Compact tuples
 * instead of `{ at, input }` objects saved only 15-20 % after DEFLATE, so the format keeps the
 * objects the simulation records.
 *
 * Decoding never throws and never trusts the link: every parameter is checked, with errors
 * that name it (`inputs[2].input.on: ...`), within the caps in {@link URL_STATE_LIMITS}.
 * Member names are checked for their shape only: an input naming a member the scenario lacks
 * is replayed as recorded, and the simulation refuses it just as it did for the sender.
 *
 * A built-in scenario travels by id, so a link reproduces the run only while that file is
 * unchanged; `v` versions the link format, not the scenarios.
 */
import type { ScenarioResult } from '../core/config/scenario-types';
import { BUILTIN_IDS } from '../core/scenarios/catalog';
import { isWorkloadPreset, WORKLOAD_NAMES } from '../core/engine/workload';
import { MAX_CTCS } from '../core/model/link';
import {
	FAULT_KINDS,
	INPUT_KINDS,
	type Fault,
	type SimInput,
	type TimedInput
} from '../core/sim/events';
import { MAX_SPEED, MAX_TEXT_LENGTH, MIN_SPEED } from '../worker/protocol';
import { packText, unpackText } from './url-codec';

/** The version this module writes and reads (`v=1`). */
export const URL_STATE_VERSION = 1;

/**
 * Caps on what a link may ask for. Each keeps a hostile link from costing much more than the
 * largest honest one: the built-in scenarios are at most 13 kB of JSON, a lab session has tens
 * of inputs, and replaying one simulated day of a four-member cluster takes about 3 s in Node.
 */
export const URL_STATE_LIMITS = {
	/** The whole query or hash, in characters (Chromium's own URL limit is 2 MB). */
	maxChars: 200_000,
	/** Decompressed JSON of an inline scenario, bytes. */
	maxScenarioBytes: 256 * 1024,
	/** Decompressed JSON of the input list, bytes. */
	maxInputsBytes: 256 * 1024,
	/** Inputs in one link. */
	maxInputs: 1_000,
	/** Latest simulated time, ms (one day, the worker's longest single `runFor`). */
	maxTimeMs: 86_400_000,
	/** Longest command line (the worker's limit). */
	maxTextLength: MAX_TEXT_LENGTH,
	/** Deepest nesting of arrays and objects in packed JSON. */
	maxJsonDepth: 64
} as const;

/** Any JSON value. */
export type JsonValue =
	null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A scenario file's JSON (before validation; see core/config/scenario.ts). */
export type ScenarioJson = { [key: string]: JsonValue };

/** Which scenario: a built-in by id (core/scenarios/index.ts), or a whole scenario inline. */
export type ScenarioRef = { builtin: string } | { inline: ScenarioJson };

/** Everything a link carries. */
export interface UrlState {
	scenario: ScenarioRef;
	/** The PRNG seed the scenario was loaded with. */
	seed: number;
	/** The inputs applied, as the simulation recorded them (`state.inputs`), in time order. */
	inputs: TimedInput[];
	/** Simulated ms since the start: where the sender was. */
	t: number;
	/** Playback speed (simulated ms per wall-clock ms), a view setting. */
	speed?: number;
}

export type UrlStateResult = { ok: true; value: UrlState } | { ok: false; errors: string[] };

/** Parameters of format version 1. */
const PARAMS = ['v', 'scenario', 'inline', 'seed', 't', 'speed', 'inputs'] as const;

const NAME = /^[A-Za-z0-9@#$]{1,8}$/;
const LINK = /^[A-Za-z0-9@#$]{1,8}-[A-Za-z0-9@#$]{1,8}$/;
const CHPID = /^[0-9A-Fa-f]{2}$/;
const DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
/** Keys that could reach an object's prototype if some later code copied the object carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// ---------------------------------------------------------------------------------------------
// Encoding

/** What the worker's `recording` answer holds: the seed, the time shown, the inputs, the speed. */
export interface Recording {
	seed: number;
	t: number;
	inputs: TimedInput[];
	speed?: number;
}

/** The link state of a recording of `scenario` (the lab's address, Copy link, the embed's). */
export function encodeRecording(scenario: ScenarioRef, rec: Recording): Promise<string> {
	return encodeUrlState({
		scenario,
		seed: rec.seed,
		inputs: rec.inputs,
		t: rec.t,
		speed: rec.speed
	});
}

/**
 * The link state as a query-string fragment (no leading `?` or `#`). Deterministic: the same
 * state gives the same string. Inputs are written field by field (unknown extra fields dropped),
 * so whatever the page recorded comes back identical from {@link decodeUrlState}. It does not
 * validate: a state that could not be decoded gets its errors when it is read.
 */
export async function encodeUrlState(s: UrlState): Promise<string> {
	const p = new URLSearchParams();
	p.set('v', String(URL_STATE_VERSION));
	if ('builtin' in s.scenario) p.set('scenario', s.scenario.builtin);
	else p.set('inline', await packText(JSON.stringify(s.scenario.inline)));
	p.set('seed', String(s.seed));
	p.set('t', String(s.t));
	if (s.speed !== undefined) p.set('speed', String(s.speed));
	if (s.inputs.length > 0)
		p.set('inputs', await packText(JSON.stringify(s.inputs.map(canonicalTimedInput))));
	return p.toString();
}

/** A timed input with exactly its defined fields, in one key order (stable JSON and links). */
export function canonicalTimedInput({ at, input }: TimedInput): TimedInput {
	return { at, input: canonicalInput(input) };
}

function canonicalInput(input: SimInput): SimInput {
	switch (input.kind) {
		case 'command':
			return input.user === undefined
				? { kind: 'command', on: input.on, text: input.text }
				: { kind: 'command', on: input.on, text: input.text, user: input.user };
		case 'fault':
			return { kind: 'fault', fault: canonicalFault(input.fault) };
		case 'ipl':
			return { kind: 'ipl', member: input.member };
		case 'shutdown':
			return input.reipl === undefined
				? { kind: 'shutdown', member: input.member }
				: { kind: 'shutdown', member: input.member, reipl: input.reipl };
		case 'guest.workload':
			return { kind: input.kind, user: input.user, on: input.on, workload: input.workload };
		case 'link.ctcs':
			return { kind: input.kind, link: input.link, chpid: input.chpid, ctcs: input.ctcs };
	}
}

function canonicalFault(f: Fault): Fault {
	switch (f.kind) {
		case 'member.abend':
			return { kind: f.kind, member: f.member };
		case 'member.systemId':
			return { kind: f.kind, member: f.member, systemId: f.systemId };
		case 'ctc.fail':
		case 'ctc.repair':
			return { kind: f.kind, link: f.link, chpid: f.chpid, ctc: f.ctc };
		case 'chpid.fail':
		case 'chpid.repair':
			return { kind: f.kind, link: f.link, chpid: f.chpid };
		case 'link.sever':
		case 'link.repair':
			return { kind: f.kind, link: f.link };
	}
}

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * Reads link state from a query string or hash (a leading `?` or `#` is ignored). Never throws
 * and never rejects: the result is the state, or every problem found, each naming its parameter.
 * Parameters other than those of the format are left to the page and ignored here.
 */
export async function decodeUrlState(search: string): Promise<UrlStateResult> {
	try {
		return await decode(search);
	} catch (e) {
		// Every check above is meant to catch bad input first; this is the never-crash backstop.
		return { ok: false, errors: [`the link state could not be read (${errorText(e)})`] };
	}
}

async function decode(search: unknown): Promise<UrlStateResult> {
	if (typeof search !== 'string') return fail('the link state must be text');
	const text = search.startsWith('?') || search.startsWith('#') ? search.slice(1) : search;
	if (text.length > URL_STATE_LIMITS.maxChars) {
		return fail(
			`the link state is ${text.length} characters long; the limit is ${URL_STATE_LIMITS.maxChars}`
		);
	}
	const params = new URLSearchParams(text);
	const errors: string[] = [];
	const one = (name: (typeof PARAMS)[number]): string | undefined => {
		const all = params.getAll(name);
		if (all.length > 1) errors.push(`${name}: given ${all.length} times; give it once`);
		return all[0];
	};
	const [v, builtin, inline, seedText, tText, speedText, inputsText] = PARAMS.map(one);

	if (v === undefined) {
		errors.push(
			`v: missing; this is not a Quiesce link, or it was cut short (expected v=${URL_STATE_VERSION} first)`
		);
		return { ok: false, errors };
	}
	if (v !== String(URL_STATE_VERSION)) {
		errors.push(
			`v: version ${JSON.stringify(clip(v))} is not supported (this version reads v=${URL_STATE_VERSION})`
		);
		return { ok: false, errors };
	}

	const seed = readSeed(seedText, errors);
	const t = readTime(tText, errors);
	let speed: number | undefined;
	if (speedText !== undefined) {
		const n = readDecimal(speedText, 'speed', errors);
		if (n !== undefined && (n < MIN_SPEED || n > MAX_SPEED))
			errors.push(`speed: ${speedText} is out of range ${MIN_SPEED}-${MAX_SPEED}`);
		else speed = n;
	}

	let scenario: ScenarioRef | undefined;
	if (builtin !== undefined && inline !== undefined) {
		errors.push('scenario, inline: give either a built-in scenario or an inline one, not both');
	} else if (builtin !== undefined) {
		if (checkBuiltinId(builtin, 'scenario', errors)) scenario = { builtin };
	} else if (inline !== undefined) {
		const json = await unpackJson(inline, 'inline', URL_STATE_LIMITS.maxScenarioBytes, errors);
		if (json !== undefined) {
			// The validator (and what it parses) loads only for a link that carries a scenario.
			const { validateScenario } = await import('../core/config/scenario');
			const ref = checkScenarioRef({ inline: json }, '', errors, validateScenario);
			if (ref) scenario = ref;
		}
	} else {
		errors.push('scenario: missing; give scenario=<built-in id> or inline=<packed scenario JSON>');
	}

	let inputs: TimedInput[] | undefined = [];
	if (inputsText !== undefined) {
		const json = await unpackJson(inputsText, 'inputs', URL_STATE_LIMITS.maxInputsBytes, errors);
		inputs = json === undefined ? undefined : checkTimedInputs(json, 'inputs', errors, t);
	}

	if (errors.length > 0 || !scenario || seed === undefined || t === undefined || !inputs) {
		return { ok: false, errors: errors.length ? errors : ['the link state is incomplete'] };
	}
	const value: UrlState = { scenario, seed, inputs, t };
	if (speed !== undefined) value.speed = speed;
	return { ok: true, value };
}

function fail(message: string): UrlStateResult {
	return { ok: false, errors: [message] };
}

function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** A value as an error message quotes it: short, whatever it is. */
function clip(s: string): string {
	return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function describe(v: unknown): string {
	if (v === undefined) return 'missing';
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'string') return JSON.stringify(clip(v));
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return `a${typeof v === 'object' ? 'n' : ''} ${typeof v}`;
}

function readDecimal(text: string, name: string, errors: string[]): number | undefined {
	const n = DECIMAL.test(text) ? Number(text) : NaN;
	if (!Number.isFinite(n)) {
		errors.push(`${name}: ${JSON.stringify(clip(text))} is not a non-negative number`);
		return undefined;
	}
	return n;
}

function readSeed(text: string | undefined, errors: string[]): number | undefined {
	if (text === undefined) {
		errors.push('seed: missing (an integer 0-4294967295)');
		return undefined;
	}
	const n = /^[0-9]{1,10}$/.test(text) ? Number(text) : NaN;
	if (!Number.isInteger(n) || n > 0xffff_ffff) {
		errors.push(`seed: ${JSON.stringify(clip(text))} is not an integer 0-4294967295`);
		return undefined;
	}
	return n;
}

function readTime(text: string | undefined, errors: string[]): number | undefined {
	if (text === undefined) {
		errors.push('t: missing (simulated milliseconds since the start)');
		return undefined;
	}
	if (text.startsWith('-')) {
		errors.push(`t: ${JSON.stringify(clip(text))} is negative`);
		return undefined;
	}
	const n = readDecimal(text, 't', errors);
	if (n !== undefined && n > URL_STATE_LIMITS.maxTimeMs) {
		errors.push(
			`t: ${text} ms is more than the ${URL_STATE_LIMITS.maxTimeMs} ms (one simulated day) a link may replay`
		);
		return undefined;
	}
	return n;
}

/** base64url → inflate (capped) → UTF-8 → JSON, with forbidden keys and depth checked. */
async function unpackJson(
	packed: string,
	name: string,
	maxBytes: number,
	errors: string[]
): Promise<unknown> {
	if (packed === '') {
		errors.push(`${name}: empty`);
		return undefined;
	}
	const text = await unpackText(packed, maxBytes);
	if (!text.ok) {
		errors.push(`${name}: ${text.reason}`);
		return undefined;
	}
	const json = parseJson(text.value, name, errors);
	return json === undefined ? undefined : checkJsonShape(json, name, errors) ? json : undefined;
}

/** JSON.parse that reports instead of throwing. */
export function parseJson(text: string, name: string, errors: string[]): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (e) {
		errors.push(`${name}: not valid JSON (${errorText(e).replace(/^JSON\.parse: /, '')})`);
		return undefined;
	}
}

/**
 * Rejects prototype-pollution keys anywhere (`__proto__`, `constructor`, `prototype`) and
 * nesting deeper than {@link URL_STATE_LIMITS.maxJsonDepth}. Iterative: no stack to overflow.
 */
export function checkJsonShape(json: unknown, name: string, errors: string[]): boolean {
	const before = errors.length;
	const stack: { v: unknown; path: string; depth: number }[] = [{ v: json, path: name, depth: 0 }];
	while (stack.length > 0 && errors.length - before < 10) {
		const { v, path, depth } = stack.pop()!;
		if (typeof v !== 'object' || v === null) continue;
		if (depth >= URL_STATE_LIMITS.maxJsonDepth) {
			errors.push(`${path}: nested more than ${URL_STATE_LIMITS.maxJsonDepth} levels deep`);
			continue;
		}
		if (Array.isArray(v)) {
			v.forEach((x, i) => stack.push({ v: x, path: `${path}[${i}]`, depth: depth + 1 }));
			continue;
		}
		for (const key of Object.keys(v)) {
			if (FORBIDDEN_KEYS.has(key)) errors.push(`${path}: the key "${key}" is not allowed`);
			else
				stack.push({
					v: (v as Record<string, unknown>)[key],
					path: `${path}.${key}`,
					depth: depth + 1
				});
		}
	}
	return errors.length === before;
}

// ---------------------------------------------------------------------------------------------
// Validation of the parts (shared with export/json.ts)

function checkBuiltinId(id: string, path: string, errors: string[]): boolean {
	if (BUILTIN_IDS.includes(id)) return true;
	errors.push(
		`${path}: no built-in scenario ${JSON.stringify(clip(id))} (built-in: ${BUILTIN_IDS.join(', ')})`
	);
	return false;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reports fields of `o` other than `keys`. */
function onlyKeys(
	o: Record<string, unknown>,
	keys: readonly string[],
	path: string,
	errors: string[]
): boolean {
	const extra = Object.keys(o).filter((k) => !keys.includes(k));
	for (const k of extra) errors.push(`${path}.${k}: unknown field (expected ${keys.join(', ')})`);
	return extra.length === 0;
}

/** The scenario validator (core/config/scenario.ts `validateScenario`), passed in so that this
 * module does not carry it into the lab page. */
export type ScenarioValidator = (json: unknown) => ScenarioResult;

/**
 * Checks a scenario reference: `{ builtin: id }` with a known id, or `{ inline: json }` that
 * passes `validate` (its errors come back under `inline.<json path>`). `path` is the prefix
 * for error messages ('' for a link, `scenario` in a JSON export).
 */
export function checkScenarioRef(
	v: unknown,
	path: string,
	errors: string[],
	validate: ScenarioValidator
): ScenarioRef | undefined {
	const at = (k: string) => (path ? `${path}.${k}` : k);
	if (!isObject(v) || Object.keys(v).length !== 1 || !('builtin' in v || 'inline' in v)) {
		errors.push(`${path || 'scenario'}: must be { "builtin": id } or { "inline": scenario JSON }`);
		return undefined;
	}
	if ('builtin' in v) {
		const id = v.builtin;
		if (typeof id !== 'string') {
			errors.push(`${at('builtin')}: must be a string (got ${describe(id)})`);
			return undefined;
		}
		return checkBuiltinId(id, at('builtin'), errors) ? { builtin: id } : undefined;
	}
	const json = v.inline;
	if (!isObject(json)) {
		errors.push(`${at('inline')}: a scenario must be a JSON object (got ${describe(json)})`);
		return undefined;
	}
	if (!checkJsonShape(json, at('inline'), errors)) return undefined;
	const result = validate(json);
	if (!result.ok) {
		for (const e of result.errors) {
			const where = e.line === undefined ? '' : ` (line ${e.line}, column ${e.column ?? 1})`;
			errors.push(`${at('inline')}${e.path ? `.${e.path}` : ''}${where}: ${e.message}`);
		}
		return undefined;
	}
	return { inline: json as ScenarioJson };
}

/**
 * Checks a list of timed inputs: an array of at most {@link URL_STATE_LIMITS.maxInputs}
 * `{ at, input }` in time order, none after `until` (replay would apply it past the time the
 * sender saw), every field of the right kind and shape. Returns canonical copies (known fields
 * only, fresh objects), or undefined with the errors pushed.
 */
export function checkTimedInputs(
	v: unknown,
	path: string,
	errors: string[],
	until?: number
): TimedInput[] | undefined {
	if (!Array.isArray(v)) {
		errors.push(`${path}: must be a list of { at, input } (got ${describe(v)})`);
		return undefined;
	}
	if (v.length > URL_STATE_LIMITS.maxInputs) {
		errors.push(`${path}: ${v.length} inputs; a link holds at most ${URL_STATE_LIMITS.maxInputs}`);
		return undefined;
	}
	const before = errors.length;
	const out: TimedInput[] = [];
	let last = 0;
	for (let i = 0; i < v.length && errors.length - before < 20; i++) {
		const p = `${path}[${i}]`;
		const raw: unknown = v[i];
		if (!isObject(raw)) {
			errors.push(`${p}: must be an object { at, input } (got ${describe(raw)})`);
			continue;
		}
		onlyKeys(raw, ['at', 'input'], p, errors);
		const at = raw.at;
		let atOk = false;
		if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
			errors.push(`${p}.at: must be a time in simulated ms, 0 or more (got ${describe(at)})`);
		} else if (at < last) {
			errors.push(
				`${p}.at: ${at} is before the previous input (${last}); inputs must be in time order`
			);
		} else if (until !== undefined && at > until) {
			errors.push(`${p}.at: ${at} is after t (${until}); a link replays only up to t`);
		} else {
			atOk = true;
			last = at;
		}
		const input = checkInput(raw.input, `${p}.input`, errors);
		if (atOk && input) out.push({ at: at as number, input });
	}
	return errors.length === before ? out : undefined;
}

function checkName(v: unknown, path: string, what: string, errors: string[]): string | undefined {
	if (typeof v !== 'string') {
		errors.push(`${path}: must be a ${what} (got ${describe(v)})`);
		return undefined;
	}
	if (!NAME.test(v)) {
		errors.push(
			`${path}: ${JSON.stringify(clip(v))} is not a ${what} (1-8 letters, digits, @, # or $)`
		);
		return undefined;
	}
	return v;
}

function checkPattern(
	v: unknown,
	re: RegExp,
	path: string,
	what: string,
	errors: string[]
): string | undefined {
	if (typeof v === 'string' && re.test(v)) return v;
	errors.push(`${path}: ${describe(v)} is not ${what}`);
	return undefined;
}

function checkText(v: unknown, path: string, errors: string[]): string | undefined {
	if (typeof v !== 'string') {
		errors.push(`${path}: must be a command line (got ${describe(v)})`);
		return undefined;
	}
	const max = URL_STATE_LIMITS.maxTextLength;
	if (v.length > max) {
		errors.push(`${path}: ${v.length} characters; a command line has at most ${max}`);
		return undefined;
	}
	if (v.trim() === '') {
		errors.push(`${path}: an empty command line`);
		return undefined;
	}
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	const bad = /[\u0000-\u001f\u007f]/.exec(v);
	if (bad) {
		errors.push(
			`${path}: contains the control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at ${bad.index + 1}`
		);
		return undefined;
	}
	return v;
}

function checkInput(v: unknown, path: string, errors: string[]): SimInput | undefined {
	if (!isObject(v)) {
		errors.push(`${path}: must be an object with a kind (got ${describe(v)})`);
		return undefined;
	}
	const kind = v.kind;
	if (typeof kind !== 'string' || !(INPUT_KINDS as readonly string[]).includes(kind)) {
		errors.push(
			`${path}.kind: unknown input kind ${describe(kind)} (expected ${INPUT_KINDS.join(', ')})`
		);
		return undefined;
	}
	const n = errors.length;
	switch (kind as SimInput['kind']) {
		case 'command': {
			onlyKeys(v, ['kind', 'on', 'text', 'user'], path, errors);
			const on = checkName(v.on, `${path}.on`, 'member name', errors);
			const text = checkText(v.text, `${path}.text`, errors);
			const user =
				v.user === undefined ? undefined : checkName(v.user, `${path}.user`, 'user ID', errors);
			if (errors.length > n || on === undefined || text === undefined) return undefined;
			return user === undefined
				? { kind: 'command', on, text }
				: { kind: 'command', on, text, user };
		}
		case 'fault': {
			onlyKeys(v, ['kind', 'fault'], path, errors);
			const fault = checkFault(v.fault, `${path}.fault`, errors);
			return errors.length > n || !fault ? undefined : { kind: 'fault', fault };
		}
		case 'ipl': {
			onlyKeys(v, ['kind', 'member'], path, errors);
			const member = checkName(v.member, `${path}.member`, 'member name', errors);
			return errors.length > n || member === undefined ? undefined : { kind: 'ipl', member };
		}
		case 'shutdown': {
			onlyKeys(v, ['kind', 'member', 'reipl'], path, errors);
			const member = checkName(v.member, `${path}.member`, 'member name', errors);
			const reipl = v.reipl;
			if (reipl !== undefined && typeof reipl !== 'boolean')
				errors.push(`${path}.reipl: must be true or false (got ${describe(reipl)})`);
			if (errors.length > n || member === undefined) return undefined;
			return reipl === undefined
				? { kind: 'shutdown', member }
				: { kind: 'shutdown', member, reipl: reipl as boolean };
		}
		case 'guest.workload': {
			onlyKeys(v, ['kind', 'user', 'on', 'workload'], path, errors);
			const user = checkName(v.user, `${path}.user`, 'user ID', errors);
			const on = checkName(v.on, `${path}.on`, 'member name', errors);
			const workload = v.workload;
			if (!isWorkloadPreset(workload)) {
				errors.push(
					`${path}.workload: ${describe(workload)} is not a workload preset (${WORKLOAD_NAMES.join(', ')})`
				);
			}
			if (errors.length > n || user === undefined || on === undefined) return undefined;
			return {
				kind: 'guest.workload',
				user,
				on,
				workload: workload as (typeof WORKLOAD_NAMES)[number]
			};
		}
		case 'link.ctcs': {
			onlyKeys(v, ['kind', 'link', 'chpid', 'ctcs'], path, errors);
			const l = checkPattern(
				v.link,
				LINK,
				`${path}.link`,
				'a link id (two member names joined by "-")',
				errors
			);
			const ch = checkPattern(v.chpid, CHPID, `${path}.chpid`, 'a CHPID (two hex digits)', errors);
			const ctcs = v.ctcs;
			// 001 "CTC Connections": a logical link is 1-16 CTC devices.
			const ok =
				typeof ctcs === 'number' && Number.isInteger(ctcs) && ctcs >= 1 && ctcs <= MAX_CTCS;
			if (!ok)
				errors.push(`${path}.ctcs: must be an integer 1-${MAX_CTCS} (got ${describe(ctcs)})`);
			if (errors.length > n || l === undefined || ch === undefined) return undefined;
			return { kind: 'link.ctcs', link: l, chpid: ch, ctcs: ctcs as number };
		}
	}
}

function checkFault(v: unknown, path: string, errors: string[]): Fault | undefined {
	if (!isObject(v)) {
		errors.push(`${path}: must be an object with a kind (got ${describe(v)})`);
		return undefined;
	}
	const kind = v.kind;
	if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
		errors.push(
			`${path}.kind: unknown fault kind ${describe(kind)} (expected ${FAULT_KINDS.join(', ')})`
		);
		return undefined;
	}
	const n = errors.length;
	const k = kind as Fault['kind'];
	const member = () => checkName(v.member, `${path}.member`, 'member name', errors);
	const link = () =>
		checkPattern(
			v.link,
			LINK,
			`${path}.link`,
			'a link id (two member names joined by "-")',
			errors
		);
	const chpid = () =>
		checkPattern(v.chpid, CHPID, `${path}.chpid`, 'a CHPID (two hex digits)', errors);
	let fault: Fault | undefined;
	switch (k) {
		case 'member.abend': {
			onlyKeys(v, ['kind', 'member'], path, errors);
			const m = member();
			if (m !== undefined) fault = { kind: k, member: m };
			break;
		}
		case 'member.systemId': {
			onlyKeys(v, ['kind', 'member', 'systemId'], path, errors);
			const m = member();
			const id = checkName(v.systemId, `${path}.systemId`, 'system identifier', errors);
			if (m !== undefined && id !== undefined) fault = { kind: k, member: m, systemId: id };
			break;
		}
		case 'ctc.fail':
		case 'ctc.repair': {
			onlyKeys(v, ['kind', 'link', 'chpid', 'ctc'], path, errors);
			const l = link();
			const ch = chpid();
			const ctc = v.ctc;
			const ctcOk = typeof ctc === 'number' && Number.isInteger(ctc) && ctc >= 0 && ctc <= 15;
			if (!ctcOk) errors.push(`${path}.ctc: must be an integer 0-15 (got ${describe(ctc)})`);
			if (l !== undefined && ch !== undefined && ctcOk)
				fault = { kind: k, link: l, chpid: ch, ctc: ctc as number };
			break;
		}
		case 'chpid.fail':
		case 'chpid.repair': {
			onlyKeys(v, ['kind', 'link', 'chpid'], path, errors);
			const l = link();
			const ch = chpid();
			if (l !== undefined && ch !== undefined) fault = { kind: k, link: l, chpid: ch };
			break;
		}
		case 'link.sever':
		case 'link.repair': {
			onlyKeys(v, ['kind', 'link'], path, errors);
			const l = link();
			if (l !== undefined) fault = { kind: k, link: l };
			break;
		}
	}
	return errors.length > n ? undefined : fault;
}
