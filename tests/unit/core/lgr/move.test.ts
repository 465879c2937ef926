import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import { guestWorkload } from '$lib/core/model/lgr/relocation';
import { formatClock } from '$lib/core/sim/time-format';
import {
	READY,
	body,
	boot,
	cmd,
	lastRelocation,
	linesSince,
	phases,
	ready,
	relocation,
	runToEnd,
	sec,
	transcript,
	whereIs,
	type Json
} from './helpers';

const guests = guestsOf;
const members = (j: Json) => (j.cluster as Json).members as Json[];
const G = 2 ** 30;

describe('001 "Starting and Managing a Live Guest Relocation": the gdl scenario', () => {
	it('the first transcript: TEST, an ASYNCHRONOUS MOVE, STATUS DETAILS, then the relocated message', () => {
		const sim = boot('gdl');
		sim.runUntil(sec(60));
		expect(transcript(sim)).toEqual([
			'> vmrelocate test lgrlin21 gdllcpx3',
			'User LGRLIN21 is eligible for relocation to GDLLCPX3',
			'Ready; T=0.01/0.01 04:32:20',
			'> vmrelocate move lgrlin21 gdllcpx3 asynchronous maxquiesce 10 maxtotal 10',
			'Relocation of LGRLIN21 from GDLMCPX4 to GDLLCPX3 started',
			'Ready; T=0.01/0.01 04:32:25',
			'> vmrelocate status lgrlin21 details',
			'User     From     To       By       Status         Elapsed',
			// The session's status and elapsed time (Final Mem Copy, withheld) are its own.
			'LGRLIN21 GDLMCPX4 GDLLCPX3 CELESKEY Moving Memory  00:00:02',
			'',
			'Options: ASYNCH IMMED NO',
			'Max Total Time 10 sec',
			'Max Quiesce Time 10 sec',
			'',
			expect.stringMatching(/^Total pages sent 0 in 0 passes; [1-9]\d* pages sent in pass 1$/),
			'Ready; T=0.01/0.01 04:32:27',
			'User LGRLIN21 has been relocated from GDLMCPX4 to GDLLCPX3'
		]);
		const r = relocation(sim, 1);
		expect(r).toMatchObject({ outcome: 'relocated', phase: 'Relocated', by: 'CELESKEY' });
		// MAXTOTAL 10: the whole relocation took less than 10 s.
		expect(r.endedAt! - r.startedAt).toBeLessThan(10_000);
		expect(whereIs(sim, 'LGRLIN21')).toEqual(['GDLLCPX3']);
	});

	it('the second transcript: a move back through AT, cancelled by CELESKEY on GDLMCPX4, then done again', () => {
		const sim = boot('gdl');
		sim.runUntil(sec(6 * 60));
		expect(linesSince(sim, 'GDLMCPX4', sec(236))).toEqual([
			'> at gdllcpx3 cmd vmrelocate move lgrlin21 gdlmcpx4 async maxq 10 maxt 10',
			'Relocation of LGRLIN21 from GDLLCPX3 to GDLMCPX4 started',
			'Ready; T=0.01/0.01 04:35:56',
			'> vmrelocate cancel lgrlin21',
			'Relocation of user LGRLIN21 from GDLLCPX3 to GDLMCPX4 has been canceled by CELESKEY on GDLMCPX4.',
			'Ready; T=0.01/0.01 04:35:58',
			'> query lgrlin21 at all',
			'GDLLCPX3 : LGRLIN21 - DSC',
			'Ready; T=0.01/0.01 04:36:09',
			'> at gdllcpx3 cmd vmrelocate move lgrlin21 gdlmcpx4 async maxq 10 maxt 10',
			'Relocation of LGRLIN21 from GDLLCPX3 to GDLMCPX4 started',
			'Ready; T=0.01/0.01 04:36:17',
			'User LGRLIN21 has been relocated from GDLLCPX3 to GDLMCPX4',
			'> vmrelocate status lgrlin21',
			'No matching virtual machine relocation is currently in progress on this system',
			'Ready; T=0.01/0.01 04:37:13',
			'> query lgrlin21 at all',
			'GDLMCPX4 : LGRLIN21 - DSC',
			'Ready; T=0.01/0.01 04:37:27'
		]);
		expect(sim.state.relocations.map((r) => r.outcome)).toEqual([
			'relocated',
			'cancelled',
			'relocated'
		]);
		// The move ran on GDLLCPX3 (AT), its messages came to the console it was typed on.
		expect(relocation(sim, 2)).toMatchObject({
			from: 'GDLLCPX3',
			to: 'GDLMCPX4',
			console: 'GDLMCPX4',
			phase: 'Cancelled'
		});
	});

	it('goes through every phase of the machine, in order, with the quiesce the last two passes', () => {
		const sim = boot('gdl');
		sim.runUntil(sec(60));
		expect(phases(sim, 1).map((p) => p.to)).toEqual([
			'CreatingSkeleton',
			'MovingMemory',
			'MovingGuest',
			'FinalMemCopy',
			'Resuming',
			'CleaningUp',
			'Relocated'
		]);
		const r = relocation(sim, 1);
		expect(r.passes.filter((p) => p.quiesced)).toHaveLength(2);
		expect(r.passes.at(-1)!.quiesced).toBe(true);
		const firstQuiesced = r.passes.find((p) => p.quiesced)!;
		expect(r.quiesceMs).toBeCloseTo(r.passes.at(-1)!.endMs - firstQuiesced.startMs, 6);
		// Pass 1 sends every resident page of the 4G guest.
		expect(r.passes[0]!.pages).toBe((4 * G) / 4096);
		expect(r.pagesSent).toBe(r.passes.reduce((a, p) => a + p.pages, 0));
	});
});

