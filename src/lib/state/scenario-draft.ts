/**
 * The scenario editor's draft: a scenario file (README "Scenario files",
 * core/config/scenario.schema.json) as the editor's forms hold it. Every field is the text the
 * user typed, so a half-typed value ("4x CPUs") survives a reload and is reported where it was
 * typed instead of being lost in a conversion; an empty field stands for a field left out of the
 * file. Lists of objects that need no form of their own (a member's real devices and paging
 * volumes, the saved segments) are JSON text boxes.
 *
 * {@link draftFromJson} and {@link draftToJson} convert between a scenario's JSON and the draft;
 * the JSON goes to the same validator the simulation worker uses (core/config/scenario.ts).
 * Pure TypeScript.
 */
import { jsonErrorOffset } from '../core/config/scenario';
import { FACILITIES } from '../core/model/types';
import { DEFAULT_PARAMS } from '../core/sim/state';
import type { ScenarioError } from '../core/config/scenario-types';
import type { JsonValue, ScenarioJson } from './url-state';
import { formatJson } from './json-format';

/** A boolean field that may be left out (''), so the file's default applies. */
export type Tri = '' | 'true' | 'false';

export interface MemberDraft {
	name: string;
	slot: string;
	cec: string;
	lpar: string;
	storage: string;
	paging: string;
	cpus: string;
	cpuType: string;
	/** null: the default facilities (GIEF, EX-EXT); else the explicit list. */
	facilities: string[] | null;
	state: string;
	systemId: string;
	storageInUse: string;
	pagingInUse: string;
	crypto: string;
	otherUsers: string;
	/** JSON text of `devices` (an array), '' when left out. */
	devices: string;
	/** JSON text of `pagingVolumes` (an array), '' when left out. */
	pagingVolumes: string;
}

export interface CtcDraft {
	chpid: string;
	a: string;
	b: string;
}

export interface LinkDraft {
	a: string;
	b: string;
	/** Explicit CTC devices instead of CHPID and CTC counts. */
	useDevices: boolean;
	chpids: string;
	ctcs: string;
	firstRdev: string;
	devices: CtcDraft[];
}

export interface DomainDraft {
	name: string;
	members: string[];
}

export interface GuestDraft {
	user: string;
	on: string;
	status: string;
	kind: string;
	resident: string;
	workload: string;
	/** Space- or comma-separated lists. */
	logicalDevices: string;
	segments: string;
	iucv: string;
	vmcf: Tri;
	overheadPageable: string;
	overheadFixed: string;
	loggedOnFor: string;
	virtualCpu: string;
	totalCpu: string;
}

