/**
 * 000 App. A.1: each failing relocation fixed with the book's own commands on the console, as
 * its transcripts show them. The scenarios start as the book's problem; these tests type the
 * fix at the simulated times the book's Ready lines give, and compare what the consoles show.
 * Tables the OCR split into columns are compared with their blanks collapsed (`norm`).
 */
import { describe, expect, it } from 'vitest';
import type { Simulation } from '$lib/core/simulation';
import { body, boot, cmd, doc, norm, type Json } from './helpers';

const members = (j: Json) => (j.cluster as Json).members as Json[];
const member = (j: Json, name: string) => members(j).find((m) => m.name === name)!;

/** Runs the simulation to `hh:mm:ss` of its first day (the book's time stamps). */
function until(sim: Simulation, clock: string): void {
	const [h, m, s] = clock.split(':').map(Number) as [number, number, number];
	const day = Math.floor(sim.state.epochMs / 86_400_000) * 86_400_000;
	const t = day + ((h * 60 + m) * 60 + s) * 1000 - sim.state.epochMs;
	if (t < sim.state.now) throw new Error(`${clock} is in the past`);
	sim.runUntil(t);
}

/**
 * Types `text` at `clock` on `on`'s console (as `user`), and returns what that console shows
 * from then on, up to now: `> input`, CP's lines, and lines written after the Ready.
 */
function type(sim: Simulation, on: string, clock: string, text: string, user?: string): string[] {
	until(sim, clock);
	const from = sim.state.console.length;
	sim.apply({ kind: 'command', on, text, ...(user ? { user } : {}) });
	return shown(sim, on, from);
}

const READY = /^Ready; T=0\.01\/0\.01 \d\d:\d\d:\d\d$/;

/** Types a VMRELOCATE MOVE at `clock` and runs until it has ended; returns what the console shows. */
function typeUntilDone(sim: Simulation, on: string, clock: string, text: string): string[] {
	until(sim, clock);
	const from = sim.state.console.length;
	sim.apply({ kind: 'command', on, text });
	const rel = sim.state.relocations.at(-1)!;
	while (rel.outcome === null && sim.step());
	return shown(sim, on, from);
}

/** What `on`'s console shows from line `from` on. */
function shown(sim: Simulation, on: string, from = 0): string[] {
	return sim.state.console
		.slice(from)
		.filter((l) => l.on === on)
		.map((l) => (l.kind === 'input' ? `> ${l.text}` : l.text));
}

/** Lines of a guest's own console in the event log (what SET OBSERVER would show). */
function guestConsole(sim: Simulation, user: string): string[] {
	return sim.state.log.flatMap((e) =>
		e.kind === 'guest.console' && e.user === user ? [e.text] : []
	);
}

describe('000 App. A.1.1 (Example A-3): the DEVNO disk detached from SYSTEM on the destination', () => {
	it('q 9a26 on both members, at itsossi1 cmd det 9a26 system, and the guest is eligible', () => {
		const sim = boot('a11-devno');
		until(sim, '15:15:10');
		expect(type(sim, 'ITSOSSI4', '15:15:52', 'q 9a26')).toEqual([
			'> q 9a26',
			'DASD 9A26 CP SYSTEM DEVNO',
			'Ready; T=0.01/0.01 15:15:52'
		]);
		expect(type(sim, 'ITSOSSI4', '15:16:13', 'at itsossi1 cmd q 9a26')).toEqual([
			'> at itsossi1 cmd q 9a26',
			'DASD 9A26 CP SYSTEM US9A26 0',
			'Ready; T=0.01/0.01 15:16:13'
		]);
		expect(type(sim, 'ITSOSSI4', '15:16:46', 'at itsossi1 cmd det 9a26 system')).toEqual([
			'> at itsossi1 cmd det 9a26 system',
			'DASD 9A26 DETACHED SYSTEM',
			'Ready; T=0.01/0.01 15:16:46'
		]);
		expect(type(sim, 'ITSOSSI4', '15:16:50', 'at itsossi1 cmd q 9a26')).toEqual([
			'> at itsossi1 cmd q 9a26',
			'DASD 9A26 US9A26',
			'Ready; T=0.01/0.01 15:16:50'
		]);
		expect(type(sim, 'ITSOSSI4', '15:17:04', 'vmrelocate test user itsolnx2 to itsossi1')).toEqual([
			'> vmrelocate test user itsolnx2 to itsossi1',
			'User ITSOLNX2 is eligible for relocation to ITSOSSI1',
			'Ready; T=0.01/0.01 15:17:04'
		]);
	});
});

