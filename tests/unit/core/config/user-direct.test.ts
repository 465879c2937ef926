import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../src/lib/core/config/diagnostics';
import {
	parseUserDirect,
	type Directory,
	type DirectoryEntry,
	type ParseUserDirectOptions
} from '../../../../src/lib/core/config/user-direct';
import { fixture, fixtureNames } from './fixture-loader';

const G = 1024 ** 3;
const M = 1024 ** 2;

/** Parses text that must be valid. */
function parsed(text: string, options?: ParseUserDirectOptions): Directory {
	const r = parseUserDirect(text, options);
	if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
	return r.value;
}

function entry(d: Directory, userid: string): DirectoryEntry {
	const e = d.entries.find((x) => x.userid === userid);
	if (!e) throw new Error(`no entry ${userid}`);
	return e;
}

/** Parses text that must fail; returns "line, column: message" strings. */
function errorsOf(text: string, options?: ParseUserDirectOptions): string[] {
	const r = parseUserDirect(text, options);
	expect(r.ok).toBe(false);
	return r.ok ? [] : r.errors.map(formatDiagnostic);
}

/**
 * Each seed example, with the fixtures it needs around it: entries that INCLUDE the LINDFLT
 * or LINCMS profile are parsed after Example 4-6 or 4-5, which define them; IBMDFLT is IBM's
 * own profile, which the book never shows, so it is declared external.
 */
interface Case {
	file: string;
	before?: string[];
	after?: string[];
	check: (d: Directory) => void;
}

const IBMDFLT = { externalProfiles: ['IBMDFLT'] };

