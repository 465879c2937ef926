/**
 * SET VMRELOCATE and QUERY VMRELOCATE (000 §3.5.3, Example 3-4, A-15): a guest's relocation
 * setting and domain. Output as 000 Example 3-4 prints it:
 *
 *     Running on member ITSOSSI1
 *     Relocation enabled in Domain DOMAINA
 */
import { virtualArchitecture } from '../model/domains';
import type { GuestState } from '../model/types';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;

/** The logged-on guest a VMRELOCATE setting is about: on this member if there, else where it runs. */
function guestOf(ctx: CommandContext, user: string): GuestState | undefined {
	const records = ctx.state.cluster.guests.filter((g) => g.user === user);
	return records.find((g) => g.on === ctx.on.name) ?? records[0];
}

function settingLines(g: GuestState): CommandOutput {
	return ok(
		`Running on member ${g.on}`,
		`Relocation ${g.relocation.enabled ? 'enabled' : 'disabled'} in Domain ${g.relocation.domain}`
	);
}

/** Splits off the optional USER keyword and the user ID. */
function userOperand(args: string[]): { user: string; rest: string[] } | CommandOutput {
	const a = [...args];
	if (a.length >= 2 && a[0]!.toUpperCase() === 'USER') a.shift();
	const user = a.shift();
	if (user === undefined) return HCP.missingOperand();
	if (!USERID.test(user)) return HCP.invalidOption(user);
	return { user: user.toUpperCase(), rest: a };
}

/** QUERY VMRELOCATE [USER] userid (000 Example A-15: `q vmrelo lnxsu12`). */
export function queryVmrelocate(ctx: CommandContext, args: string[]): CommandOutput {
	const u = userOperand(args);
	if ('lines' in u) return u;
	if (u.rest.length > 0) return HCP.invalidOption(u.rest[0]!);
	const g = guestOf(ctx, u.user);
	return g ? settingLines(g) : HCP.notLoggedOn(u.user);
}

/**
 * SET VMRELOCATE [USER] userid [ON|OFF] [DOMain name] (000 Example 3-4, A-15). A new domain
 * changes the guest's virtual architecture at once: the domain's level, less what the member it
 * runs on lacks (000 §3.5.1, §3.5.3). A multiconfiguration virtual machine stays in its
 * single-member domain (001 "Assigning Relocation Domains").
 */
export function setVmrelocate(ctx: CommandContext, args: string[]): CommandOutput {
	const u = userOperand(args);
	if ('lines' in u) return u;
	let enabled: boolean | undefined;
	let domainName: string | undefined;
	const a = u.rest;
	while (a.length > 0) {
		const w = a.shift()!;
		const up = w.toUpperCase();
		if (up === 'ON' || up === 'OFF') enabled = up === 'ON';
		else if (matches(w, kw('DOMain'))) {
			const d = a.shift();
			if (d === undefined) return HCP.missingOperand();
			domainName = d.toUpperCase();
		} else return HCP.invalidOption(w);
	}
	if (enabled === undefined && domainName === undefined) return HCP.missingOperand();
	const g = guestOf(ctx, u.user);
	if (!g) return HCP.notLoggedOn(u.user);
	const c = ctx.state.cluster;
	if (domainName !== undefined) {
		const domain = c.domains.find((d) => d.name === domainName);
		if (!domain) return fail(4, `Relocation domain ${domainName} does not exist`);
		if (g.kind === 'IDENTITY' && domainName !== g.on)
			return fail(
				8,
				`${g.user} is a multiconfiguration virtual machine: its relocation domain is its member ${g.on} and cannot be changed`
			);
		const member = c.members.find((m) => m.name === g.on);
		g.relocation.domain = domain.name;
		if (member) g.architecture = virtualArchitecture(domain, member, c.members);
	}
	if (enabled !== undefined) g.relocation.enabled = enabled;
	return settingLines(g);
}