describe('000 App. A.1.2 (Example A-6): the CMS disks detached from the running guest', () => {
	it('send cp itsolnx2 det 190 19d 19e, then the guest is eligible and moves', () => {
		const sim = boot('a12-cms-mdisks');
		until(sim, '15:38:46');
		expect(type(sim, 'ITSOSSI4', '15:48:18', 'send cp itsolnx2 det 190 19d 19e')).toEqual([
			'> send cp itsolnx2 det 190 19d 19e',
			'Ready; T=0.01/0.01 15:48:18',
			'ITSOLNX2: 0190 019D 019E DETACHED'
		]);
		expect(type(sim, 'ITSOSSI4', '15:48:32', 'vmrelocate test user itsolnx2 to itsossi1')).toEqual([
			'> vmrelocate test user itsolnx2 to itsossi1',
			'User ITSOLNX2 is eligible for relocation to ITSOSSI1',
			'Ready; T=0.01/0.01 15:48:32'
		]);
		// How long the move takes is the memory-transfer engine's business, not this test's.
		const move = typeUntilDone(
			sim,
			'ITSOSSI4',
			'15:48:34',
			'vmrelocate move user itsolnx2 to itsossi1'
		);
		expect(move).toEqual([
			'> vmrelocate move user itsolnx2 to itsossi1',
			'Relocation of ITSOLNX2 from ITSOSSI4 to ITSOSSI1 started',
			'User ITSOLNX2 has been relocated from ITSOSSI4 to ITSOSSI1',
			move[3]
		]);
		expect(move[3]).toMatch(READY);
		expect(body(cmd(sim, 'ITSOSSI4', 'q user itsolnx2 at all'))).toEqual([
			'ITSOSSI1 : ITSOLNX2 - DSC'
		]);
	});
});

describe('000 App. A.1.4 (Example A-10): a CMS guest stopped on one member and started on another', () => {
	it('at itsossi4 cmd force vmlogs, at itsossi1 cmd xautolog vmlogs, query user vmlogs at all', () => {
		const sim = boot('a14-cms-guest');
		until(sim, '16:24:36');
		expect(type(sim, 'ITSOSSI4', '16:24:44', 'at itsossi4 cmd force vmlogs', 'MAINT620')).toEqual([
			'> at itsossi4 cmd force vmlogs',
			'USER DSC LOGOFF AS VMLOGS USERS = 18 FORCED BY MAINT620',
			'Ready; T=0.01/0.01 16:24:44'
		]);
		// VMLOGS's own console, which the book's MAINT620 observed (`VMLOGS : ...`).
		expect(guestConsole(sim, 'VMLOGS')).toEqual([
			'CONNECT= 99:59:59 VIRTCPU= 000:00.85 TOTCPU= 000:02.85',
			'LOGOFF AT 16:24:44 EST MONDAY 11/07/11 BY MAINT620'
		]);
		// The book's "itsossil" is ITSOSSI1 read by the OCR.
		expect(
			type(sim, 'ITSOSSI4', '16:25:00', 'at itsossi1 cmd xautolog vmlogs', 'MAINT620')
		).toEqual([
			'> at itsossi1 cmd xautolog vmlogs',
			'Command accepted',
			'Ready; T=0.01/0.01 16:25:00'
		]);
		expect(type(sim, 'ITSOSSI4', '16:25:07', 'query user vmlogs at all', 'MAINT620')).toEqual([
			'> query user vmlogs at all',
			'ITSOSSI1 : VMLOGS - DSC',
			'Ready; T=0.01/0.01 16:25:07'
		]);
		// The AUTO LOGON notice is for ITSOSSI1's operator, not the issuer on ITSOSSI4.
		expect(shown(sim, 'ITSOSSI1')).toEqual([
			'AUTO LOGON *** VMLOGS USERS = 1',
			'HCPCLS6056I XAUTOLOG information for VMLOGS: The IPL command is verified by the IPL command processor.'
		]);
		// Still a CMS guest: it runs on ITSOSSI1 and is still not relocatable (000 A.1.4).
		const again = type(sim, 'ITSOSSI1', '16:25:30', 'vmrelocate test user vmlogs to itsossi2');
		expect(again).toContain('HCPRLE1963I VMLOGS: Virtual machine is using VMCF');
		expect(again).toContain(
			'HCPRLI1996I VMLOGS: Virtual machine device 0190 is a link to a local minidisk'
		);
	});
});

