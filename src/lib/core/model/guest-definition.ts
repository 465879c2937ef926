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
import type {
	GuestDevice,
	GuestState,
	LinkMode,
	MinidiskAccess,
	SavedSegment
} from './guest-types';
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

/**
 * The mode an MDISK statement gives when it names none: W, CP's default for the MDISK statement
 * (z/VM CP Planning and Administration; the documents show only MDISKs with a mode, 000
 * Examples, 4-7).
 */
export const MDISK_DEFAULT_MODE: LinkMode = 'W';

/**
 * The mode of a LINK (statement or command) to another user's minidisk that names none: R, CP's
 * default ("R is the default mode if the link is to another userid"; a link to one of the
 * user's own minidisks defaults to that MDISK's mode instead). The documents give no default.
 */
export const LINK_DEFAULT_MODE: LinkMode = 'R';

/** A mode as written (`MR`, `MWV`), without the V of virtual reserve/release; `fallback` when null. */
export function linkModeOf(written: string | null, fallback: LinkMode): LinkMode {
	if (written === null) return fallback;
	const letters = written.toUpperCase().replace(/V$/, '');
	const modes: readonly LinkMode[] = ['R', 'RR', 'W', 'WR', 'M', 'MR', 'MW'];
	return modes.find((m) => m === letters) ?? fallback;
}

/** The primary access of a mode: read-only for R and RR, read/write for W, WR, M, MR and MW. */
export const primaryAccess = (mode: LinkMode): MinidiskAccess => (mode[0] === 'R' ? 'R' : 'W');

function mdiskDevice(m: MdiskStatement): GuestDevice {
	const mode = linkModeOf(m.mode, MDISK_DEFAULT_MODE);
	const base = {
		vdev: m.vdev,
		kind: 'mdisk' as const,
		volid: null,
		rdev: null,
		blocks: null,
		mode,
		access: primaryAccess(mode)
	};
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
 * `owner`'s MDISK `vdev` as `member` sees it (an IDENTITY's definition is resolved for that
 * member), and whether it is member-specific: defined in the SUBCONFIG the IDENTITY builds on
 * that member (001 "Shared Source Directory": MAINT, a multiconfiguration virtual machine, owns
 * the 190, 19D, 19E, 401, 402 CMS disks of each member; 000 A.1.2). Null when the owner or its
 * minidisk does not exist there (a directory LINK to it fails at logon, so the guest has no such
 * device; the LINK command refuses it).
 */
export function minidiskOf(
	directory: Directory | null,
	owner: string,
	vdev: string,
	member: string
): { statement: MdiskStatement; local: boolean } | null {
	if (!directory) return null;
	const entry = directory.entries.find((e) => e.userid === owner);
	if (!entry) return null;
	const resolved = resolveEntry(directory, owner, entry.kind === 'IDENTITY' ? member : undefined);
	if (!resolved.ok) return null;
	const statement = resolved.entry.mdisks.find((m) => m.vdev === vdev);
	if (!statement) return null;
	if (entry.kind !== 'IDENTITY' || !resolved.entry.subconfig) return { statement, local: false };
	const sub = directory.subconfigs.find((s) => s.name === resolved.entry.subconfig);
	return { statement, local: !!sub?.mdisks.some((m) => m.vdev === vdev) };
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
		const disk = minidiskOf(directory, owner, l.targetVdev, member.name);
		if (!disk) continue;
		// The mode the statement gives, else CP's default (see LINK_DEFAULT_MODE). Logon does not
		// check the other links to the minidisk: the link holds the mode's primary access.
		const mode = linkModeOf(
			l.mode,
			owner === spec.user ? linkModeOf(disk.statement.mode, MDISK_DEFAULT_MODE) : LINK_DEFAULT_MODE
		);
		out.push({
			vdev: l.vdev,
			kind: 'link',
			owner,
			target: l.targetVdev,
			local: disk.local,
			mode,
			access: primaryAccess(mode)
		});
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
