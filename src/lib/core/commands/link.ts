/**
 * LINK [TO] userid vdev1 [AS] vdev2 [mode]: a guest links another user's minidisk (or one of its
 * own, `*`), checked against the links to that minidisk on every member of the SSI cluster —
 * "Cluster-wide policing of resource access: coordinated minidisk link checking" and "CP checks
 * for conflicts throughout the cluster when a link is requested" (001 "Reliability and Integrity
 * of Shared Data and Resources", "Cross-System Minidisk Management"; 000 §2.1, §2.2.5: user
 * minidisks are shared by the members). The operator sends it to a guest with SEND CP (000
 * Example A-6 does so for DETACH); the console's own user is not a guest (user-control.ts).
 *
 * The modes are CP's (guest-types.ts {@link LinkMode}); an omitted mode is R for another user's
 * minidisk and the MDISK's own mode for one of the issuer's (model/guest-definition.ts).
 *
 * What "the same minidisk" is: the owner's user ID and its MDISK device number. A USER's
 * minidisks, and an IDENTITY's minidisks outside its SUBCONFIGs, are one minidisk across the
 * cluster, so the links on every member count. A minidisk an IDENTITY defines in a SUBCONFIG
 * lives on the member that SUBCONFIG is built on (MAINT's 190, 19D, 19E on each member's own
 * volume, 001 "Shared Source Directory", 000 §2.2.5 "Each member also has its own volumes",
 * A.1.2): `LINK MAINT 190 …` on ITSOSSI1 and on ITSOSSI2 are links to two minidisks, and only the
 * links on the issuer's member count.
 *
 * Who holds access: every logged-on guest's `link` device to the minidisk (its held access), and
 * the owner's own MDISK when the owner is logged on (the MDISK's mode gives its access; an
 * IDENTITY owner holds it on each member it is logged on to). The issuer's own virtual machine on
 * this member does not conflict with itself ("another user" in CP's mode definitions); another
 * instance of the same IDENTITY on another member does.
 *
 * Further rules:
 * - A minidisk with virtual reserve/release (an MDISK mode ending in V) that is not a full pack
 *   can be linked on one member at a time (001 "Cross-System Minidisk Management": "Virtual
 *   reserve/release for fullpack minidisks is supported across members / Only supported on one
 *   member at a time for non-fullpack minidisks"). Full pack: a DEVNO minidisk (000 A.1.1), or an
 *   extent from cylinder 0 to END; the volume sizes are not modelled, so `0 10017` on a 3390-9
 *   is taken as a partial pack.
 * - A link to a cluster-wide minidisk needs a member that can police the cluster: Joined, and
 *   the cluster not in Safe mode, where "new access to shared resources is 'locked down'" (001,
 *   000 §2.4). A member-specific minidisk is checked on its member alone and stays linkable.
 * - Minidisk passwords (PASS=) and an external security manager are not modelled.
 *
 * Responses. The documents print no LINK response, so the texts are plain, in CP's wording
 * style and without message numbers: `DASD 0291 linked R/W to LINUXCMS 0191`; with the
 * alternate access, `DASD 0291 forced R/O; R/W by ITSOLNX2 at ITSOSSI4`; refused,
 * `DASD 0291 not linked; R/W by ITSOLNX2 at ITSOSSI4` and a line with the rule. The return code
 * of a refusal is 8, as the simulator's other plain refusals; a forced R/O link is made (rc 0).
 */
import type { MdiskStatement } from '../config/user-direct';
import {
	LINK_DEFAULT_MODE,
	MDISK_DEFAULT_MODE,
	linkModeOf,
	minidiskOf
} from '../model/guest-definition';
import type { GuestState, LinkMode, MinidiskAccess } from '../model/guest-types';
import { memberDirectory } from '../model/logon';
import type { SimState } from '../sim/state';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { occupies, ownGuest } from './virtual-devices';
import { kw, matches } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;
const VDEV = /^[0-9A-F]{1,4}$/i;
const MODES: readonly LinkMode[] = ['R', 'RR', 'W', 'WR', 'M', 'MR', 'MW'];

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
const rw = (a: MinidiskAccess): string => (a === 'W' ? 'R/W' : 'R/O');

/** `R/W by ITSOLNX2 at ITSOSSI4, R/O by LNXA at ITSOSSI1`. */
const heldBy = (hs: readonly MinidiskHolder[]): string =>
	hs.map((h) => `${rw(h.access)} by ${h.user} at ${h.on}`).join(', ');

