import { sortDomains } from '../model/domains';
import { record } from '../sim/kernel';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

const NAME = /^[A-Z0-9@#$]{1,8}$/;

/**
 * QUERY RELODOMAIN [ALL | domain | MEMBER sysname], shaped as 000 Example 3-3:
 * `DOMAIN DOMAINA MEMBERS: ITSOSSI1 ITSOSSI2`, alphabetical. With no operand, ALL.
 */
export function queryRelodomain(ctx: CommandContext, args: string[]): CommandOutput {
	const c = ctx.state.cluster;
	let list = sortDomains(c.domains);
	const [first, second, extra] = args.map((a) => a.toUpperCase());
	if (extra !== undefined) return HCP.invalidOption(extra);
	if (first === undefined || first === 'ALL') {
		if (second !== undefined) return HCP.invalidOption(second);
	} else if (matches(first, kw('MEMber'))) {
		if (second === undefined) return HCP.missingOperand();
		if (!c.members.some((m) => m.name === second))
			return fail(4, `${second} is not a member of SSI cluster ${c.name}`);
		list = list.filter((d) => d.members.includes(second));
	} else {
		if (second !== undefined) return HCP.invalidOption(second);
		list = list.filter((d) => d.name === first);
		if (list.length === 0) return fail(4, `Relocation domain ${first} does not exist`);
	}
	return ok(...list.map((d) => `DOMAIN ${d.name.padEnd(8)} MEMBERS: ${d.members.join(' ')}`));
}

/**
 * DEFINE RELODOMAIN name MEMBERs m1 m2 … (000 Example 3-1): defines a domain or adds members to
 * an existing user domain; CP's own domains (SSI and each member) cannot be changed (000
 * §3.5.1). A cluster-wide definition is refused while the cluster is not Stable: in Safe mode
 * new access to shared resources is locked down, in Influx cross-system functions are
 * suspended (000 §2.4.2).
 */
export function defineRelodomain(ctx: CommandContext, args: string[]): CommandOutput {
	const c = ctx.state.cluster;
	const [rawName, memberKw, ...rest] = args;
	if (!rawName || !memberKw || !matches(memberKw, kw('MEMbers')) || rest.length === 0) {
		return fail(
			26,
			'HCPCMD026E Operand missing or invalid',
			'Usage: DEFINE RELODOMAIN name MEMBERS sysname [sysname ...]'
		);
	}
	const name = rawName.toUpperCase();
	if (!NAME.test(name))
		return fail(
			26,
			`HCPCMD026E Operand missing or invalid: domain name ${rawName} must be 1-8 letters, digits, @, # or $`
		);
	if (c.mode !== 'Stable') {
		return fail(
			8,
			`Relocation domain ${name} not defined: the SSI cluster is in ${c.mode} mode; ${c.mode === 'Safe' ? 'new access to shared resources is locked down until the failure is resolved' : 'cross-system functions are suspended while members join or leave'} (000 §2.4.2)`
		);
	}
	const existing = c.domains.find((d) => d.name === name);
	if (existing?.implicit)
		return fail(4, `Relocation domain ${name} is defined by CP and cannot be changed (000 §3.5.1)`);
	const members: string[] = [];
	for (const raw of rest) {
		const m = raw.toUpperCase();
		if (!c.members.some((x) => x.name === m))
			return fail(4, `${m} is not a member of SSI cluster ${c.name}`);
		if (!members.includes(m)) members.push(m);
	}
	const all = existing
		? [...existing.members, ...members.filter((m) => !existing.members.includes(m))]
		: members;
	const ordered = c.members
		.filter((m) => all.includes(m.name))
		.sort((a, b) => a.slot - b.slot)
		.map((m) => m.name);
	if (existing) existing.members = ordered;
	else c.domains.push({ name, members: ordered, implicit: false });
	record(ctx.state, { kind: 'domain.defined', name, members: ordered });
	return ok();
}
