/**
 * Logging users on and off a member: XAUTOLOG and LOGON build the guest from the member's
 * directory entry (000 §2.2.4: PROFILE, entry and, for an IDENTITY, the member's SUBCONFIG) and
 * the scenario's facts about it; FORCE and SIGNAL SHUTDOWN log it off, freeing its dedicated
 * devices. Single logon enforcement (001 "Cluster-wide policing of resource access"): a USER is
 * logged on to one member of the cluster at a time; an IDENTITY may be on several, once each.
 */
import type { GuestSpec } from '../config/scenario-types';
import { resolveEntry, type Directory } from '../config/user-direct';
import { record } from '../sim/kernel';
import type { SimState } from '../sim/state';
import { buildGuest, minidiskOf } from './guest-definition';
import type { GuestDevice, GuestState, MemberResources } from './guest-types';
import { attachDevice, realDevice } from './member-resources';
import { memberDirectory } from './member-directory';
import { checkMinidiskAccess, heldBy } from './minidisk-links';
import type { GuestStatus, MemberState } from './types';

/**
 * The users CP counts on a member (`USERS = n`, 000 Example A-10, A-13, A-14): the guests the
 * model holds there and the other users the scenario says are logged on (operator, service
 * machines).
 */
export function memberUsers(state: SimState, member: MemberState): number {
	return (
		state.cluster.guests.filter((g) => g.on === member.name).length + member.resources.otherUsers
	);
}

/**
 * The scenario's facts about a user logging on to `member`: those it gives for that member,
 * else for another member (the same virtual machine, so VMCF, IUCV, segments and workload go
 * with it), else none. A new logon has no logical devices (the scenario's describe the session
 * it was logged on with) and its accounting starts at the logon.
 */
function factsFor(
	res: MemberResources,
	user: string,
	member: string,
	kind: GuestSpec['kind'],
	status: GuestStatus
): GuestSpec {
	const known =
		res.logon.facts.find((f) => f.user === user && f.on === member) ??
		res.logon.facts.find((f) => f.user === user);
	return {
		user,
		on: member,
		status,
		kind,
		residentBytes: known?.residentBytes ?? null,
		workload: known?.workload ?? null,
		logicalDevices: [],
		segments: [...(known?.segments ?? [])],
		iucv: [...(known?.iucv ?? [])],
		vmcf: known?.vmcf ?? false,
		overhead: { ...(known?.overhead ?? { pageableBytes: 0, fixedBytes: 0 }) },
		accounting: { loggedOnForMs: 0, virtualCpuMs: 0, totalCpuMs: 0 }
	};
}

/** A logon that worked: the guest, and notices about DEDICATE statements CP could not honour. */
export type LogonResult =
	{ ok: true; guest: GuestState; notices: string[] } | { ok: false; reason: string };

/**
 * Logs `user` on to `member`, disconnected (XAUTOLOG) or connected (LOGON). Refused when the
 * directory has no entry for the user or its password is NOLOG, when it is already logged on to
 * this member, when a USER is logged on to another member, and for a USER when the member
 * cannot police single logon: it is not Joined, or the cluster is in Safe mode, where "new
 * access to shared resources is locked down" (000 §2.4.2, 001). A dedicated device that is
 * offline, missing or in use is left out, with a notice.
 */
