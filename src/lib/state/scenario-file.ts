/**
 * Scenario files in and out of the editor and the gallery.
 *
 * Import reads a file's bytes as a scenario and says exactly why when it cannot: too large,
 * not JSON text, JSON with a syntax error (its line and column), nesting or keys a link would
 * refuse too (url-state.ts `checkJsonShape`), not a scenario object, or a scenario the
 * validator refuses (each error with its JSON path and its line and column in the file). The
 * validator is the simulation worker's (core/config/scenario.ts).
 *
 * Export writes a scenario's JSON with its keys in the order of scenario.schema.json (then any
 * others sorted), tab-indented like the built-in files: the same scenario always gives the same
 * bytes, and they import back to the same scenario. Pure TypeScript.
 */
import schema from '../core/config/scenario.schema.json';
import { parseScenarioText, validateScenario } from '../core/config/scenario';
import type { ScenarioError, ScenarioSpec } from '../core/config/scenario-types';
import { formatJson } from './json-format';
import { cleanJsonMessage } from './scenario-draft';
import { jsonOffsets, locatePath } from './json-locate';
import { URL_STATE_LIMITS, checkJsonShape, type JsonValue, type ScenarioJson } from './url-state';

/**
 * Largest scenario file, in bytes: what a link may carry inline (the lab opens an edited
 * scenario through a link), and 20 times the largest built-in.
 */
export const SCENARIO_FILE_LIMIT = URL_STATE_LIMITS.maxScenarioBytes;

/** The media types a scenario file may arrive with ('' when the system does not say). */
const TEXT_TYPES = ['', 'application/json', 'text/json', 'text/plain', 'application/octet-stream'];

/** Most errors an import lists; the rest are counted. */
export const MAX_LISTED_ERRORS = 20;

/** One thing wrong with a file: where (a JSON path, a line and column) and what. */
export interface FileError {
	/** Where, for people: `line 3, column 5` or `guests[0].on (line 30, column 11)`; '' for the whole file. */
	where: string;
	message: string;
	path?: string;
	line?: number;
	column?: number;
}

export type ImportResult =
	| { ok: true; json: ScenarioJson; spec: ScenarioSpec }
	| { ok: false; problem: string; errors: FileError[] };

/** What the browser says about a file before it is read. */
export interface FileFacts {
	name: string;
	type: string;
	size: number;
}

function kib(bytes: number): string {
	return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A size over the limit, in KiB unless that would read as the limit itself. */
function over(bytes: number): string {
	const k = kib(bytes);
	return k === kib(SCENARIO_FILE_LIMIT) || k === `${(SCENARIO_FILE_LIMIT / 1024).toFixed(1)} KiB`
		? `${bytes} bytes`
		: k;
}

/**
 * The reason a file cannot be a scenario, from its size and type alone (so a huge or binary
 * file is refused before it is read), or null.
 */
export function checkFileFacts(f: FileFacts): string | null {
	if (f.size > SCENARIO_FILE_LIMIT)
		return `it is ${over(f.size)}; a scenario file may be at most ${kib(SCENARIO_FILE_LIMIT)}`;
	const type = f.type.toLowerCase().split(';')[0]!.trim();
	if (!TEXT_TYPES.includes(type) && !type.endsWith('+json')) {
		const kind = type.split('/')[0];
		const what = ['image', 'audio', 'video', 'font'].includes(kind!)
			? `an ${kind} (${type})`
			: type;
		return `it is ${what}, not a scenario file (JSON text)`;
	}
	return null;
}

/**
 * Reads a file's bytes as a scenario: UTF-8 JSON holding one scenario object that the
 * validator accepts. Never throws.
 */
export function readScenarioBytes(facts: FileFacts, bytes: Uint8Array): ImportResult {
	const early = checkFileFacts({ ...facts, size: Math.max(facts.size, bytes.length) });
	if (early) return { ok: false, problem: early, errors: [] };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return {
			ok: false,
			problem: 'it is not text (not UTF-8): a scenario file is JSON text',
			errors: []
		};
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.includes('\u0000'))
		return {
			ok: false,
			problem: 'it is not text (it holds NUL bytes): a scenario file is JSON text',
			errors: []
		};
	return readScenarioText(text);
}