const CASES: Case[] = [
	{
		file: '000-example-4-5.direct',
		check: (d) => {
			const p = d.profiles[0];
			expect(p?.name).toBe('LINCMS');
			expect(p?.ipl).toMatchObject({ target: 'CMS', isDevice: false, parm: 'AUTOCR' });
			expect(p?.links.map((l) => `${l.user} ${l.targetVdev} ${l.vdev} ${l.mode}`)).toEqual([
				'MAINT 0190 0190 RR',
				'MAINT 019D 019D RR',
				'MAINT 019E 019E RR',
				'LINUXCMS 0191 0191 MR'
			]);
			expect(p?.unitRecords.map((u) => `${u.statement} ${u.vdev} ${u.deviceType}`)).toEqual([
				'SPOOL 000C 2540',
				'SPOOL 000D 2540',
				'SPOOL 000E 1403',
				'CONSOLE 0009 3215'
			]);
			expect(p?.commands[0]?.text).toBe('CP SPOOL CONSOLE START TO VMLOGS');
		}
	},
	{
		file: '000-example-4-6.direct',
		check: (d) => {
			const p = d.profiles[0];
			expect(p?.name).toBe('LINDFLT');
			expect(p?.privClassStatement?.classes).toBe('G');
			expect(p?.options).toEqual({
				keywords: ['CHPIDVIRTUALIZATION ONE'],
				chpidVirtualizationOne: true,
				lines: [3]
			});
			expect(p?.vmrelocate).toMatchObject({ enabled: true, domain: null, line: 4 });
		}
	},
	{
		file: '000-example-4-7.direct',
		before: ['000-example-4-6.direct'],
		check: (d) => {
			expect(d.profiles[0]?.commands.map((c) => c.text)).toEqual([
				'CP SPOOL CONSOLE START TO VMLOGS',
				'CP TERM LINEND %',
				'CP SET PF12 RETRIEVE',
				'CP TERM MORE 1 0',
				'CP SET RUN ON'
			]);
		}
	},
	{
		file: '000-example-4-8.direct',
		before: ['000-example-4-6.direct'],
		check: (d) => {
			const e = entry(d, 'ITSOLNX3');
			expect(e).toMatchObject({
				kind: 'USER',
				password: 'ITSOSSI',
				storage: 6 * G,
				maxStorage: 6 * G,
				privClasses: 'G'
			});
			expect(e.includes.map((i) => i.profile)).toEqual(['LINDFLT']);
			expect(e.ipl).toMatchObject({ target: '0202', isDevice: true });
			expect(e.machine).toMatchObject({ mode: 'ESA', maxCpus: 2 });
			expect(e.mdisks).toMatchObject([
				{
					kind: 'extent',
					vdev: '0201',
					deviceType: '3390',
					start: 1,
					count: 1000,
					volid: 'LX9B25',
					mode: 'MR'
				},
				{
					kind: 'extent',
					vdev: '0202',
					deviceType: '3390',
					start: 1001,
					count: 9016,
					volid: 'LX9B25',
					mode: 'MR'
				}
			]);
			// The book's ITSOLNX3 entry has no NICDEF: its network comes from nowhere in the seed.
			expect(e.nicdefs).toEqual([]);
		}
	},
	{
		file: '000-example-4-9.direct',
		before: ['000-example-4-6.direct'],
		check: (d) => {
			const e = entry(d, 'ITSOLNX4');
			expect(e).toMatchObject({ storage: 4 * G, maxStorage: 4 * G });
			expect(e.mdisks.map((m) => (m.kind === 'extent' ? m.volid : ''))).toEqual([
				'LX9B26',
				'LX9B26'
			]);
		}
	},
	{
		file: '000-example-5-3.direct',
		check: (d) => {
			expect(d.entries.map((e) => e.userid)).toEqual([
				'$ALLOC$',
				'$DIRECT$',
				'$SYSCKP$',
				'$SYSWRM$',
				'$PAGE$',
				'$SPOOL$',
				'$TDISK$'
			]);
			expect(entry(d, '$ALLOC$')).toMatchObject({
				password: 'NOLOG',
				storage: null,
				maxStorage: null
			});
			expect(entry(d, '$PAGE$').mdisks[0]).toMatchObject({
				kind: 'extent',
				vdev: '0A01',
				start: 0,
				count: 'END',
				volid: 'SSI5P1',
				mode: 'R'
			});
			expect(entry(d, '$DIRECT$').mdisks[2]).toMatchObject({
				vdev: '0B01',
				start: 131,
				count: 100,
				volid: 'SSIBC1'
			});
			expect(entry(d, '$TDISK$').mdisks).toEqual([]);
		}
	},
	{
		file: '000-example-5-11.direct',
		check: (d) => {
			const e = entry(d, 'LNXRH56');
			expect(e).toMatchObject({ storage: 512 * M, maxStorage: 1 * G, privClasses: 'G' });
			expect(e.nicdefs).toMatchObject([
				{
					vdev: 'C200',
					type: 'QDIO',
					lan: { owner: 'SYSTEM', name: 'VSWITCH1' },
					vswitch: 'VSWITCH1',
					devices: null
				}
			]);
			expect(e.options.chpidVirtualizationOne).toBe(true);
			expect(e.others.map((o) => `${o.keyword} ${o.operands.join(' ')}`)).toEqual([
				'IUCV ALLOW',
				'IUCV ANY',
				'POSIXINFO UID 59'
			]);
			expect(e.mdisks[2]).toMatchObject({
				vdev: '0191',
				start: 1,
				count: 50,
				volid: 'SSI6M1',
				mode: null
			});
		}
	},
	{
		file: '000-example-5-12.direct',
		check: (d) => {
			const e = entry(d, '610ZVM');
			expect(e).toMatchObject({ storage: 99 * M, maxStorage: 999 * M, privClasses: 'BG' });
			expect(e.cpus).toMatchObject([{ address: 0, base: true, cpuid: '616161' }]);
			expect(e.machine).toMatchObject({ mode: 'XA', maxCpus: null });
			expect(e.options.keywords).toEqual(['MAINTCCW', 'DEVMAINT', 'CHPIDVIRTUALIZATION ONE']);
			expect(e.dedicates.map((x) => `${x.vdev}->${x.rdev}`)).toEqual([
				'D850->D850',
				'D851->D851',
				'D852->D852',
				'D853->D853',
				'D854->D854'
			]);
			expect(e.nicdefs[0]).toMatchObject({ vdev: '3080', vswitch: 'VSWITCH1' });
			expect(e.unitRecords.filter((u) => u.statement === 'SPECIAL').map((u) => u.vdev)).toEqual([
				'08E1',
				'08E2',
				'08E3',
				'08E4',
				'08E5',
				'08E6'
			]);
		}
	},
	{
		file: '000-example-5-16.direct',
		check: (d) => {
			const e = entry(d, 'LNXSU11');
			expect(e).toMatchObject({ password: 'XXXXXXXX', storage: 6 * G, maxStorage: 16 * G });
			expect(e.cpus.map((c) => c.address)).toEqual([1, 0, 2, 3]);
			expect(e.machine).toMatchObject({ mode: 'ESA', maxCpus: 4 });
			expect(e.nicdefs.map((n) => `${n.vdev} ${n.vswitch} ${n.devices ?? '-'}`)).toEqual([
				'C200 VSWITCH1 -',
				'6300 VSW999 3',
				'6303 VSW199 3',
				'7000 VSW199 3'
			]);
			expect(e.mdisks).toHaveLength(11);
			expect(e.mdisks.at(-1)).toMatchObject({ vdev: '0309', volid: 'LX998A', count: 10016 });
		}
	},
	{
		file: '000-example-a-1.direct',
		before: ['000-example-4-6.direct'],
		check: (d) => {
			const e = entry(d, 'ITSOLNX2');
			expect(e.includes.map((i) => i.profile)).toEqual(['LINDFLT']);
			expect(e.mdisks).toMatchObject([{ kind: 'devno', vdev: '0300', rdev: '9A26', mode: 'MR' }]);
			expect(e.nicdefs).toMatchObject([{ vdev: '0600', vswitch: 'ITSOVSW1' }]);
		}
	},
	{
		file: '000-example-a-4.direct',
		before: ['000-example-4-5.direct'],
		check: (d) => {
			const e = entry(d, 'ITSOLNX2');
			expect(e.includes.map((i) => i.profile)).toEqual(['LINCMS']);
			expect(e.options.chpidVirtualizationOne).toBe(true);
		}
	},
	{
		file: '000-example-a-7.direct',
		before: ['000-example-4-6.direct'],
		check: (d) => {
			const e = entry(d, 'ITSOLNX1');
			expect(e.mdisks[0]).toMatchObject({
				kind: 'vdisk',
				vdev: '0111',
				deviceType: 'FB-512',
				blocks: 128000,
				mode: null
			});
			expect(e.mdisks[2]).toMatchObject({
				kind: 'extent',
				vdev: '0400',
				count: 30050,
				volid: 'LX603D'
			});
		}
	},
	{
		file: '000-example-a-9.direct',
		check: (d) => {
			const e = entry(d, 'VMLOGS');
			expect(e).toMatchObject({ storage: 64 * M, maxStorage: 128 * M, privClasses: 'ABDEG' });
			expect(e.machine).toMatchObject({ mode: 'ESA', maxCpus: null });
			expect(e.mdisks[0]).toMatchObject({
				volid: 'SSIAC1',
				mode: 'MR',
				passwords: ['LABEL', 'CMS191']
			});
		}
	},
	{
		file: '000-example-a-12.direct',
		before: ['000-example-4-6.direct'],
		check: (d) => {
			const e = entry(d, 'ITSOLNX2');
			expect(e.commands).toMatchObject([
				{ text: 'DEFINE VFB-512 AS 0111 BLK 128000', vdisk: { vdev: '0111', blocks: 128000 } }
			]);
			expect(e.dedicates.map((x) => `${x.vdev}->${x.rdev}`)).toEqual([
				'0600->2126',
				'0601->2127',
				'0602->2128'
			]);
			expect(e.nicdefs).toEqual([]);
			expect(e.ipl?.target).toBe('0300'); // the sequence number in columns 73-80 is not an operand
		}
	},
	{
		file: '000-example-a-14.direct',
		before: ['000-example-4-6.direct'],
		check: (d) => {
			const e = entry(d, 'ITSOLNX2');
			expect(e.mdisks).toMatchObject([{ kind: 'devno', rdev: '9A26' }]);
			expect(e.dedicates).toHaveLength(3);
		}
	},
	{
		file: '000-example-a-21.direct',
		check: (d) =>
			expect(entry(d, 'LNXSU12')).toMatchObject({
				storage: 10 * G,
				maxStorage: 10 * G,
				password: 'G4D703J0'
			})
	},
	{
		file: '000-example-a-27.direct',
		check: (d) => expect(entry(d, 'LNXSU12')).toMatchObject({ storage: 20 * G, maxStorage: 20 * G })
	},
	{
		file: '000-example-b-1.direct',
		check: (d) => {
			const e = entry(d, 'SRI');
			expect(e).toMatchObject({
				kind: 'IDENTITY',
				password: '*******',
				storage: 16 * M,
				builds: []
			});
			expect(e.links.map((l) => l.vdev)).toEqual(['0190', '019E', '019D']);
			expect(e.others).toMatchObject([{ keyword: 'ACCOUNT', operands: ['SYSTEMS'] }]);
		}
	},
	{
		file: '000-example-b-2.direct',
		check: (d) => {
			expect(d.subconfigs[0]?.name).toBe('SRI-1');
			expect(d.subconfigs[0]?.mdisks).toMatchObject([
				{ kind: 'auto', method: 'AUTOV', count: 15, location: 'SSI1M1', mode: 'MR' }
			]);
		}
	},
	{
		file: '000-example-b-3.direct',
		after: ['000-example-b-4.direct'],
		check: (d) => {
			expect(entry(d, 'SRI').builds.map((b) => `${b.member}:${b.subconfig}`)).toEqual([
				'ITSOSSI1:SRI-1',
				'ITSOSSI2:SRI-2'
			]);
		}
	},
	{
		file: '000-example-b-4.direct',
		before: ['000-example-b-3.direct'],
		check: (d) => {
			expect(d.subconfigs.map((s) => s.mdisks[0])).toMatchObject([
				{ kind: 'extent', vdev: '0191', start: 6065, count: 15, volid: 'SSI1M1' },
				{ kind: 'extent', vdev: '0191', start: 4172, count: 15, volid: 'SSI2M1' }
			]);
		}
	},
	{
		file: '000-example-b-5.direct',
		check: (d) => {
			const e = entry(d, 'IDENT');
			expect(e).toMatchObject({ kind: 'IDENTITY', password: null, storage: null });
			expect(e.unitRecords[0]).toMatchObject({
				statement: 'CONSOLE',
				vdev: '001F',
				deviceType: '3215',
				operands: ['T']
			});
		}
	},
	...[1, 2, 3, 4].map((n): Case => ({
		file: `000-example-b-${n + 5}.direct`,
		check: (d) => {
			expect(d.subconfigs[0]?.name).toBe(`SUBCON-${n}`);
			expect(d.subconfigs[0]?.mdisks).toMatchObject([
				{
					kind: 'auto',
					method: 'AUTOG',
					count: 5,
					location: `VM620${n}`,
					mode: 'MR',
					passwords: ['READ', 'WRITE', 'MULTIPLE']
				}
			]);
		}
	}))
];

