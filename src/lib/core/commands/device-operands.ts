/**
 * Device operands of the CP device commands: real device numbers and ranges (`9a26`,
 * `2126-2128`, 000 Examples ), as 1-4 hex digits, and the device's class as CP names
 * it in its responses (`DASD 9A26 ...`, `OSA 2126 ...`).
 */
import { HCP, type CommandOutput } from './responses';

/** A range of device numbers, inclusive, as numbers. */
export interface DeviceRange {
	first: number;
	last: number;
}

const RANGE = /^([0-9A-F]{1,4})(?:-([0-9A-F]{1,4}))?$/i;

/** Four upper-case hex digits. */
export const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** Whether a word is a device number or range (so QUERY takes it as `rdev`, not a user ID). */
export const isDeviceWord = (w: string): boolean => RANGE.test(w);

/** A device number or range, or null when the word is not one (or the range runs backwards). */
export function deviceRange(word: string): DeviceRange | null {
	const m = RANGE.exec(word);
	if (!m) return null;
	const first = parseInt(m[1]!, 16);
	const last = parseInt(m[2] ?? m[1]!, 16);
	return first <= last ? { first, last } : null;
}

/** The device numbers of some ranges, in the order given. */
export function numbersOf(ranges: readonly DeviceRange[]): string[] {
	const out: string[] = [];
	for (const r of ranges) for (let v = r.first; v <= r.last; v++) out.push(hex4(v));
	return out;
}

/**
 * Leading device words of `args`: the ranges, and the words after them. The first word that is
 * not a device number ends the list. Errors: no device word (HCPCMD026E), or one that looks
 * like a range but runs backwards (HCPCMD003E).
 */
export function leadingRanges(
	args: readonly string[]
): { ranges: DeviceRange[]; rest: string[] } | CommandOutput {
	const ranges: DeviceRange[] = [];
	let i = 0;
	for (; i < args.length && isDeviceWord(args[i]!); i++) {
		const r = deviceRange(args[i]!);
		if (!r) return HCP.invalidOption(args[i]!);
		ranges.push(r);
	}
	if (ranges.length === 0)
		return args[0] === undefined ? HCP.missingOperand() : HCP.invalidOption(args[0]);
	return { ranges, rest: args.slice(i) };
}

/** DASD device types the scenarios use (3390 volumes, 000 Examples 4-1, A-1, A-23). */
const DASD_TYPES = ['3390', '3380', '9336', 'FB-512', '3375', '9345', 'DASD'];

/** The class CP prints first in a device response: DASD, OSA, FCP, CTCA, or the type itself. */
export function deviceClass(type: string | null): string {
	if (type === null) return 'DEV';
	if (DASD_TYPES.includes(type)) return 'DASD';
	if (type === 'HIPERSOCKETS') return 'OSA';
	if (type === 'CTC') return 'CTCA';
	return type;
}

/** Network devices QUERY OSA lists, with the DEVTYPE and channel-path type it prints. */
export const NETWORK_DEVTYPES: Record<string, { devtype: string; chpidType: string }> = {
	// 000 Example: OSA-Express in QDIO mode, channel-path type OSD.
	OSA: { devtype: 'OSA', chpidType: 'OSD' },
	// HiperSockets are OSA-class devices on an IQD channel path (000 A.1.5 note).
	HIPERSOCKETS: { devtype: 'HIPER', chpidType: 'IQD' }
};