/** ITSOSSI4's QUERY OSA of Example A-11: the OSAs of TCPIP and of the virtual switch DTCVSW1. */
const OSA_ITSOSSI4 = doc(`
OSA 2120 ATTACHED TO TCPIP 2120 DEVTYPE OSA CHPID 0C OSD
OSA 2121 ATTACHED TO TCPIP 2121 DEVTYPE OSA CHPID 0C OSD
OSA 2122 ATTACHED TO TCPIP 2122 DEVTYPE OSA CHPID 0C OSD
OSA 2123 ATTACHED TO DTCVSW1 0600 DEVTYPE OSA CHPID 0C OSD
OSA 2124 ATTACHED TO DTCVSW1 0601 DEVTYPE OSA CHPID 0C OSD
OSA 2125 ATTACHED TO DTCVSW1 0602 DEVTYPE OSA CHPID 0C OSD
`);

/** The same with ITSOLNX2's dedicated OSAs (Example A-13, A-14). */
const OSA_ITSOSSI4_LNX2 = [
	...OSA_ITSOSSI4,
	...doc(`
OSA 2126 ATTACHED TO ITSOLNX2 0600 DEVTYPE OSA CHPID 0C OSD
OSA 2127 ATTACHED TO ITSOLNX2 0601 DEVTYPE OSA CHPID 0C OSD
OSA 2128 ATTACHED TO ITSOLNX2 0602 DEVTYPE OSA CHPID 0C OSD
`)
];

/** Console lines with their blanks collapsed (the book's tables were OCR'd column by column). */
const normed = (lines: string[]) => lines.map(norm);

