import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import {
	destinationStorage,
	guestStorageUse,
	inK,
	inM,
	pgmbkBytes
} from '$lib/core/model/lgr/storage';
import { eligibilityLines } from '$lib/core/model/lgr/eligibility';
import {
	by,
	check,
	guestOf,
	lab,
	linesOf,
	memberJson,
	memberOf,
	withLinux1,
	LAB_DIRECTORY
} from './lgr-helpers';

const K = 1024;
const M = K * K;
const G = K * M;
const guests = guestsOf;

describe('000 §3.4 storage figures, as HCPRLL1811I and HCPRLL1813I print them', () => {
	it('page management blocks are 8 KB per megabyte of guest storage: 10G → 80M, 20G → 160M', () => {
		expect(pgmbkBytes(10 * G)).toBe(80 * M);
		expect(pgmbkBytes(20 * G)).toBe(160 * M);
		expect(pgmbkBytes(1)).toBe(8 * K);
	});

	it('one 3390-9 paging volume (10016 cylinders × 180 pages) is 7211520K (000 A.1.8, Example A-23)', () => {
		expect(inK(10016 * 180 * 4 * K)).toBe('7211520K');
	});

	it('maximum pageable storage use of a 10G guest is 10320M; of a 20G guest 20640M', () => {
		const use = (max: number) =>
			guestStorageUse({
				storage: {
					currentBytes: max,
					maxBytes: max,
					residentBytes: max,
					overhead: { pageableBytes: 0, fixedBytes: 0 }
				}
			});
		expect(inM(use(10 * G).maxPageable)).toBe('10320M');
		expect(inM(use(20 * G).maxPageable)).toBe('20640M');
	});

	it('megabytes are rounded down, kilobytes are whole', () => {
		expect(inM(20640 * M + 281 * K)).toBe('20640M');
		expect(inK(21136204 * K)).toBe('21136204K');
	});

	it('available capacity is free real storage plus free paging space, less the guests already there', () => {
		const s = lab((j) => {
			memberJson(j, 'ITSOSSI2').storageInUse = '1G';
			memberJson(j, 'ITSOSSI2').pagingInUse = '4K';
			guests(j).push({ user: 'LINUX2', on: 'ITSOSSI2', resident: '1G' });
			j.directory = LAB_DIRECTORY + 'USER LINUX2 XXXXXXXX 2G 2G G\nINCLUDE LINDFLT\n';
		});
		const d = destinationStorage(memberOf(s, 'ITSOSSI2'), s.cluster.guests);
		// 8G − 1G in use − (1G resident + 16M of page management blocks for LINUX2's 2G).
		expect(d.availableStorage).toBe(8 * G - G - (G + 16 * M));
		expect(d.availablePaging).toBe(7044 * M - 4 * K);
		expect(d.capacity).toBe(d.availableStorage + d.availablePaging);
	});
});

describe('000 §3.4 Figure 3-1: current storage must fit into the available space (text only, not forceable)', () => {
	const small = () =>
		lab((j) => {
			memberJson(j, 'ITSOSSI2').storage = '1G';
			memberJson(j, 'ITSOSSI2').paging = '512M';
		});
	it('negative: 2G + 16M does not fit into 1G + 512M, and FORCE STORAGE does not help', () => {
		const text =
			'LINUX1: Current storage use (2113536K) does not fit into the available space on destination (1572864K)';
		expect(linesOf(check(small()))).toContain(text);
		const forced = check(small(), { force: { storage: true } });
		expect(forced.eligible).toBe(false);
		expect(linesOf(forced)).toEqual([text]);
	});
	it('positive: the lab destination has room', () =>
		expect(by(check(lab()), 'storage-fit')).toEqual([]));
});

