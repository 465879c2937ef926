/**
 * FORCE, SIGNAL SHUTDOWN, XAUTOLOG, LOGON, DISCONNECT and SEND CP: their rules and errors
 * beyond the book's transcripts (appendix-a-fixes.test.ts has those).
 */
import { describe, expect, it } from 'vitest';
import { Simulation, replay } from '$lib/core/simulation';
import { body, boot, cmd, ready, sec, type Json } from './helpers';

const members = (j: Json) => (j.cluster as Json).members as Json[];
const member = (j: Json, name: string) => members(j).find((m) => m.name === name)!;

/** ITSOLNX2 on ITSOSSI4 with its dedicated OSAs (App. A.1.5), nothing scripted. */
const a15 = () => boot('a15-dedicate', (j) => (j.script = []));

const guestsOf = (sim: Simulation, user: string) =>
	sim.state.cluster.guests.filter((g) => g.user === user).map((g) => `${g.on} ${g.status}`);

/** The lines the console of `on` got after the command's Ready. */
function after(sim: Simulation, on: string, from: number): string[] {
	return sim.state.console
		.slice(from)
		.filter((l) => l.on === on && l.kind === 'output')
		.map((l) => l.text);
}

describe('operand errors are CP errors (HCPCMD026E, HCPCMD003E) or HCPCQU045E', () => {
	const cases: [string, number, string][] = [
		['force', 26, 'HCPCMD026E Operand missing or invalid'],
		['force itsolnx2 now', 3, 'HCPCMD003E Invalid option - NOW'],
		['force itsolnx2toolong', 3, 'HCPCMD003E Invalid option - ITSOLNX2TOOLONG'],
		['force nobody', 45, 'HCPCQU045E NOBODY not logged on'],
		['signal', 26, 'HCPCMD026E Operand missing or invalid'],
		['signal restart itsolnx2', 3, 'HCPCMD003E Invalid option - RESTART'],
		['signal shutdown', 26, 'HCPCMD026E Operand missing or invalid'],
		['signal shutdown nobody', 45, 'HCPCQU045E NOBODY not logged on'],
		['signal shutdown itsolnx2 within', 26, 'HCPCMD026E Operand missing or invalid'],
		['signal shutdown itsolnx2 within soon', 3, 'HCPCMD003E Invalid option - SOON'],
		['xautolog', 26, 'HCPCMD026E Operand missing or invalid'],
		['xautolog a b', 3, 'HCPCMD003E Invalid option - B'],
		['logon', 26, 'HCPCMD026E Operand missing or invalid'],
		['disconnect nobody', 45, 'HCPCQU045E NOBODY not logged on'],
		['send', 26, 'HCPCMD026E Operand missing or invalid'],
		['send cp', 26, 'HCPCMD026E Operand missing or invalid'],
		['send cp itsolnx2', 26, 'HCPCMD026E Operand missing or invalid'],
		['send cp nobody det 190', 45, 'HCPCQU045E NOBODY not logged on'],
		['send cp bad!id det 190', 3, 'HCPCMD003E Invalid option - BAD!ID']
	];
	for (const [text, rc, line] of cases)
		it(text, () => {
			const r = cmd(a15(), 'ITSOSSI4', text);
			expect(r.rc).toBe(rc);
			expect(r.lines[0]).toBe(line);
			expect(ready(r)).toMatch(new RegExp(`^Ready\\(${String(rc).padStart(5, '0')}\\);`));
		});

	it('abbreviations: SIG, XAUTO, DISC, DET, ATT', () => {
		const sim = a15();
		expect(cmd(sim, 'ITSOSSI4', 'sig shutdown user itsolnx2 within 30').rc).toBe(0);
		sim.runUntil(sim.now + sec(5));
		expect(cmd(sim, 'ITSOSSI4', 'xauto itsolnx2').rc).toBe(0);
		expect(cmd(sim, 'ITSOSSI4', 'xaut itsolnx2').lines[0]).toBe(
			'HCPCMD001E Unknown CP command: XAUT'
		);
		expect(cmd(sim, 'ITSOSSI4', 'si shutdown itsolnx2').lines[0]).toBe(
			'HCPCMD001E Unknown CP command: SI'
		);
	});
});

