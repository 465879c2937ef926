/**
 * QUERY rdev / rdev ID / OSA / ALLOC PAGE, VARY, ATTACH, DETACH and SET RDEVICE: rules and
 * errors beyond the book's transcripts (appendix-a-fixes.test.ts has those).
 */
import { describe, expect, it } from 'vitest';
import { pageCount, percentUsed } from '$lib/core/commands/query-alloc';
import { body, boot, cmd, memberOf, norm, ready } from './helpers';

/** ITSOLNX2 on ITSOSSI4 with its dedicated OSAs 2126-2128 (App. A.1.5), nothing scripted. */
const a15 = () => boot('a15-dedicate', (j) => (j.script = []));
/** ITSOSSI6 with one paging volume attached and SSI6P2 waiting (App. A.1.8). */
const a18 = () => boot('a18-paging', (j) => (j.script = []));

describe('operand errors are CP errors (HCPCMD026E, HCPCMD003E)', () => {
	const cases: [string, number, string][] = [
		['q 2126 foo', 3, 'HCPCMD003E Invalid option - FOO'],
		['q 2128-2126', 3, 'HCPCMD003E Invalid option - 2128-2126'],
		['q 2126 id extra', 3, 'HCPCMD003E Invalid option - EXTRA'],
		['q osa busy', 3, 'HCPCMD003E Invalid option - BUSY'],
		['q osa all now', 3, 'HCPCMD003E Invalid option - NOW'],
		['q alloc', 26, 'HCPCMD026E Operand missing or invalid'],
		['q alloc spool', 3, 'HCPCMD003E Invalid option - SPOOL'],
		['q alloc page x', 3, 'HCPCMD003E Invalid option - X'],
		['vary', 26, 'HCPCMD026E Operand missing or invalid'],
		['vary off', 26, 'HCPCMD026E Operand missing or invalid'],
		['vary sideways 2126', 3, 'HCPCMD003E Invalid option - SIDEWAYS'],
		['vary off 2126 now', 3, 'HCPCMD003E Invalid option - NOW'],
		['vary off zzzz', 3, 'HCPCMD003E Invalid option - ZZZZ'],
		['attach', 26, 'HCPCMD026E Operand missing or invalid'],
		['attach 9c21', 26, 'HCPCMD026E Operand missing or invalid'],
		['attach 9c21 to', 26, 'HCPCMD026E Operand missing or invalid'],
		['attach 9c21 to system as 100', 3, 'HCPCMD003E Invalid option - AS'],
		['attach 2129 to itsolnx2 as', 26, 'HCPCMD026E Operand missing or invalid'],
		['attach 2129 to itsolnx2 as xyz!', 3, 'HCPCMD003E Invalid option - XYZ!'],
		['attach 2129 to itsolnx2 now', 3, 'HCPCMD003E Invalid option - NOW'],
		['attach 2129 to nobody', 45, 'HCPCQU045E NOBODY not logged on'],
		['detach', 26, 'HCPCMD026E Operand missing or invalid'],
		['detach system', 3, 'HCPCMD003E Invalid option - SYSTEM'],
		['detach 9a26 from', 26, 'HCPCMD026E Operand missing or invalid'],
		['set rdev', 26, 'HCPCMD026E Operand missing or invalid'],
		['set rdev 2129', 26, 'HCPCMD026E Operand missing or invalid'],
		['set rdev 2129 eqid', 26, 'HCPCMD026E Operand missing or invalid'],
		['set rdev 2129 eqid osa1set1', 26, 'HCPCMD026E Operand missing or invalid'],
		['set rdev 2129 eqid way-too-long type osa', 3, 'HCPCMD003E Invalid option - WAY-TOO-LONG'],
		['set rdev 2129 eqid a noeqid type osa', 3, 'HCPCMD003E Invalid option - NOEQID'],
		['set rdev 2129 type printer', 3, 'HCPCMD003E Invalid option - PRINTER'],
		['set rdev 2129 type osa type fcp', 3, 'HCPCMD003E Invalid option - FCP'],
		['set rdev 2129 colour osa', 3, 'HCPCMD003E Invalid option - COLOUR'],
		['set rdev 2129 type', 26, 'HCPCMD026E Operand missing or invalid']
	];
	for (const [text, rc, line] of cases)
		it(text, () => {
			const r = cmd(a15(), 'ITSOSSI4', text);
			expect(r.lines[0]).toBe(line);
			expect(r.rc).toBe(rc);
			expect(ready(r)).toMatch(new RegExp(`^Ready\\(${String(rc).padStart(5, '0')}\\);`));
		});
});