describe('000 §3.4 Figure 3-2: current pageable storage within the auxiliary paging space (text only, FORCE STORAGE)', () => {
	const paging = () => lab((j) => (memberJson(j, 'ITSOSSI2').paging = '1G'));
	it('negative: 2G resident + 16M exceeds 1G of paging space; FORCE STORAGE overrides it', () => {
		const r = check(paging());
		expect(by(r, 'storage-paging').map((x) => x.text)).toEqual([
			'Current pageable storage use (2113536K) exceeds available auxiliary paging space on destination (1048576K) by 1064960K'
		]);
		const forced = check(paging(), { force: { storage: true } });
		expect(forced.eligible).toBe(true);
		expect(forced.forced.map((x) => x.rule)).toEqual(['storage-paging', 'max-storage-paging']);
	});
	it('positive: a guest that uses less than it has (resident 512M) fits', () => {
		const s = lab((j) => {
			memberJson(j, 'ITSOSSI2').paging = '1G';
			guests(j)[0]!.resident = '512M';
		});
		expect(guestOf(s, 'LINUX1').storage.residentBytes).toBe(512 * M);
		expect(by(check(s), 'storage-paging')).toEqual([]);
	});
});

describe('000 §3.4 Figure 3-3, A.1.9: maximum storage vs capacity (HCPRLL1811I, FORCE STORAGE)', () => {
	const capacity = () =>
		lab((j) => {
			memberJson(j, 'ITSOSSI2').storage = '2G';
			memberJson(j, 'ITSOSSI2').paging = '2G';
		});
	it('negative: 4G + 32M exceeds 2G + 2G by 32M', () => {
		expect(by(check(capacity()), 'max-storage-capacity').map((x) => [x.message, x.text])).toEqual([
			[
				'HCPRLL1811I',
				'Maximum storage use (4227072K) exceeds available capacity on destination (4194304K) by 32768K'
			]
		]);
		expect(by(check(capacity(), { force: { storage: true } }), 'max-storage-capacity')).toEqual([]);
	});
	it('positive: the lab destination has the capacity', () =>
		expect(by(check(lab()), 'max-storage-capacity')).toEqual([]));
});

describe('000 §3.4 Figure 3-4, §3.6.2 Example 3-7: maximum pageable storage vs paging (HCPRLL1813I, FORCE STORAGE)', () => {
	/**
	 * Example 3-7: ITSOLNX1 logged on through a logical device, 20G maximum storage, ITSOSSI2 with
	 * two 3390-9 paging volumes and one page in use. Its current size and ITSOSSI2's storage are
	 * not given; 4G and 32G are chosen so that only the reasons of the example arise.
	 */
	const example37 = () =>
		lab((j) => {
			j.directory = LAB_DIRECTORY + 'USER ITSOLNX1 ITSOSSI 4G 20G G\nINCLUDE LINDFLT\n';
			j.guests = [
				{ user: 'ITSOLNX1', on: 'ITSOSSI1', status: 'logged-on', logicalDevices: ['0009'] }
			];
			Object.assign(memberJson(j, 'ITSOSSI2'), {
				storage: '32G',
				paging: '14423040K',
				pagingInUse: '4K'
			});
		});

	it('negative: reproduces Example 3-7 line for line', () => {
		expect(eligibilityLines(check(example37(), { user: 'ITSOLNX1' }))).toEqual([
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'HCPRLE1950I ITSOLNX1: Virtual machine is not running disconnected',
			'HCPRLI1954I ITSOLNX1: Virtual machine device 0009 is a logical device',
			'HCPRLL1813I ITSOLNX1: Maximum pageable storage use (20640M) exceeds available auxiliary paging space on destination (14423036K) by 6712324K'
		]);
	});

	it('FORCE STORAGE overrides HCPRLL1813I, not the others', () => {
		const r = check(example37(), { user: 'ITSOLNX1', force: { storage: true } });
		expect(r.reasons.map((x) => x.rule)).toEqual(['disconnected', 'logical-device']);
		expect(r.forced.map((x) => x.message)).toEqual(['HCPRLL1813I']);
	});

	it('positive: a 4G maximum fits the lab destination', () =>
		expect(by(check(lab()), 'max-storage-paging')).toEqual([]));
});

