import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import { equivalentDevices } from '$lib/core/model/lgr/rules-devices';
import {
	by,
	check,
	guestOf,
	lab,
	linesOf,
	memberJson,
	memberOf,
	withLinux1,
	LAB_DIRECTORY,
	type Json
} from './lgr-helpers';

const guests = guestsOf;

/** MAINT as a multiconfiguration virtual machine owning each member's 190 and 19D (001). */
const MAINT = `IDENTITY MAINT XXXXXXXX 128M 1000M ABCDEFG
BUILD ON ITSOSSI1 USING SUBCONFIG MAINT-1
BUILD ON ITSOSSI2 USING SUBCONFIG MAINT-2
MDISK 0193 3390 0001 0010 SSIAR2 RR
SUBCONFIG MAINT-1
MDISK 0190 3390 0100 0214 SSI1I2 RR
SUBCONFIG MAINT-2
MDISK 0190 3390 0100 0214 SSI2I2 RR
USER LINUXCMS NOLOG 32M 32M G
MDISK 0191 3390 0001 0050 SSIAR2 MR
`;

describe('000 §3.7, Example 3-7: logical devices (HCPRLI1954I)', () => {
	it('positive: none', () => expect(by(check(lab()), 'logical-device')).toEqual([]));
	it('negative: the console 0009 is a logical device', () => {
		const s = lab((j) => (guests(j)[0]!.logicalDevices = ['9']));
		expect(linesOf(check(s))).toEqual([
			'HCPRLI1954I LINUX1: Virtual machine device 0009 is a logical device'
		]);
	});
});

describe('000 A.1.3: a V-DISK minidisk is a shareable VDISK (HCPRLI1970I)', () => {
	it('negative: MDISK 0111 FB-512 V-DISK 128000', () => {
		const s = lab((j) => (j.directory = withLinux1('MDISK 0111 FB-512 V-DISK 128000')));
		expect(linesOf(check(s))).toEqual([
			'HCPRLI1970I LINUX1: Virtual machine device 0111 is a shareable VDISK'
		]);
	});
	it('positive: a private virtual disk, COMMAND DEFINE VFB-512 AS 0111 BLK 128000', () => {
		const s = lab((j) => (j.directory = withLinux1('COMMAND DEFINE VFB-512 AS 0111 BLK 128000')));
		expect(guestOf(s, 'LINUX1').devices.find((d) => d.vdev === '0111')).toEqual({
			vdev: '0111',
			kind: 'vfb512',
			blocks: 128000
		});
		expect(check(s).eligible).toBe(true);
	});
});

describe('000 A.1.1: a DEVNO minidisk needs its real device free on the destination (HCPRLI1981I)', () => {
	const devno = (dest: Json | null) =>
		lab((j) => {
			j.directory = withLinux1('MDISK 0300 3390 DEVNO 9A26 MR');
			memberJson(j, 'ITSOSSI1').devices = [{ rdev: '9A26', attached: 'SYSTEM', devno: true }];
			if (dest) memberJson(j, 'ITSOSSI2').devices = [{ rdev: '9A26', ...dest }];
		});
	const line =
		'HCPRLI1981I LINUX1: Source system DEVNO defined minidisk 0300 on real device 9A26 cannot be created on the destination system because the equivalent real device 9A26 is neither a DENVO defined minidisk nor free';

	it('negative: attached to SYSTEM on the destination, or not there at all, or offline', () => {
		expect(linesOf(check(devno({ attached: 'SYSTEM', volser: 'US9A26' })))).toEqual([line]);
		expect(linesOf(check(devno(null)))).toEqual([line]);
		expect(linesOf(check(devno({ online: false })))).toEqual([line]);
	});
	it('positive: free, or itself a DEVNO minidisk, on the destination', () => {
		expect(check(devno({ volser: 'US9A26' })).eligible).toBe(true);
		expect(check(devno({ attached: 'SYSTEM', devno: true })).eligible).toBe(true);
	});
});

describe("000 §3.7; Example 4-1: a T-DISK is on the source member's own volumes (text only)", () => {
	it('negative: MDISK 0291 3390 T-DISK 100', () => {
		const s = lab((j) => (j.directory = withLinux1('MDISK 0291 3390 T-DISK 100 MR')));
		expect(linesOf(check(s))).toEqual([
			'LINUX1: Virtual machine device 0291 is a temporary disk (T-DISK) on a volume of the source system'
		]);
	});
	it('positive: no T-DISK', () => expect(by(check(lab()), 'tdisk')).toEqual([]));
});

