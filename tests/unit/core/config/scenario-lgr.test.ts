import { NO_ACCOUNTING, defaultGuestSpec, guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/core/config/scenario';
import type { ScenarioError } from '$lib/core/config/scenario-types';

type Json = Record<string, unknown>;

const G = 1024 ** 3;
const K = 1024;

/** A two-member ITSOSSIB with a directory holding LNXSU12 (000 Example A-21) and DOMAINA. */
function base(): Json {
	return {
		name: 'lgr',
		cluster: {
			name: 'ITSOSSIB',
			members: [
				{ name: 'ITSOSSI5', storage: '20G', paging: '7211520K' },
				{ name: 'ITSOSSI6', storage: '20G', paging: '7211520K' }
			],
			links: [{ between: ['ITSOSSI5', 'ITSOSSI6'] }],
			domains: [{ name: 'DOMAINA', members: ['ITSOSSI5'] }]
		},
		directory: 'USER LNXSU12 G4D703J0 10G 10G G\nOPTION CHPIDV ONE\n',
		guests: [{ user: 'LNXSU12', on: 'ITSOSSI5' }]
	};
}

const members = (j: Json) => (j.cluster as Json).members as Json[];
const guests = guestsOf;

function value(patch: (j: Json) => void = () => {}) {
	const j = base();
	patch(j);
	const r = validateScenario(j);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

function errors(patch: (j: Json) => void): ScenarioError[] {
	const j = base();
	patch(j);
	const r = validateScenario(j);
	if (r.ok) throw new Error('expected the patched scenario to be refused');
	return r.errors;
}

function expectError(patch: (j: Json) => void, path: string, message: string | RegExp): void {
	const e = errors(patch);
	expect(e, JSON.stringify(e)).toHaveLength(1);
	expect(e[0]!.path).toBe(path);
	if (typeof message === 'string') expect(e[0]!.message).toBe(message);
	else expect(e[0]!.message).toMatch(message);
}

describe('member fields for relocation: storage and paging in use, devices, crypto', () => {
	it('default to nothing in use, no devices, no crypto', () => {
		expect(value().cluster.members[1]).toMatchObject({
			storageInUseBytes: 0,
			pagingInUseBytes: 0,
			devices: [],
			cryptoApType: null
		});
	});

	it('are read as sizes, device ranges and an AP type', () => {
		const v = value((j) =>
			Object.assign(members(j)[1]!, {
				storageInUse: '15880648K',
				pagingInUse: '12K',
				crypto: 'cex3c',
				devices: [
					{ rdev: '2100-2102', attached: 'tcpip' },
					{ rdev: '9a26', type: '3390', volser: 'us9a26', attached: 'SYSTEM', devno: true },
					{ rdev: '2106', eqid: 'osa1set1', online: false, attached: 'FREE' }
				]
			})
		);
		expect(v.cluster.members[1]).toMatchObject({
			storageInUseBytes: 15880648 * K,
			pagingInUseBytes: 12 * K,
			cryptoApType: 'CEX3C',
			devices: [
				{
					first: '2100',
					last: '2102',
					type: null,
					eqid: null,
					volser: null,
					owner: 'TCPIP',
					online: true,
					devno: false
				},
				{
					first: '9A26',
					last: '9A26',
					type: '3390',
					eqid: null,
					volser: 'US9A26',
					owner: 'SYSTEM',
					online: true,
					devno: true
				},
				{
					first: '2106',
					last: '2106',
					type: null,
					eqid: 'OSA1SET1',
					volser: null,
					owner: null,
					online: false,
					devno: false
				}
			]
		});
	});

	it('bad values are named with their path', () => {
		const dev = (d: Json) => (j: Json) => (members(j)[0]!.devices = [d]);
		expectError(
			(j) => (members(j)[0]!.pagingInUse = '12'),
			'cluster.members[0].pagingInUse',
			/no unit/
		);
		expectError(
			dev({ rdev: 'XYZ' }),
			'cluster.members[0].devices[0].rdev',
			'"XYZ" is not a device number or range (2120 or 2126-2128)'
		);
		expectError(
			dev({ rdev: '2128-2126' }),
			'cluster.members[0].devices[0].rdev',
			'"2128-2126" is a range whose end comes before its start'
		);
		expectError(
			dev({ rdev: '0000-0FFF' }),
			'cluster.members[0].devices[0].rdev',
			'"0000-0FFF" names 4096 devices; one entry names at most 256'
		);
		expectError(
			dev({ rdev: '9A26', devno: true }),
			'cluster.members[0].devices[0].devno',
			'a DEVNO minidisk device is attached to SYSTEM (give "attached": "SYSTEM")'
		);
		expectError(
			dev({ rdev: '9A26', volser: 'TOOLONG7' }),
			'cluster.members[0].devices[0].volser',
			'"TOOLONG7" must be 1-6 letters, digits, @, #, $ or -'
		);
		expectError(
			dev({ rdev: '9A26', colour: 'red' }),
			'cluster.members[0].devices[0].colour',
			/^unknown field "colour"/
		);
	});
});

describe('guest fields for relocation', () => {
	it('default: resident is the current storage, no logical devices, segments, IUCV, VMCF or overhead', () => {
		expect(value().guests[0]).toEqual({
			...defaultGuestSpec('LNXSU12', 'ITSOSSI5'),
			accounting: NO_ACCOUNTING
		});
	});

	it('are read, upper-cased and normalised', () => {
		const v = value((j) => {
			j.segments = [{ name: 'lnxseg', ranges: ['sr'], members: ['itsossi5'] }];
			Object.assign(guests(j)[0]!, {
				resident: '2G',
				logicalDevices: ['9'],
				segments: ['lnxseg'],
				iucv: ['*msg', 'linux2'],
				vmcf: true,
				overhead: { pageable: '281K', fixed: '563K' },
				workload: 'sap'
			});
		});
		expect(v.guests[0]).toMatchObject({
			residentBytes: 2 * G,
			workload: 'sap',
			logicalDevices: ['0009'],
			segments: ['LNXSEG'],
			iucv: ['*MSG', 'LINUX2'],
			vmcf: true,
			overhead: { pageableBytes: 281 * K, fixedBytes: 563 * K }
		});
		expect(v.segments).toEqual([
			{ name: 'LNXSEG', kind: 'DCSS', ranges: ['SR'], members: ['ITSOSSI5'] }
		]);
	});

	it('bad values are named with their path', () => {
		const g = (o: Json) => (j: Json) => Object.assign(guests(j)[0]!, o);
		expectError(
			g({ resident: '11G' }),
			'guests[0].resident',
			'11G is more than the 10G of storage LNXSU12 has'
		);
		expectError(
			g({ logicalDevices: ['XYZZY'] }),
			'guests[0].logicalDevices[0]',
			'"XYZZY" is not a device number (1-4 hex digits)'
		);
		expectError(
			g({ segments: ['NOSEG'] }),
			'guests[0].segments[0]',
			'no saved segment named NOSEG (define it in "segments")'
		);
		expectError(
			g({ iucv: ['*TOOLONGNAME'] }),
			'guests[0].iucv[0]',
			/is not a user ID or CP system service/
		);
		expectError(g({ vmcf: 'yes' }), 'guests[0].vmcf', 'must be true or false');
		expectError(
			g({ workload: 'busy' }),
			'guests[0].workload',
			'"busy" is not a workload preset (idle, web, database, java-gc, sap, muncher)'
		);
		expectError(
			g({ overhead: { paged: '1K' } }),
			'guests[0].overhead.paged',
			/^unknown field "paged"/
		);
	});

	it('resident is checked against the default guest when there is no directory', () => {
		expectError(
			(j) => {
				delete j.directory;
				guests(j)[0]!.resident = '5G';
			},
			'guests[0].resident',
			'5G is more than the 4G of storage LNXSU12 has'
		);
	});
});

describe('saved segments', () => {
	it('bad values are named with their path', () => {
		const seg = (o: Json) => (j: Json) =>
			(j.segments = [{ name: 'LNXSEG', members: ['ITSOSSI5'], ...o }]);
		expectError(seg({ kind: 'NSX' }), 'segments[0].kind', 'must be "NSS" or "DCSS"');
		expectError(seg({ ranges: ['XX'] }), 'segments[0].ranges[0]', /^unknown page range type "XX"/);
		expectError(
			seg({ members: ['ITSOSSI9'] }),
			'segments[0].members[0]',
			'no member named ITSOSSI9'
		);
		expectError(
			(j) =>
				(j.segments = [
					{ name: 'CMS', kind: 'NSS', members: ['ITSOSSI5'] },
					{ name: 'CMS', kind: 'NSS', members: ['ITSOSSI5', 'ITSOSSI6'] }
				]),
			'segments[1].members',
			'CMS already has a copy on ITSOSSI5'
		);
	});
});

describe('guests against the directory (000 §2.2.4, §3.5.2)', () => {
	it('the kind comes from the directory when the guest does not give it', () => {
		const v = value((j) => {
			j.directory =
				'IDENTITY TCPIP X 256M 256M G\nBUILD ON ITSOSSI5 USING SUBCONFIG TCPIP-5\nSUBCONFIG TCPIP-5\n';
			j.guests = [{ user: 'TCPIP', on: 'ITSOSSI5' }];
		});
		expect(v.guests[0]!.kind).toBe('IDENTITY');
	});

	it('a guest needs an entry of its kind, a BUILD for its member, a storage size and a known domain', () => {
		expectError(
			(j) => (guests(j)[0]!.user = 'NOBODY'),
			'guests[0].user',
			"the scenario's directory has no USER or IDENTITY entry named NOBODY"
		);
		expectError(
			(j) => (guests(j)[0]!.kind = 'IDENTITY'),
			'guests[0].kind',
			'the directory defines LNXSU12 with USER, not IDENTITY'
		);
		expectError(
			(j) => {
				j.directory =
					'IDENTITY TCPIP X 256M 256M G\nBUILD ON ITSOSSI5 USING SUBCONFIG TCPIP-5\nSUBCONFIG TCPIP-5\n';
				j.guests = [{ user: 'TCPIP', on: 'ITSOSSI6' }];
			},
			'guests[0].on',
			'TCPIP cannot log on to ITSOSSI6: IDENTITY TCPIP has no BUILD ON ITSOSSI6 statement'
		);
		expectError(
			(j) => (j.directory = 'USER LNXSU12 G4D703J0\n'),
			'guests[0].user',
			'the directory entry of LNXSU12 gives no storage size'
		);
		expectError(
			(j) => (j.directory = 'USER LNXSU12 G4D703J0 10G 10G G\nVMRELOCATE ON DOMAIN NOSUCH\n'),
			'guests[0].user',
			'the directory puts LNXSU12 in relocation domain NOSUCH, which is not defined (000 §3.5.2)'
		);
	});

	it('a domain named in the scenario, in SYSTEM CONFIG, SSI or a member is known', () => {
		for (const d of ['DOMAINA', 'SSI', 'ITSOSSI6'])
			expect(
				value((j) => (j.directory = `USER LNXSU12 G4D703J0 10G 10G G\nVMRELOCATE ON DOMAIN ${d}\n`))
					.guests
			).toHaveLength(1);
		expect(
			value((j) => {
				j.directory = 'USER LNXSU12 G4D703J0 10G 10G G\nVMRELOCATE ON DOMAIN DOMAINB\n';
				j.systemConfig = 'Relocation_Domain DOMAINB MEMBERS ITSOSSI5 ITSOSSI6\n';
			}).guests
		).toHaveLength(1);
	});
});
