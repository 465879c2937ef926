import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import { equivalentDevices } from '$lib/core/model/lgr/rules-devices';
import type { Simulation } from '$lib/core/simulation';
import { body, boot, cmd, ready, sec, type Json } from './helpers';

const members = (j: Json) => (j.cluster as Json).members as Json[];
const member = (j: Json, name: string) => members(j).find((m) => m.name === name)!;
const guests = guestsOf;

/** Runs a scenario's script and returns what its console shows: `> input`, then CP's lines. */
function transcript(sim: Simulation, until = sec(120)): string[] {
	sim.runUntil(until);
	return sim.state.console.map((l) => (l.kind === 'input' ? `> ${l.text}` : l.text));
}

describe('000 §3.6.2 Example 3-6 and 3-7: VMRELOCATE TEST', () => {
	it('Example 3-6: an eligible guest', () => {
		const sim = boot('itsossia', (j) => (j.start = '2011-10-31T17:31:33'));
		const r = cmd(sim, 'ITSOSSI1', 'vmrelocate test itsolnx1 itsossi2');
		expect(r.lines).toEqual([
			'User ITSOLNX1 is eligible for relocation to ITSOSSI2',
			'Ready; T=0.01/0.01 17:31:33'
		]);
		expect(r.rc).toBe(0);
	});

	it('Example 3-7: every reason under HCPRLH1940E, and Ready(01940)', () => {
		const sim = boot('itsossia', (j) => {
			j.start = '2011-10-31T17:40:48';
			j.directory =
				'PROFILE LINDFLT\nOPTION CHPIDV ONE\nCONSOLE 0009 3215 T\nUSER ITSOLNX1 ITSOSSI 4G 20G G\nINCLUDE LINDFLT\n';
			j.guests = [
				{ user: 'ITSOLNX1', on: 'ITSOSSI1', status: 'logged-on', logicalDevices: ['0009'] }
			];
			Object.assign(member(j, 'ITSOSSI2'), {
				storage: '32G',
				paging: '14423040K',
				pagingInUse: '4K'
			});
		});
		const r = cmd(sim, 'ITSOSSI1', 'vmrelocate test itsolnx1 itsossi2');
		expect(r.rc).toBe(1940);
		expect(r.lines).toEqual([
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'HCPRLE1950I ITSOLNX1: Virtual machine is not running disconnected',
			'HCPRLI1954I ITSOLNX1: Virtual machine device 0009 is a logical device',
			'HCPRLL1813I ITSOLNX1: Maximum pageable storage use (20640M) exceeds available auxiliary paging space on destination (14423036K) by 6712324K',
			'Ready(01940); T=0.01/0.01 17:40:48'
		]);
	});

	it('Example 4-10: through AT on the member the guests run on, with USER and TO', () => {
		const sim = boot('itsossia', (j) => {
			j.start = '2011-10-31T14:11:24';
			j.directory = [
				'PROFILE LINDFLT',
				'CLASS G',
				'OPTION CHPIDV ONE',
				'VMRELOCATE ON',
				'CONSOLE 0009 3215 T',
				'USER ITSOLNX3 ITSOSSI 6G 6G G',
				'INCLUDE LINDFLT',
				'IPL 202',
				'MACH ESA 2',
				'MDISK 0201 3390 0001 1000 LX9B25 MR',
				'MDISK 0202 3390 1001 9016 LX9B25 MR',
				'USER ITSOLNX4 ITSOSSI 4G 4G G',
				'INCLUDE LINDFLT',
				'IPL 202',
				'MACH ESA 2',
				'MDISK 0201 3390 0001 1000 LX9B26 MR',
				'MDISK 0202 3390 1001 9016 LX9B26 MR'
			].join('\n');
			j.guests = [
				{ user: 'ITSOLNX3', on: 'ITSOSSI2', resident: '2G' },
				{ user: 'ITSOLNX4', on: 'ITSOSSI2', resident: '2G' }
			];
		});
		expect(body(cmd(sim, 'ITSOSSI1', 'q user itsolnx4 at all'))).toEqual([
			'ITSOSSI2 : ITSOLNX4 - DSC'
		]);
		expect(
			body(cmd(sim, 'ITSOSSI1', 'at itsossi2 cmd vmrelocate test user itsolnx4 to ITSOSSI3'))
		).toEqual(['User ITSOLNX4 is eligible for relocation to ITSOSSI3']);
		expect(
			body(cmd(sim, 'ITSOSSI1', 'at itsossi2 cmd vmrelocate test user itsolnx3 to ITSOSSI3'))
		).toEqual(['User ITSOLNX3 is eligible for relocation to ITSOSSI3']);
	});
});

