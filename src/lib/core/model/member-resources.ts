/**
 * What each member offers a relocating guest: real devices with their EQIDs (SYSTEM CONFIG
 * RDEVICE, 000 §2.2.7) and state (the scenario's `devices`), virtual switches (DEFINE VSWITCH,
 * 001 "Networks – Virtual Switches"), the virtual disk user limit (`Features Vdisk Userlim`,
 * 000 Example 4-1), storage and paging in use (000 §3.4) and crypto.
 */
import type { DeviceSpec, GuestSpec, MemberSpec } from '../config/scenario-types';
import { forMember, type SystemConfig } from '../config/system-config';
import type { LogonCatalog, MemberResources, RealDeviceState, VswitchState } from './guest-types';

/** One 512-byte block count per K, M, G or T of a `Vdisk Userlim` given as a size. */
const BLOCKS_PER: Record<string, number> = { K: 2, M: 2048, G: 2048 * 1024, T: 2048 * 1024 ** 2 };

/**
 * The `Vdisk Userlim` of a member's FEATURES statement in blocks (`144000 blocks`, `64M`), null
 * when it is INFINITE or not given.
 */
export function vdiskUserLimit(config: SystemConfig | null, member: string): number | null {
	if (!config) return null;
	let limit: number | null = null;
	for (const f of forMember(config, member).others) {
		if (f.keyword !== 'FEATURES') continue;
		const m = /\bVDISK\s+USERLIM\s+(INFINITE|\d+)\s*(BLOCKS?|[KMGT])?\b/i.exec(f.text);
		if (!m) continue;
		const unit = (m[2] ?? 'BLOCKS').toUpperCase();
		limit =
			m[1]!.toUpperCase() === 'INFINITE'
				? null
				: Number(m[1]) * (unit.startsWith('BLOCK') ? 1 : (BLOCKS_PER[unit] ?? 1));
	}
	return limit;
}

function hex(n: number): string {
	return n.toString(16).toUpperCase().padStart(4, '0');
}

function expand(d: DeviceSpec): RealDeviceState[] {
	const out: RealDeviceState[] = [];
	const first = parseInt(d.first, 16);
	for (let v = first; v <= parseInt(d.last, 16); v++) {
		out.push({
			rdev: hex(v),
			type: d.type,
			eqid: d.eqid,
			volser: d.volser,
			owner: d.owner,
			online: d.online,
			devno: d.devno,
			vdev: d.vdev === null ? null : hex(parseInt(d.vdev, 16) + v - first),
			chpid: d.chpid
		});
	}
	return out;
}

/** A copy of a guest's scenario facts that shares no arrays or objects with the scenario. */
function copyFacts(f: GuestSpec): GuestSpec {
	return {
		...f,
		logicalDevices: [...f.logicalDevices],
		segments: [...f.segments],
		iucv: [...f.iucv],
		overhead: { ...f.overhead },
		accounting: { ...f.accounting }
	};
}

/** The virtual switches a member defines: the last DEFINE VSWITCH of each name that applies to it. */
function vswitchesOf(config: SystemConfig | null, member: string): VswitchState[] {
	if (!config) return [];
	const byName = new Map<string, VswitchState>();
	for (const v of forMember(config, member).vswitches) {
		const vlan = v.otherOperands.findIndex((o) => o.toUpperCase() === 'VLAN');
		byName.set(v.name.toUpperCase(), {
			name: v.name.toUpperCase(),
			type: v.type ?? 'IP',
			uplinks: [...v.rdevs],
			vlan: vlan >= 0 ? (v.otherOperands[vlan + 1]?.toUpperCase() ?? null) : null
		});
	}
	return [...byName.values()];
}

/**
 * Builds a member's {@link MemberResources} from its scenario entry, the SYSTEM CONFIG and what
 * logging users on needs (`logon`). Each paging volume is a 3390 DASD with its label, attached
 * to SYSTEM when the scenario says it is in use.
 */
export function memberResources(
	spec: MemberSpec,
	config: SystemConfig | null,
	logon: LogonCatalog = { directory: null, facts: [] }
): MemberResources {
	const devices = new Map<string, RealDeviceState>();
	for (const d of spec.devices) for (const r of expand(d)) devices.set(r.rdev, r);
	for (const v of spec.pagingVolumes) {
		devices.set(v.rdev, {
			rdev: v.rdev,
			type: '3390',
			eqid: null,
			volser: v.volser,
			owner: v.attached ? 'SYSTEM' : null,
			online: true,
			devno: false,
			vdev: null,
			chpid: null
		});
	}
	return {
		storageInUseBytes: spec.storageInUseBytes,
		pagingInUseBytes: spec.pagingInUseBytes,
		rdevClasses: config
			? forMember(config, spec.name).rdevices.flatMap((r) =>
					r.devices.map((range) => ({
						first: range.first,
						last: range.last,
						type: r.type,
						eqid: r.eqid
					}))
				)
			: [],
		devices: [...devices.values()].sort((a, b) => (a.rdev < b.rdev ? -1 : 1)),
		vswitches: vswitchesOf(config, spec.name),
		vdiskUserLimitBlocks: vdiskUserLimit(config, spec.name),
		cryptoApType: spec.cryptoApType,
		pagingVolumes: spec.pagingVolumes.map((v) => ({
			volser: v.volser,
			rdev: v.rdev,
			firstCylinder: v.firstCylinder,
			lastCylinder: v.lastCylinder,
			inUsePages: v.inUsePages,
			highPage: v.highPage
		})),
		otherUsers: spec.otherUsers,
		logon: { directory: logon.directory, facts: logon.facts.map(copyFacts) }
	};
}

