import { FACILITIES, type Facility } from '../model/types';
import { FAULT_KINDS, type Fault, type SimInput } from '../sim/events';
import { DEFAULT_PARAMS, type SimParams } from '../sim/state';
import { parseCivil } from '../sim/time-format';
import type { Diagnostic } from './diagnostics';
import { parseDuration, parseSize } from './sizes';
import { checkSsiNetworkRules, parseSystemConfig, type SsiRuleId } from './system-config';
import { parseUserDirect, type Directory } from './user-direct';
import {
	GUEST_LGR_KEYS,
	MEMBER_LGR_KEYS,
	checkGuestsAgainstDirectory,
	directoryKind,
	readGuestLgr,
	readMemberLgr,
	readSegments
} from './scenario-lgr';
import { pagingSizes, readPagingVolumes } from './scenario-paging';
import type {
	GuestSpec,
	LinkSpec,
	MemberSpec,
	ScenarioError,
	ScenarioResult,
	ScenarioSpec
} from './scenario-types';

/**
 * Reads a scenario file (JSON text) into a {@link ScenarioSpec}. Never throws: every problem is
 * reported with its JSON path, and syntax errors with their line and column.
 */
export function parseScenarioText(text: string): ScenarioResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, errors: [jsonSyntaxError(text, e)] };
	}
	return validateScenario(json);
}

function jsonSyntaxError(text: string, e: unknown): ScenarioError {
	const message = e instanceof Error ? e.message : String(e);
	const pos = /position (\d+)/.exec(message);
	const lineCol = /line (\d+) column (\d+)/.exec(message);
	let line = 1;
	let column = 1;
	if (lineCol) {
		line = Number(lineCol[1]);
		column = Number(lineCol[2]);
	} else {
		// V8 before Node 22 gives no position for "Unexpected token" and "Unexpected end".
		const before = text.slice(0, pos ? Number(pos[1]) : jsonErrorOffset(text));
		line = before.split('\n').length;
		column = before.length - before.lastIndexOf('\n');
	}
	return {
		path: '',
		line,
		column,
		message: `not valid JSON: ${message.replace(/^JSON\.parse: /, '')}`
	};
}

/**
 * Offset of the first JSON syntax error in `text` (RFC 8259 grammar), the end of the text when
 * it stops early, or 0 when none is found. Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
	const n = text.length;
	let i = 0;
	const digits = () => {
		const start = i;
		while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
		return i > start;
	};
	/** Scans a string starting at its quote; -1 when well-formed, else the error offset. */
	const string = (): number => {
		for (i++; i < n; i++) {
			const ch = text[i]!;
			if (ch === '"') {
				i++;
				return -1;
			}
			if (ch < ' ') return i;
			if (ch !== '\\') continue;
			const esc = text[++i];
			if (esc === undefined) return n;
			if (esc === 'u') {
				for (let k = 1; k <= 4; k++) {
					if (i + k >= n) return n;
					if (!/[0-9a-fA-F]/.test(text[i + k]!)) return i + k;
				}
				i += 4;
			} else if (!'"\\/bfnrt'.includes(esc)) return i;
		}
		return n;
	};
	const number = (): number => {
		if (text[i] === '-') i++;
		if (i >= n) return n;
		if (text[i] === '0') i++;
		else if (!digits()) return i;
		if (text[i] === '.') {
			i++;
			if (!digits()) return i;
		}
		if (text[i] === 'e' || text[i] === 'E') {
			i++;
			if (text[i] === '+' || text[i] === '-') i++;
			if (!digits()) return i;
		}
		return -1;
	};
	const stack: string[] = [];
	let expect: 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'after' = 'value';
	for (;;) {
		while (i < n && ' \t\n\r'.includes(text[i]!)) i++;
		if (i >= n) return expect === 'after' && stack.length === 0 ? 0 : n;
		const ch = text[i]!;
		if (expect === 'after') {
			const top = stack.at(-1);
			if (top === undefined) return i;
			if (ch === ',') expect = top === '{' ? 'key' : 'value';
			else if (ch === (top === '{' ? '}' : ']')) stack.pop();
			else return i;
			i++;
		} else if (expect === 'key' || expect === 'keyOrEnd') {
			if (expect === 'keyOrEnd' && ch === '}') {
				stack.pop();
				i++;
				expect = 'after';
				continue;
			}
			if (ch !== '"') return i;
			const bad = string();
			if (bad >= 0) return bad;
			while (i < n && ' \t\n\r'.includes(text[i]!)) i++;
			if (i >= n) return n;
			if (text[i] !== ':') return i;
			i++;
			expect = 'value';
		} else if (expect === 'valueOrEnd' && ch === ']') {
			stack.pop();
			i++;
			expect = 'after';
		} else if (ch === '{' || ch === '[') {
			stack.push(ch);
			i++;
			expect = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
		} else {
			const literal = ['true', 'false', 'null'].find((w) => w[0] === ch);
			if (literal) {
				// Like V8, point at the first character that does not continue the literal.
				for (const want of literal) if (text[i++] !== want) return Math.min(i - 1, n);
			} else if (ch === '"' || ch === '-' || (ch >= '0' && ch <= '9')) {
				const bad = ch === '"' ? string() : number();
				if (bad >= 0) return bad;
			} else return i;
			expect = 'after';
		}
	}
}

