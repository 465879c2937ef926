/**
 * The scenario fields live guest relocation needs beyond the cluster itself: what a member
 * offers a relocating guest (storage and paging in use, real devices, crypto), saved segments,
 * the facts about a guest its directory entry cannot hold (resident size, logical devices,
 * segments in use, IUCV and VMCF connections, CP storage overhead), and the cross-checks of
 * `guests` against the scenario's USER DIRECT (000 §2.2.4, §3.3, §3.4, §3.7).
 */
import type { Checker, Obj } from './scenario';
import type { DeviceSpec, GuestAccountingSpec, GuestSpec, SegmentSpec } from './scenario-types';
import { DEFAULT_GUEST } from '../model/guest-definition';
import { formatSize } from './sizes';
import { WORKLOAD_PRESETS, type WorkloadPreset } from '../engine/workload';
import { resolveEntry, type Directory } from './user-direct';

const HEX_RANGE = /^([0-9A-F]{1,4})(?:-([0-9A-F]{1,4}))?$/;

/** Most devices one `devices` entry may name: a scenario lists the devices that matter, not a whole channel subsystem. */
export const MAX_DEVICES_PER_ENTRY = 256;

/** Page range types of saved segments (CP Planning, DEFSEG). */
const RANGE_TYPES = ['EW', 'EN', 'ER', 'SW', 'SN', 'SR', 'SC'];

/**
 * Member fields for LGR and the console: `storageInUse`, `pagingInUse`, `devices`, `crypto`,
 * `otherUsers`, `pagingVolumes` (read by scenario-paging.ts).
 */
export const MEMBER_LGR_KEYS = [
	'storageInUse',
	'pagingInUse',
	'devices',
	'crypto',
	'otherUsers',
	'pagingVolumes'
] as const;

/** Most users a member may count besides its guests: a sanity bound, far above the book's 19. */
export const MAX_OTHER_USERS = 99_999;

/** Guest fields for LGR besides `user`, `on`, `status` and `kind`. */
export const GUEST_LGR_KEYS = [
	'resident',
	'workload',
	'logicalDevices',
	'segments',
	'iucv',
	'vmcf',
	'overhead',
	'accounting'
] as const;

/**
 * Reads a member's LGR fields; sizes default to 0, devices to none, crypto to none, other users
 * to 0. Paging volumes are read by scenario-paging.ts.
 */
export function readMemberLgr(
	c: Checker,
	o: Obj,
	p: string
): {
	storageInUseBytes: number;
	pagingInUseBytes: number;
	devices: DeviceSpec[];
	cryptoApType: string | null;
	otherUsers: number;
} {
	const storageInUseBytes =
		o.storageInUse === undefined ? 0 : (c.size(o.storageInUse, `${p}.storageInUse`) ?? 0);
	const pagingInUseBytes =
		o.pagingInUse === undefined ? 0 : (c.size(o.pagingInUse, `${p}.pagingInUse`) ?? 0);
	const cryptoText = o.crypto === undefined ? null : (c.str(o.crypto, `${p}.crypto`) ?? null);
	const devices: DeviceSpec[] = [];
	if (o.devices !== undefined) {
		c.arr(o.devices, `${p}.devices`)?.forEach((raw, i) => {
			const d = readDevice(c, raw, `${p}.devices[${i}]`);
			if (d) devices.push(d);
		});
	}
	const otherUsers = c.int(o.otherUsers, `${p}.otherUsers`, 0, MAX_OTHER_USERS, 0) ?? 0;
	return {
		storageInUseBytes,
		pagingInUseBytes,
		devices,
		cryptoApType: cryptoText === null ? null : cryptoText.toUpperCase(),
		otherUsers
	};
}

