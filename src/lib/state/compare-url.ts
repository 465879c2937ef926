/**
 * A comparison's settings in the address: `?seed=1&a.memory=4G&a.workload=web&…&b.ctcsPerChpid=1`,
 * every field of both sides, readable and editable by hand. Reading is forgiving field by field:
 * a bad or unknown parameter is reported by name and its side keeps the default for that field,
 * so a damaged link still opens a comparison, never a broken page. Pure (URLSearchParams only).
 */
import {
	defaultSettings,
	parseSeed,
	parseSideFields,
	SIDE_FIELDS,
	SIDES,
	sideFields,
	type CompareSettings,
	type SettingsError,
	type SideFields,
	type SideKey
} from '../core/compare/settings';

/** Longest value a parameter may have: every real one is a few characters. */
export const MAX_PARAM_CHARS = 64;

/** The query (without `?`) that reproduces `s`. */
export function compareQuery(s: CompareSettings): string {
	const p = new URLSearchParams();
	p.set('seed', String(s.seed));
	for (const k of SIDES) {
		const f = sideFields(s[k]);
		for (const name of SIDE_FIELDS) p.set(`${k}.${name}`, f[name]);
	}
	return p.toString();
}

/** Whether an address carries any comparison setting. */
export function hasCompareQuery(params: URLSearchParams): boolean {
	return [...params.keys()].some((k) => k === 'seed' || /^[ab]\./.test(k));
}

export interface ReadQuery {
	/** Valid settings: the link's, with the default wherever the link's field was bad. */
	settings: CompareSettings;
	/** Each bad parameter, named. */
	errors: SettingsError[];
}

/** Reads the settings of an address; fields it does not give are `fallback`'s. */
export function readCompareQuery(
	params: URLSearchParams,
	fallback: CompareSettings = defaultSettings()
): ReadQuery {
	const errors: SettingsError[] = [];
	const seen = new Set<string>();
	const given = new Map<string, string>();
	for (const [key, value] of params) {
		if (key !== 'seed' && !/^[ab]\./.test(key)) continue;
		if (seen.has(key)) {
			errors.push({ field: key, message: `${key} is given more than once; the first is used` });
			continue;
		}
		seen.add(key);
		const side = key.slice(0, 1);
		const name = key.slice(2);
		if (key !== 'seed' && !(SIDE_FIELDS as readonly string[]).includes(name)) {
			errors.push({
				field: key,
				message: `${key} is not a setting of side ${side.toUpperCase()} (${SIDE_FIELDS.map((f) => `${side}.${f}`).join(', ')})`
			});
			continue;
		}
		if (value.length > MAX_PARAM_CHARS) {
			errors.push({ field: key, message: `${key} is longer than ${MAX_PARAM_CHARS} characters` });
			continue;
		}
		given.set(key, value);
	}

	let seed = fallback.seed;
	const seedText = given.get('seed');
	if (seedText !== undefined) {
		const r = parseSeed(seedText);
		if (typeof r === 'number') seed = r;
		else errors.push(r);
	}
	const sides = {} as Record<SideKey, CompareSettings['a']>;
	for (const k of SIDES) {
		const fields: SideFields = sideFields(fallback[k]);
		for (const name of SIDE_FIELDS) {
			const v = given.get(`${k}.${name}`);
			if (v !== undefined) fields[name] = v;
		}
		let r = parseSideFields(fields, k);
		errors.push(...r.errors);
		// Each bad field falls back to the default; the defaults always agree with each other.
		const defaults = sideFields(fallback[k]);
		for (let i = 0; i < SIDE_FIELDS.length && !r.value; i++) {
			for (const e of r.errors) {
				const name = e.field.slice(2) as keyof SideFields;
				fields[name] = defaults[name];
			}
			r = parseSideFields(fields, k);
		}
		sides[k] = r.value ?? fallback[k];
	}
	return { settings: { seed, a: sides.a, b: sides.b }, errors };
}

/** The alert for a link with bad parameters: each one (up to `max`), then what the page did. */
export function compareLinkProblem(errors: readonly SettingsError[], max = 6): string {
	const shown = errors
		.slice(0, max)
		.map((e) => (e.message.startsWith(e.field) ? e.message : `${e.field}: ${e.message}`))
		.join('; ');
	const more = errors.length > max ? ` (and ${errors.length - max} more)` : '';
	return `Some settings in this link could not be used: ${shown}${more}. Those fields keep their defaults.`;
}