const NAME = /^[A-Z0-9@#$]{1,8}$/;
const HEX4 = /^[0-9A-F]{1,4}$/;

/** A JSON object being validated. */
export type Obj = Record<string, unknown>;

/** Collects validation errors with their JSON paths; each reader returns undefined on error. */
export class Checker {
	errors: ScenarioError[] = [];
	fail(path: string, message: string): undefined {
		this.errors.push({ path, message });
		return undefined;
	}
	obj(v: unknown, path: string): Obj | undefined {
		if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
		return this.fail(path, v === undefined ? 'is required' : `must be an object`);
	}
	arr(v: unknown, path: string): unknown[] | undefined {
		if (Array.isArray(v)) return v;
		return this.fail(path, `must be an array`);
	}
	str(v: unknown, path: string, fallback?: string): string | undefined {
		if (v === undefined && fallback !== undefined) return fallback;
		if (typeof v === 'string') return v;
		return this.fail(path, v === undefined ? 'is required' : `must be a string`);
	}
	name(v: unknown, path: string, what: string): string | undefined {
		const s = this.str(v, path);
		if (s === undefined) return undefined;
		const upper = s.toUpperCase();
		if (!NAME.test(upper))
			return this.fail(path, `${what} "${s}" must be 1-8 letters, digits, @, # or $`);
		return upper;
	}
	int(v: unknown, path: string, min: number, max: number, fallback?: number): number | undefined {
		if (v === undefined && fallback !== undefined) return fallback;
		if (typeof v !== 'number' || !Number.isInteger(v))
			return this.fail(path, v === undefined ? 'is required' : 'must be an integer');
		if (v < min || v > max) return this.fail(path, `${v} is out of range ${min}-${max}`);
		return v;
	}
	bool(v: unknown, path: string, fallback: boolean): boolean {
		if (v === undefined) return fallback;
		if (typeof v === 'boolean') return v;
		this.fail(path, 'must be true or false');
		return fallback;
	}
	size(v: unknown, path: string): number | undefined {
		const s = this.str(v, path);
		if (s === undefined) return undefined;
		const r = parseSize(s);
		return r.ok ? r.bytes : this.fail(path, r.reason);
	}
	duration(v: unknown, path: string): number | undefined {
		if (typeof v === 'number') {
			if (!Number.isFinite(v)) return this.fail(path, 'is too long');
			return v >= 0 ? v : this.fail(path, 'must not be negative');
		}
		const s = this.str(v, path);
		if (s === undefined) return undefined;
		const r = parseDuration(s);
		return r.ok ? r.ms : this.fail(path, r.reason);
	}
	known(o: Obj, path: string, keys: readonly string[]): void {
		for (const k of Object.keys(o)) {
			if (!keys.includes(k))
				this.fail(
					path ? `${path}.${k}` : k,
					`unknown field "${k}" (expected one of: ${keys.join(', ')})`
				);
		}
	}
}

/** Validates parsed JSON as a scenario. */
export function validateScenario(json: unknown): ScenarioResult {
	const c = new Checker();
	const root = c.obj(json, '');
	if (!root) return { ok: false, errors: c.errors };
	c.known(root, '', [
		'$schema',
		'name',
		'title',
		'description',
		'source',
		'seed',
		'start',
		'cluster',
		'directory',
		'systemConfig',
		'guests',
		'segments',
		'script',
		'params'
	]);
	const name = c.str(root.name, 'name');
	const seed = c.int(root.seed, 'seed', 0, 0xffffffff, 1);
	const startText = c.str(root.start, 'start', '2011-11-11T11:10:00');
	const startEpochMs =
		startText === undefined
			? undefined
			: (parseCivil(startText) ??
				c.fail('start', `"${startText}" is not a time of the form YYYY-MM-DDTHH:MM:SS`));

	const cl = c.obj(root.cluster, 'cluster');
	const members: MemberSpec[] = [];
	/** Every member name the file declares, even if another field of that member is wrong. */
	const declared: string[] = [];
	const links: LinkSpec[] = [];
	const domains: { name: string; members: string[] }[] = [];
	let clusterName: string | undefined;
	let pdr = { volume: 'VMCOM1', rdev: '0141' };
	let timeouts = true;
	if (cl) {
		c.known(cl, 'cluster', ['name', 'pdr', 'crossSystemTimeouts', 'members', 'links', 'domains']);
		clusterName = c.name(cl.name, 'cluster.name', 'cluster name');
		timeouts = c.bool(cl.crossSystemTimeouts, 'cluster.crossSystemTimeouts', true);
		if (cl.pdr !== undefined) {
			const p = c.obj(cl.pdr, 'cluster.pdr');
			if (p) {
				const volume = c.name(p.volume, 'cluster.pdr.volume', 'volume label');
				const rdev = c.str(p.rdev, 'cluster.pdr.rdev');
				if (rdev !== undefined && !HEX4.test(rdev.toUpperCase()))
					c.fail('cluster.pdr.rdev', `"${rdev}" is not a device number (1-4 hex digits)`);
				if (volume && rdev) pdr = { volume, rdev: rdev.toUpperCase().padStart(4, '0') };
			}
		}
		readMembers(c, cl.members, members, declared);
		readLinks(c, cl.links, declared, links);
		readDomains(c, cl.domains, declared, domains);
	}
	const directory =
		root.directory === undefined ? null : (c.str(root.directory, 'directory') ?? null);
	const systemConfig =
		root.systemConfig === undefined ? null : (c.str(root.systemConfig, 'systemConfig') ?? null);
	let parsedDirectory: Directory | null = null;
	if (directory !== null) {
		const parsed = parseUserDirect(directory);
		embedded(c, 'directory', parsed);
		if (parsed.ok) parsedDirectory = parsed.value;
	}
	const guestPaths: { spec: GuestSpec; path: string }[] = [];
	const guests = readGuests(c, root.guests, declared, parsedDirectory, guestPaths);
	const segments = readSegments(c, root.segments, declared);
	const script = readScript(c, root.script, declared, links);
	const params = readParams(c, root.params);
	const configDomains: string[] = [];
	if (systemConfig !== null) {
		const parsed = parseSystemConfig(systemConfig);
		embedded(c, 'systemConfig', parsed);
		if (parsed.ok) {
			configDomains.push(...parsed.value.relocationDomains.map((d) => d.name.toUpperCase()));
			const slots = [...members].sort((a, b) => a.slot - b.slot).map((m) => m.name);
			for (const d of checkSsiNetworkRules(parsed.value, slots)) {
				// A missing ISLINK or a duplicate system identifier is not a file error: the member
				// IPLs and is Isolated, which is what the simulation shows (000 §2.4.1, App. A.2).
				if (d.severity !== 'error' || RUNTIME_RULES.includes(d.rule)) continue;
				c.errors.push({ path: 'systemConfig', line: d.line, column: d.column, message: d.message });
			}
		}
	}
	if (directory === null || parsedDirectory !== null) {
		const domainNames = ['SSI', ...declared, ...domains.map((d) => d.name), ...configDomains];
		checkGuestsAgainstDirectory(c, guestPaths, parsedDirectory, domainNames, segments);
	}

	if (
		c.errors.length > 0 ||
		name === undefined ||
		seed === undefined ||
		startEpochMs === undefined ||
		clusterName === undefined
	) {
		return { ok: false, errors: c.errors };
	}
	const value: ScenarioSpec = {
		name,
		title: c.str(root.title, 'title', name) ?? name,
		description: c.str(root.description, 'description', '') ?? '',
		source: c.str(root.source, 'source', '') ?? '',
		seed,
		startEpochMs,
		cluster: { name: clusterName, pdr, crossSystemTimeouts: timeouts, members, links, domains },
		directory,
		systemConfig,
		guests,
		segments,
		script,
		params
	};
	return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, value };
}

