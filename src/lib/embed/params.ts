/**
 * The parameters of the embed (`/embed/`): the lab's link state (url-state.ts: `v`, `scenario`
 * or `inline`, `seed`, `inputs`, `t`, `speed`) plus what only an embed has: the locked range
 * (`from`, `to`), `autoplay`, the `panels` and `controls` shown, the `theme` and the `origin`
 * of the page that may drive it through the postMessage API (api.ts). Pure TypeScript: it reads
 * a query string and a hash, never `location`. Every problem is reported with the name of its
 * parameter; nothing is guessed.
 *
 * Defaults (documented on /docs/embed): `v` 1, `scenario` the lab's default, `seed` the
 * scenario's own, `t` 0, `speed` 1, `from` 0, `to` none (play runs on), `autoplay` 0,
 * `panels` status,topology,members,relocations, `controls` play,step,seek,speed, `theme` the
 * reader's light or dark preference, `origin` none (the API is off).
 */
import { DEFAULT_SCENARIO } from '../core/scenarios/catalog';
import type { TimedInput } from '../core/sim/events';
import { isTheme, THEMES, type Theme } from '../ui/theme';
import { decodeUrlState, URL_STATE_LIMITS, type ScenarioRef } from '../state/url-state';

/** The parts of the lab the embed can show, in the order they appear. */
export const PANELS = [
	'status',
	'topology',
	'members',
	'relocations',
	'charts',
	'links',
	'console',
	'log'
] as const;
export type Panel = (typeof PANELS)[number];

/** The controls the embed can show. `seek` is a time slider over the locked range. */
export const CONTROLS = ['play', 'step', 'seek', 'speed'] as const;
export type Control = (typeof CONTROLS)[number];

export const DEFAULT_PANELS: readonly Panel[] = ['status', 'topology', 'members', 'relocations'];
export const DEFAULT_CONTROLS: readonly Control[] = CONTROLS;

/** The link-state parameters (url-state.ts), passed through to `decodeUrlState`. */
const LINK_PARAMS = ['v', 'scenario', 'inline', 'seed', 't', 'speed', 'inputs'] as const;
/** The embed's own parameters. */
const EMBED_PARAMS = ['from', 'to', 'autoplay', 'panels', 'controls', 'theme', 'origin'] as const;
export const ALL_PARAMS: readonly string[] = [...LINK_PARAMS, ...EMBED_PARAMS];

/** Everything the embed was asked for, checked. */
export interface EmbedParams {
	scenario: ScenarioRef;
	/** The seed; undefined: the scenario's own. */
	seed: number | undefined;
	/** A recorded run's inputs, replayed as time passes. */
	inputs: TimedInput[];
	/** The end of the recorded run (the lab's `t`), simulated ms. */
	t: number;
	speed: number | undefined;
	/** The locked range, simulated ms: the embed starts at `from`; null `to` leaves the end open. */
	from: number;
	to: number | null;
	autoplay: boolean;
	panels: Panel[];
	controls: Control[];
	/** Null: follow the reader's prefers-color-scheme (light or dark). */
	theme: Theme | null;
	/** The embedding page's origin; null turns the postMessage API off. */
	origin: string | null;
}

/**
 * The parameters, or every problem found; a valid `origin` is returned with the problems, so
 * that the embed can tell its host it could not start (a 'ready' event with `ok: false`).
 */
export type EmbedParamsResult =
	{ ok: true; value: EmbedParams } | { ok: false; errors: string[]; origin: string | null };

/** The simulated time the run is loaded to: the recorded run and the whole range are replayed. */
export function loadTime(p: Pick<EmbedParams, 't' | 'from' | 'to'>): number {
	return Math.max(p.t, p.from, p.to ?? 0);
}

/**
 * The parameter text of an address: the hash when it carries parameters, else the query. Both
 * at once is an error (the embed would not know which to believe).
 */
function paramText(search: string, hash: string): { text: string } | { error: string } {
	const h = hash.startsWith('#') ? hash.slice(1) : hash;
	const q = search.startsWith('?') ? search.slice(1) : search;
	const inHash = h.includes('=');
	if (inHash && q.length > 0) {
		return {
			error:
				'the address has parameters in both the query (?…) and the hash (#…): put them all in one'
		};
	}
	return { text: inHash ? h : q };
}

