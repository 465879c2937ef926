/**
 * Where each validation error of a draft belongs in the editor: the field (or the group of
 * fields, or the line of a text) it is about. The validator names errors by JSON path
 * (`cluster.members[1].storage`); the editor's fields are named by the same paths, so an error
 * goes to the field with the longest path that starts it. An error inside a JSON text box
 * (`cluster.members[0].devices[2].rdev`) gets the line and column of that place in the box.
 * Pure TypeScript.
 */
import type { ScenarioError } from '../core/config/scenario-types';
import { jsonOffsets, locatePath } from './json-locate';
import { FAULT_FIELDS, PARAM_KEYS, jsonBoxPaths, type ScenarioDraft } from './scenario-draft';

/** How a field shows its errors: by itself, around a group, or at lines of a text. */
export type FieldKind = 'field' | 'group' | 'text';

export interface FieldInfo {
	path: string;
	/** For the error summary: `Member 1 (ITSOSSI5): storage`. */
	label: string;
	kind: FieldKind;
}

/** An error placed on a field. */
export interface PlacedError {
	/** The field's path (and `fieldId(field)` its element). */
	field: string;
	label: string;
	kind: FieldKind;
	message: string;
	/** Line and column in the field's text, for the texts and JSON boxes. */
	line?: number;
	column?: number;
}

/** The element id of the field at a JSON path (`cluster.members[0].name` → `f-cluster-members-0-name`). */
export function fieldId(path: string): string {
	const tail = path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return tail ? `f-${tail}` : 'f-scenario';
}

/** The id of the list of a field's errors (for aria-describedby). */
export function errorsId(path: string): string {
	return `${fieldId(path)}-errors`;
}

const MEMBER_FIELDS: [string, string][] = [
	['name', 'name'],
	['slot', 'slot'],
	['cec', 'CEC'],
	['lpar', 'LPAR'],
	['storage', 'storage'],
	['paging', 'paging space'],
	['cpus', 'CPUs'],
	['cpuType', 'CPU type'],
	['facilities', 'facilities'],
	['state', 'state at the start'],
	['systemId', 'system identifier'],
	['storageInUse', 'storage in use'],
	['pagingInUse', 'paging in use'],
	['crypto', 'crypto AP type'],
	['otherUsers', 'other users'],
	['devices', 'real devices (JSON)'],
	['pagingVolumes', 'paging volumes (JSON)']
];

const GUEST_FIELDS: [string, string][] = [
	['user', 'user ID'],
	['on', 'logged on to'],
	['status', 'status'],
	['kind', 'directory entry'],
	['resident', 'resident size'],
	['workload', 'workload'],
	['logicalDevices', 'logical devices'],
	['segments', 'saved segments'],
	['iucv', 'IUCV connections'],
	['vmcf', 'VMCF'],
	['overhead', 'CP overhead'],
	['overhead.pageable', 'CP overhead, pageable'],
	['overhead.fixed', 'CP overhead, fixed'],
	['accounting', 'accounting'],
	['accounting.loggedOnFor', 'logged on for'],
	['accounting.virtualCpu', 'virtual CPU time'],
	['accounting.totalCpu', 'total CPU time']
];

const FAULT_LABELS: Record<string, string> = {
	member: 'member',
	systemId: 'new system identifier',
	link: 'link',
	chpid: 'CHPID',
	ctc: 'CTC index'
};