function readDevice(c: Checker, raw: unknown, p: string): DeviceSpec | undefined {
	const o = c.obj(raw, p);
	if (!o) return undefined;
	c.known(o, p, ['rdev', 'type', 'eqid', 'volser', 'attached', 'online', 'devno', 'vdev', 'chpid']);
	const text = c.str(o.rdev, `${p}.rdev`)?.toUpperCase();
	let first: string | undefined;
	let last: string | undefined;
	if (text !== undefined) {
		const m = HEX_RANGE.exec(text);
		if (!m) c.fail(`${p}.rdev`, `"${text}" is not a device number or range (2120 or 2126-2128)`);
		else {
			first = m[1]!.padStart(4, '0');
			last = (m[2] ?? m[1]!).padStart(4, '0');
			const count = parseInt(last, 16) - parseInt(first, 16) + 1;
			if (count < 1) {
				c.fail(`${p}.rdev`, `"${text}" is a range whose end comes before its start`);
				first = undefined;
			} else if (count > MAX_DEVICES_PER_ENTRY) {
				c.fail(
					`${p}.rdev`,
					`"${text}" names ${count} devices; one entry names at most ${MAX_DEVICES_PER_ENTRY}`
				);
				first = undefined;
			}
		}
	}
	const word = (k: 'type' | 'eqid' | 'volser' | 'attached'): string | null => {
		if (o[k] === undefined) return null;
		const s = c.str(o[k], `${p}.${k}`);
		if (s === undefined) return null;
		const max = k === 'volser' ? 6 : 8;
		if (!new RegExp(`^[A-Za-z0-9@#$-]{1,${max}}$`).test(s)) {
			c.fail(`${p}.${k}`, `"${s}" must be 1-${max} letters, digits, @, #, $ or -`);
			return null;
		}
		return s.toUpperCase();
	};
	const type = word('type');
	const eqid = word('eqid');
	const volser = word('volser');
	const attached = word('attached');
	const online = c.bool(o.online, `${p}.online`, true);
	const devno = c.bool(o.devno, `${p}.devno`, false);
	if (devno && attached !== 'SYSTEM')
		c.fail(
			`${p}.devno`,
			'a DEVNO minidisk device is attached to SYSTEM (give "attached": "SYSTEM")'
		);
	const vdev = hexField(
		c,
		o.vdev,
		`${p}.vdev`,
		/^[0-9A-F]{1,4}$/,
		'a device number (1-4 hex digits)'
	);
	const chpid = hexField(c, o.chpid, `${p}.chpid`, /^[0-9A-F]{2}$/, 'a CHPID (two hex digits)');
	if (vdev !== null && first !== undefined && last !== undefined) {
		const end = parseInt(vdev, 16) + parseInt(last, 16) - parseInt(first, 16);
		if (end > 0xffff)
			c.fail(`${p}.vdev`, `virtual devices from ${vdev} for ${text} would pass FFFF`);
	}
	if (vdev !== null && (attached === null || attached === 'FREE' || attached === 'SYSTEM'))
		c.fail(`${p}.vdev`, 'a virtual device number needs a user the device is attached to');
	if (first === undefined || last === undefined) return undefined;
	return {
		first,
		last,
		type,
		eqid,
		volser,
		owner: attached === null || attached === 'FREE' ? null : attached,
		online,
		devno,
		vdev: vdev === null ? null : vdev.padStart(4, '0'),
		chpid
	};
}

/** An optional hex field in upper case, or null; a malformed one is an error. */
function hexField(c: Checker, v: unknown, p: string, re: RegExp, what: string): string | null {
	if (v === undefined) return null;
	const s = c.str(v, p)?.toUpperCase();
	if (s === undefined) return null;
	if (!re.test(s)) {
		c.fail(p, `"${s}" is not ${what}`);
		return null;
	}
	return s;
}

