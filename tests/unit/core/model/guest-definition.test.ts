import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GUEST } from '$lib/core/model/guest-definition';
import { realDevice, vdiskUserLimit } from '$lib/core/model/member-resources';
import { parseSystemConfig } from '$lib/core/config/system-config';
import { builtin } from '../../helpers';
import { buildInitialState } from '$lib/core/model/build';
import { guestOf, lab, memberJson, memberOf, withLinux1, LAB_DIRECTORY } from './lgr-helpers';

const G = 1024 ** 3;
const guests = guestsOf;

describe('guests carry their effective directory definition (000 §2.2.4, App. A)', () => {
	it('LINUX1: profile and entry merged, devices in device-number order', () => {
		const g = guestOf(lab(), 'LINUX1');
		expect(g).toMatchObject({
			user: 'LINUX1',
			kind: 'USER',
			on: 'ITSOSSI1',
			status: 'disconnected',
			definedBy: 'directory',
			machine: 'ESA',
			cpus: [{ address: 0, type: 'CP', dedicated: false }],
			storage: {
				currentBytes: 2 * G,
				maxBytes: 4 * G,
				residentBytes: 2 * G,
				overhead: { pageableBytes: 0, fixedBytes: 0 }
			},
			chpidVirtualizationOne: true,
			ipl: '0201',
			relocation: { enabled: true, domain: 'SSI' },
			architecture: ['GIEF', 'EX-EXT'],
			logicalDevices: [],
			segments: [],
			iucv: [],
			vmcf: false,
			crypto: 'none'
		});
		expect(g.options).toContain('CHPIDVIRTUALIZATION ONE');
		expect(g.devices.map((d) => `${d.vdev} ${d.kind}`)).toEqual([
			'0009 unit-record',
			'000C unit-record',
			'000D unit-record',
			'000E unit-record',
			'0201 mdisk',
			'0600 nic'
		]);
		expect(g.devices.find((d) => d.vdev === '0600')).toEqual({
			vdev: '0600',
			kind: 'nic',
			count: 3,
			nicType: 'QDIO',
			lanOwner: 'SYSTEM',
			lan: 'ITSOVSW1',
			vswitch: 'ITSOVSW1'
		});
		expect(g.devices.find((d) => d.vdev === '0201')).toEqual({
			vdev: '0201',
			kind: 'mdisk',
			form: 'extent',
			volid: 'LX9B25',
			rdev: null,
			blocks: null,
			mode: 'MR',
			access: 'W'
		});
	});

	it('the state, guests included, is JSON: a snapshot restores it exactly', () => {
		const s = lab((j) => {
			j.directory = LAB_DIRECTORY + 'MDISK 0300 3390 DEVNO 9A26 MR\nDEDICATE 0700 3088\n';
			guests(j)[0]!.segments = ['LNXSEG'];
			j.segments = [{ name: 'LNXSEG', members: ['ITSOSSI1'] }];
		});
		expect(JSON.parse(JSON.stringify(s.cluster))).toEqual(s.cluster);
	});

	it('an IDENTITY gets its SUBCONFIG for the member it is on, and that member as its domain', () => {
		const s = lab((j) => {
			j.directory =
				LAB_DIRECTORY +
				[
					'IDENTITY TCPIP XXXXXXXX 256M 256M G',
					'BUILD ON ITSOSSI1 USING SUBCONFIG TCPIP-1',
					'BUILD ON ITSOSSI2 USING SUBCONFIG TCPIP-2',
					'SUBCONFIG TCPIP-1',
					'DEDICATE 2120 3080',
					'SUBCONFIG TCPIP-2',
					'DEDICATE 2120 30A0'
				].join('\n');
			guests(j).push({ user: 'TCPIP', on: 'ITSOSSI1' }, { user: 'TCPIP', on: 'ITSOSSI2' });
		});
		const [one, two] = s.cluster.guests.filter((g) => g.user === 'TCPIP');
		expect(one!.kind).toBe('IDENTITY');
		expect(one!.relocation.domain).toBe('ITSOSSI1');
		expect(two!.relocation.domain).toBe('ITSOSSI2');
		expect(one!.devices.find((d) => d.vdev === '2120')).toMatchObject({ rdev: '3080' });
		expect(two!.devices.find((d) => d.vdev === '2120')).toMatchObject({ rdev: '30A0' });
		expect(realDevice(memberOf(s, 'ITSOSSI2').resources, '30A0').owner).toBe('TCPIP');
	});

	it('a scenario without a directory gets the default Linux guest (a documented choice)', () => {
		const s = buildInitialState(builtin('itsossib'));
		const g = guestOf(s, 'LNXSU11');
		expect(g.definedBy).toBe('default');
		expect(g.storage.currentBytes).toBe(DEFAULT_GUEST.storageBytes);
		expect(g.storage.maxBytes).toBe(4 * G);
		// ITSOSSIB's members are IFL partitions: the default CPU is an IFL.
		expect(g.cpus).toEqual([{ address: 0, type: 'IFL', dedicated: false }]);
		expect(g.chpidVirtualizationOne).toBe(true);
	});

	it('guests of a member that starts Down are not logged on', () => {
		const s = lab((j) => (memberJson(j, 'ITSOSSI1').state = 'Down'));
		expect(s.cluster.guests).toEqual([]);
	});
});