/** Every field and group the editor shows for `d`, in the order they appear on the page. */
export function draftFields(d: ScenarioDraft): FieldInfo[] {
	const out: FieldInfo[] = [];
	const add = (path: string, label: string, kind: FieldKind = 'field') =>
		out.push({ path, label, kind });
	add('', 'Scenario', 'group');
	add('name', 'Scenario id');
	add('title', 'Title');
	add('description', 'Description');
	add('source', 'Source');
	add('seed', 'Seed');
	add('start', 'Start time');
	add('cluster', 'Cluster', 'group');
	add('cluster.name', 'Cluster name');
	add('cluster.pdr', 'PDR', 'group');
	add('cluster.pdr.volume', 'PDR volume');
	add('cluster.pdr.rdev', 'PDR device');
	add('cluster.crossSystemTimeouts', 'Cross-system timeouts');
	add('cluster.members', 'Members', 'group');
	d.cluster.members.forEach((m, i) => {
		const p = `cluster.members[${i}]`;
		const who = `Member ${i + 1}${m.name ? ` (${m.name})` : ''}`;
		add(p, who, 'group');
		for (const [k, label] of MEMBER_FIELDS)
			add(
				`${p}.${k}`,
				`${who}: ${label}`,
				k === 'facilities' ? 'group' : k === 'devices' || k === 'pagingVolumes' ? 'text' : 'field'
			);
	});
	add('cluster.links', 'ISFC links', 'group');
	d.cluster.links.forEach((l, i) => {
		const p = `cluster.links[${i}]`;
		const who = `Link ${i + 1}${l.a || l.b ? ` (${l.a}–${l.b})` : ''}`;
		add(p, who, 'group');
		add(`${p}.between`, `${who}: members`, 'group');
		add(`${p}.between[0]`, `${who}: first member`);
		add(`${p}.between[1]`, `${who}: second member`);
		if (l.useDevices) {
			add(`${p}.devices`, `${who}: CTC devices`, 'group');
			l.devices.forEach((_, j) => {
				add(`${p}.devices[${j}]`, `${who}: CTC ${j + 1}`, 'group');
				add(`${p}.devices[${j}].chpid`, `${who}: CTC ${j + 1} CHPID`);
				add(`${p}.devices[${j}].a`, `${who}: CTC ${j + 1} device on ${l.a || 'the first member'}`);
				add(`${p}.devices[${j}].b`, `${who}: CTC ${j + 1} device on ${l.b || 'the second member'}`);
			});
		} else {
			add(`${p}.chpids`, `${who}: CHPIDs`);
			add(`${p}.ctcs`, `${who}: CTC devices`);
		}
		add(`${p}.firstRdev`, `${who}: first CTC device number`);
	});
	add('cluster.domains', 'Relocation domains', 'group');
	d.cluster.domains.forEach((x, i) => {
		const p = `cluster.domains[${i}]`;
		const who = `Domain ${i + 1}${x.name ? ` (${x.name})` : ''}`;
		add(p, who, 'group');
		add(`${p}.name`, `${who}: name`);
		add(`${p}.members`, `${who}: members`, 'group');
	});
	add('guests', 'Guests', 'group');
	d.guests.forEach((g, i) => {
		const p = `guests[${i}]`;
		const who = `Guest ${i + 1}${g.user ? ` (${g.user})` : ''}`;
		add(p, who, 'group');
		for (const [k, label] of GUEST_FIELDS)
			add(
				`${p}.${k}`,
				`${who}: ${label}`,
				k === 'overhead' || k === 'accounting' ? 'group' : 'field'
			);
	});
	add('segments', 'Saved segments (JSON)', 'text');
	add('script', 'Script', 'group');
	d.script.forEach((s, i) => {
		const p = `script[${i}]`;
		const who = `Step ${i + 1}${s.at ? ` (at ${s.at})` : ''}`;
		add(p, who, 'group');
		add(`${p}.at`, `${who}: time`);
		if (s.action === 'command') {
			add(`${p}.on`, `${who}: member`);
			add(`${p}.user`, `${who}: as user`);
			add(`${p}.command`, `${who}: command`);
		} else if (s.action === 'fault') {
			add(`${p}.fault`, `${who}: fault`, 'group');
			add(`${p}.fault.kind`, `${who}: fault kind`);
			const wants: readonly string[] = FAULT_FIELDS[s.faultKind as keyof typeof FAULT_FIELDS] ?? [];
			for (const k of wants) add(`${p}.fault.${k}`, `${who}: ${FAULT_LABELS[k]}`);
		} else {
			add(`${p}.${s.action}`, `${who}: member`);
			if (s.action === 'shutdown') add(`${p}.reipl`, `${who}: afterwards`);
		}
	});
	add('systemConfig', 'SYSTEM CONFIG', 'text');
	add('directory', 'USER DIRECT', 'text');
	add('params', 'Timing parameters', 'group');
	for (const k of PARAM_KEYS) add(`params.${k}`, `Timing parameter ${k}`);
	return out;
}

/** Does `path` start with the path `prefix` (as a whole segment)? */
function within(path: string, prefix: string): boolean {
	if (prefix === '') return true;
	if (!path.startsWith(prefix)) return false;
	const next = path[prefix.length];
	return next === undefined || next === '.' || next === '[';
}

/** The text of a JSON box of the draft, by its path. */
function boxText(d: ScenarioDraft, path: string): string {
	if (path === 'segments') return d.segments;
	const m = /^cluster\.members\[(\d+)\]\.(devices|pagingVolumes)$/.exec(path);
	const member = m ? d.cluster.members[Number(m[1])] : undefined;
	return member && m ? member[m[2] as 'devices' | 'pagingVolumes'] : '';
}

/**
 * Every error on its field, in the order of the page (then by line), each field's errors
 * together. `errors` are the draft's own (its JSON boxes) and the validator's.
 */
export function placeErrors(d: ScenarioDraft, errors: readonly ScenarioError[]): PlacedError[] {
	const fields = draftFields(d);
	const boxes = new Set(jsonBoxPaths(d));
	const offsets = new Map<string, Map<string, number>>();
	const placed: (PlacedError & { order: number })[] = [];
	for (const e of errors) {
		let best = 0;
		fields.forEach((f, i) => {
			if (within(e.path, f.path) && f.path.length >= fields[best]!.path.length) best = i;
		});
		const f = fields[best]!;
		const p: PlacedError & { order: number } = {
			field: f.path,
			label: f.label,
			kind: f.kind,
			message: e.message,
			order: best
		};
		if (e.line !== undefined) {
			p.line = e.line;
			p.column = e.column ?? 1;
		} else if (boxes.has(f.path) && e.path !== f.path) {
			const text = boxText(d, f.path);
			let map = offsets.get(f.path);
			if (!map) offsets.set(f.path, (map = jsonOffsets(text)));
			const sub = e.path.slice(f.path.length).replace(/^\./, '');
			const at = locatePath(text, sub, map);
			const name = f.path.replace(/^.*\./, '');
			p.message = `${name}${e.path.slice(f.path.length)}: ${e.message}`;
			if (at) {
				p.line = at.line;
				p.column = at.column;
			}
		}
		placed.push(p);
	}
	placed.sort(
		(a, b) =>
			a.order - b.order || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
	);
	return placed.map(({ order: _, ...rest }) => rest);
}

/** The placed errors grouped by field path. */
export function errorsByField(placed: readonly PlacedError[]): Map<string, PlacedError[]> {
	const out = new Map<string, PlacedError[]>();
	for (const p of placed) {
		const list = out.get(p.field);
		if (list) list.push(p);
		else out.set(p.field, [p]);
	}
	return out;
}