describe('000 App. A.1.1: Linux with a DEVNO minidisk in use elsewhere', () => {
	it('the scenario reproduces Example A-2', () => {
		expect(transcript(boot('a11-devno'))).toEqual([
			'> vmrelocate test user itsolnx2 to itsossi1',
			'HCPRLH1940E ITSOLNX2 is not relocatable for the following reason(s):',
			'HCPRLI1981I ITSOLNX2: Source system DEVNO defined minidisk 0300 on real device 9A26 cannot be created on the destination system because the equivalent real device 9A26 is neither a DENVO defined minidisk nor free',
			'Ready(01940); T=0.01/0.01 15:15:09'
		]);
	});

	it('the fix: 9A26 detached from SYSTEM on ITSOSSI1 (Example A-3) makes it eligible', () => {
		const sim = boot('a11-devno', (j) => {
			member(j, 'ITSOSSI1').devices = [{ rdev: '9A26', type: '3390', volser: 'US9A26' }];
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI4', 'vmrelocate test user itsolnx2 to itsossi1'))).toEqual([
			'User ITSOLNX2 is eligible for relocation to ITSOSSI1'
		]);
	});
});

describe('000 App. A.1.2: Linux with CMS minidisks defined', () => {
	it('the scenario reproduces Example A-5', () => {
		expect(transcript(boot('a12-cms-mdisks'))).toEqual([
			'> vmrelocate test user itsolnx2 to itsossi1',
			'HCPRLH1940E ITSOLNX2 is not relocatable for the following reason(s):',
			'HCPRLI1996I ITSOLNX2: Virtual machine device 0190 is a link to a local minidisk',
			'HCPRLI1996I ITSOLNX2: Virtual machine device 019D is a link to a local minidisk',
			'HCPRLI1996I ITSOLNX2: Virtual machine device 019E is a link to a local minidisk',
			'Ready(01940); T=0.01/0.01 15:38:45'
		]);
	});

	it('the fix: without the INCLUDE of LINCMS, the guest is eligible (Example A-6)', () => {
		const sim = boot('a12-cms-mdisks', (j) => {
			j.directory = String(j.directory).replace(/^INCLUDE LINCMS\n/m, '');
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI4', 'vmrelocate test user itsolnx2 to itsossi1'))).toEqual([
			'User ITSOLNX2 is eligible for relocation to ITSOSSI1'
		]);
	});
});

describe('000 App. A.1.3: a Linux guest with a V-DISK minidisk', () => {
	it('the scenario reproduces Example A-7', () => {
		expect(transcript(boot('a13-vdisk'))).toEqual([
			'> vmrelocate test itsolnx1 to itsossi3',
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'HCPRLI1970I ITSOLNX1: Virtual machine device 0111 is a shareable VDISK',
			'Ready(01940); T=0.01/0.01 11:34:17'
		]);
	});

	it('the fix: COMMAND DEFINE VFB-512 instead of MDISK V-DISK (Example A-8) makes it eligible', () => {
		const sim = boot('a13-vdisk', (j) => {
			j.directory = String(j.directory).replace(
				'MDISK 0111 FB-512 V-DISK 128000',
				'COMMAND DEFINE VFB-512 AS 0111 BLK 128000'
			);
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI1', 'vmrelocate test itsolnx1 to itsossi3'))).toEqual([
			'User ITSOLNX1 is eligible for relocation to ITSOSSI3'
		]);
	});
});