const RUNTIME_RULES: readonly SsiRuleId[] = ['islink-missing', 'system-identifier-unique'];

/** Reports the errors of an embedded SYSTEM CONFIG or USER DIRECT text at their line and column. */
function embedded(c: Checker, path: string, result: { ok: boolean; errors?: Diagnostic[] }): void {
	for (const d of result.errors ?? []) {
		c.errors.push({ path, line: d.line, column: d.column, message: d.message });
	}
}

function readMembers(c: Checker, v: unknown, out: MemberSpec[], declared: string[]): void {
	const list = c.arr(v, 'cluster.members');
	if (!list) return;
	if (list.length < 1 || list.length > 4)
		c.fail(
			'cluster.members',
			`an SSI cluster has 1-4 members (000 §2.1); this one has ${list.length}`
		);
	list.forEach((raw, i) => {
		const p = `cluster.members[${i}]`;
		const o = c.obj(raw, p);
		if (!o) return;
		c.known(o, p, [
			'name',
			'slot',
			'cec',
			'lpar',
			'storage',
			'paging',
			'cpus',
			'cpuType',
			'facilities',
			'state',
			'systemId',
			...MEMBER_LGR_KEYS
		]);
		const name = c.name(o.name, `${p}.name`, 'member name');
		const slot = c.int(o.slot, `${p}.slot`, 1, 4, i + 1);
		const cec = c.str(o.cec, `${p}.cec`, 'CEC1');
		const lpar = c.str(o.lpar, `${p}.lpar`, name ?? '');
		const storageBytes = c.size(o.storage, `${p}.storage`);
		const cpus = c.int(o.cpus, `${p}.cpus`, 1, 64, 4);
		const cpuType =
			o.cpuType === undefined
				? 'IFL'
				: o.cpuType === 'CP' || o.cpuType === 'IFL'
					? o.cpuType
					: c.fail(`${p}.cpuType`, `must be "CP" or "IFL"`);
		const facilities = readFacilities(c, o.facilities, `${p}.facilities`);
		const initial =
			o.state === undefined
				? 'Joined'
				: o.state === 'Joined' || o.state === 'Down'
					? o.state
					: c.fail(`${p}.state`, `initial state must be "Joined" or "Down"`);
		const systemId =
			o.systemId === undefined ? name : c.name(o.systemId, `${p}.systemId`, 'system identifier');
		const lgr = readMemberLgr(c, o, p);
		const pagingVolumes = readPagingVolumes(c, o.pagingVolumes, `${p}.pagingVolumes`, lgr.devices);
		const paging = pagingSizes(c, o, p, pagingVolumes, lgr.pagingInUseBytes);
		if (name && declared.includes(name)) c.fail(`${p}.name`, `member ${name} is defined twice`);
		else if (name) declared.push(name);
		if (slot && out.some((m) => m.slot === slot))
			c.fail(
				`${p}.slot`,
				`slot ${slot} is already used by ${out.find((m) => m.slot === slot)?.name}`
			);
		if (
			name &&
			slot &&
			cec !== undefined &&
			lpar !== undefined &&
			storageBytes !== undefined &&
			paging !== undefined &&
			cpus &&
			cpuType &&
			facilities &&
			initial &&
			systemId
		) {
			out.push({
				name,
				slot,
				cec,
				lpar: lpar.toUpperCase(),
				storageBytes,
				cpus,
				cpuType,
				facilities,
				initial,
				systemId,
				...lgr,
				...paging,
				pagingVolumes
			});
		}
	});
}