describe('minidisk access modes of MDISK and LINK (001 "Cross-System Minidisk Management")', () => {
	const modeOf = (g: ReturnType<typeof guestOf>, vdev: string) => {
		const d = g.devices.find((x) => x.vdev === vdev);
		return d && (d.kind === 'mdisk' || d.kind === 'link') ? `${d.mode} ${d.access}` : null;
	};

	it("an MDISK's own mode gives its owner's access; without a mode, W (CP's MDISK default)", () => {
		const s = lab(
			(j) =>
				(j.directory = withLinux1(
					'MDISK 0202 3390 1001 0100 LX9B25 RR',
					'MDISK 0203 3390 1101 0100 LX9B25',
					'MDISK 0204 3390 1201 0100 LX9B25 MWV'
				))
		);
		const g = guestOf(s, 'LINUX1');
		expect(modeOf(g, '0201')).toBe('MR W');
		expect(modeOf(g, '0202')).toBe('RR R');
		expect(modeOf(g, '0203')).toBe('W W');
		// V (virtual reserve/release) is not part of the access mode.
		expect(modeOf(g, '0204')).toBe('MW W');
	});

	it("a LINK statement's mode; without one, R to another user's minidisk, the MDISK's mode to one's own", () => {
		const s = lab(
			(j) =>
				(j.directory =
					withLinux1('LINK LINUXCMS 0191 0191 MR', 'LINK LINUXCMS 0191 0192', 'LINK * 0201 0301') +
					'USER LINUXCMS NOLOG 32M 32M G\nMDISK 0191 3390 0001 0050 SSIAR2 MR\n')
		);
		const g = guestOf(s, 'LINUX1');
		expect(modeOf(g, '0191')).toBe('MR W');
		expect(modeOf(g, '0192')).toBe('R R');
		expect(modeOf(g, '0301')).toBe('MR W');
		expect(g.devices.find((d) => d.vdev === '0301')).toMatchObject({
			kind: 'link',
			owner: 'LINUX1',
			target: '0201',
			local: false
		});
	});
});

describe('member resources from SYSTEM CONFIG and the scenario (000 §2.2.7, Example 4-1)', () => {
	it('RDEVICE gives type and EQID; the scenario gives state; unknown devices do not exist', () => {
		const s = lab((j) => {
			memberJson(j, 'ITSOSSI1').devices = [
				{ rdev: '3081', attached: 'TCPIP' },
				{ rdev: '9A26', volser: 'US9A26', attached: 'SYSTEM', type: '3390' }
			];
		});
		const res = memberOf(s, 'ITSOSSI1').resources;
		expect(realDevice(res, '3081')).toEqual({
			rdev: '3081',
			exists: true,
			type: 'OSA',
			eqid: 'OSA1SET1',
			volser: null,
			owner: 'TCPIP',
			online: true,
			devno: false
		});
		expect(realDevice(res, '9a26')).toMatchObject({ exists: true, type: '3390', eqid: null });
		expect(realDevice(res, '7777').exists).toBe(false);
		// RDEVICE statements qualified for other members do not apply to ITSOSSI1.
		expect(realDevice(res, '2126').exists).toBe(false);
	});

	it('Vdisk Userlim is read from the FEATURES statement, in blocks or as a size', () => {
		const c = (text: string) => {
			const r = parseSystemConfig(text);
			if (!r.ok) throw new Error(JSON.stringify(r.errors));
			return r.value;
		};
		expect(vdiskUserLimit(c('Features, Vdisk Userlim 144000 blocks'), 'A')).toBe(144000);
		expect(vdiskUserLimit(c('Features, Vdisk Userlim 64M'), 'A')).toBe(131072);
		expect(vdiskUserLimit(c('Features, Vdisk Userlim infinite'), 'A')).toBeNull();
		expect(vdiskUserLimit(c('Features, Disconnect_Timeout off'), 'A')).toBeNull();
		expect(vdiskUserLimit(null, 'A')).toBeNull();
	});
});