describe('FORCE and SIGNAL SHUTDOWN', () => {
	it('act on the member the command runs on; elsewhere they say where the guest is', () => {
		const sim = a15();
		const r = cmd(sim, 'ITSOSSI1', 'force itsolnx2');
		expect(body(r)).toEqual([
			'HCPCQU045E ITSOLNX2 not logged on',
			'ITSOLNX2 is logged on to ITSOSSI4: use AT ITSOSSI4 CMD to reach it there'
		]);
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual(['ITSOSSI4 disconnected']);
		// Through AT, the operator notice goes to ITSOSSI4's console, not the issuer's.
		const from = sim.state.console.length;
		expect(body(cmd(sim, 'ITSOSSI1', 'at itsossi4 cmd force itsolnx2', 'MAINT'))).toEqual([]);
		expect(after(sim, 'ITSOSSI4', from)).toEqual([
			'USER DSC LOGOFF AS ITSOLNX2 USERS = 18 FORCED BY MAINT'
		]);
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual([]);
	});

	it('a forced guest frees its dedicated devices; its log records why', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'force itsolnx2');
		expect(body(cmd(sim, 'ITSOSSI4', 'q 2126-2128'))).toEqual([
			'OSA 2126 FREE , OSA 2127 FREE , OSA 2128 FREE'
		]);
		expect(sim.state.log.filter((e) => e.kind === 'guest.logoff')).toEqual([
			{ t: 0, kind: 'guest.logoff', user: 'ITSOLNX2', on: 'ITSOSSI4', reason: 'FORCED BY OPERATOR' }
		]);
	});

	it('a connected guest is logged off from its logical device, not as USER DSC', () => {
		const sim = boot('a14-cms-guest', (j) => {
			(j.guests as Json[])[0]!.status = 'logged-on';
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI4', 'force vmlogs'))).toEqual([
			'LDEV L0003 LOGOFF AS VMLOGS USERS = 18 FORCED BY OPERATOR'
		]);
	});

	for (const stop of ['force itsolnx2', 'signal shutdown itsolnx2'])
		it(`${stop} during VMRELOCATE MOVE ends the relocation; the guest is gone`, () => {
			const sim = boot('a15-dedicate', (j) => {
				j.systemConfig = String(j.systemConfig).replace(
					/ {2}RDEVICE 2126-2128 TYPE OSA\n/,
					'  RDEVICE 2126-2128 EQID OSA1SET1 TYPE OSA\n'
				);
				j.script = [];
			});
			expect(body(cmd(sim, 'ITSOSSI4', 'vmrelocate move itsolnx2 itsossi3 asynchronous'))).toEqual([
				'Relocation of ITSOLNX2 from ITSOSSI4 to ITSOSSI3 started'
			]);
			sim.runUntil(sec(1));
			const rel = sim.state.relocations[0]!;
			expect(rel.outcome).toBeNull();
			const from = sim.state.console.length;
			expect(cmd(sim, 'ITSOSSI4', stop).rc).toBe(0);
			// A signalled Linux takes params.guestShutdownMs to shut down; the move goes on meanwhile.
			if (stop.startsWith('signal')) {
				expect(rel.outcome).toBeNull();
				sim.runUntil(sim.now + sec(5));
			}
			expect(rel.outcome).toBe('terminated');
			expect(after(sim, 'ITSOSSI4', from)).toEqual(
				expect.arrayContaining([
					'Relocation of user ITSOLNX2 from ITSOSSI4 to ITSOSSI3 did not complete. Guest has not been moved',
					'HCPRLH1939E Relocation of ITSOLNX2 to ITSOSSI3 is terminated for the following reason(s):',
					'ITSOLNX2: Virtual machine is not logged on'
				])
			);
			sim.runUntil(sec(120));
			expect(guestsOf(sim, 'ITSOLNX2')).toEqual([]);
			expect(body(cmd(sim, 'ITSOSSI3', 'q 2106-2108'))).toEqual([
				'OSA 2106 FREE , OSA 2107 FREE , OSA 2108 FREE'
			]);
		});
});