/** Reads the top-level `segments`: one entry per identical copy of an NSS or DCSS. */
export function readSegments(c: Checker, v: unknown, members: string[]): SegmentSpec[] {
	const out: SegmentSpec[] = [];
	if (v === undefined) return out;
	c.arr(v, 'segments')?.forEach((raw, i) => {
		const p = `segments[${i}]`;
		const o = c.obj(raw, p);
		if (!o) return;
		c.known(o, p, ['name', 'kind', 'ranges', 'members']);
		const name = c.name(o.name, `${p}.name`, 'segment name');
		const kind =
			o.kind === undefined
				? 'DCSS'
				: o.kind === 'NSS' || o.kind === 'DCSS'
					? o.kind
					: c.fail(`${p}.kind`, 'must be "NSS" or "DCSS"');
		const ranges: string[] = [];
		if (o.ranges !== undefined) {
			c.arr(o.ranges, `${p}.ranges`)?.forEach((r, j) => {
				const t = typeof r === 'string' ? r.toUpperCase() : r;
				if (typeof t === 'string' && RANGE_TYPES.includes(t)) ranges.push(t);
				else
					c.fail(
						`${p}.ranges[${j}]`,
						`unknown page range type ${JSON.stringify(r)} (expected one of: ${RANGE_TYPES.join(', ')})`
					);
			});
		}
		const on: string[] = [];
		c.arr(o.members, `${p}.members`)?.forEach((m, j) => {
			const n = c.name(m, `${p}.members[${j}]`, 'member name');
			if (n && !members.includes(n)) c.fail(`${p}.members[${j}]`, `no member named ${n}`);
			else if (n && !on.includes(n)) on.push(n);
		});
		if (name && on.length > 0) {
			const clash = out.find((s) => s.name === name && s.members.some((m) => on.includes(m)));
			if (clash)
				c.fail(
					`${p}.members`,
					`${name} already has a copy on ${clash.members.filter((m) => on.includes(m)).join(', ')}`
				);
			else if (kind) out.push({ name, kind, ranges, members: on });
		}
	});
	return out;
}

