import { guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import type { RelocationPhase } from '$lib/core/machines/relocation.machine';
import {
	READY,
	body,
	boot,
	cmd,
	linesSince,
	phases,
	relocation,
	runToEnd,
	runToPhase,
	sec,
	transcript,
	whereIs
} from './helpers';

const guests = guestsOf;

/** gdl with LGRLIN21 rewriting all its memory faster than the link: every phase lasts a while. */
const muncher = () =>
	boot('gdl', (j) => {
		j.script = [];
		guests(j)[0]!.workload = 'muncher';
	});

describe('VMRELOCATE CANCEL (001): the guest stays on the source, and the message names who cancelled', () => {
	const phasesWithTime: [RelocationPhase, number][] = [
		['CreatingSkeleton', 20],
		['MovingMemory', 1_000],
		['MovingGuest', 1_000]
	];
	for (const [phase, into] of phasesWithTime) {
		it(`in ${phase}`, () => {
			const sim = muncher();
			cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async', 'CELESKEY');
			runToPhase(sim, 1, phase);
			sim.runUntil(sim.now + into);
			expect(relocation(sim, 1).phase).toBe(phase);
			const r = cmd(sim, 'GDLMCPX4', 'vmrelocate cancel lgrlin21', 'MAINT');
			expect(body(r)).toEqual([
				'Relocation of user LGRLIN21 from GDLMCPX4 to GDLLCPX3 has been canceled by MAINT on GDLMCPX4.'
			]);
			const rel = relocation(sim, 1);
			expect(rel).toMatchObject({ outcome: 'cancelled', phase: 'Cancelled', endedAt: sim.now });
			expect(phases(sim, 1).at(-1)).toEqual({ to: 'Cancelled', t: sim.now });
			sim.runUntil(sim.now + sec(60));
			expect(whereIs(sim, 'LGRLIN21')).toEqual(['GDLMCPX4']);
			expect(body(cmd(sim, 'GDLMCPX4', 'q lgrlin21 at all'))).toEqual([
				'GDLMCPX4 : LGRLIN21 - DSC'
			]);
			expect(sim.state.log.some((e) => e.kind === 'guest.logoff')).toBe(false);
			expect(rel.guestConsole).toEqual([]);
			// Nothing of the cancelled relocation runs on: no pending tick, no engine.
			expect(sim.state.queue.some((q) => q.event.type === 'relocation.tick')).toBe(false);
			expect(rel.engine?.running ?? false).toBe(false);
			if (phase !== 'CreatingSkeleton') expect(rel.pagesSent).toBeGreaterThan(0);
			// The guest can be moved again.
			cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
			expect(runToEnd(sim, 2).outcome).toBe('relocated');
		});
	}

	it('a muncher does no I/O, so its Final Mem Copy has nothing to send and takes no time', () => {
		const sim = muncher();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToEnd(sim, 1);
		const p = phases(sim, 1);
		const t = (to: RelocationPhase) => p.find((x) => x.to === to)!.t;
		expect(t('Resuming')).toBe(t('FinalMemCopy'));
		expect(relocation(sim, 1).passes.at(-1)).toMatchObject({ pages: 0, quiesced: true });
	});

	it('in FinalMemCopy: the pages its I/O wrote while quiesced take time to send, and CANCEL lands there', () => {
		const database = () =>
			boot('gdl', (j) => {
				j.script = [];
				guests(j)[0]!.workload = 'database';
			});
		const dry = database();
		cmd(dry, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToEnd(dry, 1);
		const p = phases(dry, 1);
		const t = (to: RelocationPhase) => p.find((x) => x.to === to)!.t;
		const final = relocation(dry, 1).passes.at(-1)!;
		expect(final.pages).toBeGreaterThan(0);
		expect(t('Resuming') - t('FinalMemCopy')).toBeGreaterThanOrEqual(2);

		const sim = database();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async', 'CELESKEY');
		runToPhase(sim, 1, 'FinalMemCopy');
		sim.runUntil(sim.now + 1);
		expect(relocation(sim, 1).phase).toBe('FinalMemCopy');
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate cancel lgrlin21', 'MAINT'))).toEqual([
			'Relocation of user LGRLIN21 from GDLMCPX4 to GDLLCPX3 has been canceled by MAINT on GDLMCPX4.'
		]);
		expect(relocation(sim, 1)).toMatchObject({ outcome: 'cancelled', phase: 'Cancelled' });
		sim.runUntil(sim.now + sec(60));
		expect(whereIs(sim, 'LGRLIN21')).toEqual(['GDLMCPX4']);
	});

	it('from the destination too, as 001 cancels a move from GDLLCPX3 on GDLMCPX4', () => {
		const sim = muncher();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async', 'CELESKEY');
		sim.runUntil(sim.now + sec(2));
		const r = cmd(sim, 'GDLLCPX3', 'vmrelocate cancel lgrlin21', 'OPERATOR');
		expect(body(r)).toEqual([
			'Relocation of user LGRLIN21 from GDLMCPX4 to GDLLCPX3 has been canceled by OPERATOR on GDLLCPX3.'
		]);
		// The console the MOVE was typed on hears of it too.
		expect(transcript(sim, 'GDLMCPX4').at(-1)).toBe(
			'Relocation of user LGRLIN21 from GDLMCPX4 to GDLLCPX3 has been canceled by OPERATOR on GDLLCPX3.'
		);
	});

	it('a SYNCHRONOUS move cancelled elsewhere gets its Ready after the cancel message', () => {
		const sim = muncher();
		const t0 = sim.now;
		expect(cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3', 'CELESKEY').lines).toEqual([
			'Relocation of LGRLIN21 from GDLMCPX4 to GDLLCPX3 started'
		]);
		sim.runUntil(sim.now + sec(2));
		cmd(sim, 'GDLLCPX3', 'at gdlmcpx4 cmd vmrelocate cancel lgrlin21', 'MAINT');
		expect(linesSince(sim, 'GDLMCPX4', t0)).toEqual([
			'> vmrelocate move lgrlin21 gdllcpx3',
			'Relocation of LGRLIN21 from GDLMCPX4 to GDLLCPX3 started',
			'Relocation of user LGRLIN21 from GDLMCPX4 to GDLLCPX3 has been canceled by MAINT on GDLMCPX4.',
			'Ready; T=0.01/0.01 04:32:02'
		]);
	});

	it('once the guest runs on the destination it is too late; nothing matching is "not in progress"', () => {
		const sim = boot('gdl', (j) => (j.script = []));
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
		runToPhase(sim, 1, 'CleaningUp');
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate cancel lgrlin21'))).toEqual([
			'LGRLIN21: The relocation cannot be canceled: the guest is already running on GDLLCPX3'
		]);
		expect(runToEnd(sim, 1).outcome).toBe('relocated');
		const none = ['No matching virtual machine relocation is currently in progress on this system'];
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate cancel lgrlin21'))).toEqual(none);
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate cancel nobody'))).toEqual(none);
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate cancel'))).toEqual([
			'HCPCMD026E Operand missing or invalid'
		]);
	});
});