describe('XAUTOLOG and LOGON', () => {
	it('single logon enforcement: a USER logged on to another member is refused (001)', () => {
		const sim = a15();
		const r = cmd(sim, 'ITSOSSI3', 'xautolog itsolnx2');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual([
			'ITSOLNX2 is logged on to ITSOSSI4: a single-configuration user (USER) can be logged on to only one member of SSI cluster ITSOSSIA'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'xautolog itsolnx2'))).toEqual([
			'ITSOLNX2 is already logged on to ITSOSSI4'
		]);
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual(['ITSOSSI4 disconnected']);
	});

	it('an IDENTITY logs on to several members, once on each, from its SUBCONFIG there', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI1', 'xautolog maint'))).toEqual(['Command accepted']);
		expect(body(cmd(sim, 'ITSOSSI2', 'xautolog maint'))).toEqual(['Command accepted']);
		expect(body(cmd(sim, 'ITSOSSI2', 'xautolog maint'))).toEqual([
			'MAINT is already logged on to ITSOSSI2'
		]);
		expect(guestsOf(sim, 'MAINT')).toEqual(['ITSOSSI1 disconnected', 'ITSOSSI2 disconnected']);
		expect(body(cmd(sim, 'ITSOSSI1', 'q user maint at all'))).toEqual([
			'ITSOSSI1 : MAINT - DSC',
			'ITSOSSI2 : MAINT - DSC'
		]);
	});

	it('users the directory does not have, or with password NOLOG, are refused', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI1', 'xautolog nobody'))).toEqual(['NOBODY not in CP directory']);
		expect(body(cmd(sim, 'ITSOSSI1', 'xautolog linuxcms'))).toEqual([
			'LINUXCMS has the password NOLOG in the directory: it cannot be logged on'
		]);
		expect(cmd(sim, 'ITSOSSI1', 'logon nobody').rc).toBe(8);
	});

	it('the guest is built from the directory with the EQIDs of now; unavailable DEDICATEs are left out', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'force itsolnx2');
		cmd(sim, 'ITSOSSI4', 'vary off 2127');
		const from = sim.state.console.length;
		expect(body(cmd(sim, 'ITSOSSI4', 'xautolog itsolnx2'))).toEqual(['Command accepted']);
		expect(after(sim, 'ITSOSSI4', from).slice(2)).toEqual([
			'AUTO LOGON *** ITSOLNX2 USERS = 19',
			'HCPCLS6056I XAUTOLOG information for ITSOLNX2: The IPL command is verified by the IPL command processor.',
			'DEDICATE 0601 2127 not done: real device 2127 is offline'
		]);
		const g = sim.state.cluster.guests.find((x) => x.user === 'ITSOLNX2')!;
		expect(g.devices.filter((d) => d.kind === 'dedicated').map((d) => d.vdev)).toEqual([
			'0600',
			'0602'
		]);
		expect(g.status).toBe('disconnected');
	});

	it("the scenario's facts about the user go with it to another member", () => {
		const sim = boot('a14-cms-guest', (j) => (j.script = []));
		cmd(sim, 'ITSOSSI4', 'force vmlogs');
		cmd(sim, 'ITSOSSI2', 'xautolog vmlogs');
		const g = sim.state.cluster.guests.find((x) => x.user === 'VMLOGS')!;
		expect([g.on, g.vmcf, g.accounting.logonAt]).toEqual(['ITSOSSI2', true, 0]);
	});

	it('without a directory, anyone logs on as the default Linux guest, without HCPCLS6056I', () => {
		const sim = boot('itsossib');
		const from = sim.state.console.length;
		expect(body(cmd(sim, 'ITSOSSI5', 'xautolog newlnx'))).toEqual(['Command accepted']);
		expect(after(sim, 'ITSOSSI5', from).slice(2)).toEqual(['AUTO LOGON *** NEWLNX USERS = 3']);
	});

	it('a USER cannot log on while its member cannot police single logon (not Joined, Safe mode)', () => {
		const sim = boot('itsossib');
		cmd(sim, 'ITSOSSI5', 'shutdown');
		const r = cmd(sim, 'ITSOSSI5', 'xautolog newlnx');
		expect(body(r)).toEqual([
			'NEWLNX cannot log on: ITSOSSI5 cannot check that it is not logged on to another member (ITSOSSI5 is Leaving)'
		]);
	});

	it('LOGON connects the guest (not relocatable); DISCONNECT lets it run disconnected', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'force itsolnx2');
		for (const text of [
			'vary off 2126-2128',
			'set rdev 2126-2128 eqid osa1set1 type osa',
			'vary on 2126-2128'
		])
			expect(cmd(sim, 'ITSOSSI4', text).rc, text).toBe(0);
		expect(body(cmd(sim, 'ITSOSSI4', 'logon itsolnx2'))).toEqual([
			'ITSOLNX2 logged on to ITSOSSI4 at logical device L0003 (connected)'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'q itsolnx2'))).toEqual(['ITSOLNX2 -L0003']);
		expect(body(cmd(sim, 'ITSOSSI4', 'vmrelocate test itsolnx2 itsossi3'))).toContain(
			'HCPRLE1950I ITSOLNX2: Virtual machine is not running disconnected'
		);
		expect(body(cmd(sim, 'ITSOSSI4', 'disc itsolnx2'))).toEqual([
			'ITSOLNX2 disconnected from logical device L0003: it runs on disconnected (DSC)'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'disconnect itsolnx2'))).toEqual([
			'ITSOLNX2 is already disconnected'
		]);
		expect(body(cmd(sim, 'ITSOSSI4', 'vmrelocate test itsolnx2 itsossi3'))).toEqual([
			'User ITSOLNX2 is eligible for relocation to ITSOSSI3'
		]);
	});

	it('DISCONNECT without a user ID is the issuer: the operator stays connected, a guest disconnects', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI4', 'disconnect'))).toEqual([
			'OPERATOR is the operator of this console and stays connected: DISCONNECT userid disconnects a guest'
		]);
		cmd(sim, 'ITSOSSI4', 'force itsolnx2');
		cmd(sim, 'ITSOSSI4', 'logon itsolnx2');
		const from = sim.state.console.length;
		expect(body(cmd(sim, 'ITSOSSI4', 'send cp itsolnx2 disconnect'))).toEqual([]);
		expect(after(sim, 'ITSOSSI4', from).slice(1)).toEqual([
			'ITSOLNX2: ITSOLNX2 disconnected from logical device L0003: it runs on disconnected (DSC)'
		]);
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual(['ITSOSSI4 disconnected']);
	});
});