export function logonUser(
	state: SimState,
	member: MemberState,
	user: string,
	status: GuestStatus
): LogonResult {
	const id = user.toUpperCase();
	const c = state.cluster;
	const directory = memberDirectory(member.resources);
	const entry = directory?.entries.find((e) => e.userid === id);
	if (directory !== null && !entry) return { ok: false, reason: `${id} not in CP directory` };
	if (entry?.password?.toUpperCase() === 'NOLOG')
		return {
			ok: false,
			reason: `${id} has the password NOLOG in the directory: it cannot be logged on`
		};
	const kind = entry?.kind ?? 'USER';
	const here = c.guests.find((g) => g.user === id && g.on === member.name);
	if (here) return { ok: false, reason: `${id} is already logged on to ${member.name}` };
	const elsewhere = c.guests.find((g) => g.user === id);
	if (kind === 'USER' && elsewhere)
		return {
			ok: false,
			reason: `${id} is logged on to ${elsewhere.on}: a single-configuration user (USER) can be logged on to only one member of SSI cluster ${c.name}`
		};
	if (kind === 'USER' && (member.state !== 'Joined' || c.mode === 'Safe'))
		return {
			ok: false,
			reason: `${id} cannot log on: ${member.name} cannot check that it is not logged on to another member (${member.state !== 'Joined' ? `${member.name} is ${member.state}` : 'the cluster is in Safe mode'})`
		};
	if (directory !== null) {
		const r = resolveEntry(directory, id, member.name);
		if (!r.ok) return { ok: false, reason: `${id} cannot log on to ${member.name}: ${r.reason}` };
	}
	const spec = factsFor(member.resources, id, member.name, kind, status);
	const guest = buildGuest(spec, {
		directory,
		members: c.members,
		domains: c.domains,
		segments: c.segments,
		now: state.now
	});
	if (!guest) return { ok: false, reason: `${member.name} is not a member of ${c.name}` };
	const notices: string[] = [];
	guest.devices = guest.devices.filter((d) => {
		if (d.kind !== 'dedicated') return true;
		const real = realDevice(member.resources, d.rdev);
		const why = !real.exists
			? 'does not exist'
			: !real.online
				? 'is offline'
				: real.owner !== null
					? `is attached to ${real.owner}`
					: null;
		if (why) notices.push(`DEDICATE ${d.vdev} ${d.rdev} not done: real device ${d.rdev} ${why}`);
		return why === null;
	});
	if (directory !== null) linkAtLogon(state, member, guest, directory, notices);
	c.guests.push(guest);
	for (const d of guest.devices)
		if (d.kind === 'dedicated') attachDevice(member.resources, d.rdev, id);
	return { ok: true, guest, notices };
}

/**
 * Logs a guest off its member: its dedicated devices are free again and CP keeps nothing of it
 * (000 §3.7 "logged off"). A relocation of the guest still in progress is ended by the
 * relocation model, which finds the guest gone from its source (lgr/relocation.ts
 * `afterClusterChange`, run after every command).
 */
export function logoffGuest(state: SimState, guest: GuestState, reason: string): void {
	const m = state.cluster.members.find((x) => x.name === guest.on);
	if (m) for (const d of m.resources.devices) if (d.owner === guest.user) d.owner = null;
	state.cluster.guests = state.cluster.guests.filter((g) => g !== guest);
	record(state, { kind: 'guest.logoff', user: guest.user, on: guest.on, reason });
}

/**
 * CP links a logging-on guest's minidisks as a LINK command would (commands/link.ts, 001
 * "Cross-System Minidisk Management": CP checks for conflicts throughout the cluster when a link
 * is requested): each LINK statement of its entry in its mode, and its own MDISKs in theirs. A
 * refused one is left out and a mode with an alternate access gets it, each with a notice in the
 * LINK command's words; the logon itself goes on.
 */
function linkAtLogon(
	state: SimState,
	member: MemberState,
	guest: GuestState,
	directory: Directory,
	notices: string[]
): void {
	guest.devices = guest.devices.flatMap((d): GuestDevice[] => {
		if (d.kind !== 'link' && d.kind !== 'mdisk') return [d];
		const owner = d.kind === 'link' ? d.owner : guest.user;
		const target = d.kind === 'link' ? d.target : d.vdev;
		const disk = minidiskOf(directory, owner, target, member.name);
		// Virtual disks (V-DISK, T-DISK) and links to nothing the directory defines are not shared.
		if (!disk || (d.kind === 'mdisk' && (d.form === 'vdisk' || d.form === 'tdisk'))) return [d];
		const check = checkMinidiskAccess(
			state,
			guest.user,
			member,
			{ owner, vdev: target, statement: disk.statement, local: disk.local },
			d.mode
		);
		if (!check.ok) {
			notices.push(`DASD ${d.vdev} not linked; ${check.why[0]}`, ...check.why.slice(1));
			return [];
		}
		if (check.forcedBy.length > 0)
			notices.push(`DASD ${d.vdev} forced R/O; ${heldBy(check.forcedBy)}`);
		return [{ ...d, access: check.access }];
	});
}