export const STEP_ACTIONS = ['command', 'fault', 'ipl', 'shutdown'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export interface StepDraft {
	at: string;
	action: StepAction;
	on: string;
	user: string;
	command: string;
	faultKind: string;
	faultMember: string;
	faultSystemId: string;
	faultLink: string;
	faultChpid: string;
	faultCtc: string;
	/** The member of an `ipl` or `shutdown` step. */
	member: string;
	reipl: Tri;
}

export const PARAM_KEYS = Object.keys(DEFAULT_PARAMS) as (keyof typeof DEFAULT_PARAMS)[];
export type ParamKey = (typeof PARAM_KEYS)[number];

export interface ScenarioDraft {
	/** `$schema`, kept as the file had it. */
	schema: string;
	name: string;
	title: string;
	description: string;
	source: string;
	seed: string;
	start: string;
	cluster: {
		name: string;
		pdrVolume: string;
		pdrRdev: string;
		crossSystemTimeouts: Tri;
		members: MemberDraft[];
		links: LinkDraft[];
		domains: DomainDraft[];
	};
	systemConfig: string;
	directory: string;
	guests: GuestDraft[];
	/** JSON text of the top-level `segments` (an array), '' when left out. */
	segments: string;
	script: StepDraft[];
	params: Record<ParamKey, string>;
}

/** The JSON paths of the draft's JSON text boxes, for errors inside them. */
export function jsonBoxPaths(d: ScenarioDraft): string[] {
	return [
		...d.cluster.members.flatMap((_, i) => [
			`cluster.members[${i}].devices`,
			`cluster.members[${i}].pagingVolumes`
		]),
		'segments'
	];
}

// ---------------------------------------------------------------------------------------------
// Blank entries, for the Add buttons

export function blankMember(i: number): MemberDraft {
	return {
		name: `MEMBER${i + 1}`,
		slot: String(i + 1),
		cec: 'CEC1',
		lpar: '',
		storage: '16G',
		paging: '8G',
		cpus: '',
		cpuType: '',
		facilities: null,
		state: '',
		systemId: '',
		storageInUse: '',
		pagingInUse: '',
		crypto: '',
		otherUsers: '',
		devices: '',
		pagingVolumes: ''
	};
}

export function blankLink(a = '', b = ''): LinkDraft {
	return { a, b, useDevices: false, chpids: '', ctcs: '', firstRdev: '', devices: [] };
}

export function blankDomain(): DomainDraft {
	return { name: '', members: [] };
}

export function blankGuest(on = ''): GuestDraft {
	return {
		user: '',
		on,
		status: '',
		kind: '',
		resident: '',
		workload: '',
		logicalDevices: '',
		segments: '',
		iucv: '',
		vmcf: '',
		overheadPageable: '',
		overheadFixed: '',
		loggedOnFor: '',
		virtualCpu: '',
		totalCpu: ''
	};
}

export function blankStep(on = ''): StepDraft {
	return {
		at: '',
		action: 'command',
		on,
		user: '',
		command: '',
		faultKind: 'member.abend',
		faultMember: '',
		faultSystemId: '',
		faultLink: '',
		faultChpid: '',
		faultCtc: '',
		member: '',
		reipl: ''
	};
}

function blankParams(): Record<ParamKey, string> {
	return Object.fromEntries(PARAM_KEYS.map((k) => [k, ''])) as Record<ParamKey, string>;
}

// ---------------------------------------------------------------------------------------------
// JSON → draft

type Obj = { [key: string]: JsonValue };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field's text: strings as they are, numbers and booleans written out, '' when left out. */
function text(v: JsonValue | undefined): string {
	if (v === undefined || v === null) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return JSON.stringify(v);
}

/** A duration's text: a number of milliseconds becomes `<n>ms`, which reads the same. */
function duration(v: JsonValue | undefined): string {
	return typeof v === 'number' ? `${v}ms` : text(v);
}

function tri(v: JsonValue | undefined): Tri {
	return v === true ? 'true' : v === false ? 'false' : '';
}

function list(v: JsonValue | undefined): string {
	return Array.isArray(v) ? v.map(text).join(' ') : text(v);
}

function objs(v: JsonValue | undefined): Obj[] {
	return Array.isArray(v) ? v.filter(isObj) : [];
}

function box(v: JsonValue | undefined): string {
	return v === undefined ? '' : formatJson(v, '  ');
}

/** The draft of a scenario's JSON (a file the validator accepted, or a built-in). */
export function draftFromJson(json: ScenarioJson): ScenarioDraft {
	const cl = isObj(json.cluster) ? json.cluster : {};
	const pdr = isObj(cl.pdr) ? cl.pdr : {};
	const params = blankParams();
	if (isObj(json.params)) {
		for (const k of PARAM_KEYS) {
			const v = json.params[k];
			params[k] = k === 'shutdownSignalSeconds' ? text(v) : duration(v);
		}
	}
	return {
		schema: text(json.$schema),
		name: text(json.name),
		title: text(json.title),
		description: text(json.description),
		source: text(json.source),
		seed: text(json.seed),
		start: text(json.start),
		cluster: {
			name: text(cl.name),
			pdrVolume: text(pdr.volume),
			pdrRdev: text(pdr.rdev),
			crossSystemTimeouts: tri(cl.crossSystemTimeouts),
			members: objs(cl.members).map((m) => ({
				name: text(m.name),
				slot: text(m.slot),
				cec: text(m.cec),
				lpar: text(m.lpar),
				storage: text(m.storage),
				paging: text(m.paging),
				cpus: text(m.cpus),
				cpuType: text(m.cpuType),
				facilities: Array.isArray(m.facilities) ? m.facilities.map(text) : null,
				state: text(m.state),
				systemId: text(m.systemId),
				storageInUse: text(m.storageInUse),
				pagingInUse: text(m.pagingInUse),
				crypto: text(m.crypto),
				otherUsers: text(m.otherUsers),
				devices: box(m.devices),
				pagingVolumes: box(m.pagingVolumes)
			})),
			links: objs(cl.links).map((l) => {
				const between = Array.isArray(l.between) ? l.between : [];
				return {
					a: text(between[0]),
					b: text(between[1]),
					useDevices: Array.isArray(l.devices),
					chpids: text(l.chpids),
					ctcs: text(l.ctcs),
					firstRdev: text(l.firstRdev),
					devices: objs(l.devices).map((d) => ({
						chpid: text(d.chpid),
						a: text(d.a),
						b: text(d.b)
					}))
				};
			}),
			domains: objs(cl.domains).map((d) => ({
				name: text(d.name),
				members: Array.isArray(d.members) ? d.members.map(text) : []
			}))
		},
		systemConfig: text(json.systemConfig),
		directory: text(json.directory),
		guests: objs(json.guests).map((g) => {
			const overhead = isObj(g.overhead) ? g.overhead : {};
			const acct = isObj(g.accounting) ? g.accounting : {};
			return {
				user: text(g.user),
				on: text(g.on),
				status: text(g.status),
				kind: text(g.kind),
				resident: text(g.resident),
				workload: text(g.workload),
				logicalDevices: list(g.logicalDevices),
				segments: list(g.segments),
				iucv: list(g.iucv),
				vmcf: tri(g.vmcf),
				overheadPageable: text(overhead.pageable),
				overheadFixed: text(overhead.fixed),
				loggedOnFor: duration(acct.loggedOnFor),
				virtualCpu: duration(acct.virtualCpu),
				totalCpu: duration(acct.totalCpu)
			};
		}),
		segments: box(json.segments),
		script: objs(json.script).map((s) => {
			const f = isObj(s.fault) ? s.fault : {};
			const action: StepAction =
				s.fault !== undefined
					? 'fault'
					: s.ipl !== undefined
						? 'ipl'
						: s.shutdown !== undefined
							? 'shutdown'
							: 'command';
			return {
				at: duration(s.at),
				action,
				on: text(s.on),
				user: text(s.user),
				command: text(s.command),
				faultKind: text(f.kind) || 'member.abend',
				faultMember: text(f.member),
				faultSystemId: text(f.systemId),
				faultLink: text(f.link),
				faultChpid: text(f.chpid),
				faultCtc: text(f.ctc),
				member: text(action === 'ipl' ? s.ipl : s.shutdown),
				reipl: tri(s.reipl)
			};
		}),
		params
	};
}

// ---------------------------------------------------------------------------------------------
// Draft → JSON

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** What a draft gives: the scenario JSON, and the JSON boxes that could not be read. */
export interface DraftJson {
	json: ScenarioJson;
	/** Syntax errors of the JSON text boxes, each at its box's path with a line and column. */
	errors: ScenarioError[];
}

/**
 * The scenario JSON of a draft. Empty fields are left out; a number field holding a number
 * becomes a number, and anything else stays the text typed, for the validator to name.
 */
export function draftToJson(d: ScenarioDraft): DraftJson {
	const errors: ScenarioError[] = [];
	const o: Obj = {};
	const put = (target: Obj, key: string, v: JsonValue | undefined) => {
		if (v !== undefined) target[key] = v;
	};
	const str = (t: string): string | undefined => (t === '' ? undefined : t);
	const num = (t: string): JsonValue | undefined => {
		const s = t.trim();
		if (s === '') return t === '' ? undefined : t;
		return NUMBER.test(s) ? Number(s) : t;
	};
	const bool = (t: Tri): boolean | undefined => (t === '' ? undefined : t === 'true');
	const words = (t: string): string[] | undefined => {
		const w = t.split(/[\s,]+/).filter((x) => x !== '');
		return w.length ? w : undefined;
	};
	const jsonBox = (t: string, path: string): JsonValue | undefined => {
		if (t.trim() === '') return undefined;
		try {
			return JSON.parse(t) as JsonValue;
		} catch (e) {
			const located = jsonSyntaxPosition(t, e);
			errors.push({ path, ...located, message: `not valid JSON: ${jsonMessage(e)}` });
			return undefined;
		}
	};
	const sub = (entries: [string, JsonValue | undefined][]): Obj | undefined => {
		const out: Obj = {};
		for (const [k, v] of entries) put(out, k, v);
		return Object.keys(out).length ? out : undefined;
	};

	put(o, '$schema', str(d.schema));
	put(o, 'name', d.name);
	put(o, 'title', str(d.title));
	put(o, 'description', str(d.description));
	put(o, 'source', str(d.source));
	put(o, 'seed', num(d.seed));
	put(o, 'start', str(d.start));

	const c = d.cluster;
	const cluster: Obj = { name: c.name };
	put(
		cluster,
		'pdr',
		sub([
			['volume', str(c.pdrVolume)],
			['rdev', str(c.pdrRdev)]
		])
	);
	put(cluster, 'crossSystemTimeouts', bool(c.crossSystemTimeouts));
	cluster.members = c.members.map((m, i) => {
		const p = `cluster.members[${i}]`;
		const out: Obj = { name: m.name };
		put(out, 'slot', num(m.slot));
		put(out, 'cec', str(m.cec));
		put(out, 'lpar', str(m.lpar));
		put(out, 'storage', str(m.storage));
		put(out, 'paging', str(m.paging));
		put(out, 'cpus', num(m.cpus));
		put(out, 'cpuType', str(m.cpuType));
		put(out, 'facilities', m.facilities === null ? undefined : [...m.facilities]);
		put(out, 'state', str(m.state));
		put(out, 'systemId', str(m.systemId));
		put(out, 'storageInUse', str(m.storageInUse));
		put(out, 'pagingInUse', str(m.pagingInUse));
		put(out, 'devices', jsonBox(m.devices, `${p}.devices`));
		put(out, 'crypto', str(m.crypto));
		put(out, 'otherUsers', num(m.otherUsers));
		put(out, 'pagingVolumes', jsonBox(m.pagingVolumes, `${p}.pagingVolumes`));
		return out;
	});
	if (c.links.length > 0) {
		cluster.links = c.links.map((l) => {
			const out: Obj = { between: [l.a, l.b] };
			if (l.useDevices) out.devices = l.devices.map((x) => ({ chpid: x.chpid, a: x.a, b: x.b }));
			else {
				put(out, 'chpids', num(l.chpids));
				put(out, 'ctcs', num(l.ctcs));
			}
			put(out, 'firstRdev', str(l.firstRdev));
			return out;
		});
	}
	if (c.domains.length > 0)
		cluster.domains = c.domains.map((x) => ({ name: x.name, members: [...x.members] }));
	o.cluster = cluster;

	put(o, 'directory', str(d.directory));
	put(o, 'systemConfig', str(d.systemConfig));
	if (d.guests.length > 0) {
		o.guests = d.guests.map((g) => {
			const out: Obj = { user: g.user, on: g.on };
			put(out, 'status', str(g.status));
			put(out, 'kind', str(g.kind));
			put(out, 'resident', str(g.resident));
			put(out, 'workload', str(g.workload));
			put(out, 'logicalDevices', words(g.logicalDevices));
			put(out, 'segments', words(g.segments));
			put(out, 'iucv', words(g.iucv));
			put(out, 'vmcf', bool(g.vmcf));
			put(
				out,
				'overhead',
				sub([
					['pageable', str(g.overheadPageable)],
					['fixed', str(g.overheadFixed)]
				])
			);
			put(
				out,
				'accounting',
				sub([
					['loggedOnFor', str(g.loggedOnFor)],
					['virtualCpu', str(g.virtualCpu)],
					['totalCpu', str(g.totalCpu)]
				])
			);
			return out;
		});
	}
	put(o, 'segments', jsonBox(d.segments, 'segments'));
	if (d.script.length > 0) {
		o.script = d.script.map((s) => {
			const out: Obj = { at: s.at };
			switch (s.action) {
				case 'command':
					out.on = s.on;
					put(out, 'user', str(s.user));
					out.command = s.command;
					break;
				case 'fault': {
					const f: Obj = { kind: s.faultKind };
					const kind = s.faultKind;
					const wants: readonly string[] = FAULT_FIELDS[kind as keyof typeof FAULT_FIELDS] ?? [];
					if (wants.includes('member')) f.member = s.faultMember;
					if (wants.includes('systemId')) f.systemId = s.faultSystemId;
					if (wants.includes('link')) f.link = s.faultLink;
					if (wants.includes('chpid')) f.chpid = s.faultChpid;
					if (wants.includes('ctc')) f.ctc = num(s.faultCtc) ?? '';
					out.fault = f;
					break;
				}
				case 'ipl':
					out.ipl = s.member;
					break;
				case 'shutdown':
					out.shutdown = s.member;
					put(out, 'reipl', bool(s.reipl));
					break;
			}
			return out;
		});
	}
	const params: Obj = {};
	for (const k of PARAM_KEYS) {
		const v = d.params[k] ?? '';
		put(params, k, k === 'shutdownSignalSeconds' ? num(v) : str(v));
	}
	if (Object.keys(params).length > 0) o.params = params;
	return { json: o, errors };
}

/** The fields each fault kind takes besides `kind` (README "Scenario files", `script[]`). */
export const FAULT_FIELDS = {
	'member.abend': ['member'],
	'member.systemId': ['member', 'systemId'],
	'ctc.fail': ['link', 'chpid', 'ctc'],
	'ctc.repair': ['link', 'chpid', 'ctc'],
	'chpid.fail': ['link', 'chpid'],
	'chpid.repair': ['link', 'chpid'],
	'link.sever': ['link'],
	'link.repair': ['link']
} as const satisfies Record<string, readonly ('member' | 'systemId' | 'link' | 'chpid' | 'ctc')[]>;

/** The facilities a member has when the file does not list them (scenario.ts). */
export const DEFAULT_FACILITIES: readonly string[] = FACILITIES.slice(0, 2);

/** JSON.parse's message without its own offsets (the error gives its line and column). */
export function jsonMessage(e: unknown): string {
	return cleanJsonMessage(e instanceof Error ? e.message : String(e));
}

/** `Unexpected token } in JSON at position 39 (line 3 column 16)` → `Unexpected token }`. */
export function cleanJsonMessage(message: string): string {
	return message
		.replace(/^JSON\.parse: /, '')
		.replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?/, '')
		.replace(/ at line \d+ column \d+ of the JSON data$/, '');
}

/** Line and column of a JSON.parse error, from its message or by scanning the text. */
export function jsonSyntaxPosition(text: string, e: unknown): { line: number; column: number } {
	const message = e instanceof Error ? e.message : String(e);
	const lineCol = /line (\d+) column (\d+)/.exec(message);
	if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
	const pos = /position (\d+)/.exec(message);
	// V8 does not always say where ("Unexpected end of JSON input"): the core's scanner does.
	const offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
	const before = text.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