/** Reads and checks the embed's parameters from an address's query and hash. Never throws. */
export async function parseEmbedParams(search: string, hash: string): Promise<EmbedParamsResult> {
	const picked = paramText(search, hash);
	if ('error' in picked) return { ok: false, errors: [picked.error], origin: null };
	if (picked.text.length > URL_STATE_LIMITS.maxChars) {
		return {
			ok: false,
			errors: [
				`the parameters are ${picked.text.length} characters long; the limit is ${URL_STATE_LIMITS.maxChars}`
			],
			origin: null
		};
	}
	const params = new URLSearchParams(picked.text);
	const errors: string[] = [];
	for (const key of new Set(params.keys())) {
		if (!ALL_PARAMS.includes(key)) {
			errors.push(`${clip(key)}: unknown parameter (the embed reads ${ALL_PARAMS.join(', ')})`);
		}
	}
	const one = (name: string): string | undefined => {
		const all = params.getAll(name);
		if (all.length > 1 && EMBED_PARAMS.includes(name as (typeof EMBED_PARAMS)[number])) {
			errors.push(`${name}: given ${all.length} times; give it once`);
		}
		return all[0];
	};

	// The link state, with the embed's defaults for what a hand-written address leaves out.
	const link = new URLSearchParams();
	for (const name of LINK_PARAMS) for (const v of params.getAll(name)) link.append(name, v);
	if (!link.has('v')) link.set('v', '1');
	if (!link.has('scenario') && !link.has('inline')) link.set('scenario', DEFAULT_SCENARIO);
	const seedGiven = link.has('seed');
	if (!seedGiven) link.set('seed', '0');
	if (!link.has('t')) link.set('t', '0');
	const decoded = await decodeUrlState(link.toString());
	if (!decoded.ok) errors.push(...decoded.errors);

	const from = readMs(one('from'), 'from', errors) ?? 0;
	const to = readMs(one('to'), 'to', errors) ?? null;
	if (to !== null && to <= from) {
		errors.push(`to: ${to} ms must be after from (${from} ms)`);
	}
	const autoplay = readFlag(one('autoplay'), 'autoplay', errors);
	const panels = readList(one('panels'), 'panels', PANELS, DEFAULT_PANELS, false, errors);
	const controls = readList(one('controls'), 'controls', CONTROLS, DEFAULT_CONTROLS, true, errors);
	const themeText = one('theme');
	let theme: Theme | null = null;
	if (themeText !== undefined) {
		if (isTheme(themeText)) theme = themeText;
		else errors.push(`theme: ${quote(themeText)} is not a theme (${THEMES.join(', ')})`);
	}
	const originText = one('origin');
	let origin: string | null = null;
	if (originText !== undefined) {
		const checked = checkOrigin(originText);
		if (checked.ok) origin = checked.origin;
		else errors.push(`origin: ${checked.error}`);
	}

	if (errors.length > 0 || !decoded.ok) return { ok: false, errors, origin };
	const s = decoded.value;
	return {
		ok: true,
		value: {
			scenario: s.scenario,
			seed: seedGiven ? s.seed : undefined,
			inputs: s.inputs,
			t: s.t,
			speed: s.speed,
			from,
			to,
			autoplay,
			panels,
			controls,
			theme,
			origin
		}
	};
}

/**
 * An origin as `location.origin` spells it: `http:` or `https:`, a host, an optional port, and
 * nothing else (no path, no trailing slash, no user, no query). `null` and `*` are refused.
 */
export function checkOrigin(
	text: string
): { ok: true; origin: string } | { ok: false; error: string } {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, error: `${quote(text)} is not an origin (like https://example.org)` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return { ok: false, error: `${quote(text)} must be an http: or https: origin` };
	}
	if (url.origin !== text) {
		return {
			ok: false,
			error: `${quote(text)} must be exactly an origin, scheme://host[:port] with no path or trailing slash (did you mean ${url.origin}?)`
		};
	}
	return { ok: true, origin: url.origin };
}

const MS = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

function readMs(text: string | undefined, name: string, errors: string[]): number | undefined {
	if (text === undefined) return undefined;
	if (!MS.test(text)) {
		errors.push(`${name}: ${quote(text)} is not a number of simulated milliseconds (0 or more)`);
		return undefined;
	}
	const n = Number(text);
	if (n > URL_STATE_LIMITS.maxTimeMs) {
		errors.push(
			`${name}: ${text} ms is more than the ${URL_STATE_LIMITS.maxTimeMs} ms (one simulated day) an embed may replay`
		);
		return undefined;
	}
	return n;
}

function readFlag(text: string | undefined, name: string, errors: string[]): boolean {
	if (text === undefined || text === '0' || text === 'false') return false;
	if (text === '1' || text === 'true' || text === '') return true;
	errors.push(`${name}: ${quote(text)} must be 1 or 0 (true or false)`);
	return false;
}

function readList<T extends string>(
	text: string | undefined,
	name: string,
	allowed: readonly T[],
	defaults: readonly T[],
	noneAllowed: boolean,
	errors: string[]
): T[] {
	if (text === undefined) return [...defaults];
	if (noneAllowed && text === 'none') return [];
	const items = text.split(',').map((s) => s.trim());
	const out: T[] = [];
	const before = errors.length;
	for (const item of items) {
		if (item === '') {
			errors.push(`${name}: an empty item in ${quote(text)}`);
		} else if (!(allowed as readonly string[]).includes(item)) {
			errors.push(
				`${name}: ${quote(item)} is not one of ${allowed.join(', ')}${noneAllowed ? ' (or none alone)' : ''}`
			);
		} else if (out.includes(item as T)) {
			errors.push(`${name}: ${quote(item)} is listed twice`);
		} else out.push(item as T);
	}
	if (errors.length > before) return [...defaults];
	// Shown in the fixed order, whatever order the list gave.
	return allowed.filter((a) => out.includes(a));
}

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function quote(text: string): string {
	return JSON.stringify(clip(text));
}

/** What the lab's Embed dialog chooses beyond the link state. */
export interface EmbedOptions {
	from: number;
	to: number | null;
	autoplay: boolean;
	panels: readonly Panel[];
	controls: readonly Control[];
	theme: Theme | null;
	origin: string | null;
}

/**
 * The embed's parameter text for a link state (`encodeUrlState`'s output) and options: the
 * link state as it is, then only the options that differ from the defaults.
 */
export function embedParamText(encoded: string, o: EmbedOptions): string {
	const p = new URLSearchParams(encoded);
	if (o.from !== 0) p.set('from', String(o.from));
	if (o.to !== null) p.set('to', String(o.to));
	if (o.autoplay) p.set('autoplay', '1');
	if (!sameList(o.panels, DEFAULT_PANELS)) p.set('panels', o.panels.join(','));
	if (!sameList(o.controls, DEFAULT_CONTROLS))
		p.set('controls', o.controls.length === 0 ? 'none' : o.controls.join(','));
	if (o.theme !== null) p.set('theme', o.theme);
	if (o.origin !== null) p.set('origin', o.origin);
	return p.toString();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}
