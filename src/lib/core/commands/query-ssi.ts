import type { MemberState } from '../model/types';
import { formatStamp } from '../sim/time-format';
import type { CommandContext } from './context';
import { HCP, ok, type CommandOutput } from './responses';

/**
 * QUERY SSI, shaped as 000 Example 2-6 and 2-7: cluster name, mode, cross-system timeouts, PDR
 * device, then one line per slot as the issuing member sees it. A peer that stopped
 * communicating shows as Unknown (000 §2.4.1). A slot that names a system which has not joined
 * (SET SSI SLOT n sysname, 000 App. B) shows that system Down: "not initialized as a member".
 */
export function querySsi(ctx: CommandContext, args: string[] = []): CommandOutput {
	if (args.length > 0) return HCP.invalidOption(args[0]!);
	const { state, on } = ctx;
	const c = state.cluster;
	const lines = [
		`SSI Name: ${c.name}`,
		`SSI Mode: ${c.mode}`,
		`Cross-System Timeouts: ${c.crossSystemTimeouts ? 'Enabled' : 'Disabled'}`,
		`SSI Persistent Data Record (PDR) device: ${c.pdr.volume} on ${c.pdr.rdev}`,
		'SLOT SYSTEMID STATE     PDR HEARTBEAT     RECEIVED HEARTBEAT'
	];
	for (let slot = 1; slot <= 4; slot++) {
		const name = c.slots[slot - 1] ?? null;
		const m = c.members.find((x) => x.slot === slot);
		if (name === null) {
			lines.push(`${String(slot).padStart(4)} -------- Available`);
			continue;
		}
		if (!m) {
			lines.push(`${String(slot).padStart(4)} ${name.padEnd(8)} Down`);
			continue;
		}
		lines.push(`${String(slot).padStart(4)} ${name.padEnd(8)} ${slotText(ctx, on, m)}`);
	}
	return ok(...lines);
}

function slotText(ctx: CommandContext, viewer: MemberState, m: MemberState): string {
	const epoch = ctx.state.epochMs;
	const shown =
		m === viewer ? m.state : viewer.views[m.name] === 'unknown' ? 'Unknown' : m.pdr.state;
	if (shown === 'Down') return `Down${m.pdr.detail ? ` (${m.pdr.detail})` : ''}`;
	const pdr = m.pdr.stamp === null ? '' : formatStamp(m.pdr.stamp);
	const heard =
		m === viewer
			? m.pdr.stamp
			: viewer.received[m.name] == null
				? null
				: epoch + viewer.received[m.name]!;
	const received = heard === null ? '' : formatStamp(heard);
	return `${shown.padEnd(9)} ${pdr.padEnd(17)} ${received}`.trimEnd();
}
