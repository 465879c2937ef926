/**
 * A logged-on guest from its effective directory definition (000 §2.2.4: PROFILE, entry and,
 * for an IDENTITY, the SUBCONFIG of the member it is on, merged by `resolveEntry`) and the
 * scenario's facts about it. Scenarios without a USER DIRECT get the simulator's default Linux
 * guest ({@link DEFAULT_GUEST}).
 */
import type { GuestSpec } from '../config/scenario-types';
import {
	resolveEntry,
	type Directory,
	type MdiskStatement,
	type ResolvedEntry
} from '../config/user-direct';
import { virtualArchitecture } from './domains';
import type { GuestDevice, GuestState, SavedSegment } from './guest-types';
import { realDevice } from './member-resources';
import type { DomainState, MemberState } from './types';

const G = 1024 ** 3;

/**
 * The guest a scenario without a directory entry gets: `USER id NOLOG 4G 4G G`, `MACHINE ESA 4`,
 * `OPTION CHPIDV ONE`, `CONSOLE 0009 3215 T` — the book's Linux guests (ITSOLNX1/2 are 4G 4G,
 * 000 Examples; LINDFLT gives CHPIDV ONE and the console, Example 4-6). A choice, not
 * a CP default.
 */
export const DEFAULT_GUEST = {
	storageBytes: 4 * G,
	maxStorageBytes: 4 * G,
	machine: 'ESA',
	consoleVdev: '0009'
} as const;

/**
 * The workload of a guest whose scenario names none: an idle Linux (engine/workload.ts). A
 * choice: the documents do not say what their guests were doing, except the SAP system under
 * load of 000 §5.7.2.
 */
export const DEFAULT_WORKLOAD = 'idle' as const;

/** What building a guest needs to know about the rest of the cluster. */
export interface GuestContext {
	directory: Directory | null;
	members: readonly MemberState[];
	domains: readonly DomainState[];
	segments: readonly SavedSegment[];
	/** Simulated time of the logon (default 0, the scenario's start). */
	now?: number;
}

function mdiskDevice(m: MdiskStatement): GuestDevice {
	const base = { vdev: m.vdev, kind: 'mdisk' as const, volid: null, rdev: null, blocks: null };
	switch (m.kind) {
		case 'extent':
			return { ...base, form: 'extent', volid: m.volid };
		case 'devno':
			return { ...base, form: 'devno', rdev: m.rdev };
		case 'vdisk':
			return { ...base, form: 'vdisk', blocks: m.blocks };
		case 'tdisk':
			return { ...base, form: 'tdisk' };
		default:
			return { ...base, form: 'auto' };
	}
}

/**
 * Whether `owner`'s minidisk `vdev` is member-specific on `member`: defined in the SUBCONFIG an
 * IDENTITY builds on that member (001 "Shared Source Directory": MAINT, a multiconfiguration
 * virtual machine, owns the 190, 19D, 19E, 401, 402 CMS disks of each member; 000 A.1.2).
 * Returns null when the owner or its minidisk does not exist (the LINK fails at logon, so the
 * guest has no such device).
 */
export function linkTarget(
	directory: Directory | null,
	owner: string,
	vdev: string,
	member: string
): { local: boolean } | null {
	if (!directory) return null;
	const entry = directory.entries.find((e) => e.userid === owner);
	if (!entry) return null;
	const resolved = resolveEntry(directory, owner, entry.kind === 'IDENTITY' ? member : undefined);
	if (!resolved.ok || !resolved.entry.mdisks.some((m) => m.vdev === vdev)) return null;
	if (entry.kind !== 'IDENTITY' || !resolved.entry.subconfig) return { local: false };
	const sub = directory.subconfigs.find((s) => s.name === resolved.entry.subconfig);
	return { local: !!sub?.mdisks.some((m) => m.vdev === vdev) };
}

function devicesOf(
	entry: ResolvedEntry,
	spec: GuestSpec,
	member: MemberState,
	directory: Directory | null
): GuestDevice[] {
	const out: GuestDevice[] = [];
	for (const n of entry.nicdefs) {
		out.push({
			vdev: n.vdev,
			kind: 'nic',
			count: n.devices ?? 3,
			nicType: n.type,
			lanOwner: n.lan?.owner ?? null,
			lan: n.lan?.name ?? null,
			vswitch: n.vswitch
		});
	}
	for (const d of entry.dedicates) {
		// A DEDICATE by volume serial finds the device holding that volume on this member.
		const rdev =
			d.rdev ?? member.resources.devices.find((x) => x.volser === d.volser)?.rdev ?? null;
		if (rdev === null) continue;
		const real = realDevice(member.resources, rdev);
		out.push({ vdev: d.vdev, kind: 'dedicated', rdev, rdevType: real.type, eqid: real.eqid });
	}
	for (const m of entry.mdisks) out.push(mdiskDevice(m));
	for (const l of entry.links) {
		const owner = l.user === '*' ? spec.user : l.user;
		const target = linkTarget(directory, owner, l.targetVdev, member.name);
		if (target)
			out.push({ vdev: l.vdev, kind: 'link', owner, target: l.targetVdev, local: target.local });
	}
	for (const c of entry.commands) {
		if (c.vdisk) out.push({ vdev: c.vdisk.vdev, kind: 'vfb512', blocks: c.vdisk.blocks });
	}
	for (const u of entry.unitRecords) {
		out.push({
			vdev: u.vdev,
			kind: 'unit-record',
			statement: u.statement,
			deviceType: u.deviceType
		});
	}
	return out.sort((a, b) => (a.vdev < b.vdev ? -1 : a.vdev > b.vdev ? 1 : 0));
}