describe('000 App. A.1.5 (Examples A-11, A-13, A-14): dedicated OSAs and their EQID', () => {
	it('Example A-11 then A-13: the EQID removed from 2126-2128, the guest started, not relocatable', () => {
		// Before A-11: every OSA of ITSOSSI4 has EQID OSA1SET1, and ITSOLNX2 is not logged on.
		const sim = boot('a15-dedicate', (j) => {
			j.start = '2011-11-08T11:08:00';
			j.systemConfig = String(j.systemConfig).replace(
				/ {2}RDEVICE 2120-2125 EQID OSA1SET1 TYPE OSA\n {2}RDEVICE 2126-2128 TYPE OSA\n {2}RDEVICE 2129-212F EQID OSA1SET1 TYPE OSA\n/,
				'  RDEVICE 2120-212F EQID OSA1SET1 TYPE OSA\n'
			);
			j.guests = [];
			j.script = [];
		});
		expect(normed(type(sim, 'ITSOSSI4', '11:08:11', 'q osa'))).toEqual([
			'> q osa',
			...OSA_ITSOSSI4,
			'Ready; T=0.01/0.01 11:08:11'
		]);
		expect(type(sim, 'ITSOSSI4', '11:08:29', 'q 2126-2128')).toEqual([
			'> q 2126-2128',
			'OSA 2126 FREE , OSA 2127 FREE , OSA 2128 FREE',
			'Ready; T=0.01/0.01 11:08:29'
		]);
		expect(type(sim, 'ITSOSSI4', '11:08:45', 'vary off 2126-2128')).toEqual([
			'> vary off 2126-2128',
			'2126 varied offline',
			'2127 varied offline',
			'2128 varied offline',
			'3 device(s) specified; 3 device(s) successfully varied offline',
			'Ready; T=0.01/0.01 11:08:45'
		]);
		// The OCR's "O RDEV(s) created" is 0.
		expect(type(sim, 'ITSOSSI4', '11:09:20', 'set rdev 2126-2128 noeqid type osa')).toEqual([
			'> set rdev 2126-2128 noeqid type osa',
			'HCPZRP6722I Characteristics of device 2126 were set as requested.',
			'HCPZRP6722I Characteristics of device 2127 were set as requested.',
			'HCPZRP6722I Characteristics of device 2128 were set as requested.',
			'3 RDEV(s) specified; 3 RDEV(s) changed; 0 RDEV(s) created',
			'Ready; T=0.01/0.01 11:09:20'
		]);
		expect(type(sim, 'ITSOSSI4', '11:09:31', 'vary on 2126-2128')).toEqual([
			'> vary on 2126-2128',
			'2126 varied online',
			'2127 varied online',
			'2128 varied online',
			'3 device(s) specified; 3 device(s) successfully varied online',
			'Ready; T=0.01/0.01 11:09:31'
		]);
		expect(type(sim, 'ITSOSSI4', '11:14:19', 'xautolog itsolnx2')).toEqual([
			'> xautolog itsolnx2',
			'Command accepted',
			'Ready; T=0.01/0.01 11:14:19',
			'AUTO LOGON *** ITSOLNX2 USERS = 19',
			'HCPCLS6056I XAUTOLOG information for ITSOLNX2: The IPL command is verified by the IPL command processor.'
		]);
		expect(normed(type(sim, 'ITSOSSI4', '11:14:24', 'q osa'))).toEqual([
			'> q osa',
			...OSA_ITSOSSI4_LNX2,
			'Ready; T=0.01/0.01 11:14:24'
		]);
		expect(type(sim, 'ITSOSSI4', '11:15:47', 'vmrelocate test itsolnx2 to itsossi3')).toEqual([
			'> vmrelocate test itsolnx2 to itsossi3',
			'HCPRLH1940E ITSOLNX2 is not relocatable for the following reason(s):',
			'HCPRLI1982I ITSOLNX2: Source system real network device 2126 requires an EQID to be assigned',
			'HCPRLI1982I ITSOLNX2: Source system real network device 2127 requires an EQID to be assigned',
			'HCPRLI1982I ITSOLNX2: Source system real network device 2128 requires an EQID to be assigned',
			'Ready(01940); T=0.01/0.01 11:15:47'
		]);
	});

	it('Example A-14: signal shutdown, the EQID set again, xautolog, eligible, moved onto 2106-2108', () => {
		const sim = boot('a15-dedicate');
		until(sim, '11:15:48');
		const signalled = sim.state.console.length;
		expect(type(sim, 'ITSOSSI4', '11:21:34', 'signal shutdown itsolnx2')).toEqual([
			'> signal shutdown itsolnx2',
			'Ready; T=0.01/0.01 11:21:34'
		]);
		// Linux shuts down (params.guestShutdownMs, 5 s), then reports, before the next command.
		until(sim, '11:21:39');
		expect(shown(sim, 'ITSOSSI4', signalled).slice(2)).toEqual([
			'HCPSIG2113I User ITSOLNX2 has reported successful termination',
			'USER DSC LOGOFF AS ITSOLNX2 USERS = 18 AFTER SIGNAL'
		]);
		expect(type(sim, 'ITSOSSI4', '11:21:53', 'vary off 2126-2128')).toEqual([
			'> vary off 2126-2128',
			'2126 varied offline',
			'2127 varied offline',
			'2128 varied offline',
			'3 device(s) specified; 3 device(s) successfully varied offline',
			'Ready; T=0.01/0.01 11:21:53'
		]);
		expect(type(sim, 'ITSOSSI4', '11:22:27', 'set rdev 2126-2128 eqid osa1set1 type osa')).toEqual([
			'> set rdev 2126-2128 eqid osa1set1 type osa',
			'HCPZRP6722I Characteristics of device 2126 were set as requested.',
			'HCPZRP6722I Characteristics of device 2127 were set as requested.',
			'HCPZRP6722I Characteristics of device 2128 were set as requested.',
			'3 RDEV(s) specified; 3 RDEV(s) changed; 0 RDEV(s) created',
			'Ready; T=0.01/0.01 11:22:27'
		]);
		// The book's `varv on` is `vary on` read by the OCR.
		expect(type(sim, 'ITSOSSI4', '11:22:38', 'vary on 2126-2128')).toEqual([
			'> vary on 2126-2128',
			'2126 varied online',
			'2127 varied online',
			'2128 varied online',
			'3 device(s) specified; 3 device(s) successfully varied online',
			'Ready; T=0.01/0.01 11:22:38'
		]);
		expect(type(sim, 'ITSOSSI4', '11:23:01', 'xautolog itsolnx2')).toEqual([
			'> xautolog itsolnx2',
			'Command accepted',
			'Ready; T=0.01/0.01 11:23:01',
			'AUTO LOGON *** ITSOLNX2 USERS = 19',
			'HCPCLS6056I XAUTOLOG information for ITSOLNX2: The IPL command is verified by the IPL command processor.'
		]);
		expect(normed(type(sim, 'ITSOSSI4', '11:23:22', 'q osa'))).toEqual([
			'> q osa',
			...OSA_ITSOSSI4_LNX2,
			'Ready; T=0.01/0.01 11:23:22'
		]);
		expect(type(sim, 'ITSOSSI4', '11:23:52', 'vmrelocate test itsolnx2 to itsossi3')).toEqual([
			'> vmrelocate test itsolnx2 to itsossi3',
			'User ITSOLNX2 is eligible for relocation to ITSOSSI3',
			'Ready; T=0.01/0.01 11:23:52'
		]);
		const move = typeUntilDone(sim, 'ITSOSSI4', '11:23:55', 'vmrelocate move itsolnx2 to itsossi3');
		expect(move.slice(0, 3)).toEqual([
			'> vmrelocate move itsolnx2 to itsossi3',
			'Relocation of ITSOLNX2 from ITSOSSI4 to ITSOSSI3 started',
			'User ITSOLNX2 has been relocated from ITSOSSI4 to ITSOSSI3'
		]);
		expect(move[3]).toMatch(READY);
		// "2126 in ITSOSSI4 was changed to 2106 in ITSOSSI3" (000 A.1.5).
		expect(normed(type(sim, 'ITSOSSI4', '11:25:11', 'at itsossi3 cmd q osa'))).toEqual([
			'> at itsossi3 cmd q osa',
			...doc(`
OSA 2100 ATTACHED TO TCPIP 2100 DEVTYPE OSA CHPID 00 OSD
OSA 2101 ATTACHED TO TCPIP 2101 DEVTYPE OSA CHPID 00 OSD
OSA 2102 ATTACHED TO TCPIP 2102 DEVTYPE OSA CHPID 00 OSD
OSA 2103 ATTACHED TO DTCVSW2 0600 DEVTYPE OSA CHPID 00 OSD
OSA 2104 ATTACHED TO DTCVSW2 0601 DEVTYPE OSA CHPID 00 OSD
OSA 2105 ATTACHED TO DTCVSW2 0602 DEVTYPE OSA CHPID 00 OSD
OSA 2106 ATTACHED TO ITSOLNX2 0600 DEVTYPE OSA CHPID 00 OSD
OSA 2107 ATTACHED TO ITSOLNX2 0601 DEVTYPE OSA CHPID 00 OSD
OSA 2108 ATTACHED TO ITSOLNX2 0602 DEVTYPE OSA CHPID 00 OSD
`),
			'Ready; T=0.01/0.01 11:25:11'
		]);
		// The book's "O601" is 0601.
		expect(normed(type(sim, 'ITSOSSI4', '11:25:30', 'at itsossi4 cmd q osa'))).toEqual([
			'> at itsossi4 cmd q osa',
			...OSA_ITSOSSI4,
			'Ready; T=0.01/0.01 11:25:30'
		]);
		expect(type(sim, 'ITSOSSI4', '11:25:42', 'at itsossi4 cmd q 2126 id')).toEqual([
			'> at itsossi4 cmd q 2126 id',
			'OSA 2126 1732-01 CU: 1731-01 2126 EQID: OSA1SET1',
			'Ready; T=0.01/0.01 11:25:42'
		]);
		expect(type(sim, 'ITSOSSI4', '11:26:00', 'at itsossi3 cmd q 2106 id')).toEqual([
			'> at itsossi3 cmd q 2106 id',
			'OSA 2106 1732-01 CU: 1731-01 2106 EQID: OSA1SET1',
			'Ready; T=0.01/0.01 11:26:00'
		]);
	});
});

