/**
 * Who may access a minidisk, cluster-wide: the rules LINK applies (commands/link.ts, whose module
 * comment gives the sources: 001 "Reliability and Integrity of Shared Data and Resources",
 * "Cross-System Minidisk Management"; 000 §2.1, §2.2.5) and that logon applies to a directory
 * entry's LINK statements and the owner's own MDISKs (model/logon.ts): CP links them at logon in
 * their modes, checked like a LINK command.
 */
import type { MdiskStatement } from '../config/user-direct';
import type { SimState } from '../sim/state';
import { minidiskOf } from './guest-definition';
import type { LinkMode, MinidiskAccess } from './guest-types';
import { memberDirectory } from './member-directory';
import type { MemberState } from './types';

/** One minidisk: its owner and MDISK device number, and its member when it is member-specific. */
export interface MinidiskId {
	owner: string;
	vdev: string;
	/** The member of a member-specific (SUBCONFIG) minidisk; null for a cluster-wide one. */
	member: string | null;
}

/** A virtual machine with access to a minidisk: who, on which member, at which device, how. */
export interface MinidiskHolder {
	user: string;
	on: string;
	/** The holder's own device number for it. */
	vdev: string;
	access: MinidiskAccess;
}

/**
 * Everyone holding access to `disk`, on every member (see the module comment): guests' links,
 * and the owner's own MDISK when the owner is logged on. In the order of the cluster's guest list
 * and their devices, so that responses are deterministic.
 */
export function minidiskHolders(state: SimState, disk: MinidiskId): MinidiskHolder[] {
	const out: MinidiskHolder[] = [];
	const local = disk.member !== null;
	// Each member's directory, parsed once, for the locality of owners' own MDISKs.
	const parsed = new Map<string, ReturnType<typeof memberDirectory>>();
	const directory = (on: string) => {
		if (!parsed.has(on)) {
			const m = state.cluster.members.find((x) => x.name === on);
			parsed.set(on, m ? memberDirectory(m.resources) : null);
		}
		return parsed.get(on) ?? null;
	};
	for (const g of state.cluster.guests) {
		if (local && g.on !== disk.member) continue;
		for (const d of g.devices) {
			const held =
				d.kind === 'link'
					? d.owner === disk.owner && d.target === disk.vdev && d.local === local
					: d.kind === 'mdisk' &&
						g.user === disk.owner &&
						d.vdev === disk.vdev &&
						(minidiskOf(directory(g.on), g.user, d.vdev, g.on)?.local ?? false) === local;
			if (held && (d.kind === 'link' || d.kind === 'mdisk'))
				out.push({ user: g.user, on: g.on, vdev: d.vdev, access: d.access });
		}
	}
	return out;
}

/** What CP does with a LINK in `mode` when `others` hold access to the minidisk. */
export type LinkDecision =
	| { linked: true; access: MinidiskAccess; forcedBy: MinidiskHolder[] }
	| { linked: false; blockers: MinidiskHolder[]; mode: RefusableMode };

/** The modes that have no alternate access, so CP can refuse them. */
export type RefusableMode = 'R' | 'W' | 'M';

/**
 * CP's link modes (guest-types.ts {@link LinkMode}) against the other users' access: R needs no
 * writer; RR always reads; W needs no other link; WR writes, else reads; M needs no writer; MR
 * writes, else reads; MW always writes. `forcedBy` names those who made CP give the alternate
 * read-only access; `blockers` those who made it refuse.
 */
export function decideLink(mode: LinkMode, others: readonly MinidiskHolder[]): LinkDecision {
	const writers = others.filter((h) => h.access === 'W');
	const grant = (access: MinidiskAccess): LinkDecision => ({ linked: true, access, forcedBy: [] });
	const refuse = (m: RefusableMode, blockers: MinidiskHolder[]): LinkDecision => ({
		linked: false,
		blockers,
		mode: m
	});
	const readOnly = (forcedBy: MinidiskHolder[]): LinkDecision => ({
		linked: true,
		access: 'R',
		forcedBy
	});
	switch (mode) {
		case 'RR':
			return grant('R');
		case 'MW':
			return grant('W');
		case 'R':
			return writers.length > 0 ? refuse(mode, writers) : grant('R');
		case 'W':
			return others.length > 0 ? refuse(mode, [...others]) : grant('W');
		case 'M':
			return writers.length > 0 ? refuse(mode, writers) : grant('W');
		case 'WR':
			return others.length > 0 ? readOnly([...others]) : grant('W');
		case 'MR':
			return writers.length > 0 ? readOnly(writers) : grant('W');
	}
}