function cryptoOf(entry: ResolvedEntry): GuestState['crypto'] {
	const st = entry.others.filter((o) => o.keyword === 'CRYPTO');
	if (st.length === 0) return 'none';
	const words = st.flatMap((o) => o.operands.map((w) => w.toUpperCase()));
	return words.includes('APVIRTUAL') ? 'apvirtual' : 'dedicated';
}

/** Fields that come from the directory (or the default guest). */
type Defined = Pick<
	GuestState,
	| 'definedBy'
	| 'machine'
	| 'cpus'
	| 'options'
	| 'chpidVirtualizationOne'
	| 'ipl'
	| 'devices'
	| 'crypto'
> & {
	currentBytes: number;
	maxBytes: number;
	vmrelocate: { enabled: boolean; domain: string | null };
};

function fromDirectory(
	spec: GuestSpec,
	member: MemberState,
	directory: Directory | null
): Defined | null {
	if (!directory) return null;
	const r = resolveEntry(directory, spec.user, spec.on);
	if (!r.ok) return null;
	const e = r.entry;
	const currentBytes = e.storage ?? DEFAULT_GUEST.storageBytes;
	const cpus = [...e.cpus]
		.sort((a, b) => a.address - b.address)
		.map((c) => ({
			address: c.address,
			type: c.cpuType ?? member.cpuType,
			dedicated: c.dedicate === true
		}));
	return {
		definedBy: 'directory',
		machine: e.machine?.mode ?? 'ESA',
		// No CPU statement: one base CPU 00 of the member's processor type (a choice, see README).
		cpus: cpus.length > 0 ? cpus : [{ address: 0, type: member.cpuType, dedicated: false }],
		options: [...e.options.keywords],
		chpidVirtualizationOne: e.options.chpidVirtualizationOne,
		ipl: e.ipl?.target ?? null,
		devices: devicesOf(e, spec, member, directory),
		crypto: cryptoOf(e),
		currentBytes,
		maxBytes: Math.max(currentBytes, e.maxStorage ?? currentBytes),
		vmrelocate: { enabled: e.vmrelocate?.enabled ?? true, domain: e.vmrelocate?.domain ?? null }
	};
}

function byDefault(member: MemberState): Defined {
	return {
		definedBy: 'default',
		machine: DEFAULT_GUEST.machine,
		cpus: [{ address: 0, type: member.cpuType, dedicated: false }],
		options: ['CHPIDVIRTUALIZATION ONE'],
		chpidVirtualizationOne: true,
		ipl: null,
		devices: [
			{
				vdev: DEFAULT_GUEST.consoleVdev,
				kind: 'unit-record',
				statement: 'CONSOLE',
				deviceType: '3215'
			}
		],
		crypto: 'none',
		currentBytes: DEFAULT_GUEST.storageBytes,
		maxBytes: DEFAULT_GUEST.maxStorageBytes,
		vmrelocate: { enabled: true, domain: null }
	};
}

/**
 * The guest `spec` describes, logged on to its member. Its relocation domain is the one its
 * VMRELOCATE statement names, else SSI for a USER and its own member for an IDENTITY (000
 * §3.5.1); its virtual architecture is set from that domain and the member at logon. Returns
 * null when the member does not exist.
 */
export function buildGuest(spec: GuestSpec, ctx: GuestContext): GuestState | null {
	const member = ctx.members.find((m) => m.name === spec.on);
	if (!member) return null;
	const d = fromDirectory(spec, member, ctx.directory) ?? byDefault(member);
	const named = d.vmrelocate.domain;
	const domainName =
		spec.kind === 'IDENTITY'
			? member.name
			: named && ctx.domains.some((x) => x.name === named)
				? named
				: 'SSI';
	const domain = ctx.domains.find((x) => x.name === domainName) ?? {
		members: ctx.members.map((m) => m.name)
	};
	const segments = [...spec.segments];
	const iplNss = d.ipl && ctx.segments.some((s) => s.name === d.ipl && s.kind === 'NSS');
	if (iplNss && !segments.includes(d.ipl!)) segments.push(d.ipl!);
	return {
		user: spec.user,
		kind: spec.kind,
		on: spec.on,
		status: spec.status,
		definedBy: d.definedBy,
		machine: d.machine,
		cpus: d.cpus,
		storage: {
			currentBytes: d.currentBytes,
			maxBytes: d.maxBytes,
			residentBytes: Math.min(spec.residentBytes ?? d.currentBytes, d.currentBytes),
			overhead: { ...spec.overhead }
		},
		options: d.options,
		chpidVirtualizationOne: d.chpidVirtualizationOne,
		ipl: d.ipl,
		relocation: { enabled: d.vmrelocate.enabled, domain: domainName },
		architecture: virtualArchitecture(domain, member, ctx.members),
		devices: d.devices,
		logicalDevices: [...spec.logicalDevices],
		segments,
		iucv: [...spec.iucv],
		vmcf: spec.vmcf,
		crypto: d.crypto,
		workload: spec.workload ?? DEFAULT_WORKLOAD,
		accounting: {
			logonAt: (ctx.now ?? 0) - spec.accounting.loggedOnForMs,
			virtualCpuMs: spec.accounting.virtualCpuMs,
			totalCpuMs: spec.accounting.totalCpuMs
		}
	};
}