describe('000 App. A.1.7: MAXQUIESCE exceeded (Examples A-19, A-20)', () => {
	it('the a17-maxquiesce scenario prints Example A-20 and leaves the guest on ITSOSSI5', () => {
		const sim = boot('a17-maxquiesce');
		sim.runUntil(sec(60));
		const lines = transcript(sim, 'ITSOSSI5');
		expect(lines.slice(0, -1)).toEqual([
			'> vmrelocate move lnxsu11 itsossi6 maxquiesce 3',
			'Relocation of LNXSU11 from ITSOSSI5 to ITSOSSI6 started',
			'Relocation of user LNXSU11 from ITSOSSI5 to ITSOSSI6 did not complete. Guest has not been moved',
			'HCPRLH1939E Relocation of LNXSU11 to ITSOSSI6 is terminated for the following reason(s):',
			'HCPRLU1930I LNXSU11: The maximum quiesce time was exceeded'
		]);
		expect(lines.at(-1)).toMatch(/^Ready\(01939\); T=0\.01\/0\.01 \d\d:\d\d:\d\d$/);
		const rel = relocation(sim, 1);
		expect(rel).toMatchObject({ outcome: 'cancelled', phase: 'Cancelled' });
		// Stopped exactly at the limit: 3 s after the quiesce began.
		expect(rel.quiesceMs).toBe(3_000);
		expect(whereIs(sim, 'LNXSU11')).toEqual(['ITSOSSI5']);
		// The muncher never converged: every pre-copy pass was as big as the first.
		const precopy = rel.passes.filter((p) => !p.quiesced);
		expect(precopy.length).toBeGreaterThanOrEqual(2);
		for (const p of precopy) expect(p.pages).toBe(precopy[0]!.pages);
	});

	it('with the default MAXQUIESCE (10 s) the same guest relocates, after a long quiesce', () => {
		const sim = boot('a17-maxquiesce', (j) => (j.script = []));
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6');
		const rel = runToEnd(sim, 1);
		expect(rel.outcome).toBe('relocated');
		expect(rel.quiesceMs).toBeGreaterThan(3_000);
		expect(rel.quiesceMs).toBeLessThan(10_000);
	});
});