describe('000 §3.3, A.1.4: an identical NSS or DCSS on the destination (HCPRLL1980I)', () => {
	const seg = (members: string[], ranges: string[] = ['SR']) =>
		lab((j) => {
			j.segments = [{ name: 'LNXSEG', kind: 'DCSS', ranges, members }];
			guests(j)[0]!.segments = ['LNXSEG'];
		});
	it('negative: the copy the guest uses is on ITSOSSI1 only', () => {
		expect(linesOf(check(seg(['ITSOSSI1'])))).toEqual([
			'HCPRLL1980I LINUX1: An identical NSS or DCSS LNXSEG does not exist on the destination system'
		]);
	});
	it('positive: the identical copy is on both members', () => {
		expect(check(seg(['ITSOSSI1', 'ITSOSSI2'])).eligible).toBe(true);
	});
	it('an IPL by name of a saved NSS uses it (000 A.1.4: IPL CMS)', () => {
		const s = lab((j) => {
			j.directory = withLinux1().replace('IPL 0201', 'IPL CMS');
			j.segments = [
				{ name: 'CMS', kind: 'NSS', members: ['ITSOSSI1'] },
				{ name: 'CMS', kind: 'NSS', members: ['ITSOSSI2'] }
			];
		});
		expect(guestOf(s, 'LINUX1').segments).toEqual(['CMS']);
		expect(linesOf(check(s))).toEqual([
			'HCPRLL1980I LINUX1: An identical NSS or DCSS CMS does not exist on the destination system'
		]);
	});
});

describe('000 §3.3; 001: no SW, SC or SN page ranges in a segment the guest uses (text only)', () => {
	it('negative: a DCSS with a shared-write range', () => {
		const s = lab((j) => {
			j.segments = [
				{ name: 'LNXSEG', kind: 'DCSS', ranges: ['sr', 'SW'], members: ['ITSOSSI1', 'ITSOSSI2'] }
			];
			guests(j)[0]!.segments = ['LNXSEG'];
		});
		expect(linesOf(check(s))).toEqual([
			'LINUX1: DCSS LNXSEG has SW page ranges (shared write, shared with CP or shared with no data)'
		]);
	});
	it('positive: SR and EW ranges', () => {
		const s = lab((j) => {
			j.segments = [
				{ name: 'LNXSEG', kind: 'DCSS', ranges: ['SR', 'EW'], members: ['ITSOSSI1', 'ITSOSSI2'] }
			];
			guests(j)[0]!.segments = ['LNXSEG'];
		});
		expect(check(s).eligible).toBe(true);
	});
});

describe("000 §3.7 resource limits: virtual disks within the destination's Vdisk Userlim (text only)", () => {
	it("positive: 128000 blocks within Example 4-1's 144000", () => {
		const s = lab((j) => (j.directory = withLinux1('COMMAND DEFINE VFB-512 AS 0111 BLK 128000')));
		expect(memberOf(s, 'ITSOSSI2').resources.vdiskUserLimitBlocks).toBe(144000);
		expect(by(check(s), 'vdisk-limit')).toEqual([]);
	});
	it('negative: 200000 blocks', () => {
		const s = lab((j) => (j.directory = withLinux1('COMMAND DEFINE VFB-512 AS 0111 BLK 200000')));
		expect(linesOf(check(s))).toEqual([
			'LINUX1: Virtual disks in storage of the virtual machine (200000 blocks) exceed the user limit on destination (144000 blocks)'
		]);
	});
});

describe('CP lists every reason together, in its order (000 App. A.1)', () => {
	it('target, then the virtual machine, its devices and the limits', () => {
		const s = lab((j) => {
			j.directory = withLinux1('OPTION CHPIDV TWO', 'MDISK 0111 FB-512 V-DISK 8000');
			guests(j)[0]!.status = 'logged-on';
			memberJson(j, 'ITSOSSI2').paging = '1G';
		});
		s.cluster.mode = 'Safe';
		expect(check(s).reasons.map((r) => r.rule)).toEqual([
			'cluster-mode',
			'disconnected',
			'chpid-virtualization',
			'vdisk-mdisk',
			'storage-paging',
			'max-storage-paging'
		]);
	});
});
