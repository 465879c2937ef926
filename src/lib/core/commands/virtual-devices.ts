/**
 * Commands about the issuer's own virtual machine, which a guest runs when the operator sends
 * them with SEND CP (000 Example A-6: `send cp itsolnx2 det 190 19d 19e` → `ITSOLNX2: 0190
 * 019D 019E DETACHED`): DETACH vdev ... and DEFINE VFB-512 (000 A.1.3, Example A-8); LINK is
 * in link.ts. The operator's own virtual machine is not modelled.
 */
import type { GuestDevice, GuestState } from '../model/types';
import type { CommandContext } from './context';
import { hex4, leadingRanges, numbersOf } from './device-operands';
import { noDevice } from './query-devices';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

/** The issuer's guest on this member, or the error for an issuer the simulator does not model. */
export function ownGuest(ctx: CommandContext): GuestState | CommandOutput {
	const g = ctx.state.cluster.guests.find((x) => x.user === ctx.user && x.on === ctx.on.name);
	if (g) return g;
	return fail(
		8,
		`${ctx.user} has no virtual machine in the simulator: send the command to a guest with SEND CP userid`
	);
}

/** Device numbers a guest device occupies: a NIC its DEVICES count of them (default 3). */
export function occupies(d: GuestDevice): string[] {
	const first = parseInt(d.vdev, 16);
	const count = d.kind === 'nic' ? d.count : 1;
	return Array.from({ length: count }, (_, i) => hex4(first + i));
}

/**
 * DETACH vdev [vdev | vdev-vdev ...]: removes the issuer's virtual devices. The response names
 * those detached on one line (`0190 019D 019E DETACHED`), then each number named alone that the
 * machine has no device at (numbers of a range without a device are passed over). Detaching any device of a NIC detaches the NIC; a dedicated real device is free
 * again on the member.
 */
export function detachVirtual(ctx: CommandContext, args: string[]): CommandOutput {
	const parsed = leadingRanges(args);
	if ('lines' in parsed) return parsed;
	if (parsed.rest.length > 0) return HCP.invalidOption(parsed.rest[0]!);
	const g = ownGuest(ctx);
	if ('lines' in g) return g;
	const detached: string[] = [];
	const missing: string[] = [];
	// A number named alone must have a device; in a range, those with none are passed over.
	const singles = new Set(
		parsed.ranges.filter((r) => r.first === r.last).map((r) => hex4(r.first))
	);
	for (const vdev of numbersOf(parsed.ranges)) {
		const dev = g.devices.find((d) => occupies(d).includes(vdev));
		if (!dev) {
			if (singles.has(vdev) && !detached.includes(vdev)) missing.push(vdev);
			continue;
		}
		g.devices = g.devices.filter((d) => d !== dev);
		g.logicalDevices = g.logicalDevices.filter((v) => v !== dev.vdev);
		if (dev.kind === 'dedicated') {
			const real = ctx.on.resources.devices.find((r) => r.rdev === dev.rdev);
			if (real && real.owner === g.user) real.owner = null;
		}
		detached.push(...occupies(dev).filter((v) => !detached.includes(v)));
	}
	const lines = [
		...(detached.length > 0 ? [`${detached.join(' ')} DETACHED`] : []),
		...missing.map(noDevice)
	];
	return missing.length > 0 ? fail(8, ...lines) : ok(...lines);
}

/** Most blocks DEFINE VFB-512 takes: CP's limit for a virtual disk in storage (2G of 512-byte blocks). */
export const MAX_VFB_BLOCKS = 4_194_296;

/**
 * DEFINE VFB-512 [AS] vdev BLK blocks: a private virtual disk in storage (000 A.1.3: "changing
 * from MDISK V-DISK to COMMAND DEFINE VFB-512 allows the relocation"). Refused when the machine
 * already has a device there, or when its virtual disks would pass the member's `Features Vdisk
 * Userlim` (000 Example 4-1: 144000 blocks).
 */
export function defineVfb(ctx: CommandContext, args: string[]): CommandOutput {
	const a = [...args];
	if (matches(a[0], kw('AS'))) a.shift();
	const [vdevWord, blkWord, countWord, extra] = a;
	if (vdevWord === undefined || blkWord === undefined || countWord === undefined)
		return HCP.missingOperand();
	if (!/^[0-9A-F]{1,4}$/i.test(vdevWord)) return HCP.invalidOption(vdevWord);
	if (!matches(blkWord, kw('BLK'))) return HCP.invalidOption(blkWord);
	if (!/^\d{1,7}$/.test(countWord) || Number(countWord) < 1 || Number(countWord) > MAX_VFB_BLOCKS)
		return HCP.invalidOption(countWord);
	if (extra !== undefined) return HCP.invalidOption(extra);
	const g = ownGuest(ctx);
	if ('lines' in g) return g;
	const vdev = vdevWord.toUpperCase().padStart(4, '0');
	const blocks = Number(countWord);
	if (g.devices.some((d) => occupies(d).includes(vdev)))
		return fail(8, `${g.user} already has a device at ${vdev}`);
	const limit = ctx.on.resources.vdiskUserLimitBlocks;
	const used = g.devices.reduce((n, d) => n + (d.kind === 'vfb512' ? d.blocks : 0), 0);
	if (limit !== null && used + blocks > limit)
		return fail(
			8,
			`Virtual disk ${vdev} of ${blocks} blocks would bring ${g.user} to ${used + blocks} blocks of virtual disk, more than the ${limit} a user may have on ${ctx.on.name}`
		);
	g.devices = [...g.devices, { vdev, kind: 'vfb512' as const, blocks }].sort((x, y) =>
		x.vdev < y.vdev ? -1 : x.vdev > y.vdev ? 1 : 0
	);
	return ok(`DASD ${vdev} DEFINED`);
}
