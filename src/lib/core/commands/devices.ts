/**
 * Real device commands of the operator: ATTACH, DETACH and VARY (000 Examples,
 * Responses as the book prints them:
 *
 *     DASD 9A26 DETACHED SYSTEM                                 (at itsossi1 cmd det 9a26 system)
 *     2126 varied offline                                       (vary off 2126-2128)
 *     3 device(s) specified; 3 device(s) successfully varied offline
 *
 * The ATTACH responses are written in the same form (`DASD 9C21 ATTACHED TO SYSTEM SSI6P2`,
 * `OSA 2126 ATTACHED TO ITSOLNX2 0600`); refusals the documents do not show are plain text.
 */
import { realDevice, deviceState } from '../model/member-resources';
import { pagingInUse, pagingVolumeOn, syncPaging } from '../model/paging';
import type { GuestState } from '../model/types';
import type { CommandContext } from './context';
import { deviceClass, hex4, leadingRanges, numbersOf, type DeviceRange } from './device-operands';
import { noDevice } from './query-devices';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { detachVirtual } from './virtual-devices';
import { kw, matches } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;

/** The outcome of a command over several devices: rc 0 when every device went well, else 8. */
const outcome = (lines: string[], failed: boolean): CommandOutput =>
	failed ? fail(8, ...lines) : ok(...lines);

/** Why a real device of this member cannot change hands, or null when it is free and online. */
function unavailable(ctx: CommandContext, rdev: string): string | null {
	const d = realDevice(ctx.on.resources, rdev);
	const head = `${deviceClass(d.type)} ${d.rdev}`;
	if (!d.exists) return noDevice(d.rdev);
	if (!d.online) return `${head} is offline`;
	if (d.owner !== null) return `${head} is already attached to ${d.owner}`;
	return null;
}

/** The guest on this member a real device is dedicated to, and its virtual device. */
function dedicatedTo(ctx: CommandContext, user: string, rdev: string) {
	const guest = ctx.state.cluster.guests.find((g) => g.user === user && g.on === ctx.on.name);
	const dev = guest?.devices.find((d) => d.kind === 'dedicated' && d.rdev === rdev);
	return guest && dev ? { guest, dev } : null;
}

/** Splits `[FROM|TO] target [AS vdev]` after the device numbers. */
function target(
	rest: string[],
	preposition: 'TO' | 'FROM'
): { who: string; as: string | null } | CommandOutput {
	const a = [...rest];
	if (a[0]?.toUpperCase() === preposition) a.shift();
	const who = a.shift();
	if (who === undefined) return HCP.missingOperand();
	if (!USERID.test(who)) return HCP.invalidOption(who);
	let as: string | null = null;
	if (a.length > 0 && matches(a[0], kw('AS'))) {
		a.shift();
		const v = a.shift();
		if (v === undefined) return HCP.missingOperand();
		if (!/^[0-9A-F]{1,4}$/i.test(v)) return HCP.invalidOption(v);
		as = v.toUpperCase().padStart(4, '0');
	}
	if (a.length > 0) return HCP.invalidOption(a[0]!);
	return { who: who.toUpperCase(), as };
}

/**
 * ATTACH rdev[-rdev] [TO] SYSTEM | userid [AS vdev]. To SYSTEM: a DASD volume CP uses; a
 * volume with a PAGE extent adds its pages to the member's paging space at once (000 A.1.8,
 * Example A-25 "Add DASD for paging space"; model/paging.ts). To a user: the guest, logged on
 * to this member, gets the device at `vdev` (default: the real number), counting up for a range.
 */
export function attachCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const parsed = leadingRanges(args);
	if ('lines' in parsed) return parsed;
	const t = target(parsed.rest, 'TO');
	if ('lines' in t) return t;
	if (t.who === 'SYSTEM') {
		if (t.as !== null) return HCP.invalidOption('AS');
		return attachToSystem(ctx, parsed.ranges);
	}
	const guest = ctx.state.cluster.guests.find((g) => g.user === t.who && g.on === ctx.on.name);
	if (!guest) return HCP.notLoggedOn(t.who);
	return attachToGuest(ctx, guest, parsed.ranges, t.as);
}

function attachToSystem(ctx: CommandContext, ranges: DeviceRange[]): CommandOutput {
	const lines: string[] = [];
	let failed = false;
	const res = ctx.on.resources;
	for (const rdev of numbersOf(ranges)) {
		const why = unavailable(ctx, rdev);
		const d = realDevice(res, rdev);
		const refusal =
			why ??
			(deviceClass(d.type) !== 'DASD' || d.volser === null
				? `${deviceClass(d.type)} ${rdev} is not a DASD volume: only volumes are attached to SYSTEM`
				: null);
		if (refusal) {
			lines.push(refusal);
			failed = true;
			continue;
		}
		deviceState(res, rdev).owner = 'SYSTEM';
		lines.push(`DASD ${rdev} ATTACHED TO SYSTEM ${d.volser}`);
	}
	syncPaging(ctx.on);
	return outcome(lines, failed);
}