function readFacilities(c: Checker, v: unknown, path: string): Facility[] | undefined {
	if (v === undefined) return [...FACILITIES.slice(0, 2)];
	const list = c.arr(v, path);
	if (!list) return undefined;
	const out: Facility[] = [];
	list.forEach((f, i) => {
		const upper = typeof f === 'string' ? f.toUpperCase() : f;
		if ((FACILITIES as readonly unknown[]).includes(upper)) out.push(upper as Facility);
		else
			c.fail(
				`${path}[${i}]`,
				`unknown facility ${JSON.stringify(f)} (000 Figure 3-5 names ${FACILITIES.join(', ')})`
			);
	});
	return out;
}

function readLinks(c: Checker, v: unknown, members: string[], out: LinkSpec[]): void {
	if (v === undefined) return;
	const list = c.arr(v, 'cluster.links');
	if (!list) return;
	list.forEach((raw, i) => {
		const p = `cluster.links[${i}]`;
		const o = c.obj(raw, p);
		if (!o) return;
		c.known(o, p, ['between', 'chpids', 'ctcs', 'firstRdev', 'devices']);
		const pair = c.arr(o.between, `${p}.between`);
		const devices = o.devices === undefined ? null : readDevices(c, o.devices, `${p}.devices`);
		if (devices && (o.chpids !== undefined || o.ctcs !== undefined))
			c.fail(p, 'give either devices or chpids and ctcs, not both');
		const chpids = devices
			? new Set(devices.map((d) => d.chpid)).size
			: c.int(o.chpids, `${p}.chpids`, 1, 4, 1);
		const ctcs = devices ? devices.length : c.int(o.ctcs, `${p}.ctcs`, 1, 16, 4);
		if (devices && chpids !== undefined && chpids > 4)
			c.fail(
				`${p}.devices`,
				`a logical link uses at most 4 CHPIDs (001); these devices use ${chpids}`
			);
		const firstRdev = (c.str(o.firstRdev, `${p}.firstRdev`, '6000') ?? '6000').toUpperCase();
		if (!HEX4.test(firstRdev))
			c.fail(`${p}.firstRdev`, `"${firstRdev}" is not a device number (1-4 hex digits)`);
		if (!pair) return;
		if (pair.length !== 2) {
			c.fail(`${p}.between`, 'must name exactly two members');
			return;
		}
		const [a, b] = pair.map((x, j) => c.name(x, `${p}.between[${j}]`, 'member name'));
		for (const [j, n] of [a, b].entries()) {
			if (n && !members.includes(n)) c.fail(`${p}.between[${j}]`, `no member named ${n}`);
		}
		if (a && a === b)
			c.fail(`${p}.between`, `a link joins two different members, not ${a} to itself`);
		if (chpids && ctcs && ctcs < chpids)
			c.fail(`${p}.ctcs`, `${ctcs} CTC devices cannot spread over ${chpids} CHPIDs`);
		if (a && b && out.some((l) => l.between.includes(a) && l.between.includes(b)))
			c.fail(p, `the link between ${a} and ${b} is defined twice`);
		if (a && b && a !== b && chpids && ctcs && (devices === null || devices.length > 0))
			out.push({ between: [a, b], chpids, ctcs, firstRdev, devices });
	});
}