/** QUERY ALLOC PAGE lines with their blanks collapsed. */
const allocPage = (...rows: string[]) => [
	'EXTENT EXTENT TOTAL PAGES HIGH %',
	'VOLID RDEV START END PAGES IN USE PAGE USED',
	...rows
];

describe('000 App. A.1.8 (Examples A-23, A-25, A-26): a second paging volume on the destination', () => {
	it('q alloc page shows Example A-23; attach 9c21 to system adds SSI6P2; the guest is eligible', () => {
		const sim = boot('a18-paging');
		until(sim, '10:54:10');
		expect(normed(type(sim, 'ITSOSSI6', '10:56:20', 'q alloc page'))).toEqual([
			'> q alloc page',
			...allocPage('SSI6P1 9E2F 1 10016 1761K 0 0 0%', 'SUMMARY 1761K 0 0%', 'USABLE 1761K 0 0%'),
			'Ready; T=0.01/0.01 10:56:20'
		]);
		expect(type(sim, 'ITSOSSI6', '11:55:00', 'attach 9c21 to system')).toEqual([
			'> attach 9c21 to system',
			'DASD 9C21 ATTACHED TO SYSTEM SSI6P2',
			'Ready; T=0.01/0.01 11:55:00'
		]);
		expect(normed(type(sim, 'ITSOSSI6', '11:56:08', 'q alloc page'))).toEqual([
			'> q alloc page',
			...allocPage(
				'SSI6P2 9C21 1 10016 1761K 0 0 0%',
				'SSI6P1 9E2F 1 10016 1761K 0 0 0%',
				'SUMMARY 3521K 0 0%',
				'USABLE 3521K 0 0%'
			),
			'Ready; T=0.01/0.01 11:56:08'
		]);
		expect(type(sim, 'ITSOSSI5', '11:58:26', 'vmrelocate test lnxsu12 itsossi6')).toEqual([
			'> vmrelocate test lnxsu12 itsossi6',
			'User LNXSU12 is eligible for relocation to ITSOSSI6',
			'Ready; T=0.01/0.01 11:58:26'
		]);
	});

	it('Example A-25 exactly, with the 2 pages (high page 15) SSI6P1 had in use by then', () => {
		const sim = boot('a18-paging', (j) => {
			const vols = member(j, 'ITSOSSI6').pagingVolumes as Json[];
			Object.assign(
				vols.find((v) => v.volser === 'SSI6P1')!,
				{ inUse: 2, highPage: 15 }
			);
			j.script = [];
		});
		type(sim, 'ITSOSSI6', '11:55:00', 'att 9c21 system');
		// The book's Ready stamp "11:56:80" is 11:56:08 misread.
		expect(normed(type(sim, 'ITSOSSI6', '11:56:08', 'q alloc page'))).toEqual([
			'> q alloc page',
			...allocPage(
				'SSI6P2 9C21 1 10016 1761K 0 0 0%',
				'SSI6P1 9E2F 1 10016 1761K 2 15 1%',
				'SUMMARY 3521K 2 1%',
				'USABLE 3521K 2 1%'
			),
			'Ready; T=0.01/0.01 11:56:08'
		]);
		expect(type(sim, 'ITSOSSI5', '11:58:26', 'vmrelocate test lnxsu12 itsossi6')).toEqual([
			'> vmrelocate test lnxsu12 itsossi6',
			'User LNXSU12 is eligible for relocation to ITSOSSI6',
			'Ready; T=0.01/0.01 11:58:26'
		]);
	});
});

