import { ipl, shutdown } from '../model/cluster-dynamics';
import { record } from '../sim/kernel';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

/**
 * SHUTDOWN [REIPL] of the member the command runs on: the member goes Leaving, then Down
 * (000 §2.4: "A member leaves the cluster when it shuts down"). Responses as 000 Example 4-3;
 * through AT the SYSTEM SHUTDOWN STARTED line appears only on the target's own console.
 */
export function shutdownCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const [opt, extra] = args;
	if (extra !== undefined) return HCP.invalidOption(extra);
	if (opt !== undefined && !matches(opt, kw('REIPL'))) return HCP.invalidOption(opt);
	const err = shutdown(ctx.state, ctx.on, opt !== undefined);
	if (err) return fail(8, err);
	const notice = `HCPSHU960I System shutdown may be delayed for up to ${ctx.state.params.shutdownSignalSeconds} seconds`;
	return ctx.viaAt ? ok(notice) : ok('SYSTEM SHUTDOWN STARTED', notice);
}

/**
 * IPL typed at the console of a member that is down: the simulator's stand-in for the HMC
 * Load. The member joins the cluster (000 §2.4: "joins the cluster when you IPL the system"),
 * or is Isolated when its configuration is not compatible.
 */
export function iplCommand(ctx: CommandContext, args: string[]): CommandOutput {
	if (args.length > 0) return HCP.invalidOption(args[0]!);
	const err = ipl(ctx.state, ctx.on);
	if (err) return fail(8, err);
	const m = ctx.on;
	return m.state === 'Isolated'
		? fail(
				8,
				`z/VM IPL of ${m.name}: cannot join SSI cluster ${ctx.state.cluster.name} (${m.detail}); the member is Isolated`
			)
		: ok(`z/VM IPL of ${m.name} started: joining SSI cluster ${ctx.state.cluster.name}`);
}

/**
 * SET SSI SLOT n sysname|AVAILABLE: changes an entry of the SSI member list (000 App. B). Only a
 * slot whose member is Down can change, and a system may hold one slot only.
 */
export function setSsi(ctx: CommandContext, args: string[]): CommandOutput {
	const c = ctx.state.cluster;
	const [slotKw, n, name, extra] = args;
	if (!matches(slotKw, kw('SLOT')) || n === undefined || name === undefined) {
		return fail(
			26,
			'HCPCMD026E Operand missing or invalid',
			'Usage: SET SSI SLOT n sysname|AVAILABLE'
		);
	}
	if (extra !== undefined) return HCP.invalidOption(extra);
	const slot = Number(n);
	if (!Number.isInteger(slot) || slot < 1 || slot > 4)
		return fail(26, `HCPCMD026E Operand missing or invalid: slot ${n} must be 1-4`);
	const to = name.toUpperCase() === 'AVAILABLE' ? null : name.toUpperCase();
	if (to !== null && !/^[A-Z0-9@#$]{1,8}$/.test(to))
		return fail(
			26,
			`HCPCMD026E Operand missing or invalid: system name ${name} must be 1-8 characters`
		);
	const from = c.slots[slot - 1] ?? null;
	const occupant = c.members.find((m) => m.slot === slot);
	if (occupant && occupant.state !== 'Down') {
		return fail(
			8,
			`Slot ${slot} cannot change: its member ${occupant.name} is ${occupant.state}; shut it down first`
		);
	}
	if (to !== null && c.slots.some((s, i) => s === to && i !== slot - 1)) {
		return fail(8, `${to} is already in slot ${c.slots.indexOf(to) + 1} of the SSI member list`);
	}
	c.slots[slot - 1] = to;
	record(ctx.state, { kind: 'slot.changed', slot, from, to });
	return ok();
}