describe('000 App. A.1.4: moving a CMS guest', () => {
	it('the scenario reproduces Example A-10', () => {
		expect(transcript(boot('a14-cms-guest'))).toEqual([
			'> vmrelocate test user vmlogs to itsossi2',
			'HCPRLH1940E VMLOGS is not relocatable for the following reason(s):',
			'HCPRLE1956I VMLOGS: Single path CHPID virtualization is not enabled',
			'HCPRLE1963I VMLOGS: Virtual machine is using VMCF',
			'HCPRLI1996I VMLOGS: Virtual machine device 0190 is a link to a local minidisk',
			'HCPRLI1996I VMLOGS: Virtual machine device 019D is a link to a local minidisk',
			'HCPRLI1996I VMLOGS: Virtual machine device 019E is a link to a local minidisk',
			'HCPRLI1996I VMLOGS: Virtual machine device 0401 is a link to a local minidisk',
			'HCPRLI1996I VMLOGS: Virtual machine device 0402 is a link to a local minidisk',
			'HCPRLI1996I VMLOGS: Virtual machine device 1193 is a link to a local minidisk',
			'HCPRLL1980I VMLOGS: An identical NSS or DCSS CMS does not exist on the destination system',
			'Ready(01940); T=0.01/0.01 16:24:35'
		]);
	});

	it('the workaround: logged off on ITSOSSI4 and on again on ITSOSSI1, it runs there (still not relocatable)', () => {
		const sim = boot('a14-cms-guest', (j) => {
			guests(j)[0]!.on = 'ITSOSSI1';
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI4', 'query user vmlogs at all'))).toEqual([
			'ITSOSSI1 : VMLOGS - DSC'
		]);
		const r = cmd(sim, 'ITSOSSI1', 'vmrelocate test user vmlogs to itsossi2');
		expect(r.rc).toBe(1940);
		expect(r.lines).toContain(
			'HCPRLE1956I VMLOGS: Single path CHPID virtualization is not enabled'
		);
	});
});

describe('000 App. A.1.5: dedicated devices', () => {
	it('the scenario reproduces Example A-13', () => {
		expect(transcript(boot('a15-dedicate'))).toEqual([
			'> vmrelocate test itsolnx2 to itsossi3',
			'HCPRLH1940E ITSOLNX2 is not relocatable for the following reason(s):',
			'HCPRLI1982I ITSOLNX2: Source system real network device 2126 requires an EQID to be assigned',
			'HCPRLI1982I ITSOLNX2: Source system real network device 2127 requires an EQID to be assigned',
			'HCPRLI1982I ITSOLNX2: Source system real network device 2128 requires an EQID to be assigned',
			'Ready(01940); T=0.01/0.01 11:15:47'
		]);
	});

	it('the fix: EQID OSA1SET1 for 2126-2128 (Example A-14) makes it eligible, onto 2106-2108', () => {
		const sim = boot('a15-dedicate', (j) => {
			j.systemConfig = String(j.systemConfig).replace(
				/ {2}RDEVICE 2120-2125 EQID OSA1SET1 TYPE OSA\n {2}RDEVICE 2126-2128 TYPE OSA\n {2}RDEVICE 2129-212F EQID OSA1SET1 TYPE OSA\n/,
				'  RDEVICE 2120-212F EQID OSA1SET1 TYPE OSA\n'
			);
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI4', 'vmrelocate test itsolnx2 to itsossi3'))).toEqual([
			'User ITSOLNX2 is eligible for relocation to ITSOSSI3'
		]);
		const c = sim.state.cluster;
		const guest = c.guests.find((g) => g.user === 'ITSOLNX2')!;
		const dest = c.members.find((m) => m.name === 'ITSOSSI3')!;
		expect([...equivalentDevices(guest, dest)]).toEqual([
			['0600', '2106'],
			['0601', '2107'],
			['0602', '2108']
		]);
	});
});

