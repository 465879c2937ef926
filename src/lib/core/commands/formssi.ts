import { formatStamp } from '../sim/time-format';
import type { CommandContext } from './context';
import { fail, ok, type CommandOutput } from './responses';

const line = (prefix: string, label: string, value: string) =>
	`HCPPDF6619I ${prefix.padEnd(10)}${label.padStart(27)}: ${value}`;

/**
 * FORMSSI DISPLAY vdev: the persistent data record as stored on the common volume (000 Example
 * 2-5, 001 "Persistent Data Record"). It shows what each member last wrote, not what peers
 * believe: after an abend the dead member's record still says Joined, with a stale time stamp.
 * The PDR is read through PMAINT's full-pack overlay link 141 (001) or the real device number.
 */
export function formssi(ctx: CommandContext, args: string[]): CommandOutput {
	const [verb, dev] = args;
	if (!verb || verb.toUpperCase() !== 'DISPLAY') {
		return fail(24, `FORMSSI: only DISPLAY is simulated (FORMSSI DISPLAY vdev)`);
	}
	if (!dev)
		return fail(
			24,
			'FORMSSI DISPLAY needs the device number of the common volume, e.g. FORMSSI DISPLAY 141'
		);
	if (args.length > 2) return fail(24, `FORMSSI: unexpected operand ${args[2]}`);
	const c = ctx.state.cluster;
	const wanted = dev.toUpperCase().padStart(4, '0');
	if (wanted !== '0141' && wanted !== c.pdr.rdev) {
		return fail(
			28,
			`FORMSSI: device ${wanted} does not hold the PDR: link the common volume ${c.pdr.volume} (PMAINT 141) first`
		);
	}
	const out = [
		`HCPPDF6618I Persistent Data Record on device ${wanted} (label ${c.pdr.volume}) is for ${c.name}`,
		line('PDR', 'state', c.pdr.locked ? 'Locked' : 'Unlocked'),
		// The header stamp is when a member record last changed, not the latest heartbeat (001 shows it older).
		line('', 'time stamp', formatStamp(c.pdr.stamp)),
		line('', 'cross-system timeouts', c.crossSystemTimeouts ? 'Enabled' : 'Disabled')
	];
	for (const m of [...c.members].sort((a, b) => a.slot - b.slot)) {
		out.push(
			line(`PDR slot ${m.slot}`, 'system', c.slots[m.slot - 1] ?? m.name),
			line('', 'state', m.pdr.state),
			line('', 'time stamp', m.pdr.stamp === null ? '' : formatStamp(m.pdr.stamp)),
			line('', 'last change', m.pdr.lastChange)
		);
	}
	return ok(...out);
}
