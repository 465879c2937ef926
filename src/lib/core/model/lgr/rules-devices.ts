/**
 * Rules about the guest's devices (HCPRLI messages), listed in device-number order: devices are
 * not moved, so each must exist, equivalent and available, on the destination (000 §3.2, §3.3,
 * §3.6.2, §3.7, App. A.1.1-A.1.5; 001 "Networks", "Networks – Virtual Switches").
 */
import type { GuestDevice, GuestState, MemberState } from '../types';
import { devicesWithEqid, realDevice } from '../member-resources';
import { HCPRL } from './messages';
import { numbered, textOnly, type RuleMeta } from './reason';
import type { EligibilityRule, Reason, RuleContext } from './rule-types';

const meta = (rule: RuleMeta['rule'], section: string): RuleMeta => ({
	rule,
	group: 'device',
	section
});

const LOGICAL = meta('logical-device', '000 §3.7, Example 3-7');
const VDISK = meta('vdisk-mdisk', '000 A.1.3');
const DEVNO = meta('devno-mdisk', '000 A.1.1');
const TDISK = meta('tdisk', '000 §3.7; Example 4-1 (member-specific TDISK volumes)');
const VOLUME = meta('mdisk-volume', '000 §3.7 (device state conditions)');
const LOCAL = meta('local-minidisk', '000 §3.7, A.1.2, A.1.4');
const EQID = meta('dedicated-eqid', '000 §3.6.2, §3.7, A.1.5');
const EQUIV = meta('dedicated-equivalent', '000 §3.7, A.1.5; 001 Networks');
const SAME = meta('dedicated-same-address', '000 §3.3');
const GUEST_LAN = meta('nic-guest-lan', '000 §3.3');
const VSWITCH = meta('nic-vswitch', '000 §3.6.2; 001 Networks – Virtual Switches');

/** Real device types CP relates by EQID across members (000 §3.7: FCP, OSA, HiperSockets, CTC). */
export const EQID_TYPES = ['OSA', 'HIPERSOCKETS', 'FCP', 'CTC'];
/** The network devices of HCPRLI1982I (000 A.1.5: "real network device"). */
const NETWORK_TYPES = ['OSA', 'HIPERSOCKETS'];

type Dedicated = Extract<GuestDevice, { kind: 'dedicated' }>;

/** Whether CP relates a dedicated device to the destination's by EQID rather than by address. */
function byEqid(d: Dedicated): boolean {
	return d.rdevType !== null && EQID_TYPES.includes(d.rdevType);
}

/**
 * The destination device each dedicated device of the guest would be attached to: one with
 * the same EQID and type, online and free, lowest number first, each used once (000 A.1.5:
 * 2126 on ITSOSSI4 became 2106 on ITSOSSI3); for other devices the same real device number.
 * A device with no equivalent maps to null. The relocation engine uses the same mapping.
 */
export function equivalentDevices(
	guest: Pick<GuestState, 'devices'>,
	destination: MemberState
): Map<string, string | null> {
	const out = new Map<string, string | null>();
	const taken = new Set<string>();
	for (const d of guest.devices) {
		if (d.kind !== 'dedicated') continue;
		let pick: string | null = null;
		if (byEqid(d)) {
			if (d.eqid !== null) {
				pick =
					devicesWithEqid(destination.resources, d.eqid).find(
						(c) =>
							c.online &&
							c.owner === null &&
							!taken.has(c.rdev) &&
							(c.type === null || c.type === d.rdevType)
					)?.rdev ?? null;
			}
		} else {
			const r = realDevice(destination.resources, d.rdev);
			pick = r.exists && r.online && r.owner === null && !taken.has(r.rdev) ? r.rdev : null;
		}
		if (pick) taken.add(pick);
		out.set(d.vdev, pick);
	}
	return out;
}

function mdiskReasons(d: Extract<GuestDevice, { kind: 'mdisk' }>, dest: MemberState): Reason[] {
	switch (d.form) {
		case 'vdisk':
			return [numbered(VDISK, HCPRL.shareableVdisk(d.vdev), d.vdev)];
		case 'devno': {
			// The destination's device must be free, or already a DEVNO minidisk (000 A.1.1, Example A-3).
			const r = realDevice(dest.resources, d.rdev!);
			const fine = r.exists && r.online && (r.owner === null || r.devno);
			return fine ? [] : [numbered(DEVNO, HCPRL.devnoMinidisk(d.vdev, r.rdev, r.rdev), d.vdev)];
		}
		case 'tdisk':
			return [
				textOnly(
					TDISK,
					`Virtual machine device ${d.vdev} is a temporary disk (T-DISK) on a volume of the source system`,
					d.vdev
				)
			];
		case 'extent': {
			// A volume the scenario does not list is taken as attached to SYSTEM on every member.
			const vol = dest.resources.devices.find((x) => x.volser === d.volid);
			return vol && (vol.owner !== 'SYSTEM' || !vol.online)
				? [
						textOnly(
							VOLUME,
							`Virtual machine device ${d.vdev} is a minidisk on volume ${d.volid}, which is not attached to the destination system`,
							d.vdev
						)
					]
				: [];
		}
		default:
			return [];
	}
}