describe('000 App. A.1.6: relocation outside the domain', () => {
	it('the scenario reproduces Examples A-15 and A-16, then FORCE ARCHITECTURE and FORCE DOMAIN (A-17, A-18)', () => {
		expect(transcript(boot('a16-domains'))).toEqual([
			'> q vmrelo lnxsu12',
			'Running on member ITSOSSI5',
			'Relocation enabled in Domain SSI',
			'Ready; T=0.01/0.01 10:32:25',
			'> set vmrelo user lnxsu12 domain itsossi5',
			'Running on member ITSOSSI5',
			'Relocation enabled in Domain ITSOSSI5',
			'Ready; T=0.01/0.01 10:33:05',
			'> vmrelocate test lnxsu12 itsossi6',
			'HCPRLH1940E LNXSU12 is not relocatable for the following reason(s):',
			'HCPRLE1944I LNXSU12: Architecture incompatibility',
			'Ready(01940); T=0.01/0.01 10:33:30',
			'> vmrelocate test lnxsu12 itsossi6 force architecture',
			'HCPRLH1940E LNXSU12 is not relocatable for the following reason(s):',
			'HCPRLE1944I LNXSU12: Architecture incompatibility',
			'Ready(01940); T=0.01/0.01 10:33:40',
			'> vmrelocate test lnxsu12 itsossi6 force domain',
			'User LNXSU12 is eligible for relocation to ITSOSSI6',
			'Ready; T=0.01/0.01 10:33:50'
		]);
	});

	it('onto a member without all the facilities, FORCE DOMAIN is not enough: FORCE ARCHITECTURE DOMAIN is', () => {
		// The other way round: ITSOSSI6 (z196) has FLOAT-PT, which ITSOSSI5 (z10) lacks.
		const sim = boot('a16-domains', (j) => {
			guests(j)[0]!.on = 'ITSOSSI6';
			j.script = [];
		});
		cmd(sim, 'ITSOSSI6', 'set vmrelo user lnxsu12 domain itsossi6');
		const incompatible = [
			'HCPRLH1940E LNXSU12 is not relocatable for the following reason(s):',
			'HCPRLE1944I LNXSU12: Architecture incompatibility'
		];
		expect(body(cmd(sim, 'ITSOSSI6', 'vmrelocate test lnxsu12 itsossi5 force domain'))).toEqual(
			incompatible
		);
		expect(
			body(cmd(sim, 'ITSOSSI6', 'vmrelocate test lnxsu12 itsossi5 force architecture'))
		).toEqual(incompatible);
		expect(
			body(cmd(sim, 'ITSOSSI6', 'vmrelocate test lnxsu12 itsossi5 force architecture domain'))
		).toEqual(['User LNXSU12 is eligible for relocation to ITSOSSI5']);
		expect(body(cmd(sim, 'ITSOSSI6', 'vmrelo test lnxsu12 itsossi5 force arch force dom'))).toEqual(
			['User LNXSU12 is eligible for relocation to ITSOSSI5']
		);
	});
});

describe('000 App. A.1.7: MAXQUIESCE exceeded', () => {
	it('is a VMRELOCATE MOVE outcome (HCPRLU1930I), not an eligibility reason: TEST has nothing to say', () => {
		const sim = boot('itsossib');
		expect(body(cmd(sim, 'ITSOSSI5', 'vmrelocate test lnxsu11 itsossi6'))).toEqual([
			'User LNXSU11 is eligible for relocation to ITSOSSI6'
		]);
	});
});

describe('000 App. A.1.8: not enough auxiliary paging space', () => {
	it('the scenario reproduces Example A-22', () => {
		expect(transcript(boot('a18-paging'))).toEqual([
			'> vmrelocate test lnxsu12 itsossi6',
			'HCPRLH1940E LNXSU12 is not relocatable for the following reason(s):',
			'HCPRLL1813I LNXSU12: Maximum pageable storage use (10320M) exceeds available auxiliary paging space on destination (7211520K) by 3356160K',
			'Ready(01940); T=0.01/0.01 10:54:09'
		]);
	});

	it('fix 1: FORCE STORAGE (Example A-24)', () => {
		const sim = boot('a18-paging', (j) => (j.script = []));
		expect(body(cmd(sim, 'ITSOSSI5', 'vmrelocate test lnxsu12 itsossi6 force storage'))).toEqual([
			'User LNXSU12 is eligible for relocation to ITSOSSI6'
		]);
	});

	it('fix 2: a second paging volume, 2 pages in use (Examples A-25, A-26)', () => {
		const sim = boot('a18-paging', (j) => {
			// SSI6P2 attached to SYSTEM; SSI6P1 with the 2 pages in use of Example A-25.
			for (const v of member(j, 'ITSOSSI6').pagingVolumes as Json[])
				Object.assign(v, v.volser === 'SSI6P1' ? { inUse: 2 } : { attached: true });
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI5', 'vmrelocate test lnxsu12 itsossi6'))).toEqual([
			'User LNXSU12 is eligible for relocation to ITSOSSI6'
		]);
	});
});