describe('USER DIRECT fixtures from the seeds', () => {
	it('every fixture has a case below', () => {
		expect(CASES.map((c) => c.file).sort()).toEqual(fixtureNames('.direct'));
	});

	it.each(CASES.map((c) => [c.file, c] as const))(
		'%s parses with no errors and the fields the book shows',
		(_name, c) => {
			const text = [...(c.before ?? []), c.file, ...(c.after ?? [])].map(fixture).join('\n');
			const r = parseUserDirect(text, IBMDFLT);
			expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([]);
			if (r.ok) c.check(r.value);
		}
	);

	it('000 Example 4-8 on its own: INCLUDE of an undefined PROFILE is an error at the profile name', () => {
		expect(errorsOf(fixture('000-example-4-8.direct'))).toEqual([
			'line 7, column 9: INCLUDE LINDFLT in ITSOLNX3: no PROFILE LINDFLT is defined'
		]);
	});

	it('000 Example B-3 on its own: SUBCONFIG referenced by BUILD but not defined is an error', () => {
		expect(errorsOf(fixture('000-example-b-3.direct'))).toEqual([
			'line 3, column 35: BUILD ON ITSOSSI1 in SRI: no SUBCONFIG SRI-1 is defined',
			'line 4, column 35: BUILD ON ITSOSSI2 in SRI: no SUBCONFIG SRI-2 is defined'
		]);
	});

	it('000 Example B-4 parsed with B-3 has no warnings: both SUBCONFIGs are used', () => {
		const r = parseUserDirect(
			`${fixture('000-example-b-3.direct')}\n${fixture('000-example-b-4.direct')}`
		);
		expect(r.warnings).toEqual([]);
	});

	it('000 Example B-2 alone warns that SUBCONFIG SRI-1 is not used by a BUILD', () => {
		const r = parseUserDirect(fixture('000-example-b-2.direct'));
		expect(r.warnings.map(formatDiagnostic)).toEqual([
			'line 1, column 1: SUBCONFIG SRI-1 is not used by any BUILD statement'
		]);
	});
});

