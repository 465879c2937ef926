/**
 * QUERY rdev, QUERY rdev ID and QUERY OSA: the state of the member's real devices (000
 * Examples; App. B Table B-1 "QUERY -rdev- ID"). A word of 1-4 hex digits
 * after QUERY is a device number, as in CP (`q 9a26`): a user whose ID is also a hex number is
 * queried with QUERY USERS.
 */
import { knownRdevs, realDevice, type RealDeviceView } from '../model/member-resources';
import type { CommandContext } from './context';
import { leadingRanges, numbersOf } from './device-operands';
import { deviceIdLine, deviceLine, packLines } from './device-lines';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

/** The member's devices among `numbers` that exist, and the numbers that do not. */
function devicesAmong(ctx: CommandContext, numbers: readonly string[]) {
	const views = numbers.map((n) => realDevice(ctx.on.resources, n));
	return { found: views.filter((d) => d.exists), missing: views.filter((d) => !d.exists) };
}

/** The text for a device number the member does not have (the documents show none). */
export const noDevice = (rdev: string): string => `Device ${rdev} does not exist`;

/**
 * QUERY rdev[-rdev] ... [ID]: one description per device in device-number order, short ones
 * (free, offline) four to a line (000 Example A-11: `OSA 2126 FREE , OSA 2127 FREE , OSA 2128
 * FREE`); with ID, the sense ID data and EQID of each (000 Example A-14). A single device the
 * member does not have is an error; in a range, those that exist are shown.
 */
export function queryRdev(ctx: CommandContext, args: string[]): CommandOutput {
	const parsed = leadingRanges(args);
	if ('lines' in parsed) return parsed;
	const [opt, extra] = parsed.rest;
	const id = opt !== undefined && matches(opt, kw('ID'));
	if (opt !== undefined && !id) return HCP.invalidOption(opt);
	if (extra !== undefined) return HCP.invalidOption(extra);
	const numbers = numbersOf(parsed.ranges);
	const { found, missing } = devicesAmong(ctx, numbers);
	if (found.length === 0)
		return fail(
			8,
			...(numbers.length === 1
				? [noDevice(numbers[0]!)]
				: [`No device in ${args.slice(0, parsed.ranges.length).join(' ').toUpperCase()} exists`])
		);
	if (id) return ok(...found.map(deviceIdLine));
	const lines = packLines(found.map((d) => deviceLine(ctx.state, ctx.on, d)));
	// Single device numbers that do not exist are reported; numbers inside ranges are not.
	const singles = new Set(
		parsed.ranges.filter((r) => r.first === r.last).map((r) => numbersOf([r])[0]!)
	);
	const errors = missing.filter((d) => singles.has(d.rdev)).map((d) => noDevice(d.rdev));
	return errors.length > 0 ? fail(8, ...lines, ...errors) : ok(...lines);
}

type OsaState = 'active' | 'system' | 'free' | 'offline';

function osaState(d: RealDeviceView): OsaState {
	if (!d.online) return 'offline';
	if (d.owner === null) return 'free';
	return d.owner === 'SYSTEM' ? 'system' : 'active';
}

const OSA_OPTIONS: { keyword: ReturnType<typeof kw>; states: OsaState[]; none: string }[] = [
	{ keyword: kw('ACTive'), states: ['active'], none: 'No active OSA devices' },
	{
		keyword: kw('ALL'),
		states: ['active', 'system', 'free', 'offline'],
		none: 'No OSA devices'
	},
	{ keyword: kw('FREe'), states: ['free'], none: 'No free OSA devices' },
	{ keyword: kw('OFFline'), states: ['offline'], none: 'No offline OSA devices' },
	{ keyword: kw('SYStem'), states: ['system'], none: 'No OSA devices are reserved for the system' }
];

/**
 * QUERY OSA [ACTIVE | ALL | FREE | OFFLINE | SYSTEM]: the member's OSA devices (and
 * HiperSockets, which CP counts as OSA devices). ACTIVE, the default, lists the devices in use
 * by a user: 000 Example A-11 shows 2120-2125 and not 2126-2128, which `q 2126-2128` shows
 * FREE. ALL lists active, system, free and offline devices in that order. One line per device
 * in use, `OSA 2120 ATTACHED TO TCPIP 2120 DEVTYPE OSA CHPID 0C OSD` (the book's tables,
 * whose columns the OCR split, read back one device a line).
 */
export function queryOsa(ctx: CommandContext, args: string[]): CommandOutput {
	const [word, extra] = args;
	if (extra !== undefined) return HCP.invalidOption(extra);
	const opt =
		word === undefined ? OSA_OPTIONS[0]! : OSA_OPTIONS.find((o) => matches(word, o.keyword));
	if (!opt) return HCP.invalidOption(word!);
	const res = ctx.on.resources;
	const osas = knownRdevs(res)
		.map((n) => realDevice(res, n))
		.filter((d) => d.type === 'OSA' || d.type === 'HIPERSOCKETS');
	// Each state is its own group, as though each QUERY OSA state had been typed in turn.
	const lines = opt.states.flatMap((s) =>
		packLines(osas.filter((x) => osaState(x) === s).map((d) => deviceLine(ctx.state, ctx.on, d)))
	);
	return lines.length === 0 ? ok(opt.none) : ok(...lines);
}
