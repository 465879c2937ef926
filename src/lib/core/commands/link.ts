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
import {
	LINK_DEFAULT_MODE,
	MDISK_DEFAULT_MODE,
	linkModeOf,
	minidiskOf
} from '../model/guest-definition';
import type { LinkMode } from '../model/guest-types';
import { memberDirectory } from '../model/member-directory';
import { checkMinidiskAccess, heldBy, rw } from '../model/minidisk-links';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { occupies, ownGuest } from './virtual-devices';
import { kw, matches } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;
const VDEV = /^[0-9A-F]{1,4}$/i;
const MODES: readonly LinkMode[] = ['R', 'RR', 'W', 'WR', 'M', 'MR', 'MW'];

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
	const mode =
		op.mode ??
		(owner === g.user ? linkModeOf(disk.statement.mode, MDISK_DEFAULT_MODE) : LINK_DEFAULT_MODE);
	const check = checkMinidiskAccess(
		ctx.state,
		g.user,
		ctx.on,
		{ owner, vdev: op.vdev1, statement: disk.statement, local: disk.local },
		mode
	);
	if (!check.ok) return notLinked(...check.why);
	g.devices = [
		...g.devices,
		{
			vdev: op.vdev2,
			kind: 'link' as const,
			owner,
			target: op.vdev1,
			local: disk.local,
			mode,
			access: check.access
		}
	].sort((x, y) => (x.vdev < y.vdev ? -1 : x.vdev > y.vdev ? 1 : 0));
	if (check.forcedBy.length > 0)
		return ok(`DASD ${op.vdev2} forced R/O; ${heldBy(check.forcedBy)}`);
	return ok(`DASD ${op.vdev2} linked ${rw(check.access)} to ${owner} ${op.vdev1}`);
}