/** The rule a refused mode broke, for the line after `not linked`, about `disk` (owner, vdev, where). */
const RULES: Record<RefusableMode, (disk: string) => string> = {
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

/** The operands of LINK, or the CP error for them. */
interface LinkOperands {
	owner: string;
	vdev1: string;
	vdev2: string;
	mode: LinkMode | null;
}

const hex4 = (w: string): string => w.toUpperCase().padStart(4, '0');

function operands(args: readonly string[]): LinkOperands | CommandOutput {
	const a = [...args];
	// "If the keyword TO is omitted, the userid may not be TO or T" (CP's LINK): T and TO are TO.
	if (matches(a[0], kw('To'))) a.shift();
	const user = a.shift();
	const vdev1 = a.shift();
	if (matches(a[0], kw('As'))) a.shift();
	const vdev2 = a.shift();
	const mode = a.shift();
	if (user === undefined || vdev1 === undefined || vdev2 === undefined) return HCP.missingOperand();
	if (user !== '*' && !USERID.test(user)) return HCP.invalidOption(user);
	if (!VDEV.test(vdev1)) return HCP.invalidOption(vdev1);
	if (!VDEV.test(vdev2)) return HCP.invalidOption(vdev2);
	const m = mode === undefined ? null : (MODES.find((x) => x === mode.toUpperCase()) ?? null);
	if (mode !== undefined && m === null) return HCP.invalidOption(mode);
	if (a[0] !== undefined) return HCP.invalidOption(a[0]);
	return { owner: user.toUpperCase(), vdev1: hex4(vdev1), vdev2: hex4(vdev2), mode: m };
}

/** LINK [TO] userid vdev1 [AS] vdev2 [mode] for the issuing guest (see the module comment). */
export function linkCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const op = operands(args);
	if ('lines' in op) return op;
	const g = ownGuest(ctx);
	if ('lines' in g) return g;
	const owner = op.owner === '*' ? g.user : op.owner;
	const notLinked = (...why: string[]) =>
		fail(8, `DASD ${op.vdev2} not linked; ${why[0]}`, ...why.slice(1));
	const directory = memberDirectory(ctx.on.resources);
	const entry = directory?.entries.find((e) => e.userid === owner);
	if (!directory || !entry)
		return fail(
			8,
			`${owner} not in CP directory${directory ? '' : ' (the scenario has no USER DIRECT)'}`
		);
	const disk = minidiskOf(directory, owner, op.vdev1, ctx.on.name);
	if (!disk)
		return notLinked(
			`${owner} has no minidisk ${op.vdev1} in the CP directory${entry.kind === 'IDENTITY' ? ` for ${ctx.on.name}` : ''}`
		);
	if (g.devices.some((d) => occupies(d).includes(op.vdev2)))
		return fail(8, `${g.user} already has a device at ${op.vdev2}`);
	const id: MinidiskId = {
		owner,
		vdev: op.vdev1,
		member: disk.local ? ctx.on.name : null
	};
	const where = disk.local
		? `on ${ctx.on.name} (a member-specific minidisk)`
		: `on any member of SSI cluster ${ctx.state.cluster.name}`;
	if (!disk.local && (ctx.on.state !== 'Joined' || ctx.state.cluster.mode === 'Safe'))
		return notLinked(
			`${ctx.on.name} cannot check the links to ${owner} ${op.vdev1} on the other members (${ctx.on.state !== 'Joined' ? `${ctx.on.name} is ${ctx.on.state}` : 'the cluster is in Safe mode'})`,
			'New access to shared minidisks is locked down until the failure is resolved'
		);
	const others = minidiskHolders(ctx.state, id).filter(
		(h) => !(h.user === g.user && h.on === g.on)
	);
	const reserve = virtualReserveConflict(g, disk.statement, others);
	if (reserve.length > 0)
		return notLinked(
			`${owner} ${op.vdev1} is linked ${heldBy(reserve)}`,
			`${owner} ${op.vdev1} is a non-full-pack minidisk with virtual reserve/release (MDISK mode ${disk.statement.mode}): it can be linked on only one member at a time`
		);
	const mode =
		op.mode ??
		(owner === g.user ? linkModeOf(disk.statement.mode, MDISK_DEFAULT_MODE) : LINK_DEFAULT_MODE);
	const decision = decideLink(mode, others);
	if (!decision.linked)
		return notLinked(
			heldBy(decision.blockers),
			RULES[decision.mode](`${owner} ${op.vdev1} ${where}`)
		);
	g.devices = [
		...g.devices,
		{
			vdev: op.vdev2,
			kind: 'link' as const,
			owner,
			target: op.vdev1,
			local: disk.local,
			mode,
			access: decision.access
		}
	].sort((x, y) => (x.vdev < y.vdev ? -1 : x.vdev > y.vdev ? 1 : 0));
	if (decision.forcedBy.length > 0)
		return ok(`DASD ${op.vdev2} forced R/O; ${heldBy(decision.forcedBy)}`);
	return ok(`DASD ${op.vdev2} linked ${rw(decision.access)} to ${owner} ${op.vdev1}`);
}

/**
 * Holders on other members than the issuer's, when the minidisk has virtual reserve/release
 * (an MDISK mode ending in V) and is not a full pack (001 "Cross-System Minidisk Management").
 */
function virtualReserveConflict(
	g: GuestState,
	m: MdiskStatement,
	others: readonly MinidiskHolder[]
): MinidiskHolder[] {
	if (!m.mode?.endsWith('V') || isFullPack(m)) return [];
	return others.filter((h) => h.on !== g.on);
}