describe('QUERY rdev and QUERY rdev ID', () => {
	it('a device the member does not have: an error alone, passed over in a range', () => {
		const sim = a15();
		const one = cmd(sim, 'ITSOSSI4', 'q 7777');
		expect(one.rc).toBe(8);
		expect(body(one)).toEqual(['Device 7777 does not exist']);
		expect(body(cmd(sim, 'ITSOSSI4', 'q 7770-7777'))).toEqual(['No device in 7770-7777 exists']);
		expect(body(cmd(sim, 'ITSOSSI4', 'q 212e-2131'))).toEqual(['OSA 212E FREE , OSA 212F FREE']);
		const mixed = cmd(sim, 'ITSOSSI4', 'q 2129 7777');
		expect(body(mixed)).toEqual(['OSA 2129 FREE', 'Device 7777 does not exist']);
		expect(mixed.rc).toBe(8);
	});

	it('free devices share lines four at a time; devices in use have a line each', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI4', 'q 2126-212f')).map(norm)).toEqual([
			'OSA 2126 ATTACHED TO ITSOLNX2 0600 DEVTYPE OSA CHPID 0C OSD',
			'OSA 2127 ATTACHED TO ITSOLNX2 0601 DEVTYPE OSA CHPID 0C OSD',
			'OSA 2128 ATTACHED TO ITSOLNX2 0602 DEVTYPE OSA CHPID 0C OSD',
			'OSA 2129 FREE , OSA 212A FREE , OSA 212B FREE , OSA 212C FREE',
			'OSA 212D FREE , OSA 212E FREE , OSA 212F FREE'
		]);
	});

	it('a hex word after QUERY is a device; a user with a hex ID is found with QUERY USERS', () => {
		const sim = boot('itsossib', (j) => {
			j.guests = [{ user: 'BEEF', on: 'ITSOSSI5' }];
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI5', 'q beef'))).toEqual(['Device BEEF does not exist']);
		expect(body(cmd(sim, 'ITSOSSI5', 'q users beef'))).toEqual(['BEEF - DSC']);
	});

	it('ID: the sense data CP knows (OSA), the device type otherwise, the EQID when there is one', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI4', 'q 2125-2126 id'))).toEqual([
			'OSA 2125 1732-01 CU: 1731-01 2125 EQID: OSA1SET1',
			'OSA 2126 1732-01 CU: 1731-01 2126'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'q 9a26 id'))).toEqual(['DASD 9A26 3390']);
	});

	it('offline devices, and DASD attached to a guest', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'vary off 2129-212a');
		expect(body(cmd(sim, 'ITSOSSI4', 'q 2129-212b'))).toEqual([
			'OSA 2129 OFFLINE , OSA 212A OFFLINE , OSA 212B FREE'
		]);
		const s3 = a15();
		expect(body(cmd(s3, 'ITSOSSI3', 'attach 9a26 to system'))).toEqual([
			'DASD 9A26 ATTACHED TO SYSTEM US9A26'
		]);
		expect(body(cmd(s3, 'ITSOSSI3', 'q 9a26'))).toEqual(['DASD 9A26 CP SYSTEM US9A26 0']);
		expect(body(cmd(s3, 'ITSOSSI3', 'det 9a26 system'))).toEqual(['DASD 9A26 DETACHED SYSTEM']);
		cmd(s3, 'ITSOSSI3', 'xautolog maint');
		expect(body(cmd(s3, 'ITSOSSI3', 'att 9a26 maint as 200'))).toEqual([
			'DASD 9A26 ATTACHED TO MAINT 0200'
		]);
		expect(body(cmd(s3, 'ITSOSSI3', 'q 9a26')).map(norm)).toEqual([
			'DASD 9A26 ATTACHED TO MAINT 0200 R/W US9A26'
		]);
	});
});