describe('000 §3.6.1: SYNCHRONOUS (the default) answers Ready only when the relocation ends', () => {
	/** The book does not size ITSOLNX1's resident storage; 512M moves in 10 s over one CTC. */
	const example38 = () =>
		boot('itsossia', (j) => {
			j.start = '2011-10-31T17:32:30';
			guests(j)[0]!.resident = '512M';
		});

	it('Example 3-8: started, relocated, then Ready at the end time', () => {
		const sim = example38();
		const r = cmd(sim, 'ITSOSSI1', 'vmrelocate move itsolnx1 itsossi2 maxtotal 10 maxquiesce 5');
		expect(r.lines).toEqual(['Relocation of ITSOLNX1 from ITSOSSI1 to ITSOSSI2 started']);
		expect(r.rc).toBe(0);
		const rel = runToEnd(sim, 1);
		expect(rel.outcome).toBe('relocated');
		expect(transcript(sim, 'ITSOSSI1')).toEqual([
			'> vmrelocate move itsolnx1 itsossi2 maxtotal 10 maxquiesce 5',
			'Relocation of ITSOLNX1 from ITSOSSI1 to ITSOSSI2 started',
			'User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2',
			`Ready; T=0.01/0.01 ${formatClock(sim.state.epochMs + rel.endedAt!)}`
		]);
		// The Ready comes at the end of Cleaning Up; the relocated message when the guest resumes.
		const at = (text: string) => sim.state.console.find((l) => l.text === text)!.t;
		expect(at('User ITSOLNX1 has been relocated from ITSOSSI1 to ITSOSSI2')).toBe(
			phases(sim, 1).find((p) => p.to === 'CleaningUp')!.t
		);
		expect(sim.state.console.at(-1)!.t).toBe(rel.endedAt);
		expect(rel.endedAt! - rel.startedAt).toBeGreaterThan(sec(5));
	});

	it('Example 4-10: through AT from another member; the messages and the Ready come back to it', () => {
		const sim = boot('itsossia', (j) => {
			j.start = '2011-10-31T14:12:00';
			j.guests = [
				{ user: 'ITSOLNX3', on: 'ITSOSSI2', resident: '1G' },
				{ user: 'ITSOLNX4', on: 'ITSOSSI2', resident: '1G' }
			];
		});
		cmd(sim, 'ITSOSSI1', 'at itsossi2 cmd vmrelocate move user itsolnx3 to ITSOSSI3');
		runToEnd(sim, 1);
		cmd(sim, 'ITSOSSI1', 'at itsossi2 cmd vmrelocate move user itsolnx4 to ITSOSSI3');
		runToEnd(sim, 2);
		const shown = transcript(sim, 'ITSOSSI1');
		expect(shown.slice(0, 3)).toEqual([
			'> at itsossi2 cmd vmrelocate move user itsolnx3 to ITSOSSI3',
			'Relocation of ITSOLNX3 from ITSOSSI2 to ITSOSSI3 started',
			'User ITSOLNX3 has been relocated from ITSOSSI2 to ITSOSSI3'
		]);
		expect(shown[3]).toMatch(READY);
		expect(shown.slice(4, 7)).toEqual([
			'> at itsossi2 cmd vmrelocate move user itsolnx4 to ITSOSSI3',
			'Relocation of ITSOLNX4 from ITSOSSI2 to ITSOSSI3 started',
			'User ITSOLNX4 has been relocated from ITSOSSI2 to ITSOSSI3'
		]);
		expect(shown[7]).toMatch(READY);
		expect(transcript(sim, 'ITSOSSI2')).toEqual([]);
		expect(body(cmd(sim, 'ITSOSSI1', 'q user itsolnx3 at all'))).toEqual([
			'ITSOSSI3 : ITSOLNX3 - DSC'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'q user itsolnx4 at all'))).toEqual([
			'ITSOSSI3 : ITSOLNX4 - DSC'
		]);
	});

	it('ASYNCHRONOUS answers Ready at once; other commands run while it moves', () => {
		const sim = boot('gdl', (j) => (j.script = []));
		const r = cmd(sim, 'GDLMCPX4', 'vmrelo move lgrlin21 gdllcpx3 async');
		expect(body(r)).toEqual(['Relocation of LGRLIN21 from GDLMCPX4 to GDLLCPX3 started']);
		expect(lastRelocation(sim).outcome).toBeNull();
		sim.runUntil(sim.now + 500);
		expect(body(cmd(sim, 'GDLMCPX4', 'q lgrlin21 at all'))).toEqual(['GDLMCPX4 : LGRLIN21 - DSC']);
	});
});