describe('USER DIRECT layout', () => {
	it('comment records start with *, including DIRMAINT *DVHOPT records', () => {
		const d = parsed(
			'* a comment\nUSER A PW 1G 1G G\n  * indented comment\n*DVHOPT LNK0 LOG1\nMACH ESA'
		);
		expect(entry(d, 'A').machine?.line).toBe(5);
	});

	it('a sequence number in columns 73-80 is ignored (000 Example A-12)', () => {
		const d = parsed(
			`${'USER A PW 1G 2G G'.padEnd(72)}11071537\n${'MACH ESA 4'.padEnd(72)}00000010`
		);
		expect(entry(d, 'A')).toMatchObject({ privClasses: 'G', machine: { maxCpus: 4 } });
	});

	it('keywords and names are case-insensitive, device numbers normalised to four hex digits', () => {
		const d = parsed(
			'user lnx1 pw 1g 2g g\nmdisk 191 3390 1 10 vol1 mr\nnicdef 600 type qdio lan system vsw1'
		);
		const e = entry(d, 'LNX1');
		expect(e.mdisks[0]).toMatchObject({ vdev: '0191', volid: 'VOL1', mode: 'MR' });
		expect(e.nicdefs[0]).toMatchObject({ vdev: '0600', vswitch: 'VSW1' });
	});

	it('NICDEF statements for one device accumulate (TYPE on one, LAN on the next)', () => {
		const e = entry(
			parsed('USER A PW 1G 1G\nNICDEF 0600 TYPE QDIO DEVICES 3\nNICDEF 0600 LAN SYSTEM VSW1'),
			'A'
		);
		expect(e.nicdefs).toMatchObject([{ vdev: '0600', type: 'QDIO', devices: 3, vswitch: 'VSW1' }]);
	});

	it('VMRELOCATE ON DOMAIN name places the guest in a relocation domain (000 §3.5.3)', () => {
		const e = entry(parsed('USER ITSOLNX1 PW 4G 4G G\nVMRELOCATE ON DOMAIN DOMAINA'), 'ITSOLNX1');
		expect(e.vmrelocate).toMatchObject({ enabled: true, domain: 'DOMAINA' });
	});

	it('OPTION CHPIDVIRTUALIZATION ONE may be written in full or as CHPIDV ONE (001, Guest Configuration)', () => {
		expect(
			entry(parsed('USER A PW 1G 1G\nOPTION CHPIDVIRTUALIZATION ONE'), 'A').options
				.chpidVirtualizationOne
		).toBe(true);
		expect(
			entry(parsed('USER A PW 1G 1G\nOPTION CHPIDV TWO'), 'A').options.chpidVirtualizationOne
		).toBe(false);
	});

	it('T-DISK minidisks and CPU types are read', () => {
		const e = entry(
			parsed('USER A PW 1G 1G\nMDISK 0192 3390 T-DISK 10 MR\nCPU 01 IFL NODEDICATE'),
			'A'
		);
		expect(e.mdisks[0]).toMatchObject({ kind: 'tdisk', count: 10, mode: 'MR' });
		expect(e.cpus[0]).toMatchObject({ address: 1, cpuType: 'IFL', dedicate: false });
	});

	it('unknown statements inside an entry are kept with a warning, not an error', () => {
		const r = parseUserDirect('USER A PW 1G 1G\nFROBNICATE 1 2');
		expect(r.ok && r.value.entries[0]?.others).toEqual([
			{ line: 2, column: 1, keyword: 'FROBNICATE', operands: ['1', '2'] }
		]);
		expect(r.warnings.map(formatDiagnostic)).toEqual([
			'line 2, column 1: "FROBNICATE" is not a directory statement the simulator knows; kept unchecked'
		]);
	});

	it('DIRECTORY statements before the first entry are kept', () => {
		const d = parsed('DIRECTORY 0123 3390 SSI5RS\nUSER A PW 1G 1G');
		expect(d.directoryStatements).toEqual([
			{ line: 1, column: 1, operands: ['0123', '3390', 'SSI5RS'] }
		]);
	});
});