describe('000 §3.7 device state: a minidisk volume must be attached on the destination (text only)', () => {
	const vol = (state: Json) =>
		lab(
			(j) => (memberJson(j, 'ITSOSSI2').devices = [{ rdev: '9B25', volser: 'LX9B25', ...state }])
		);
	it('negative: LX9B25 is free (not attached to SYSTEM) or offline on ITSOSSI2', () => {
		const text =
			'LINUX1: Virtual machine device 0201 is a minidisk on volume LX9B25, which is not attached to the destination system';
		expect(linesOf(check(vol({})))).toEqual([text]);
		expect(linesOf(check(vol({ attached: 'SYSTEM', online: false })))).toEqual([text]);
	});
	it('positive: attached to SYSTEM, or a volume the scenario does not list', () => {
		expect(check(vol({ attached: 'SYSTEM' })).eligible).toBe(true);
		expect(by(check(lab()), 'mdisk-volume')).toEqual([]);
	});
});

describe('000 §3.7, A.1.2, A.1.4: links to local minidisks (HCPRLI1996I)', () => {
	it('negative: MAINT 190 is in its SUBCONFIG for the member, so local', () => {
		const s = lab((j) => (j.directory = MAINT + withLinux1('LINK MAINT 0190 0190 RR')));
		expect(guestOf(s, 'LINUX1').devices.find((d) => d.vdev === '0190')).toEqual({
			vdev: '0190',
			kind: 'link',
			owner: 'MAINT',
			target: '0190',
			local: true,
			mode: 'RR',
			access: 'R'
		});
		expect(linesOf(check(s))).toEqual([
			'HCPRLI1996I LINUX1: Virtual machine device 0190 is a link to a local minidisk'
		]);
	});
	it("positive: a single-configuration user's minidisk, or an IDENTITY's common one", () => {
		const s = lab(
			(j) =>
				(j.directory = MAINT + withLinux1('LINK LINUXCMS 0191 0191 RR', 'LINK MAINT 0193 0193 RR'))
		);
		const links = guestOf(s, 'LINUX1').devices.filter((d) => d.kind === 'link');
		expect(links.map((d) => d.vdev)).toEqual(['0191', '0193']);
		expect(check(s).eligible).toBe(true);
	});
	it('a link to a minidisk that does not exist fails at logon: the guest has no such device', () => {
		const s = lab((j) => (j.directory = MAINT + withLinux1('LINK MAINT 0999 0999 RR')));
		expect(guestOf(s, 'LINUX1').devices.some((d) => d.vdev === '0999')).toBe(false);
	});
});

describe('000 §3.6.2, §3.7, A.1.5: dedicated devices and EQIDs', () => {
	const dedicate = (line: string, patch?: (j: Json) => void) =>
		lab((j) => {
			j.directory = withLinux1(line);
			memberJson(j, 'ITSOSSI1').devices = [
				{ rdev: '4000', type: 'OSA' },
				{ rdev: '5000', type: 'FCP' },
				{ rdev: '0181', type: '3590' }
			];
			patch?.(j);
		});

	it('dedicated-eqid negative: an OSA without an EQID is HCPRLI1982I', () => {
		const s = dedicate('DEDICATE 0700 4000');
		expect(guestOf(s, 'LINUX1').devices.find((d) => d.vdev === '0700')).toEqual({
			vdev: '0700',
			kind: 'dedicated',
			rdev: '4000',
			rdevType: 'OSA',
			eqid: null
		});
		expect(linesOf(check(s))).toEqual([
			'HCPRLI1982I LINUX1: Source system real network device 4000 requires an EQID to be assigned'
		]);
	});

	it('dedicated-eqid negative: an FCP device without an EQID (text only)', () => {
		expect(linesOf(check(dedicate('DEDICATE 0700 5000')))).toEqual([
			'LINUX1: Source system real FCP device 5000 requires an EQID to be assigned'
		]);
	});

	it('dedicated-eqid positive: the OSA 3088 of ITSOSSI1 has EQID OSA1SET1 (SYSTEM CONFIG RDEVICE)', () => {
		const s = dedicate('DEDICATE 0700 3088');
		const d = guestOf(s, 'LINUX1').devices.find((x) => x.vdev === '0700');
		expect(d).toMatchObject({ rdevType: 'OSA', eqid: 'OSA1SET1' });
		// Attached to the guest on its member, as QUERY OSA shows it (000 Example A-13).
		expect(memberOf(s, 'ITSOSSI1').resources.devices.find((x) => x.rdev === '3088')?.owner).toBe(
			'LINUX1'
		);
		expect(check(s).eligible).toBe(true);
	});

	it('dedicated-equivalent: the first free device with the same EQID on the destination, each used once', () => {
		const s = dedicate('DEDICATE 0700 3088\nDEDICATE 0701 3089', (j) => {
			memberJson(j, 'ITSOSSI2').devices = [{ rdev: '30A0-30A5', attached: 'TCPIP' }];
		});
		expect([...equivalentDevices(guestOf(s, 'LINUX1'), memberOf(s, 'ITSOSSI2'))]).toEqual([
			['0700', '30A6'],
			['0701', '30A7']
		]);
	});

	it('dedicated-equivalent negative: every device with that EQID on the destination is in use', () => {
		const s = dedicate('DEDICATE 0700 3088', (j) => {
			memberJson(j, 'ITSOSSI2').devices = [{ rdev: '30A0-30AF', attached: 'TCPIP' }];
		});
		expect(linesOf(check(s))).toEqual([
			'LINUX1: Virtual machine device 0700 is real device 3088 with EQID OSA1SET1, and the destination system has no available device with that EQID'
		]);
	});

	it('dedicated-same-address: other devices need the same real device free on the destination (000 §3.3)', () => {
		const text =
			'LINUX1: Virtual machine device 0181 is dedicated real device 0181, which is not available on the destination system';
		expect(linesOf(check(dedicate('DEDICATE 0181 0181')))).toEqual([text]);
		const s = dedicate('DEDICATE 0181 0181', (j) => {
			memberJson(j, 'ITSOSSI2').devices = [{ rdev: '0181', type: '3590' }];
		});
		expect(check(s).eligible).toBe(true);
		const t = dedicate('DEDICATE 0181 0181', (j) => {
			memberJson(j, 'ITSOSSI2').devices = [{ rdev: '0181', type: '3590', attached: 'OTHER' }];
		});
		expect(linesOf(check(t))).toEqual([text]);
	});
});