describe('SEND CP and the guest’s own virtual devices', () => {
	it('SEND without CP is not modelled; SEND to a guest on another member says where it is', () => {
		const sim = a15();
		expect(body(cmd(sim, 'ITSOSSI4', 'send itsolnx2 hello'))).toEqual([
			'The simulator models SEND CP userid command only: its guests read no console input'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'send cp itsolnx2 det 190'))).toEqual([
			'HCPCQU045E ITSOLNX2 not logged on',
			'ITSOLNX2 is logged on to ITSOSSI4: use AT ITSOSSI4 CMD SEND CP ITSOLNX2 ...'
		]);
	});

	it("the guest's command errors come back with its prefix; SEND itself answers Ready", () => {
		const sim = a15();
		const from = sim.state.console.length;
		const r = cmd(sim, 'ITSOSSI4', 'send cp itsolnx2 det 190 600');
		expect(r.rc).toBe(0);
		expect(after(sim, 'ITSOSSI4', from).slice(1)).toEqual([
			'ITSOLNX2: 0600 DETACHED',
			'ITSOLNX2: Device 0190 does not exist'
		]);
		// The dedicated OSA behind 0600 is free again.
		expect(body(cmd(sim, 'ITSOSSI4', 'q 2126'))).toEqual(['OSA 2126 FREE']);
	});

	it('DETACH vdev of a NIC detaches all its devices; ranges work', () => {
		const sim = boot('a12-cms-mdisks', (j) => (j.script = []));
		const from = sim.state.console.length;
		cmd(sim, 'ITSOSSI4', 'send cp itsolnx2 det 601 190-19d');
		expect(after(sim, 'ITSOSSI4', from).slice(1)).toEqual([
			'ITSOLNX2: 0600 0601 0602 0190 0191 019D DETACHED'
		]);
	});

	it('the operator has no virtual machine: DETACH vdev and DEFINE VFB-512 say so', () => {
		const sim = a15();
		for (const text of ['det 190', 'define vfb-512 as 111 blk 100'])
			expect(body(cmd(sim, 'ITSOSSI4', text)), text).toEqual([
				'OPERATOR has no virtual machine in the simulator: send the command to a guest with SEND CP userid'
			]);
	});

	it('DEFINE VFB-512: operands, the vdev in use, and the member’s Vdisk Userlim', () => {
		const sim = boot('a13-vdisk', (j) => (j.script = []));
		const send = (text: string) => {
			const from = sim.state.console.length;
			cmd(sim, 'ITSOSSI1', `send cp itsolnx1 ${text}`);
			return after(sim, 'ITSOSSI1', from).slice(1);
		};
		expect(send('define vfb-512 as 111 blk 100')).toEqual([
			'ITSOLNX1: ITSOLNX1 already has a device at 0111'
		]);
		expect(send('define vfb-512 as 222 blk 150000')).toEqual([
			'ITSOLNX1: Virtual disk 0222 of 150000 blocks would bring ITSOLNX1 to 150000 blocks of virtual disk, more than the 144000 a user may have on ITSOSSI1'
		]);
		expect(send('define vfb-512 as 222 size 100')).toEqual([
			'ITSOLNX1: HCPCMD003E Invalid option - SIZE'
		]);
		expect(send('define vfb-512 as 222 blk 0')).toEqual([
			'ITSOLNX1: HCPCMD003E Invalid option - 0'
		]);
		expect(send('define vfb-512 as 222')).toEqual([
			'ITSOLNX1: HCPCMD026E Operand missing or invalid'
		]);
		expect(send('define vfb-512 222 blk 1000')).toEqual(['ITSOLNX1: DASD 0222 DEFINED']);
	});
});