/** `R/O` or `R/W`, as CP prints an access. */
export const rw = (a: MinidiskAccess): string => (a === 'W' ? 'R/W' : 'R/O');

/** `R/W by ITSOLNX2 at ITSOSSI4, R/O by LNXA at ITSOSSI1`. */
export const heldBy = (hs: readonly MinidiskHolder[]): string =>
	hs.map((h) => `${rw(h.access)} by ${h.user} at ${h.on}`).join(', ');

/** The rule a refused mode broke, for the line after `not linked`, about `disk` (owner, vdev, where). */
export const RULES: Record<RefusableMode, (disk: string) => string> = {
	R: (disk) =>
		`Mode R links read-only only when no other user has R/W access to ${disk} (RR links read-only even so)`,
	W: (disk) =>
		`Mode W links only when no other user is linked to ${disk} (WR links read-only instead)`,
	M: (disk) =>
		`Mode M links only when no other user has R/W access to ${disk} (MR links read-only instead)`
};

/** Whether a minidisk is a full pack: DEVNO (000 A.1.1), or an extent from cylinder 0 to END. */
export function isFullPack(m: MdiskStatement): boolean {
	return m.kind === 'devno' || (m.kind === 'extent' && m.start === 0 && m.count === 'END');
}

/**
 * Holders on other members than the issuer's, when the minidisk has virtual reserve/release
 * (an MDISK mode ending in V) and is not a full pack (001 "Cross-System Minidisk Management").
 */
function virtualReserveConflict(
	g: { on: string },
	m: MdiskStatement,
	others: readonly MinidiskHolder[]
): MinidiskHolder[] {
	if (!m.mode?.endsWith('V') || isFullPack(m)) return [];
	return others.filter((h) => h.on !== g.on);
}

/** Whether a virtual machine may access a minidisk in a mode, and with which access. */
export type AccessCheck =
	| { ok: true; access: MinidiskAccess; forcedBy: MinidiskHolder[] }
	/** Refused: what follows `DASD vdev not linked; `, and the rule it broke. */
	| { ok: false; why: [string, ...string[]] };

/**
 * The cluster-wide checks for `user` on `member` accessing `disk` (its MDISK statement and
 * whether it is member-specific) in `mode`: the Safe-mode lock-down, virtual reserve/release on
 * a partial pack, and the mode against the others' access (see commands/link.ts).
 */
export function checkMinidiskAccess(
	state: SimState,
	user: string,
	member: MemberState,
	disk: { owner: string; vdev: string; statement: MdiskStatement; local: boolean },
	mode: LinkMode
): AccessCheck {
	const name = `${disk.owner} ${disk.vdev}`;
	const where = disk.local
		? `on ${member.name} (a member-specific minidisk)`
		: `on any member of SSI cluster ${state.cluster.name}`;
	if (!disk.local && (member.state !== 'Joined' || state.cluster.mode === 'Safe'))
		return {
			ok: false,
			why: [
				`${member.name} cannot check the links to ${name} on the other members (${member.state !== 'Joined' ? `${member.name} is ${member.state}` : 'the cluster is in Safe mode'})`,
				'New access to shared minidisks is locked down until the failure is resolved'
			]
		};
	const id: MinidiskId = {
		owner: disk.owner,
		vdev: disk.vdev,
		member: disk.local ? member.name : null
	};
	const others = minidiskHolders(state, id).filter(
		(h) => !(h.user === user && h.on === member.name)
	);
	const reserve = virtualReserveConflict({ on: member.name }, disk.statement, others);
	if (reserve.length > 0)
		return {
			ok: false,
			why: [
				`${name} is linked ${heldBy(reserve)}`,
				`${name} is a non-full-pack minidisk with virtual reserve/release (MDISK mode ${disk.statement.mode}): it can be linked on only one member at a time`
			]
		};
	const decision = decideLink(mode, others);
	if (!decision.linked)
		return {
			ok: false,
			why: [heldBy(decision.blockers), RULES[decision.mode](`${name} ${where}`)]
		};
	return { ok: true, access: decision.access, forcedBy: decision.forcedBy };
}