describe('000 §3.3; 001 "Networks – Virtual Switches": NICs', () => {
	it('nic-guest-lan negative: a NIC coupled to a guest LAN', () => {
		const s = lab((j) => (j.directory = withLinux1('NICDEF 0700 TYPE QDIO LAN LINUX2 GLAN1')));
		expect(linesOf(check(s))).toEqual([
			'LINUX1: Virtual machine device 0700 is coupled to guest LAN LINUX2 GLAN1; only NICs coupled to virtual switches relocate'
		]);
	});

	it('nic-vswitch positive: ITSOVSW1 has the same name, type, VLAN and uplink EQID on every member', () => {
		const s = lab();
		expect(memberOf(s, 'ITSOSSI2').resources.vswitches).toEqual([
			{ name: 'ITSOVSW1', type: 'IP', uplinks: ['30A3'], vlan: null }
		]);
		expect(by(check(s), 'nic-vswitch')).toEqual([]);
		expect(by(check(s), 'nic-guest-lan')).toEqual([]);
	});

	it('nic-vswitch negative: not defined, another type, other VLAN settings, or no matching uplink EQID', () => {
		const at = 'LINUX1: Virtual machine device 0600 is coupled to virtual switch ITSOVSW1, ';
		const missing = lab();
		memberOf(missing, 'ITSOSSI2').resources.vswitches = [];
		expect(linesOf(check(missing))).toEqual([
			`${at}which is not defined on the destination system`
		]);
		const type = lab();
		memberOf(type, 'ITSOSSI2').resources.vswitches[0]!.type = 'ETHERNET';
		expect(linesOf(check(type))).toEqual([
			`${at}which is IP on this system but ETHERNET on the destination system`
		]);
		const vlan = lab();
		memberOf(vlan, 'ITSOSSI2').resources.vswitches[0]!.vlan = '100';
		expect(linesOf(check(vlan))).toEqual([
			`${at}whose VLAN settings differ on the destination system`
		]);
		const eqid = lab();
		memberOf(eqid, 'ITSOSSI2').resources.rdevClasses[0]!.eqid = 'OSA2SET1';
		expect(linesOf(check(eqid))).toEqual([
			`${at}which has no operational uplink port with a matching EQID on the destination system`
		]);
		const offline = lab((j) => {
			memberJson(j, 'ITSOSSI2').devices = [{ rdev: '30A3', online: false }];
		});
		expect(linesOf(check(offline))).toEqual([
			`${at}which has no operational uplink port with a matching EQID on the destination system`
		]);
	});

	it('a NIC naming a virtual switch its member does not define is uncoupled: nothing to check', () => {
		const s = lab((j) => (j.directory = withLinux1('NICDEF 0700 TYPE QDIO LAN SYSTEM NOSUCH')));
		expect(check(s).eligible).toBe(true);
	});
});

describe('device reasons are listed in device-number order (000 Example A-10)', () => {
	it('whatever rule gives them', () => {
		const s = lab((j) => {
			j.directory = MAINT + withLinux1('LINK MAINT 0190 0190 RR', 'MDISK 0111 FB-512 V-DISK 8000');
			guests(j)[0]!.logicalDevices = ['0009'];
		});
		expect(check(s).reasons.map((r) => r.vdev)).toEqual(['0009', '0111', '0190']);
	});
	it('the lab directory alone has no device reason', () => {
		const s = lab((j) => (j.directory = LAB_DIRECTORY));
		expect(check(s).reasons.filter((r) => r.group === 'device')).toEqual([]);
	});
});