function readDevices(
	c: Checker,
	v: unknown,
	path: string
): { chpid: string; a: string; b: string }[] | null {
	const list = c.arr(v, path);
	if (!list) return null;
	if (list.length < 1 || list.length > 16) {
		c.fail(path, `a logical link is 1-16 CTC devices (000 §2.3.1); this one has ${list.length}`);
		return null;
	}
	const out: { chpid: string; a: string; b: string }[] = [];
	list.forEach((raw, i) => {
		const o = c.obj(raw, `${path}[${i}]`);
		if (!o) return;
		c.known(o, `${path}[${i}]`, ['chpid', 'a', 'b']);
		const fields = (['chpid', 'a', 'b'] as const).map((k) => {
			const v = c.str(o[k], `${path}[${i}].${k}`)?.toUpperCase();
			const re = k === 'chpid' ? /^[0-9A-F]{2}$/ : HEX4;
			if (v !== undefined && !re.test(v))
				return c.fail(
					`${path}[${i}].${k}`,
					`"${v}" is not ${k === 'chpid' ? 'a CHPID (two hex digits)' : 'a device number (1-4 hex digits)'}`
				);
			return v;
		});
		const [chpid, a, b] = fields;
		if (chpid && a && b) out.push({ chpid, a: a.padStart(4, '0'), b: b.padStart(4, '0') });
	});
	return out;
}