function dedicatedReasons(d: Dedicated, picked: string | null | undefined): Reason[] {
	if (byEqid(d) && d.eqid === null) {
		return NETWORK_TYPES.includes(d.rdevType!)
			? [numbered(EQID, HCPRL.networkDeviceEqid(d.rdev), d.vdev)]
			: [
					textOnly(
						EQID,
						`Source system real ${d.rdevType} device ${d.rdev} requires an EQID to be assigned`,
						d.vdev
					)
				];
	}
	if (picked) return [];
	return byEqid(d)
		? [
				textOnly(
					EQUIV,
					`Virtual machine device ${d.vdev} is real device ${d.rdev} with EQID ${d.eqid}, and the destination system has no available device with that EQID`,
					d.vdev
				)
			]
		: [
				textOnly(
					SAME,
					`Virtual machine device ${d.vdev} is dedicated real device ${d.rdev}, which is not available on the destination system`,
					d.vdev
				)
			];
}

function nicReasons(
	d: Extract<GuestDevice, { kind: 'nic' }>,
	source: MemberState,
	dest: MemberState
): Reason[] {
	if (d.lanOwner === null) return [];
	if (d.vswitch === null)
		return [
			textOnly(
				GUEST_LAN,
				`Virtual machine device ${d.vdev} is coupled to guest LAN ${d.lanOwner} ${d.lan}; only NICs coupled to virtual switches relocate`,
				d.vdev
			)
		];
	const from = source.resources.vswitches.find((v) => v.name === d.vswitch);
	// A NIC naming a virtual switch its member does not define is left uncoupled at logon.
	if (!from) return [];
	const to = dest.resources.vswitches.find((v) => v.name === d.vswitch);
	const say = (why: string) =>
		textOnly(
			VSWITCH,
			`Virtual machine device ${d.vdev} is coupled to virtual switch ${d.vswitch}, ${why}`,
			d.vdev
		);
	if (!to) return [say('which is not defined on the destination system')];
	if (to.type !== from.type)
		return [say(`which is ${from.type} on this system but ${to.type} on the destination system`)];
	if (to.vlan !== from.vlan) return [say('whose VLAN settings differ on the destination system')];
	const eq = (m: MemberState, rdevs: string[]) =>
		rdevs.map((r) => realDevice(m.resources, r)).filter((r) => r.online && r.eqid !== null);
	const ours = eq(source, from.uplinks).map((r) => r.eqid);
	const theirs = eq(dest, to.uplinks).map((r) => r.eqid);
	if (!ours.some((e) => theirs.includes(e)))
		return [
			say('which has no operational uplink port with a matching EQID on the destination system')
		];
	return [];
}

/** All device reasons of a guest, in device-number order. */
function deviceReasons({ guest, source, destination }: RuleContext): Reason[] {
	const picked = equivalentDevices(guest, destination);
	const out: Reason[] = guest.logicalDevices.map((v) =>
		numbered(LOGICAL, HCPRL.logicalDevice(v), v)
	);
	for (const d of guest.devices) {
		if (d.kind === 'mdisk') out.push(...mdiskReasons(d, destination));
		else if (d.kind === 'link' && d.local)
			out.push(numbered(LOCAL, HCPRL.localMinidisk(d.vdev), d.vdev));
		else if (d.kind === 'dedicated') out.push(...dedicatedReasons(d, picked.get(d.vdev)));
		else if (d.kind === 'nic') out.push(...nicReasons(d, source, destination));
	}
	return out;
}

const ALL = [LOGICAL, VDISK, DEVNO, TDISK, VOLUME, LOCAL, EQID, EQUIV, SAME, GUEST_LAN, VSWITCH];

/**
 * The device rules. They share one walk over the devices (equivalent dedicated devices are
 * picked for all of them together); each rule reports its own reasons.
 */
export const DEVICE_RULES: EligibilityRule[] = ALL.map((m) => ({
	id: m.rule,
	section: m.section,
	check: (ctx) => deviceReasons(ctx).filter((r) => r.rule === m.rule)
}));