describe('000 App. A.1.9: not enough storage capacity', () => {
	it('the scenario reproduces Example A-28', () => {
		expect(transcript(boot('a19-capacity'))).toEqual([
			'> vmrelocate test lnxsu12 itsossi6',
			'HCPRLH1940E LNXSU12 is not relocatable for the following reason(s):',
			'HCPRLL1811I LNXSU12: Maximum storage use (21136204K) exceeds available capacity on destination (19513900K) by 1622304K',
			'HCPRLL1813I LNXSU12: Maximum pageable storage use (20640M) exceeds available auxiliary paging space on destination (14423028K) by 6712613K',
			'Ready(01940); T=0.01/0.01 12:01:39'
		]);
	});

	it('fix: FORCE STORAGE', () => {
		const sim = boot('a19-capacity', (j) => (j.script = []));
		expect(body(cmd(sim, 'ITSOSSI5', 'vmrelocate test lnxsu12 itsossi6 force storage'))).toEqual([
			'User LNXSU12 is eligible for relocation to ITSOSSI6'
		]);
	});

	it('fix: more paging space (a third 3390-9 volume)', () => {
		const sim = boot('a19-capacity', (j) => {
			for (const v of member(j, 'ITSOSSI6').pagingVolumes as Json[]) v.attached = true;
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI5', 'vmrelocate test lnxsu12 itsossi6'))).toEqual([
			'User LNXSU12 is eligible for relocation to ITSOSSI6'
		]);
	});
});

describe('VMRELOCATE syntax', () => {
	const sim = () => boot('itsossia');
	it('abbreviates down to VMRELO, in any case; USER and TO are optional', () => {
		const s = sim();
		for (const text of [
			'VMRELO TEST ITSOLNX1 ITSOSSI2',
			'vmrelocate test user itsolnx1 to itsossi2',
			'VmReLoCaTe TeSt itsolnx1 to itsossi2'
		])
			expect(body(cmd(s, 'ITSOSSI1', text)), text).toEqual([
				'User ITSOLNX1 is eligible for relocation to ITSOSSI2'
			]);
		expect(cmd(s, 'ITSOSSI1', 'vmrel test itsolnx1 itsossi2').lines[0]).toBe(
			'HCPCMD001E Unknown CP command: VMREL'
		);
	});

	it('operand errors are CP errors', () => {
		const s = sim();
		const cases: [string, number, string][] = [
			['vmrelocate', 26, 'HCPCMD026E Operand missing or invalid'],
			['vmrelocate test itsolnx1', 26, 'HCPCMD026E Operand missing or invalid'],
			['vmrelocate frob itsolnx1 itsossi2', 3, 'HCPCMD003E Invalid option - FROB'],
			['vmrelocate test itsolnx1 itsossi2 force', 26, 'HCPCMD026E Operand missing or invalid'],
			['vmrelocate test itsolnx1 itsossi2 force speed', 3, 'HCPCMD003E Invalid option - SPEED'],
			['vmrelocate test itsolnx1 itsossi2 now', 3, 'HCPCMD003E Invalid option - NOW'],
			['vmrelocate test itsolnx1toolong itsossi2', 3, 'HCPCMD003E Invalid option - ITSOLNX1TOOLONG']
		];
		for (const [text, rc, line] of cases) {
			const r = cmd(s, 'ITSOSSI1', text);
			expect(r.rc, text).toBe(rc);
			expect(r.lines[0], text).toBe(line);
			expect(ready(r), text).toMatch(new RegExp(`^Ready\\(${String(rc).padStart(5, '0')}\\);`));
		}
	});

	it('runs on the member the guest is on: elsewhere the guest is reported not logged on there', () => {
		expect(body(cmd(sim(), 'ITSOSSI2', 'vmrelocate test itsolnx1 itsossi3'))).toEqual([
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'ITSOLNX1: Virtual machine is not logged on to ITSOSSI2 (it is logged on to ITSOSSI1)'
		]);
	});

	it('a destination outside the cluster, and a destination that is down', () => {
		expect(body(cmd(sim(), 'ITSOSSI1', 'vmrelocate test itsolnx1 itsossi9'))).toEqual([
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'ITSOLNX1: Destination ITSOSSI9 is not a member of SSI cluster ITSOSSIA'
		]);
		const s = sim();
		cmd(s, 'ITSOSSI2', 'shutdown');
		s.runUntil(sec(10));
		expect(body(cmd(s, 'ITSOSSI1', 'vmrelocate test itsolnx1 itsossi2'))).toEqual([
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'ITSOLNX1: Destination ITSOSSI2 is not a joined member of the SSI cluster (it is Down)'
		]);
	});
});