function readDomains(
	c: Checker,
	v: unknown,
	members: string[],
	out: { name: string; members: string[] }[]
): void {
	if (v === undefined) return;
	const list = c.arr(v, 'cluster.domains');
	if (!list) return;
	list.forEach((raw, i) => {
		const p = `cluster.domains[${i}]`;
		const o = c.obj(raw, p);
		if (!o) return;
		c.known(o, p, ['name', 'members']);
		const name = c.name(o.name, `${p}.name`, 'domain name');
		if (name && (name === 'SSI' || members.includes(name)))
			c.fail(`${p}.name`, `${name} is a domain CP defines itself (000 §3.5.1)`);
		if (name && out.some((d) => d.name === name))
			c.fail(`${p}.name`, `domain ${name} is defined twice`);
		const ms = c.arr(o.members, `${p}.members`);
		const names: string[] = [];
		ms?.forEach((m, j) => {
			const n = c.name(m, `${p}.members[${j}]`, 'member name');
			if (n && !members.includes(n)) c.fail(`${p}.members[${j}]`, `no member named ${n}`);
			else if (n) names.push(n);
		});
		if (ms && ms.length === 0) c.fail(`${p}.members`, 'a domain needs at least one member');
		if (name && names.length) out.push({ name, members: names });
	});
}

function readGuests(
	c: Checker,
	v: unknown,
	members: string[],
	directory: Directory | null,
	paths: { spec: GuestSpec; path: string }[]
): GuestSpec[] {
	const out: GuestSpec[] = [];
	if (v === undefined) return out;
	const list = c.arr(v, 'guests');
	list?.forEach((raw, i) => {
		const p = `guests[${i}]`;
		const o = c.obj(raw, p);
		if (!o) return;
		c.known(o, p, ['user', 'on', 'status', 'kind', ...GUEST_LGR_KEYS]);
		const user = c.name(o.user, `${p}.user`, 'user ID');
		const on = c.name(o.on, `${p}.on`, 'member name');
		if (on && !members.includes(on)) c.fail(`${p}.on`, `no member named ${on}`);
		const status =
			o.status === undefined
				? 'disconnected'
				: o.status === 'disconnected' || o.status === 'logged-on'
					? o.status
					: c.fail(`${p}.status`, 'must be "disconnected" or "logged-on"');
		// Without a `kind`, the directory's entry decides; USER when there is none (000 §2.2.4).
		const kind =
			o.kind === undefined
				? ((user && directoryKind(directory, user)) ?? 'USER')
				: o.kind === 'USER' || o.kind === 'IDENTITY'
					? o.kind
					: c.fail(`${p}.kind`, 'must be "USER" or "IDENTITY"');
		// A user ID has one directory entry: USER (single configuration) or IDENTITY (000 §2.2.4).
		const other = out.find((g) => g.user === user && g.kind !== kind);
		if (user && kind && other) {
			c.fail(
				`${p}.kind`,
				`${user} is listed as ${other.kind} and as ${kind}: a user ID has one directory entry`
			);
			return;
		}
		// Single logon enforcement: a USER is logged on to one member only (001, Cluster-wide policing).
		if (user && kind === 'USER' && out.some((g) => g.user === user))
			c.fail(
				`${p}.user`,
				`${user} is a single-configuration user and is already logged on to ${out.find((g) => g.user === user)?.on}`
			);
		if (user && kind === 'IDENTITY' && out.some((g) => g.user === user && g.on === on))
			c.fail(`${p}.user`, `${user} is already logged on to ${on}`);
		const lgr = readGuestLgr(c, o, p);
		if (user && on && status && kind && members.includes(on)) {
			const spec: GuestSpec = { user, on, status, kind, ...lgr };
			out.push(spec);
			paths.push({ spec, path: p });
		}
	});
	return out;
}

