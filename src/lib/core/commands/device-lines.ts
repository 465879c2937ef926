/**
 * How CP describes a real device in QUERY rdev and QUERY OSA (000 Examples A-3, A-11, A-13,
 * A-14). The forms the book prints:
 *
 *     DASD 9A26 CP SYSTEM DEVNO                                (a DEVNO minidisk's device)
 *     DASD 9A26 CP SYSTEM US9A26 0                             (attached to SYSTEM, 0 links)
 *     DASD 9A26 US9A26                                         (free)
 *     OSA 2126 FREE , OSA 2127 FREE , OSA 2128 FREE            (free, several to a line)
 *     OSA 2120 ATTACHED TO TCPIP    2120 DEVTYPE OSA CHPID 0C OSD
 *     OSA 2126 1732-01 CU: 1731-01 2126 EQID: OSA1SET1         (QUERY rdev ID)
 *
 * The book's `CHPID OC` is an OCR slip for the hex CHPID 0C (the same OCR prints "O RDEV(s)
 * created" for 0 and "O601" for 0601). Forms the documents do not show are written in the
 * same style: `OSA 2126 OFFLINE`, `DASD 9E2F CP OWNED SSI6P1 0` for a CP-owned paging volume,
 * `DASD 0200 ATTACHED TO LINUX1   0200 R/W VOL001` for a DASD dedicated to a guest.
 */
import { pagingVolumeOn } from '../model/paging';
import type { RealDeviceView } from '../model/member-resources';
import type { MemberState } from '../model/types';
import type { SimState } from '../sim/state';
import { NETWORK_DEVTYPES, deviceClass } from './device-operands';

/** Sense ID data CP knows per device type: device and control unit (000 Example A-14). */
const SENSE_ID: Record<string, { device: string; controlUnit: string }> = {
	OSA: { device: '1732-01', controlUnit: '1731-01' }
};

/** A device's description, and whether it is short enough to share a line with others. */
export interface DeviceLine {
	text: string;
	short: boolean;
}

/** What the member's state record of a device adds to its view: the owner's vdev and the CHPID. */
function recordOf(m: MemberState, rdev: string): { vdev: string | null; chpid: string | null } {
	const r = m.resources.devices.find((x) => x.rdev === rdev);
	return { vdev: r?.vdev ?? null, chpid: r?.chpid ?? null };
}

/** The guest's virtual device number for a real device dedicated to it, else the device's own. */
function ownerVdev(state: SimState, m: MemberState, d: RealDeviceView): string {
	const guest = state.cluster.guests.find((g) => g.user === d.owner && g.on === m.name);
	const dev = guest?.devices.find((x) => x.kind === 'dedicated' && x.rdev === d.rdev);
	return dev?.vdev ?? recordOf(m, d.rdev).vdev ?? d.rdev;
}

/** Minidisks of the member's guests on a volume: the link count of `CP SYSTEM volser n`. */
function links(state: SimState, m: MemberState, volser: string | null): number {
	if (volser === null) return 0;
	return state.cluster.guests
		.filter((g) => g.on === m.name)
		.reduce(
			(n, g) =>
				n +
				g.devices.filter((x) => x.kind === 'mdisk' && x.form === 'extent' && x.volid === volser)
					.length,
			0
		);
}

/** What QUERY rdev prints for a device of member `m`. */
export function deviceLine(state: SimState, m: MemberState, d: RealDeviceView): DeviceLine {
	const cls = deviceClass(d.type);
	const head = `${cls} ${d.rdev}`;
	if (!d.online) return { text: `${head} OFFLINE`, short: true };
	if (d.owner === null)
		return {
			text: cls === 'DASD' && d.volser !== null ? `${head} ${d.volser}` : `${head} FREE`,
			short: true
		};
	if (d.owner === 'SYSTEM') {
		if (cls !== 'DASD') return { text: `${head} ATTACHED TO SYSTEM`, short: false };
		if (d.devno) return { text: `${head} CP SYSTEM DEVNO`, short: false };
		const owned = pagingVolumeOn(m.resources, d.rdev) ? 'CP OWNED' : 'CP SYSTEM';
		const vol = d.volser === null ? '' : `${d.volser} `;
		return { text: `${head} ${owned} ${vol}${links(state, m, d.volser)}`, short: false };
	}
	const to = `${head} ATTACHED TO ${d.owner.padEnd(8)} ${ownerVdev(state, m, d)}`;
	const net = d.type === null ? undefined : NETWORK_DEVTYPES[d.type];
	if (net) {
		const chpid = recordOf(m, d.rdev).chpid;
		return {
			text: `${to} DEVTYPE ${net.devtype}${chpid === null ? '' : ` CHPID ${chpid} ${net.chpidType}`}`,
			short: false
		};
	}
	if (cls === 'DASD')
		return { text: `${to} R/W${d.volser === null ? '' : ` ${d.volser}`}`, short: false };
	return { text: to, short: false };
}

/** What QUERY rdev ID prints: sense ID data when known, and the EQID when the device has one. */
export function deviceIdLine(d: RealDeviceView): string {
	const sense = d.type === null ? undefined : SENSE_ID[d.type];
	const id = sense
		? ` ${sense.device} CU: ${sense.controlUnit} ${d.rdev}`
		: d.type === null
			? ''
			: ` ${d.type}`;
	return `${deviceClass(d.type)} ${d.rdev}${id}${d.eqid === null ? '' : ` EQID: ${d.eqid}`}`;
}

/** Lines of device descriptions: short ones four to a line, joined by ` , ` as CP packs them. */
export function packLines(entries: readonly DeviceLine[]): string[] {
	const out: string[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.length > 0) out.push(run.join(' , '));
		run = [];
	};
	for (const e of entries) {
		if (!e.short) {
			flush();
			out.push(e.text);
			continue;
		}
		run.push(e.text);
		if (run.length === 4) flush();
	}
	flush();
	return out;
}