/** Reads a guest's LGR fields. */
export function readGuestLgr(
	c: Checker,
	o: Obj,
	p: string
): Omit<GuestSpec, 'user' | 'on' | 'status' | 'kind'> {
	const residentBytes =
		o.resident === undefined ? null : (c.size(o.resident, `${p}.resident`) ?? null);
	let workload: WorkloadPreset | null = null;
	if (o.workload !== undefined) {
		const w = c.str(o.workload, `${p}.workload`);
		const presets = Object.keys(WORKLOAD_PRESETS);
		if (w !== undefined && presets.includes(w)) workload = w as WorkloadPreset;
		else if (w !== undefined)
			c.fail(`${p}.workload`, `"${w}" is not a workload preset (${presets.join(', ')})`);
	}
	const list = (k: 'logicalDevices' | 'segments' | 'iucv', check: (s: string) => string | null) => {
		const out: string[] = [];
		if (o[k] === undefined) return out;
		c.arr(o[k], `${p}.${k}`)?.forEach((raw, j) => {
			const s = c.str(raw, `${p}.${k}[${j}]`);
			if (s === undefined) return;
			const why = check(s.toUpperCase());
			if (why) c.fail(`${p}.${k}[${j}]`, `"${s}" ${why}`);
			else if (!out.includes(s.toUpperCase())) out.push(s.toUpperCase());
		});
		return out;
	};
	const logicalDevices = list('logicalDevices', (s) =>
		/^[0-9A-F]{1,4}$/.test(s) ? null : 'is not a device number (1-4 hex digits)'
	).map((d) => d.padStart(4, '0'));
	const segments = list('segments', (s) =>
		/^[A-Z0-9@#$]{1,8}$/.test(s) ? null : 'is not a segment name (1-8 letters, digits, @, # or $)'
	);
	const iucv = list('iucv', (s) =>
		/^\*?[A-Z0-9@#$]{1,8}$/.test(s)
			? null
			: 'is not a user ID or CP system service (*MSG, *MSGALL, *ACCOUNT, ...)'
	);
	const vmcf = c.bool(o.vmcf, `${p}.vmcf`, false);
	let overhead = { pageableBytes: 0, fixedBytes: 0 };
	if (o.overhead !== undefined) {
		const ov = c.obj(o.overhead, `${p}.overhead`);
		if (ov) {
			c.known(ov, `${p}.overhead`, ['pageable', 'fixed']);
			overhead = {
				pageableBytes:
					ov.pageable === undefined ? 0 : (c.size(ov.pageable, `${p}.overhead.pageable`) ?? 0),
				fixedBytes: ov.fixed === undefined ? 0 : (c.size(ov.fixed, `${p}.overhead.fixed`) ?? 0)
			};
		}
	}
	return {
		residentBytes,
		workload,
		logicalDevices,
		segments,
		iucv,
		vmcf,
		overhead,
		accounting: readAccounting(c, o.accounting, `${p}.accounting`)
	};
}

/** `accounting`: `loggedOnFor`, `virtualCpu`, `totalCpu` as durations; all default to 0. */
function readAccounting(c: Checker, v: unknown, p: string): GuestAccountingSpec {
	const out = { loggedOnForMs: 0, virtualCpuMs: 0, totalCpuMs: 0 };
	if (v === undefined) return out;
	const o = c.obj(v, p);
	if (!o) return out;
	c.known(o, p, ['loggedOnFor', 'virtualCpu', 'totalCpu']);
	const ms = (k: string) => (o[k] === undefined ? 0 : (c.duration(o[k], `${p}.${k}`) ?? 0));
	out.loggedOnForMs = ms('loggedOnFor');
	out.virtualCpuMs = ms('virtualCpu');
	out.totalCpuMs = ms('totalCpu');
	if (out.virtualCpuMs > out.totalCpuMs)
		c.fail(`${p}.virtualCpu`, 'virtual CPU time is part of the total CPU time: it cannot be more');
	return out;
}

/** The kind the directory gives a user ID, or undefined when it has no entry. */
export function directoryKind(
	directory: Directory | null,
	user: string
): 'USER' | 'IDENTITY' | undefined {
	return directory?.entries.find((e) => e.userid === user)?.kind;
}

/** A resident size larger than the guest's current storage is an error. */
function checkResident(c: Checker, g: GuestSpec, p: string, current: number): void {
	if (g.residentBytes !== null && g.residentBytes > current)
		c.fail(
			`${p}.resident`,
			`${formatSize(g.residentBytes)} is more than the ${formatSize(current)} of storage ${g.user} has`
		);
}

/**
 * Checks the guests against the scenario's USER DIRECT: every guest needs an entry of its
 * kind, an IDENTITY a BUILD statement for the member it is on, a storage size, and a
 * relocation domain that exists. Also checks segment names against `segments`, and resident
 * sizes against the guests' storage (the default guest's without a directory).
 */
export function checkGuestsAgainstDirectory(
	c: Checker,
	guests: readonly { spec: GuestSpec; path: string }[],
	directory: Directory | null,
	domains: readonly string[],
	segments: readonly SegmentSpec[]
): void {
	for (const { spec: g, path: p } of guests) {
		for (const [j, s] of g.segments.entries()) {
			if (!segments.some((x) => x.name === s))
				c.fail(`${p}.segments[${j}]`, `no saved segment named ${s} (define it in "segments")`);
		}
		if (directory === null) {
			checkResident(c, g, p, DEFAULT_GUEST.storageBytes);
			continue;
		}
		const entry = directory.entries.find((e) => e.userid === g.user);
		if (!entry) {
			c.fail(`${p}.user`, `the scenario's directory has no USER or IDENTITY entry named ${g.user}`);
			continue;
		}
		if (entry.kind !== g.kind) {
			c.fail(`${p}.kind`, `the directory defines ${g.user} with ${entry.kind}, not ${g.kind}`);
			continue;
		}
		const r = resolveEntry(directory, g.user, g.on);
		if (!r.ok) {
			c.fail(`${p}.on`, `${g.user} cannot log on to ${g.on}: ${r.reason}`);
			continue;
		}
		if (r.entry.storage === null)
			c.fail(`${p}.user`, `the directory entry of ${g.user} gives no storage size`);
		else checkResident(c, g, p, r.entry.storage);
		const domain = r.entry.vmrelocate?.domain;
		if (domain && !domains.includes(domain))
			c.fail(
				`${p}.user`,
				`the directory puts ${g.user} in relocation domain ${domain}, which is not defined (000 §3.5.2)`
			);
	}
}