describe('after the move (000 A.1.2, A.1.5, A.4)', () => {
	it('the guest is DSC on the destination; the source logged it off, FORCED BY SYSTEM', () => {
		const sim = boot('gdl', (j) => (j.script = []));
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3');
		const r = runToEnd(sim, 1);
		expect(body(cmd(sim, 'GDLMCPX4', 'query lgrlin21 at all'))).toEqual([
			'GDLLCPX3 : LGRLIN21 - DSC'
		]);
		expect(sim.state.cluster.guests.find((g) => g.user === 'LGRLIN21')).toMatchObject({
			on: 'GDLLCPX3',
			status: 'disconnected'
		});
		const logoff = sim.state.log.find((e) => e.kind === 'guest.logoff');
		expect(logoff).toMatchObject({ user: 'LGRLIN21', on: 'GDLMCPX4', t: r.endedAt });
		expect(r.guestConsole.at(-1)).toBe('USER DSC LOGOFF AS LGRLIN21 USERS = 0 FORCED BY SYSTEM');
	});

	it('dedicated OSAs are re-attached by EQID: 2126-2128 on ITSOSSI4 become 2106-2108 on ITSOSSI3 (Example A-14)', () => {
		const sim = boot('a15-dedicate', (j) => {
			j.systemConfig = String(j.systemConfig).replace(
				/ {2}RDEVICE 2120-2125 EQID OSA1SET1 TYPE OSA\n {2}RDEVICE 2126-2128 TYPE OSA\n {2}RDEVICE 2129-212F EQID OSA1SET1 TYPE OSA\n/,
				'  RDEVICE 2120-212F EQID OSA1SET1 TYPE OSA\n'
			);
			j.script = [];
			j.start = '2011-11-08T11:23:52';
		});
		const r = cmd(sim, 'ITSOSSI4', 'vmrelocate move itsolnx2 to itsossi3');
		expect(r.lines).toEqual(['Relocation of ITSOLNX2 from ITSOSSI4 to ITSOSSI3 started']);
		const rel = runToEnd(sim, 1);
		expect(rel.outcome).toBe('relocated');
		const c = sim.state.cluster;
		const guest = c.guests.find((g) => g.user === 'ITSOLNX2')!;
		expect(guest.on).toBe('ITSOSSI3');
		expect(
			guest.devices.flatMap((d) => (d.kind === 'dedicated' ? [`${d.vdev} ${d.rdev}`] : []))
		).toEqual(['0600 2106', '0601 2107', '0602 2108']);
		const owner = (m: string, rdev: string) =>
			c.members.find((x) => x.name === m)!.resources.devices.find((d) => d.rdev === rdev)?.owner ??
			null;
		expect(['2106', '2107', '2108'].map((d) => owner('ITSOSSI3', d))).toEqual([
			'ITSOLNX2',
			'ITSOLNX2',
			'ITSOLNX2'
		]);
		expect(['2126', '2127', '2128'].map((d) => owner('ITSOSSI4', d))).toEqual([null, null, null]);
		expect(
			sim.state.log.flatMap((e) => (e.kind === 'guest.device' ? [`${e.from}->${e.to}`] : []))
		).toEqual(['2126->2106', '2127->2107', '2128->2108']);
		// Linux re-establishes its network from the new member (Example A-32).
		expect(rel.guestConsole).toEqual([
			'User ITSOLNX2 has been relocated from ITSOSSI4 to ITSOSSI3',
			'qeth.3acf0c: 0.0.0600: The qeth device driver failed to recover an error on the device',
			'qeth: irb 00000000: 00 c2 40 17 7f f6 10 38 0e 02 00 00 00 80 00 00 ......8...',
			'qeth.fd0b7c: 0.0.0600: A recovery process has been started for the device',
			'qdio: 0.0.0602 OSA on SC 2 using AI:1 QEBSM:0 PCI:1 TDD:1 SIGA:RW AO',
			// Example A-14's count: the scenario's 18 other users on ITSOSSI4.
			'USER DSC LOGOFF AS ITSOLNX2 USERS = 18 FORCED BY SYSTEM'
		]);
		expect(
			sim.state.log.filter((e) => e.kind === 'guest.console' && e.on === 'ITSOSSI3')
		).toHaveLength(5);
		// The operator's console shows what Example A-14 shows, without the observed LOGOFF.
		expect(transcript(sim, 'ITSOSSI4').slice(-2)[0]).toBe(
			'User ITSOLNX2 has been relocated from ITSOSSI4 to ITSOSSI3'
		);
	});

	it('a guest on a virtual switch gets the qeth lines for its NIC', () => {
		const sim = boot('a15-dedicate', (j) => {
			j.directory = String(j.directory)
				.replace('DEDICATE 0600 2126\nDEDICATE 0601 2127\nDEDICATE 0602 2128\n', '')
				.replace(
					'* NICDEF 0600 TYPE QDIO LAN SYSTEM ITSOVSW1',
					'NICDEF 0600 TYPE QDIO LAN SYSTEM ITSOVSW1'
				);
			j.script = [];
		});
		cmd(sim, 'ITSOSSI4', 'vmrelocate move itsolnx2 itsossi3');
		const rel = runToEnd(sim, 1);
		expect(rel.outcome).toBe('relocated');
		expect(rel.guestConsole.filter((l) => l.startsWith('q'))).toEqual([
			'qeth.3acf0c: 0.0.0600: The qeth device driver failed to recover an error on the device',
			'qeth: irb 00000000: 00 c2 40 17 7f f6 10 38 0e 02 00 00 00 80 00 00 ......8...',
			'qeth.fd0b7c: 0.0.0600: A recovery process has been started for the device',
			'qdio: 0.0.0602 OSA on SC 2 using AI:1 QEBSM:0 PCI:1 TDD:1 SIGA:RW AO'
		]);
	});
});