function attachToGuest(
	ctx: CommandContext,
	guest: GuestState,
	ranges: DeviceRange[],
	as: string | null
): CommandOutput {
	const lines: string[] = [];
	let failed = false;
	const res = ctx.on.resources;
	const numbers = numbersOf(ranges);
	numbers.forEach((rdev, i) => {
		const vdev = as === null ? rdev : hex4(parseInt(as, 16) + i);
		const why =
			unavailable(ctx, rdev) ??
			(parseInt(vdev, 16) > 0xffff
				? `Virtual device ${vdev} is out of range`
				: guest.devices.some((d) => d.vdev === vdev)
					? `${guest.user} already has a device at ${vdev}`
					: null);
		if (why) {
			lines.push(why);
			failed = true;
			return;
		}
		const d = realDevice(res, rdev);
		guest.devices = [
			...guest.devices,
			{ vdev, kind: 'dedicated' as const, rdev, rdevType: d.type, eqid: d.eqid }
		].sort((x, y) => (x.vdev < y.vdev ? -1 : x.vdev > y.vdev ? 1 : 0));
		deviceState(res, rdev).owner = guest.user;
		lines.push(`${deviceClass(d.type)} ${rdev} ATTACHED TO ${guest.user} ${vdev}`);
	});
	return outcome(lines, failed);
}

/**
 * DETACH rdev[-rdev] [FROM] SYSTEM (000 Example A-3: `det 9a26 system` → `DASD 9A26 DETACHED
 * SYSTEM`), DETACH rdev[-rdev] FROM userid, or DETACH vdev ... of the issuer's own virtual
 * machine (virtual-devices.ts). CP keeps a volume it pages to, and a DEVNO minidisk's device
 * while a guest of the member uses the minidisk.
 */
export function detachCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const parsed = leadingRanges(args);
	if ('lines' in parsed) return parsed;
	if (parsed.rest.length === 0) return detachVirtual(ctx, args);
	const t = target(parsed.rest, 'FROM');
	if ('lines' in t) return t;
	if (t.as !== null) return HCP.invalidOption('AS');
	const lines: string[] = [];
	let failed = false;
	for (const rdev of numbersOf(parsed.ranges)) {
		const line =
			t.who === 'SYSTEM' ? detachFromSystem(ctx, rdev) : detachFromUser(ctx, t.who, rdev);
		lines.push(line.text);
		failed ||= !line.ok;
	}
	return outcome(lines, failed);
}

function detachFromSystem(ctx: CommandContext, rdev: string): { ok: boolean; text: string } {
	const res = ctx.on.resources;
	const d = realDevice(res, rdev);
	const head = `${deviceClass(d.type)} ${d.rdev}`;
	if (!d.exists) return { ok: false, text: noDevice(rdev) };
	if (d.owner !== 'SYSTEM') return { ok: false, text: `${head} is not attached to SYSTEM` };
	const volume = pagingVolumeOn(res, rdev);
	if (volume && pagingInUse(res, volume))
		return {
			ok: false,
			text: `${head} is CP-owned paging volume ${volume.volser}: CP pages to it and keeps it`
		};
	const user = ctx.state.cluster.guests.find(
		(g) =>
			g.on === ctx.on.name &&
			g.devices.some((x) => x.kind === 'mdisk' && x.form === 'devno' && x.rdev === rdev)
	);
	if (d.devno && user)
		return { ok: false, text: `${head} is in use by ${user.user} as a DEVNO minidisk` };
	const state = deviceState(res, rdev);
	state.owner = null;
	state.devno = false;
	return { ok: true, text: `${head} DETACHED SYSTEM` };
}

function detachFromUser(
	ctx: CommandContext,
	user: string,
	rdev: string
): { ok: boolean; text: string } {
	const d = realDevice(ctx.on.resources, rdev);
	const head = `${deviceClass(d.type)} ${d.rdev}`;
	if (!d.exists) return { ok: false, text: noDevice(rdev) };
	const found = dedicatedTo(ctx, user, d.rdev);
	if (!found) return { ok: false, text: `${head} is not attached to ${user}` };
	found.guest.devices = found.guest.devices.filter((x) => x !== found.dev);
	deviceState(ctx.on.resources, rdev).owner = null;
	return { ok: true, text: `${head} DETACHED ${user} ${found.dev.vdev}` };
}

/**
 * VARY ONLINE | OFFLINE rdev[-rdev] ... (000 Example; the book's `varv on` is an
 * OCR slip for `vary on`). One line per device, then the count. A device in use (attached to a
 * user or to SYSTEM) is not varied offline: to change its characteristics (SET RDEVICE) it must
 * be free first (000 A.1.5).
 */
export function varyCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const [how, ...rest] = args;
	if (how === undefined) return HCP.missingOperand();
	const online = matches(how, kw('ONline'));
	if (!online && !matches(how, kw('OFFline'))) return HCP.invalidOption(how);
	const parsed = leadingRanges(rest);
	if ('lines' in parsed) return parsed;
	if (parsed.rest.length > 0) return HCP.invalidOption(parsed.rest[0]!);
	const word = online ? 'online' : 'offline';
	const numbers = numbersOf(parsed.ranges);
	const lines: string[] = [];
	let done = 0;
	for (const rdev of numbers) {
		const d = realDevice(ctx.on.resources, rdev);
		if (!d.exists) {
			lines.push(noDevice(rdev));
			continue;
		}
		if (!online && d.owner !== null) {
			lines.push(`${rdev} not varied offline: it is attached to ${d.owner}`);
			continue;
		}
		deviceState(ctx.on.resources, rdev).online = online;
		lines.push(`${rdev} varied ${word}`);
		done++;
	}
	syncPaging(ctx.on);
	lines.push(
		`${numbers.length} device(s) specified; ${done} device(s) successfully varied ${word}`
	);
	return outcome(lines, done < numbers.length);
}