function readScript(
	c: Checker,
	v: unknown,
	members: string[],
	links: LinkSpec[]
): { at: number; input: SimInput }[] {
	const out: { at: number; input: SimInput }[] = [];
	if (v === undefined) return out;
	const list = c.arr(v, 'script');
	list?.forEach((raw, i) => {
		const p = `script[${i}]`;
		const o = c.obj(raw, p);
		if (!o) return;
		c.known(o, p, ['at', 'on', 'command', 'fault', 'ipl', 'shutdown', 'reipl', 'user']);
		const at = c.duration(o.at, `${p}.at`);
		const actions = ['command', 'fault', 'ipl', 'shutdown'].filter((k) => o[k] !== undefined);
		if (actions.length !== 1) {
			c.fail(
				p,
				`each script step needs exactly one of command, fault, ipl or shutdown (found ${actions.length ? actions.join(', ') : 'none'})`
			);
			return;
		}
		const member = (path: string, value: unknown) => {
			const n = c.name(value, path, 'member name');
			if (n && !members.includes(n)) return c.fail(path, `no member named ${n}`);
			return n;
		};
		let input: SimInput | undefined;
		if (o.command !== undefined) {
			const on = member(`${p}.on`, o.on);
			const text = c.str(o.command, `${p}.command`);
			const user = o.user === undefined ? undefined : c.name(o.user, `${p}.user`, 'user ID');
			if (on && text !== undefined)
				input = { kind: 'command', on, text, ...(user ? { user } : {}) };
		} else if (o.ipl !== undefined) {
			const m = member(`${p}.ipl`, o.ipl);
			if (m) input = { kind: 'ipl', member: m };
		} else if (o.shutdown !== undefined) {
			const m = member(`${p}.shutdown`, o.shutdown);
			if (m) input = { kind: 'shutdown', member: m, reipl: c.bool(o.reipl, `${p}.reipl`, false) };
		} else {
			const f = readFault(c, o.fault, `${p}.fault`, members, links);
			if (f) input = { kind: 'fault', fault: f };
		}
		if (at !== undefined && input) out.push({ at, input });
	});
	return out;
}

function readFault(
	c: Checker,
	v: unknown,
	p: string,
	members: string[],
	links: LinkSpec[]
): Fault | undefined {
	const o = c.obj(v, p);
	if (!o) return undefined;
	const kind = o.kind;
	if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
		return c.fail(
			`${p}.kind`,
			`unknown fault kind ${JSON.stringify(kind)} (expected one of: ${FAULT_KINDS.join(', ')})`
		);
	}
	const memberName = (path: string) => {
		const n = c.name(o.member, path, 'member name');
		return n && !members.includes(n) ? c.fail(path, `no member named ${n}`) : n;
	};
	// Link ids as the model names them: the two members in alphabetical order, joined by '-'.
	const ids = links.map((l) => [...l.between].sort().join('-'));
	const link = () => {
		const id = c.str(o.link, `${p}.link`)?.toUpperCase();
		if (id === undefined || ids.includes(id)) return id;
		return c.fail(
			`${p}.link`,
			`no ISFC link named ${id} (${ids.length ? `links: ${ids.join(', ')}` : 'no links are defined'})`
		);
	};
	switch (kind) {
		case 'member.abend': {
			const m = memberName(`${p}.member`);
			return m ? { kind, member: m } : undefined;
		}
		case 'member.systemId': {
			const m = memberName(`${p}.member`);
			const id = c.name(o.systemId, `${p}.systemId`, 'system identifier');
			return m && id ? { kind, member: m, systemId: id } : undefined;
		}
		case 'link.sever':
		case 'link.repair': {
			const l = link();
			return l ? { kind, link: l } : undefined;
		}
		case 'chpid.fail':
		case 'chpid.repair': {
			const l = link();
			const ch = c.str(o.chpid, `${p}.chpid`);
			return l && ch ? { kind, link: l, chpid: ch.toUpperCase() } : undefined;
		}
		default: {
			const l = link();
			const ch = c.str(o.chpid, `${p}.chpid`);
			const ctc = c.int(o.ctc, `${p}.ctc`, 0, 15);
			return l && ch && ctc !== undefined
				? { kind: kind as 'ctc.fail' | 'ctc.repair', link: l, chpid: ch.toUpperCase(), ctc }
				: undefined;
		}
	}
}

function readParams(c: Checker, v: unknown): Partial<SimParams> {
	const out: Partial<SimParams> = {};
	if (v === undefined) return out;
	const o = c.obj(v, 'params');
	if (!o) return out;
	const keys = Object.keys(DEFAULT_PARAMS) as (keyof SimParams)[];
	c.known(o, 'params', keys);
	for (const k of keys) {
		if (o[k] === undefined) continue;
		const ms =
			k === 'shutdownSignalSeconds'
				? c.int(o[k], `params.${k}`, 0, 86_400)
				: c.duration(o[k], `params.${k}`);
		if (ms !== undefined) out[k] = ms;
	}
	if ((out.heartbeatMs ?? 1) <= 0) c.fail('params.heartbeatMs', 'must be more than 0');
	const slice = out.relocationSliceMs;
	if (slice !== undefined && !(Number.isInteger(slice) && slice >= 1))
		c.fail('params.relocationSliceMs', 'must be a whole number of milliseconds, at least 1');
	return out;
}