describe('MOVE refused by eligibility: "did not complete" and HCPRLH1940E (000 A.1.6, A.1.8)', () => {
	it('Examples A-16 ... A-18: out of its domain, FORCE ARCHITECTURE is not enough, FORCE DOMAIN is', () => {
		const sim = boot('a16-domains', (j) => {
			j.script = [];
			j.start = '2011-11-11T10:33:41';
		});
		cmd(sim, 'ITSOSSI5', 'set vmrelo user lnxsu12 domain itsossi5');
		const refused = [
			'Relocation of user LNXSU12 from ITSOSSI5 to ITSOSSI6 did not complete. Guest has not been moved',
			'HCPRLH1940E LNXSU12 is not relocatable for the following reason(s):',
			'HCPRLE1944I LNXSU12: Architecture incompatibility',
			'Ready(01940); T=0.01/0.01 10:33:41'
		];
		const a16 = cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6');
		expect(a16.lines).toEqual(refused);
		expect(a16.rc).toBe(1940);
		expect(
			cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6 force architecture').lines
		).toEqual(refused);
		expect(sim.state.relocations.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
		expect(relocation(sim, 1).messages).toEqual(refused.slice(0, 3));
		const a18 = cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6 force domain');
		expect(a18.lines).toEqual([
			'Relocation of LNXSU12 from ITSOSSI5 to ITSOSSI6 started with FORCE DOMAIN in effect'
		]);
		expect(runToEnd(sim, 3).outcome).toBe('relocated');
		expect(transcript(sim, 'ITSOSSI5').slice(-2)).toEqual([
			'User LNXSU12 has been relocated from ITSOSSI5 to ITSOSSI6',
			expect.stringMatching(READY)
		]);
		expect(whereIs(sim, 'LNXSU12')).toEqual(['ITSOSSI6']);
	});

	it('Examples A-22 and A-24: not enough paging space, then FORCE STORAGE', () => {
		const sim = boot('a18-paging', (j) => {
			j.script = [];
			j.start = '2011-11-11T10:55:32';
		});
		expect(cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6').lines).toEqual([
			'Relocation of user LNXSU12 from ITSOSSI5 to ITSOSSI6 did not complete. Guest has not been moved',
			'HCPRLH1940E LNXSU12 is not relocatable for the following reason(s):',
			'HCPRLL1813I LNXSU12: Maximum pageable storage use (10320M) exceeds available auxiliary paging space on destination (7211520K) by 3356160K',
			'Ready(01940); T=0.01/0.01 10:55:32'
		]);
		expect(cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu12 itsossi6 force storage').lines).toEqual([
			'Relocation of LNXSU12 from ITSOSSI5 to ITSOSSI6 started with FORCE STORAGE in effect'
		]);
		expect(runToEnd(sim, 2).outcome).toBe('relocated');
		expect(transcript(sim, 'ITSOSSI5').slice(-2)).toEqual([
			'User LNXSU12 has been relocated from ITSOSSI5 to ITSOSSI6',
			expect.stringMatching(READY)
		]);
	});

	it('a guest that is not on this member, or already relocating, is refused with the reason', () => {
		const sim = boot('gdl', (j) => (j.script = []));
		const elsewhere = cmd(sim, 'GDLLCPX3', 'vmrelocate move lgrlin21 gdlmcpx4');
		expect(body(elsewhere)).toEqual([
			'Relocation of user LGRLIN21 from GDLLCPX3 to GDLMCPX4 did not complete. Guest has not been moved',
			'HCPRLH1940E LGRLIN21 is not relocatable for the following reason(s):',
			'LGRLIN21: Virtual machine is not logged on to GDLLCPX3 (it is logged on to GDLMCPX4)'
		]);
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async'))).toEqual([
			'Relocation of user LGRLIN21 from GDLMCPX4 to GDLLCPX3 did not complete. Guest has not been moved',
			'HCPRLH1940E LGRLIN21 is not relocatable for the following reason(s):',
			'LGRLIN21: The virtual machine is already being relocated'
		]);
		expect(runToEnd(sim, 2).outcome).toBe('relocated');
	});
});