describe('000 App. A.1.3 (Example A-8): the V-DISK replaced by a private virtual disk', () => {
	it('send cp itsolnx1 det 111, then define vfb-512 as 0111 blk 128000: eligible', () => {
		// The book changes the directory (COMMAND DEFINE VFB-512); the same commands, sent to
		// the running guest, make the change at once.
		const sim = boot('a13-vdisk');
		until(sim, '11:34:18');
		expect(type(sim, 'ITSOSSI1', '11:40:00', 'send cp itsolnx1 det 111')).toEqual([
			'> send cp itsolnx1 det 111',
			'Ready; T=0.01/0.01 11:40:00',
			'ITSOLNX1: 0111 DETACHED'
		]);
		expect(
			type(sim, 'ITSOSSI1', '11:40:10', 'send cp itsolnx1 define vfb-512 as 0111 blk 128000')
		).toEqual([
			'> send cp itsolnx1 define vfb-512 as 0111 blk 128000',
			'Ready; T=0.01/0.01 11:40:10',
			'ITSOLNX1: DASD 0111 DEFINED'
		]);
		expect(type(sim, 'ITSOSSI1', '11:40:20', 'vmrelocate test itsolnx1 to itsossi3')).toEqual([
			'> vmrelocate test itsolnx1 to itsossi3',
			'User ITSOLNX1 is eligible for relocation to ITSOSSI3',
			'Ready; T=0.01/0.01 11:40:20'
		]);
	});
});

