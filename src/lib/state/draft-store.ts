/**
 * The editor's draft kept in the browser (localStorage), so that a reload, a closed tab or a
 * slip never loses the user's work: the current draft, and the one it replaced (an import, an
 * "Edit a copy" or a discard can be undone). What is read back is checked field by field: a
 * stored value that is not a draft is ignored, never trusted. Pure TypeScript; the storage is
 * passed in.
 */
import {
	PARAM_KEYS,
	STEP_ACTIONS,
	blankDomain,
	blankGuest,
	blankLink,
	blankMember,
	blankStep,
	type CtcDraft,
	type ScenarioDraft,
	type StepAction
} from './scenario-draft';

export const DRAFT_KEY = 'quiesce-editor-draft';
export const PREVIOUS_KEY = 'quiesce-editor-previous';
const VERSION = 1;

/** A draft with where it came from. */
export interface StoredDraft {
	draft: ScenarioDraft;
	/** What the draft started as: `a copy of itsossib`, `gdl.json`, `a new scenario`. */
	origin: string;
	/** When it was last saved (ISO 8601). */
	savedAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The outcome of reading: the draft, none, or one that could not be read (and why). */
export type ReadResult = { ok: true; value: StoredDraft | null } | { ok: false; reason: string };

/** Reads the draft saved under `key`. Never throws. */
export function readDraft(storage: Store | null, key: string): ReadResult {
	if (!storage) return { ok: true, value: null };
	let text: string | null;
	try {
		text = storage.getItem(key);
	} catch (e) {
		return { ok: false, reason: `the browser's storage cannot be read (${message(e)})` };
	}
	if (text === null) return { ok: true, value: null };
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'the saved draft is not valid JSON' };
	}
	if (!isObj(raw) || raw.version !== VERSION || !isObj(raw.draft))
		return { ok: false, reason: 'the saved draft is not one this version can read' };
	return {
		ok: true,
		value: {
			draft: coerceDraft(raw.draft),
			origin: typeof raw.origin === 'string' ? raw.origin : 'a saved draft',
			savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : ''
		}
	};
}

/** Saves a draft under `key`; the reason when the browser refuses (full, disabled). */
export function writeDraft(storage: Store | null, key: string, value: StoredDraft): string | null {
	if (!storage) return 'this browser offers no storage';
	try {
		storage.setItem(key, JSON.stringify({ version: VERSION, ...value }));
		return null;
	} catch (e) {
		return `the browser refused to save it (${message(e)})`;
	}
}

/** Forgets the draft under `key`. */
export function removeDraft(storage: Store | null, key: string): void {
	try {
		storage?.removeItem(key);
	} catch {
		// Nothing to lose: the draft stays where it was.
	}
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `blank` with each field of the same type taken from `v`. */
function like<T extends object>(v: unknown, blank: T): T {
	const out = { ...blank } as Record<string, unknown>;
	if (!isObj(v)) return out as T;
	for (const [k, def] of Object.entries(blank)) {
		if (typeof def === 'string' || typeof def === 'boolean') {
			if (typeof v[k] === typeof def) out[k] = v[k];
		}
	}
	return out as T;
}

function strings(v: unknown): string[] {
	return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function list<T>(v: unknown, each: (x: unknown) => T): T[] {
	return Array.isArray(v) ? v.map(each) : [];
}

const TRI = ['', 'true', 'false'];
function tri(v: unknown): '' | 'true' | 'false' {
	return typeof v === 'string' && TRI.includes(v) ? (v as '' | 'true' | 'false') : '';
}

/** Any value as a draft: what it has of a draft's fields, blanks for the rest. */
export function coerceDraft(v: unknown): ScenarioDraft {
	const o = isObj(v) ? v : {};
	const cl = isObj(o.cluster) ? o.cluster : {};
	const params = isObj(o.params) ? o.params : {};
	return {
		schema: str(o.schema),
		name: str(o.name),
		title: str(o.title),
		description: str(o.description),
		source: str(o.source),
		seed: str(o.seed),
		start: str(o.start),
		cluster: {
			name: str(cl.name),
			pdrVolume: str(cl.pdrVolume),
			pdrRdev: str(cl.pdrRdev),
			crossSystemTimeouts: tri(cl.crossSystemTimeouts),
			members: list(cl.members, (m) => {
				const out = like(m, blankMember(0));
				const f = isObj(m) ? m.facilities : null;
				out.facilities = Array.isArray(f) ? strings(f) : null;
				return out;
			}),
			links: list(cl.links, (l) => {
				const out = like(l, blankLink());
				out.devices = list(isObj(l) ? l.devices : [], (x) =>
					like<CtcDraft>(x, { chpid: '', a: '', b: '' })
				);
				return out;
			}),
			domains: list(cl.domains, (x) => {
				const out = like(x, blankDomain());
				out.members = strings(isObj(x) ? x.members : []);
				return out;
			})
		},
		systemConfig: str(o.systemConfig),
		directory: str(o.directory),
		guests: list(o.guests, (g) => {
			const out = like(g, blankGuest());
			out.vmcf = tri(isObj(g) ? g.vmcf : '');
			return out;
		}),
		segments: str(o.segments),
		script: list(o.script, (s) => {
			const out = like(s, blankStep());
			const action = isObj(s) ? s.action : '';
			out.action = (STEP_ACTIONS as readonly unknown[]).includes(action)
				? (action as StepAction)
				: 'command';
			out.reipl = tri(isObj(s) ? s.reipl : '');
			return out;
		}),
		params: Object.fromEntries(PARAM_KEYS.map((k) => [k, str(params[k])])) as Record<
			(typeof PARAM_KEYS)[number],
			string
		>
	};
}

function str(v: unknown): string {
	return typeof v === 'string' ? v : '';
}