describe('MOVE operands (000 §3.6.1)', () => {
	const fresh = () => boot('gdl', (j) => (j.script = []));
	const optionsOf = (text: string) => {
		const sim = fresh();
		cmd(sim, 'GDLMCPX4', text);
		return lastRelocation(sim).options;
	};

	it('defaults: SYNCHRONOUS, MAXTOTAL NOLIMIT, MAXQUIESCE 10 s; IMMEDIATE makes MAXQUIESCE NOLIMIT', () => {
		expect(optionsOf('vmrelocate move lgrlin21 gdllcpx3')).toEqual({
			synchronous: true,
			immediate: false,
			maxTotalS: null,
			maxQuiesceS: 10,
			force: { architecture: false, domain: false, storage: false }
		});
		expect(optionsOf('vmrelocate move lgrlin21 gdllcpx3 immediate')).toMatchObject({
			immediate: true,
			maxQuiesceS: null
		});
		expect(optionsOf('vmrelocate move lgrlin21 gdllcpx3 imm maxq 4')).toMatchObject({
			immediate: true,
			maxQuiesceS: 4
		});
	});

	it('the transcripts’ abbreviations and every spelling of the options', () => {
		expect(optionsOf('vmrelo move lgrlin21 gdllcpx3 async maxq 10 maxt 10')).toMatchObject({
			synchronous: false,
			maxTotalS: 10,
			maxQuiesceS: 10
		});
		expect(
			optionsOf(
				'VMRELOCATE MOVE USER LGRLIN21 TO GDLLCPX3 SYNCHRONOUS MAXTOTAL NOLIMIT MAXQUIESCE NOLIMIT'
			)
		).toMatchObject({ synchronous: true, maxTotalS: null, maxQuiesceS: null });
		expect(optionsOf('vmrelocate move lgrlin21 gdllcpx3 force storage async')).toMatchObject({
			synchronous: false,
			force: { architecture: false, domain: false, storage: true }
		});
	});

	it('bad operands are refused with CP’s errors, and no relocation starts', () => {
		const sim = fresh();
		const errors: [string, string][] = [
			['vmrelocate move lgrlin21', 'HCPCMD026E Operand missing or invalid'],
			['vmrelocate move lgrlin21 gdllcpx3 maxq', 'HCPCMD026E Operand missing or invalid'],
			['vmrelocate move lgrlin21 gdllcpx3 maxq 0', 'HCPCMD003E Invalid option - 0'],
			['vmrelocate move lgrlin21 gdllcpx3 maxt ten', 'HCPCMD003E Invalid option - TEN'],
			['vmrelocate move lgrlin21 gdllcpx3 async sync', 'HCPCMD003E Invalid option - SYNC'],
			['vmrelocate move lgrlin21 gdllcpx3 maxt 5 maxt 6', 'HCPCMD003E Invalid option - MAXT'],
			['vmrelocate move lgrlin21 gdllcpx3 quickly', 'HCPCMD003E Invalid option - QUICKLY'],
			['vmrelocate move lgrlin21 gdllcpx3 force', 'HCPCMD026E Operand missing or invalid']
		];
		for (const [text, error] of errors)
			expect(body(cmd(sim, 'GDLMCPX4', text)), text).toEqual([error]);
		expect(sim.state.relocations).toEqual([]);
		expect(ready(cmd(sim, 'GDLMCPX4', 'vmrelocate status'))).toMatch(READY);
	});
});