describe('000 App. A.1.6 and A.1.7: the fixes are VMRELOCATE operands', () => {
	it('A-18: vmrelocate move lnxsu12 itsossi6 force domain relocates the guest', () => {
		const sim = boot('a16-domains');
		until(sim, '10:33:51');
		const move = typeUntilDone(
			sim,
			'ITSOSSI5',
			'10:39:57',
			'vmrelocate move lnxsu12 itsossi6 force domain'
		);
		expect(move.slice(0, 3)).toEqual([
			'> vmrelocate move lnxsu12 itsossi6 force domain',
			'Relocation of LNXSU12 from ITSOSSI5 to ITSOSSI6 started with FORCE DOMAIN in effect',
			'User LNXSU12 has been relocated from ITSOSSI5 to ITSOSSI6'
		]);
	});

	it('A.1.7: a longer MAXQUIESCE (the book\'s "simplest solution") lets the busy guest move', () => {
		const sim = boot('a17-maxquiesce', (j) => (j.script = []));
		const move = typeUntilDone(
			sim,
			'ITSOSSI5',
			'14:32:45',
			'vmrelocate move lnxsu11 itsossi6 maxquiesce 60'
		);
		expect(move.slice(0, 3)).toEqual([
			'> vmrelocate move lnxsu11 itsossi6 maxquiesce 60',
			'Relocation of LNXSU11 from ITSOSSI5 to ITSOSSI6 started',
			'User LNXSU11 has been relocated from ITSOSSI5 to ITSOSSI6'
		]);
	});
});

describe('000 App. A.1.9: more paging space on the destination', () => {
	it('attach 9c22 to system (a third volume) leaves capacity and paging enough: eligible', () => {
		const sim = boot('a19-capacity');
		until(sim, '12:01:40');
		expect(normed(type(sim, 'ITSOSSI6', '12:02:00', 'q alloc page'))).toEqual([
			'> q alloc page',
			...allocPage(
				'SSI6P2 9C21 1 10016 1761K 0 0 0%',
				'SSI6P1 9E2F 1 10016 1761K 3 3 1%',
				'SUMMARY 3521K 3 1%',
				'USABLE 3521K 3 1%'
			),
			'Ready; T=0.01/0.01 12:02:00'
		]);
		expect(type(sim, 'ITSOSSI6', '12:02:10', 'attach 9c22 to system')).toEqual([
			'> attach 9c22 to system',
			'DASD 9C22 ATTACHED TO SYSTEM SSI6P3',
			'Ready; T=0.01/0.01 12:02:10'
		]);
		expect(type(sim, 'ITSOSSI5', '12:02:20', 'vmrelocate test lnxsu12 itsossi6')).toEqual([
			'> vmrelocate test lnxsu12 itsossi6',
			'User LNXSU12 is eligible for relocation to ITSOSSI6',
			'Ready; T=0.01/0.01 12:02:20'
		]);
	});
});