describe('USERS = n counts the guests on the member and the scenario’s other users', () => {
	it('a member without otherUsers counts its guests only', () => {
		const sim = boot('a15-dedicate', (j) => {
			delete member(j, 'ITSOSSI4').otherUsers;
			j.script = [];
		});
		expect(body(cmd(sim, 'ITSOSSI4', 'force itsolnx2'))).toEqual([
			'USER DSC LOGOFF AS ITSOLNX2 USERS = 0 FORCED BY OPERATOR'
		]);
	});
});

describe('SIGNAL SHUTDOWN takes the guest time (000 Example A-14; params.guestShutdownMs)', () => {
	it('the guest runs on until it reports, 5 s later; then CP logs it off', () => {
		const sim = a15();
		const from = sim.state.console.length;
		expect(body(cmd(sim, 'ITSOSSI4', 'signal shutdown itsolnx2'))).toEqual([]);
		sim.runUntil(sim.now + 4_999);
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual(['ITSOSSI4 disconnected']);
		sim.runUntil(sim.now + 1);
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual([]);
		expect(after(sim, 'ITSOSSI4', from).slice(-2)).toEqual([
			'HCPSIG2113I User ITSOLNX2 has reported successful termination',
			'USER DSC LOGOFF AS ITSOLNX2 USERS = 18 AFTER SIGNAL'
		]);
	});

	it('WITHIN shorter than the shutdown: CP logs the guest off when it is up, with no report', () => {
		const sim = a15();
		const from = sim.state.console.length;
		cmd(sim, 'ITSOSSI4', 'signal shutdown itsolnx2 within 2');
		sim.runUntil(sim.now + sec(2));
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual([]);
		const lines = after(sim, 'ITSOSSI4', from);
		expect(lines.slice(-2)).toEqual([
			'User ITSOLNX2 did not report termination within 2 seconds',
			'USER DSC LOGOFF AS ITSOLNX2 USERS = 18 AFTER SIGNAL'
		]);
		expect(lines.some((l) => l.startsWith('HCPSIG2113I'))).toBe(false);
	});

	it('a second signal while it shuts down is refused; a FORCE meanwhile leaves nothing to report', () => {
		const sim = a15();
		cmd(sim, 'ITSOSSI4', 'signal shutdown itsolnx2');
		const again = cmd(sim, 'ITSOSSI4', 'signal shutdown itsolnx2');
		expect(again.rc).toBe(8);
		expect(body(again)[0]).toMatch(
			/^ITSOLNX2 is already shutting down after a signal at \d\d:\d\d:\d\d$/
		);
		cmd(sim, 'ITSOSSI4', 'force itsolnx2');
		const from = sim.state.console.length;
		sim.runUntil(sim.now + sec(10));
		expect(after(sim, 'ITSOSSI4', from)).toEqual([]);
		// Logged on again, it is a new session: the old signal does not reach it.
		cmd(sim, 'ITSOSSI4', 'xautolog itsolnx2');
		sim.runUntil(sim.now + sec(10));
		expect(guestsOf(sim, 'ITSOLNX2')).toEqual(['ITSOSSI4 disconnected']);
	});
});

describe('determinism', () => {
	it('replaying the inputs of a session of these commands gives the same state, byte for byte', () => {
		const sim = a15();
		const steps: [number, string][] = [
			[sec(5), 'signal shutdown itsolnx2'],
			[sec(9), 'vary off 2126-2128'],
			[sec(12), 'set rdev 2126-2128 eqid osa1set1 type osa'],
			[sec(15), 'vary on 2126-2128'],
			[sec(18), 'xautolog itsolnx2'],
			[sec(20), 'send cp itsolnx2 det 111'],
			[sec(22), 'vmrelocate move itsolnx2 itsossi3 async'],
			[sec(24), 'at itsossi3 cmd q osa']
		];
		for (const [at, text] of steps) {
			sim.runUntil(at);
			cmd(sim, 'ITSOSSI4', text);
		}
		sim.runUntil(sec(200));
		const again = replay(a15().state, sim.state.inputs, sec(200));
		expect(again.snapshot()).toBe(sim.snapshot());
		expect(Simulation.restore(sim.snapshot()).snapshot()).toBe(sim.snapshot());
	});
});