describe('QUERY OSA', () => {
	it('ACTIVE by default (devices in use); FREE, OFFLINE, ALL; abbreviations', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'vary off 212f');
		expect(body(cmd(sim, 'ITSOSSI4', 'q osa'))).toEqual(body(cmd(sim, 'ITSOSSI4', 'q osa act')));
		expect(body(cmd(sim, 'ITSOSSI4', 'q osa fre'))).toEqual([
			'OSA 2129 FREE , OSA 212A FREE , OSA 212B FREE , OSA 212C FREE',
			'OSA 212D FREE , OSA 212E FREE'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'q osa off'))).toEqual(['OSA 212F OFFLINE']);
		const all = body(cmd(sim, 'ITSOSSI4', 'q osa all'));
		expect(all).toHaveLength(9 + 2 + 1);
		expect(all.at(-1)).toBe('OSA 212F OFFLINE');
		expect(body(cmd(sim, 'ITSOSSI4', 'q osa system'))).toEqual([
			'No OSA devices are reserved for the system'
		]);
	});

	it('a member without OSAs', () => {
		expect(body(cmd(boot('itsossib'), 'ITSOSSI5', 'q osa'))).toEqual(['No active OSA devices']);
	});
});

describe('VARY', () => {
	it('devices in use are not varied offline; devices that do not exist are counted, not varied', () => {
		const sim = a15();
		const r = cmd(sim, 'ITSOSSI4', 'vary offline 2125-2126 7777');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual([
			'2125 not varied offline: it is attached to DTCVSW1',
			'2126 not varied offline: it is attached to ITSOLNX2',
			'Device 7777 does not exist',
			'3 device(s) specified; 0 device(s) successfully varied offline'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'vary online 2125'))).toEqual([
			'2125 varied online',
			'1 device(s) specified; 1 device(s) successfully varied online'
		]);
	});
});

describe('SET RDEVICE', () => {
	it('refuses devices that are online (000 A.1.5: "it must be offline"), and counts them', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'vary off 2129');
		const r = cmd(sim, 'ITSOSSI4', 'set rdev 2129-212a noeqid type osa');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual([
			'HCPZRP6722I Characteristics of device 2129 were set as requested.',
			'Device 212A is online: vary it offline before changing its characteristics',
			'2 RDEV(s) specified; 1 RDEV(s) changed; 0 RDEV(s) created'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'q 2129-212a id'))).toEqual([
			'OSA 2129 1732-01 CU: 1731-01 2129',
			'OSA 212A 1732-01 CU: 1731-01 212A EQID: OSA1SET1'
		]);
	});

	it('an EQID is shared only by devices of the same type (App. B Table B-1)', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'vary off 2129');
		const r = cmd(sim, 'ITSOSSI4', 'set rdev 2129 eqid osa1set1 type fcp');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual([
			'EQID OSA1SET1 is the EQID of OSA device 2120: an EQID is shared only by devices of the same type'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'set rdevice 2129 eqid newset type hipers'))).toEqual([
			'HCPZRP6722I Characteristics of device 2129 were set as requested.',
			'1 RDEV(s) specified; 1 RDEV(s) changed; 0 RDEV(s) created'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'q 2129 id'))).toEqual(['OSA 2129 HIPERSOCKETS EQID: NEWSET']);
	});

	it('a device number without a device gets an RDEV (created), offline', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI4', 'set rdev 7777 eqid osa2set type osa'))).toEqual([
			'HCPZRP6722I Characteristics of device 7777 were set as requested.',
			'1 RDEV(s) specified; 0 RDEV(s) changed; 1 RDEV(s) created'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'q 7777'))).toEqual(['OSA 7777 OFFLINE']);
	});
});