describe('the guest’s workload and resident size drive the memory transfer', () => {
	it('pass 1 sends exactly the resident pages; the preset comes from the scenario', () => {
		const sim = boot('gdl', (j) => {
			j.script = [];
			Object.assign(guests(j)[0]!, { resident: '1G', workload: 'database' });
		});
		const guest = sim.state.cluster.guests[0]!;
		expect(guest.workload).toBe('database');
		const w = guestWorkload(guest);
		expect(w.pages).toBe((4 * G) / 4096);
		expect(w.spec).toMatchObject({ name: 'database', residentPages: G / 4096 });
		expect(w.spec.hotPages).toBeLessThanOrEqual(w.spec.residentPages);
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3');
		const r = runToEnd(sim, 1);
		expect(r.passes[0]!.pages).toBe(G / 4096);
		expect(r.engine!.workload).toEqual(w.spec);
	});

	it('a busier guest takes more passes and sends more pages than an idle one of the same size', () => {
		const run = (workload: string) => {
			const sim = boot('gdl', (j) => {
				j.script = [];
				guests(j)[0]!.workload = workload;
				members(j).forEach((m) => (m.storage = '64G'));
			});
			cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3');
			return runToEnd(sim, 1);
		};
		const idle = run('idle');
		const busy = run('sap');
		expect(busy.outcome).toBe('relocated');
		expect(busy.pagesSent).toBeGreaterThan(idle.pagesSent);
		expect(busy.passes.length).toBeGreaterThanOrEqual(idle.passes.length);
		expect(busy.endedAt! - busy.startedAt).toBeGreaterThan(idle.endedAt! - idle.startedAt);
	});
});
