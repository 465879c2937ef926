/**
 * What happens to the guest itself when it resumes on the destination: its dedicated devices
 * are re-attached to their equivalents by EQID (000 App. A.1.5: "2126 in ITSOSSI4 was changed to
 * 2106 in ITSOSSI3"), its record moves to the destination, and Linux re-establishes its network
 * connections, which its console shows (000 App. A.4, Example A-32).
 */
import { record } from '../../sim/kernel';
import type { SimState } from '../../sim/state';
import { attachDevice } from '../member-resources';
import type { GuestDevice, GuestState, MemberState } from '../types';
import { LGR_LINES } from './messages';
import { equivalentDevices } from './rules-devices';

/** Network device types Linux drives with qeth (000 A.4: OSA; A.1.5 note: HiperSockets alike). */
const QETH_TYPES = ['OSA', 'HIPERSOCKETS'];

const busId = (vdev: number): string => `0.0.${vdev.toString(16).padStart(4, '0')}`;

/**
 * The first device of each qeth group (read, write, data) of a guest: each NIC on a QDIO or
 * HiperSockets LAN, and dedicated OSA or HiperSockets devices taken three at a time in
 * device-number order (000 Example A-12: DEDICATE 0600-0602 stand for NICDEF 0600).
 */
export function qethGroups(devices: readonly GuestDevice[]): number[] {
	const out: number[] = [];
	for (const d of devices)
		if (d.kind === 'nic' && (d.nicType === null || /^(QDIO|HIPERS)/.test(d.nicType)))
			out.push(parseInt(d.vdev, 16));
	const dedicated = devices
		.filter((d) => d.kind === 'dedicated' && d.rdevType !== null && QETH_TYPES.includes(d.rdevType))
		.map((d) => parseInt(d.vdev, 16))
		.sort((a, b) => a - b);
	for (let i = 0; i < dedicated.length; i += 3) out.push(dedicated[i]!);
	return out.sort((a, b) => a - b);
}

/**
 * The guest's console after the move, as 000 Example A-32 shows it (the observer's `ITSOLNX2: `
 * prefix left off): CP's notice, then for each qeth group the recovery messages. The book
 * prints the driver as "geth" in two places, an OCR slip for the "qeth" of the lines around
 * them; its last, truncated line (`qeth.736dae:`) is left out.
 */
export function qethRecoveryLines(
	user: string,
	from: string,
	to: string,
	devices: readonly GuestDevice[]
): string[] {
	const lines = [LGR_LINES.relocated(user, from, to)];
	for (const v of qethGroups(devices)) {
		lines.push(
			`qeth.3acf0c: ${busId(v)}: The qeth device driver failed to recover an error on the device`,
			'qeth: irb 00000000: 00 c2 40 17 7f f6 10 38 0e 02 00 00 00 80 00 00 ......8...',
			`qeth.fd0b7c: ${busId(v)}: A recovery process has been started for the device`,
			`qdio: ${busId(v + 2)} OSA on SC 2 using AI:1 QEBSM:0 PCI:1 TDD:1 SIGA:RW AO`
		);
	}
	return lines;
}

/**
 * Moves the guest's record from `source` to `destination` once its memory and state are there
 * (the source's copy is stale from now on): each dedicated device is detached on the source and
 * its equivalent (same EQID, online, free; the same number for a device without an EQID type)
 * attached on the destination, and the guest's device now names it.
 */
export function moveToDestination(
	state: SimState,
	guest: GuestState,
	source: MemberState,
	destination: MemberState
): void {
	const picks = equivalentDevices(guest, destination);
	guest.devices = guest.devices.map((d) => {
		if (d.kind !== 'dedicated') return d;
		const to = picks.get(d.vdev) ?? null;
		const held = source.resources.devices.find((x) => x.rdev === d.rdev);
		if (held && held.owner === guest.user) held.owner = null;
		if (to === null) return d;
		attachDevice(destination.resources, to, guest.user);
		record(state, {
			kind: 'guest.device',
			user: guest.user,
			vdev: d.vdev,
			from: d.rdev,
			to,
			on: destination.name
		});
		return { ...d, rdev: to };
	});
	guest.on = destination.name;
}

/** The guest runs on the destination: what its console shows, logged and returned. */
export function guestResumed(state: SimState, guest: GuestState, source: string): string[] {
	const lines = qethRecoveryLines(guest.user, source, guest.on, guest.devices);
	for (const text of lines)
		record(state, { kind: 'guest.console', user: guest.user, on: guest.on, text });
	return lines;
}