/** A real device as CP sees it on one member. */
export interface RealDeviceView {
	rdev: string;
	/** True when SYSTEM CONFIG or the scenario names the device on this member. */
	exists: boolean;
	type: string | null;
	eqid: string | null;
	volser: string | null;
	owner: string | null;
	online: boolean;
	devno: boolean;
}

/**
 * A real device of a member: type and EQID from the last RDEVICE class covering it (else what
 * the scenario says), state from the scenario or the guests using it. A device the scenario
 * does not list is online and free.
 */
export function realDevice(res: MemberResources, rdev: string): RealDeviceView {
	const id = rdev.toUpperCase().padStart(4, '0');
	const v = parseInt(id, 16);
	const cls = res.rdevClasses
		.filter((c) => parseInt(c.first, 16) <= v && v <= parseInt(c.last, 16))
		.at(-1);
	const d = res.devices.find((x) => x.rdev === id);
	return {
		rdev: id,
		exists: !!cls || !!d,
		type: cls?.type ?? d?.type ?? null,
		eqid: cls ? cls.eqid : (d?.eqid ?? null),
		volser: d?.volser ?? null,
		owner: d?.owner ?? null,
		online: d?.online ?? true,
		devno: d?.devno ?? false
	};
}

/** Marks a real device as attached to `owner` (a guest's DEDICATE), adding it when not listed. */
export function attachDevice(res: MemberResources, rdev: string, owner: string): void {
	const id = rdev.toUpperCase().padStart(4, '0');
	const d = res.devices.find((x) => x.rdev === id);
	if (d) d.owner = owner;
	else {
		res.devices.push({
			rdev: id,
			type: null,
			eqid: null,
			volser: null,
			owner,
			online: true,
			devno: false,
			vdev: null,
			chpid: null
		});
		res.devices.sort((a, b) => (a.rdev < b.rdev ? -1 : 1));
	}
}

/**
 * The state record of a real device, added (free and online) when the scenario did not list
 * it, so that commands can change its state (VARY, ATTACH, DETACH).
 */
export function deviceState(res: MemberResources, rdev: string): RealDeviceState {
	const id = rdev.toUpperCase().padStart(4, '0');
	const found = res.devices.find((x) => x.rdev === id);
	if (found) return found;
	const d: RealDeviceState = {
		rdev: id,
		type: null,
		eqid: null,
		volser: null,
		owner: null,
		online: true,
		devno: false,
		vdev: null,
		chpid: null
	};
	res.devices.push(d);
	res.devices.sort((a, b) => (a.rdev < b.rdev ? -1 : 1));
	return d;
}

/**
 * Sets the type and EQID of real devices `first`-`last` as SET RDEVICE does: a new class after
 * the SYSTEM CONFIG's RDEVICE classes, which it overrides (the last class covering a device
 * wins, {@link realDevice}). A null EQID is NOEQID: CP's own system-generated EQID, which
 * relates the device to no other member's (000 App. B Table B-1).
 */
export function setRdevClass(
	res: MemberResources,
	first: string,
	last: string,
	type: string,
	eqid: string | null
): void {
	res.rdevClasses.push({ first, last, type, eqid });
}

/** Every real device number the member knows: its RDEVICE classes and listed devices, in order. */
export function knownRdevs(res: MemberResources): string[] {
	const ids = new Set<string>(res.devices.map((d) => d.rdev));
	for (const c of res.rdevClasses)
		for (let v = parseInt(c.first, 16); v <= parseInt(c.last, 16); v++) ids.add(hex(v));
	return [...ids].sort();
}

/** Candidate devices for an EQID on a member: every known device with that EQID, in order. */
export function devicesWithEqid(res: MemberResources, eqid: string): RealDeviceView[] {
	const ids = new Set<string>();
	for (const c of res.rdevClasses) {
		if (c.eqid !== eqid) continue;
		for (let v = parseInt(c.first, 16); v <= parseInt(c.last, 16); v++) ids.add(hex(v));
	}
	for (const d of res.devices) if (d.eqid === eqid) ids.add(d.rdev);
	return [...ids]
		.sort()
		.map((id) => realDevice(res, id))
		.filter((d) => d.eqid === eqid);
}