/** Reads JSON text as a scenario (see {@link readScenarioBytes}). Never throws. */
export function readScenarioText(text: string): ImportResult {
	if (text.trim() === '') return { ok: false, problem: 'the file is empty', errors: [] };
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		// The core's reader gives the syntax error its line and column.
		const r = parseScenarioText(text);
		const errors = r.ok
			? []
			: r.errors.map((e) => located(text, { ...e, message: cleanJsonMessage(e.message) }, null));
		return { ok: false, problem: 'it is not valid JSON', errors };
	}
	const shape: string[] = [];
	if (!checkJsonShape(json, '', shape)) {
		const offsets = jsonOffsets(text);
		return {
			ok: false,
			problem: 'it holds JSON that no scenario has',
			errors: shape.map((s) => {
				const [head = '', message = s] = s.split(/: (.*)/s);
				// `cluster: the key "__proto__" is not allowed` is about cluster.__proto__.
				const key = /^the key "(.*)" is not allowed$/.exec(message)?.[1];
				const base = head.replace(/^\./, '');
				const path = key === undefined ? base : base ? `${base}.${key}` : key;
				const at = locatePath(text, path, offsets);
				return withWhere({ path, ...at, message });
			})
		};
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		const what = Array.isArray(json) ? 'a list' : json === null ? 'null' : `a ${typeof json}`;
		return {
			ok: false,
			problem: `a scenario file holds one JSON object ({ "name": …, "cluster": … }); this one holds ${what}`,
			errors: []
		};
	}
	const obj = json as Record<string, unknown>;
	if (obj.format === 'quiesce-run')
		return {
			ok: false,
			problem:
				'it is a run export (format "quiesce-run"), not a scenario file: open it from the lab, or export the scenario from the gallery or the editor',
			errors: []
		};
	const result = validateScenario(json);
	if (!result.ok) {
		const offsets = jsonOffsets(text);
		return {
			ok: false,
			problem: `the scenario has ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}`,
			errors: result.errors.map((e) => located(text, e, offsets))
		};
	}
	return { ok: true, json: json as ScenarioJson, spec: result.value };
}

/**
 * A validator error with its place in the file: JSON paths are looked up in the text; the
 * line and column of an error inside the SYSTEM CONFIG or USER DIRECT text are that text's own.
 */
function located(text: string, e: ScenarioError, offsets: Map<string, number> | null): FileError {
	if (e.line !== undefined) return withWhere({ ...e, inner: e.path !== '' });
	const at = offsets ? locatePath(text, e.path, offsets) : null;
	return withWhere({ ...e, ...at });
}

function withWhere(e: {
	path?: string;
	line?: number;
	column?: number;
	message: string;
	inner?: boolean;
}): FileError {
	const pos = e.line === undefined ? '' : `line ${e.line}, column ${e.column ?? 1}`;
	const innerText =
		e.path === 'directory' ? 'of the USER DIRECT text' : 'of the SYSTEM CONFIG text';
	const where = e.path
		? pos
			? `${e.path} (${pos}${e.inner ? ` ${innerText}` : ''})`
			: e.path
		: pos;
	const out: FileError = { where, message: e.message };
	if (e.path) out.path = e.path;
	if (e.line !== undefined) {
		out.line = e.line;
		out.column = e.column ?? 1;
	}
	return out;
}

/** One line per error, for an alert: `where: message`, at most {@link MAX_LISTED_ERRORS}. */
export function errorLines(errors: readonly FileError[]): string[] {
	const shown = errors
		.slice(0, MAX_LISTED_ERRORS)
		.map((e) => (e.where ? `${e.where}: ${e.message}` : e.message));
	if (errors.length > MAX_LISTED_ERRORS)
		shown.push(`and ${errors.length - MAX_LISTED_ERRORS} more`);
	return shown;
}

// ---------------------------------------------------------------------------------------------
// Export

type SchemaNode = {
	$ref?: string;
	properties?: Record<string, SchemaNode>;
	items?: SchemaNode;
	[key: string]: unknown;
};

const ROOT = schema as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };

function resolveRef(node: SchemaNode | undefined): SchemaNode | undefined {
	if (node?.$ref?.startsWith('#/$defs/')) return ROOT.$defs[node.$ref.slice('#/$defs/'.length)];
	return node;
}

/**
 * A copy of `value` with every object's keys in the order scenario.schema.json lists them,
 * keys the schema does not know after them in code-unit order.
 */
export function orderBySchema(value: JsonValue, node: SchemaNode | undefined = ROOT): JsonValue {
	const n = resolveRef(node);
	if (Array.isArray(value)) return value.map((x) => orderBySchema(x, n?.items));
	if (value === null || typeof value !== 'object') return value;
	const known = Object.keys(n?.properties ?? {});
	const keys = Object.keys(value);
	const ordered = [
		...known.filter((k) => keys.includes(k)),
		...keys.filter((k) => !known.includes(k)).sort()
	];
	const out: { [key: string]: JsonValue } = {};
	for (const k of ordered) out[k] = orderBySchema(value[k]!, n?.properties?.[k]);
	return out;
}

/** A scenario as file text: schema key order, tabs, one newline at the end. */
export function scenarioFileText(json: ScenarioJson): string {
	return `${formatJson(orderBySchema(json))}\n`;
}

/** A file name for a scenario: its name with anything unsafe in a file name replaced. */
export function scenarioFileName(name: string): string {
	const safe = name
		.trim()
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^[-.]+|-+$/g, '');
	return `${safe || 'scenario'}.json`;
}
