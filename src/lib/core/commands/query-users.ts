import type { GuestState } from '../model/types';
import type { CommandContext } from './context';
import { HCP, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

const status = (g: GuestState) => (g.status === 'disconnected' ? '- DSC' : '-L0003');

/**
 * QUERY userid [AT ALL | AT sysname]. With AT ALL, one line per member the user is logged on
 * to, `GDLLCPX3 : LGRLIN21 - DSC` as in 001 ("Starting and Managing a Live Guest Relocation").
 * A single-configuration user is on one member at most; an IDENTITY may be on several
 * (000 §2.2.4).
 */
export function queryUser(ctx: CommandContext, user: string, args: string[]): CommandOutput {
	const id = user.toUpperCase();
	const guests = ctx.state.cluster.guests.filter((g) => g.user === id);
	if (args.length === 0) {
		const here = guests.find((g) => g.on === ctx.on.name);
		// Without AT, this member only: a user logged on elsewhere is found with AT ALL (000 App. B).
		return here ? ok(`${id} ${status(here)}`) : HCP.notLoggedOn(id);
	}
	const [at, where, extra] = args.map((a) => a.toUpperCase());
	if (!matches(at, kw('AT'))) return HCP.invalidOption(args[0]!);
	if (where === undefined) return HCP.missingOperand();
	if (extra !== undefined) return HCP.invalidOption(extra);
	const members = ctx.state.cluster.members.filter((m) => m.state !== 'Down');
	const scope = where === 'ALL' ? members.map((m) => m.name) : [where];
	const found = guests.filter((g) => scope.includes(g.on));
	if (found.length === 0) return HCP.notLoggedOn(id);
	return ok(...found.map((g) => `${g.on} : ${id} ${status(g)}`));
}

/**
 * QUERY USERS userid [AT sysname | AT ALL]: the same as QUERY userid (000 Example:
 * `q user itsolnx2 at all`, `query user vmlogs at all`).
 */
export function queryUsers(ctx: CommandContext, [user, ...rest]: string[]): CommandOutput {
	if (user === undefined) return HCP.missingOperand();
	if (!/^[A-Za-z0-9@#$]{1,8}$/.test(user)) return HCP.invalidOption(user);
	return queryUser(ctx, user, rest);
}

/**
 * QUERY NAMES: users on this member, then users logged on to other members of the cluster,
 * marked `- SSI` (the z/VM 6.2 form; 000 App. B: "updated to show users that are logged on
 * elsewhere in the SSI cluster"). Four entries a line, separated by ` , ` as CP prints them.
 */
export function queryNames(ctx: CommandContext, args: string[]): CommandOutput {
	if (args.length > 0) return HCP.invalidOption(args[0]!);
	const local = ctx.state.cluster.guests.filter((g) => g.on === ctx.on.name);
	const remote = ctx.state.cluster.guests.filter(
		(g) => g.on !== ctx.on.name && !local.some((l) => l.user === g.user)
	);
	const entries = [
		...local.map((g) => `${g.user.padEnd(8)} ${status(g)}`),
		`${ctx.user.padEnd(8)} - SYSC`,
		...[...new Set(remote.map((g) => g.user))].map((u) => `${u.padEnd(8)} - SSI`)
	];
	const lines: string[] = [];
	for (let i = 0; i < entries.length; i += 4) lines.push(entries.slice(i, i + 4).join(' , '));
	return ok(...lines);
}