describe('ATTACH and DETACH', () => {
	it('ATTACH to a guest: the device is dedicated to it, and relocates by EQID', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI4', 'attach 2129-212a to itsolnx2 as 700'))).toEqual([
			'OSA 2129 ATTACHED TO ITSOLNX2 0700',
			'OSA 212A ATTACHED TO ITSOLNX2 0701'
		]);
		const g = sim.state.cluster.guests.find((x) => x.user === 'ITSOLNX2')!;
		expect(g.devices.find((d) => d.vdev === '0700')).toEqual({
			vdev: '0700',
			kind: 'dedicated',
			rdev: '2129',
			rdevType: 'OSA',
			eqid: 'OSA1SET1'
		});
		expect(body(cmd(sim, 'ITSOSSI4', 'attach 2129 itsolnx2'))).toEqual([
			'OSA 2129 is already attached to ITSOLNX2'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'attach 212b itsolnx2 as 700'))).toEqual([
			'ITSOLNX2 already has a device at 0700'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'detach 2129 from itsolnx2'))).toEqual([
			'OSA 2129 DETACHED ITSOLNX2 0700'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'detach 2129 from itsolnx2'))).toEqual([
			'OSA 2129 is not attached to ITSOLNX2'
		]);
	});

	it('ATTACH refuses offline devices, devices in use, and non-DASD to SYSTEM', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'vary off 2129');
		expect(body(cmd(sim, 'ITSOSSI4', 'attach 2129 to itsolnx2'))).toEqual(['OSA 2129 is offline']);
		expect(body(cmd(sim, 'ITSOSSI4', 'attach 212a to system'))).toEqual([
			'OSA 212A is not a DASD volume: only volumes are attached to SYSTEM'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'attach 9a26 to system'))).toEqual([
			'DASD 9A26 is already attached to SYSTEM'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'attach 7777 to system'))).toEqual([
			'Device 7777 does not exist'
		]);
	});

	it('DETACH SYSTEM keeps a DEVNO disk a guest uses, and a volume CP pages to', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI4', 'det 9a26 system'))).toEqual([
			'DASD 9A26 is in use by ITSOLNX2 as a DEVNO minidisk'
		]);
		cmd(sim, 'ITSOSSI4', 'force itsolnx2');
		expect(body(cmd(sim, 'ITSOSSI4', 'det 9a26 from system'))).toEqual([
			'DASD 9A26 DETACHED SYSTEM'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'det 9a26 system'))).toEqual([
			'DASD 9A26 is not attached to SYSTEM'
		]);
		const p = a18();
		expect(body(cmd(p, 'ITSOSSI6', 'det 9e2f system'))).toEqual([
			'DASD 9E2F is CP-owned paging volume SSI6P1: CP pages to it and keeps it'
		]);
	});
});

describe('paging volumes and QUERY ALLOC PAGE', () => {
	it('ATTACH of a paging volume adds its pages to the space the LGR checks use', () => {
		const sim = a18();
		const m = memberOf(sim, 'ITSOSSI6');
		expect(m.pagingBytes).toBe(7_211_520 * 1024);
		expect(body(cmd(sim, 'ITSOSSI6', 'q 9e2f-9e2f'))).toEqual(['DASD 9E2F CP OWNED SSI6P1 0']);
		cmd(sim, 'ITSOSSI6', 'attach 9c21 to system');
		expect(m.pagingBytes).toBe(2 * 7_211_520 * 1024);
		expect(body(cmd(sim, 'ITSOSSI6', 'q 9c21'))).toEqual(['DASD 9C21 CP OWNED SSI6P2 0']);
	});

	it('a member whose scenario gives no volumes shows its totals only', () => {
		expect(body(cmd(a15(), 'ITSOSSI4', 'q alloc page')).map(norm)).toEqual([
			'EXTENT EXTENT TOTAL PAGES HIGH %',
			'VOLID RDEV START END PAGES IN USE PAGE USED',
			'SUMMARY 1761K 0 0%',
			'USABLE 1761K 0 0%'
		]);
	});

	it('page counts of a million or more print in K, rounded; % used rounds up', () => {
		expect(pageCount(999_999)).toBe('999999');
		expect(pageCount(1_802_880)).toBe('1761K');
		expect(pageCount(3_605_760)).toBe('3521K');
		expect(percentUsed(0, 1_802_880)).toBe('0%');
		expect(percentUsed(2, 1_802_880)).toBe('1%');
		expect(percentUsed(901_440, 1_802_880)).toBe('50%');
		expect(percentUsed(0, 0)).toBe('0%');
	});
});