describe('USER DIRECT errors name what is wrong and where', () => {
	it.each([
		[
			'storage that is not a z/VM size',
			'* one\n* two\n* three\nUSER LNX1 PW 6Q 16G G',
			['line 4, column 14: storage "6Q" is not a z/VM size (use K, M, G or T)']
		],
		[
			'storage without a unit',
			'USER LNX1 PW 512 1G G',
			[
				'line 1, column 14: storage "512" has no unit: z/VM sizes need a suffix K, M, G or T (a bare number is not accepted)'
			]
		],
		[
			'a bad maximum storage',
			'USER LNX1 PW 1G 16X G',
			['line 1, column 17: maximum storage "16X" is not a z/VM size (use K, M, G or T)']
		],
		[
			'storage larger than the maximum storage',
			'USER LNX1 PW 6G 4G G',
			['line 1, column 14: storage 6G is more than the maximum storage 4G']
		],
		[
			'bad privilege classes',
			'USER LNX1 PW 1G 1G G!',
			['line 1, column 20: privilege classes "G!" must be letters A-Z or digits 1-6']
		],
		[
			'a user ID longer than 8 characters',
			'USER ITSOLNX10 PW 1G 1G G',
			[
				'line 1, column 6: USER needs a user ID of 1-8 letters, digits or @ # $ _ -, found "ITSOLNX10"'
			]
		],
		[
			'a duplicate user ID',
			'USER A PW 1G 1G\nIDENTITY a PW 1G 1G',
			['line 2, column 10: user ID A is already defined on line 1']
		],
		[
			'a duplicate PROFILE',
			'PROFILE P\nPROFILE P',
			['line 2, column 9: PROFILE P is already defined on line 1']
		],
		[
			'a statement outside any entry',
			'MDISK 0191 3390 1 10 VOL1 MR\nUSER A PW 1G 1G',
			['line 1, column 1: "MDISK" is outside any USER, IDENTITY, PROFILE or SUBCONFIG entry']
		],
		[
			'a virtual device of five hex digits',
			'USER A PW 1G 1G\nMDISK 12345 3390 1 10 VOL1 MR',
			['line 2, column 7: virtual device "12345" is not a device number (1-4 hex digits)']
		],
		[
			'a virtual device that is not hex',
			'USER A PW 1G 1G\nLINK MAINT 0190 019G RR',
			['line 2, column 17: virtual device "019G" is not a device number (1-4 hex digits)']
		],
		[
			'an MDISK device type that is not DASD',
			'USER A PW 1G 1G\nMDISK 0191 DISK 1 10 VOL1 MR',
			['line 2, column 12: device type "DISK" must be a DASD type such as 3390 or FB-512']
		],
		[
			'an MDISK without a volume',
			'USER A PW 1G 1G\nMDISK 0191 3390 1 10',
			['line 2, column 21: MDISK needs a volume serial of 1-6 characters, found nothing']
		],
		[
			'an MDISK with a bad access mode',
			'USER A PW 1G 1G\nMDISK 0191 3390 1 10 VOL1 XR',
			[
				'line 2, column 27: access mode "XR" must be R, RR, W, WR, M, MR or MW (optionally followed by V)'
			]
		],
		[
			'an MDISK of zero cylinders',
			'USER A PW 1G 1G\nMDISK 0191 3390 1 0 VOL1',
			['line 2, column 19: MDISK size "0" must be a whole number of at least 1 or END']
		],
		[
			'a MACHINE type that does not exist',
			'USER A PW 1G 1G\nMACHINE 370',
			['line 2, column 9: machine mode "370" must be ESA, XA, XC or Z']
		],
		[
			'MACHINE with too many CPUs',
			'USER A PW 1G 1G\nMACH ESA 65',
			['line 2, column 10: maximum CPUs "65" must be a number from 1 to 64']
		],
		[
			'two MACHINE statements',
			'USER A PW 1G 1G\nMACH ESA\nMACH XA',
			['line 3, column 1: second MACHINE statement in A (the first is on line 2)']
		],
		[
			'a CPU address beyond 3F',
			'USER A PW 1G 1G\nCPU 40',
			['line 2, column 5: CPU address "40" must be hexadecimal 00-3F']
		],
		[
			'a CPU address defined twice',
			'USER A PW 1G 1G\nCPU 01\nCPU 1',
			['line 3, column 5: CPU 1 is already defined on line 2']
		],
		[
			'a CPUID that is not six hex digits',
			'USER A PW 1G 1G\nCPU 00 CPUID 61616',
			['line 2, column 14: CPUID "61616" must be six hexadecimal digits']
		],
		[
			'NICDEF LAN without a name',
			'USER A PW 1G 1G\nNICDEF 0600 TYPE QDIO LAN SYSTEM',
			['line 2, column 23: NICDEF LAN needs an owner and a name (LAN SYSTEM vswitch)']
		],
		[
			'NICDEF with an unknown TYPE',
			'USER A PW 1G 1G\nNICDEF 0600 TYPE OSA',
			['line 2, column 18: NICDEF TYPE "OSA" must be QDIO, HIPERSOCKETS, IEDN or INMN']
		],
		[
			'NICDEF devices overlapping a DEDICATE',
			'USER A PW 1G 1G\nNICDEF 0600 TYPE QDIO LAN SYSTEM V1\nDEDICATE 0601 2127',
			[
				'line 3, column 10: virtual device 0601 of this DEDICATE is already used by the NICDEF on line 2'
			]
		],
		[
			'OPTION CHPIDV without ONE or TWO',
			'USER A PW 1G 1G\nOPTION CHPIDV',
			['line 2, column 14: CHPIDVIRTUALIZATION needs ONE or TWO, found nothing']
		],
		[
			'VMRELOCATE without ON or OFF',
			'USER A PW 1G 1G\nVMRELOCATE DOMAIN D1',
			['line 2, column 12: VMRELOCATE needs ON or OFF, found "DOMAIN"']
		],
		[
			'COMMAND DEFINE VFB-512 with a bad device',
			'USER A PW 1G 1G\nCOMMAND DEFINE VFB-512 AS 01111 BLK 128000',
			['line 2, column 27: DEFINE VFB-512 AS "01111": the virtual device must be 1-4 hex digits']
		],
		[
			'INCLUDE in a PROFILE',
			'PROFILE P\nINCLUDE Q',
			['line 2, column 1: INCLUDE is only valid in a USER or IDENTITY entry, not in PROFILE P']
		],
		[
			'BUILD in a USER (000 §2.2.4: only IDENTITY entries have SUBCONFIGs)',
			'USER A PW 1G 1G\nBUILD ON M1 USING SUBCONFIG A-1',
			['line 2, column 1: BUILD is only valid in an IDENTITY entry, not in USER A (000 §2.2.4)']
		],
		[
			'a malformed BUILD',
			'IDENTITY A PW 1G 1G\nBUILD ON M1 WITH SUBCONFIG A-1\nSUBCONFIG A-1',
			['line 2, column 13: expected BUILD ON member USING SUBCONFIG name']
		],
		[
			'one SUBCONFIG used by two BUILDs',
			'IDENTITY A PW 1G 1G\nBUILD ON M1 USING SUBCONFIG S-1\nBUILD ON M2 USING SUBCONFIG S-1\nSUBCONFIG S-1',
			[
				'line 3, column 29: SUBCONFIG S-1 is already used by A on M1; each SUBCONFIG belongs to one IDENTITY and member'
			]
		],
		[
			'two BUILDs for one member',
			'IDENTITY A PW 1G 1G\nBUILD ON M1 USING SUBCONFIG S-1\nBUILD ON M1 USING SUBCONFIG S-2\nSUBCONFIG S-1\nSUBCONFIG S-2',
			['line 3, column 10: IDENTITY A already has a BUILD ON M1 (line 2)']
		],
		[
			'IPL without a target',
			'USER A PW 1G 1G\nIPL',
			['line 2, column 4: IPL needs a device number or system name']
		]
	])('%s', (_title, text, expected) => {
		expect(errorsOf(text)).toEqual(expected);
	});

	it('INCLUDE of a profile outside the text is accepted when declared external (IBMDFLT)', () => {
		expect(errorsOf('USER A PW 1G 1G\nINCLUDE IBMDFLT')).toEqual([
			'line 2, column 9: INCLUDE IBMDFLT in A: no PROFILE IBMDFLT is defined'
		]);
		expect(
			parseUserDirect('USER A PW 1G 1G\nINCLUDE IBMDFLT', { externalProfiles: ['ibmdflt'] }).ok
		).toBe(true);
	});
});