describe('MAXTOTAL exceeded (000 §3.6.1: "If a relocation needs more time, the relocation is canceled")', () => {
	it('cancels it at the limit with the guest on the source', () => {
		const sim = boot('a17-maxquiesce', (j) => (j.script = []));
		cmd(sim, 'ITSOSSI5', 'vmrelocate move lnxsu11 itsossi6 async maxtotal 5');
		const rel = runToEnd(sim, 1);
		expect(rel.messages).toEqual([
			'Relocation of LNXSU11 from ITSOSSI5 to ITSOSSI6 started',
			'Relocation of user LNXSU11 from ITSOSSI5 to ITSOSSI6 did not complete. Guest has not been moved',
			'HCPRLH1939E Relocation of LNXSU11 to ITSOSSI6 is terminated for the following reason(s):',
			'LNXSU11: The maximum total time was exceeded'
		]);
		expect(rel).toMatchObject({ outcome: 'cancelled', phase: 'Cancelled' });
		expect(rel.endedAt! - rel.startedAt).toBe(5_000);
		expect(whereIs(sim, 'LNXSU11')).toEqual(['ITSOSSI5']);
		// ASYNCHRONOUS: no Ready of its own at the end.
		expect(transcript(sim, 'ITSOSSI5').at(-1)).toBe('LNXSU11: The maximum total time was exceeded');
	});

	it('a limit the relocation stays within changes nothing', () => {
		const sim = boot('gdl', (j) => (j.script = []));
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 maxtotal 60 maxquiesce 5');
		expect(runToEnd(sim, 1).outcome).toBe('relocated');
	});
});

describe('IMMEDIATE (000 §3.6.1): one pass through memory, then quiesce', () => {
	it('makes one pre-copy pass, a longer quiesce, and shows IMMED YES and NOLIMIT in STATUS DETAILS', () => {
		// A database guest over ITSOSSIB's 700 MB/s link: pre-copy needs more than one pass.
		const run = (extra: string) => {
			const sim = boot('a17-maxquiesce', (j) => {
				j.script = [];
				guests(j)[0]!.workload = 'database';
			});
			cmd(sim, 'ITSOSSI5', `vmrelocate move lnxsu11 itsossi6 ${extra}`);
			return sim;
		};
		const imm = run('immediate');
		imm.runUntil(imm.now + 500);
		const status = body(cmd(imm, 'ITSOSSI6', 'vmrelocate status details'));
		expect(status.slice(2, 6)).toEqual([
			'',
			'Options: SYNCH IMMED YES',
			'Max Total Time NOLIMIT',
			'Max Quiesce Time NOLIMIT'
		]);
		const immediate = runToEnd(imm, 1);
		const normal = runToEnd(run(''), 1);
		expect(immediate.outcome).toBe('relocated');
		expect(immediate.passes.filter((p) => !p.quiesced)).toHaveLength(1);
		expect(normal.passes.filter((p) => !p.quiesced).length).toBeGreaterThan(1);
		expect(immediate.quiesceMs).toBeGreaterThan(normal.quiesceMs);
		expect(transcript(imm, 'ITSOSSI5').at(-1)).toMatch(READY);
	});
});

describe('VMRELOCATE STATUS', () => {
	it('shows the relocations of this system, on the source and the destination, with live pass counts', () => {
		const sim = muncher();
		cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async maxq 20', 'CELESKEY');
		runToPhase(sim, 1, 'MovingGuest');
		sim.runUntil(sim.now + 1_000);
		const rel = relocation(sim, 1);
		const done = rel.passes.reduce((a, p) => a + p.pages, 0);
		const expected = [
			'User     From     To       By       Status         Elapsed',
			expect.stringMatching(/^LGRLIN21 GDLMCPX4 GDLLCPX3 CELESKEY Moving Guest {3}00:00:\d\d$/),
			'',
			'Options: ASYNCH IMMED NO',
			'Max Total Time NOLIMIT',
			'Max Quiesce Time 20 sec',
			'',
			expect.stringMatching(
				new RegExp(
					`^Total pages sent ${done} in ${rel.passes.length} passes; [1-9]\\d* pages sent in pass ${rel.passes.length + 1}$`
				)
			)
		];
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate status lgrlin21 details'))).toEqual(expected);
		expect(body(cmd(sim, 'GDLLCPX3', 'vmrelo stat user lgrlin21 det'))).toEqual(expected);
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate status'))).toEqual(expected.slice(0, 2));
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate status other'))).toEqual([
			'No matching virtual machine relocation is currently in progress on this system'
		]);
		expect(body(cmd(sim, 'GDLMCPX4', 'vmrelocate status lgrlin21 details more'))).toEqual([
			'HCPCMD003E Invalid option - MORE'
		]);
	});

	it('asking does not change the relocation: the same run with and without STATUS commands', () => {
		const run = (ask: boolean) => {
			const sim = boot('gdl', (j) => {
				j.script = [];
				guests(j)[0]!.workload = 'web';
			});
			cmd(sim, 'GDLMCPX4', 'vmrelocate move lgrlin21 gdllcpx3 async');
			for (let t = 37; ask && relocation(sim, 1).outcome === null; t += 37) {
				sim.runUntil(sim.now + t);
				cmd(sim, 'GDLMCPX4', 'vmrelocate status lgrlin21 details');
			}
			return runToEnd(sim, 1);
		};
		const quiet = run(false);
		const asked = run(true);
		expect(asked.passes).toEqual(quiet.passes);
		expect(asked.pagesSent).toBe(quiet.pagesSent);
		expect(asked.quiesceMs).toBe(quiet.quiesceMs);
	});
});
