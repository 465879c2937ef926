import { describe, expect, it } from 'vitest';
import type { LogEntry } from '$lib/core/sim/events';
import { body, boot, cmd, memberOf, ready, sec } from './helpers';

const HCPSHU960I = 'HCPSHU960I System shutdown may be delayed for up to 530 seconds';

/** The member.state transitions of one member, in order. */
function transitions(log: LogEntry[], name: string): string[] {
	return log.flatMap((e) =>
		e.kind === 'member.state' && e.member === name ? [`${e.from}->${e.to}`] : []
	);
}

describe('SHUTDOWN (000 §2.4: "A member leaves the cluster when it shuts down"; Example 4-3)', () => {
	it('answers SYSTEM SHUTDOWN STARTED and HCPSHU960I on the member’s own console', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		const r = cmd(sim, 'ITSOSSI6', 'shutdown');
		expect(r.rc).toBe(0);
		expect(body(r)).toEqual(['SYSTEM SHUTDOWN STARTED', HCPSHU960I]);
		expect(ready(r)).toBe('Ready; T=0.01/0.01 11:10:35');
	});

	it('the member goes Leaving at once, then Down (shut down successfully); the cluster Influx, then Stable', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		cmd(sim, 'ITSOSSI6', 'shutdown');
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Leaving');
		expect(sim.state.cluster.mode).toBe('Influx');
		sim.runUntil(sec(5) + sim.state.params.shutdownMs);
		const m = memberOf(sim, 'ITSOSSI6');
		expect(m.state).toBe('Down');
		expect(m.detail).toBe('shut down successfully');
		expect(m.pdr.state).toBe('Down');
		expect(sim.state.cluster.mode).toBe('Stable');
		sim.runUntil(sec(120));
		expect(transitions(sim.state.log, 'ITSOSSI6')).toEqual(['Joined->Leaving', 'Leaving->Down']);
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Down');
	});

	it('logs off the member’s guests when it is down', () => {
		const sim = boot('itsossib');
		cmd(sim, 'ITSOSSI6', 'shutdown');
		expect(sim.state.cluster.guests.some((g) => g.on === 'ITSOSSI6')).toBe(true);
		sim.runUntil(sec(30));
		expect(sim.state.cluster.guests.some((g) => g.on === 'ITSOSSI6')).toBe(false);
		expect(sim.state.log).toContainEqual(
			expect.objectContaining({ kind: 'guest.logoff', user: 'LNXRH65', on: 'ITSOSSI6' })
		);
	});

	it('SHUTDOWN REIPL: Leaving, Down, then IPL again and rejoin (Joining, Joined)', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		const r = cmd(sim, 'ITSOSSI6', 'shutdown reipl');
		expect(body(r)).toEqual(['SYSTEM SHUTDOWN STARTED', HCPSHU960I]);
		const { shutdownMs, reiplMs, joinMs } = sim.state.params;
		sim.runUntil(sec(5) + shutdownMs);
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Down');
		sim.runUntil(sec(5) + shutdownMs + reiplMs);
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Joining');
		expect(sim.state.cluster.mode).toBe('Influx');
		sim.runUntil(sec(5) + shutdownMs + reiplMs + joinMs + sec(10));
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Joined');
		expect(sim.state.cluster.mode).toBe('Stable');
		expect(transitions(sim.state.log, 'ITSOSSI6')).toEqual([
			'Joined->Leaving',
			'Leaving->Down',
			'Down->Joining',
			'Joining->Joined'
		]);
		expect(sim.state.log).toContainEqual(
			expect.objectContaining({ kind: 'member.state', to: 'Leaving', reason: 'SHUTDOWN REIPL' })
		);
	});

	it('the delay in HCPSHU960I is the scenario’s shutdown signal timeout', () => {
		const sim = boot('itsossib', (j) => {
			j.params = { shutdownSignalSeconds: 90 };
		});
		expect(body(cmd(sim, 'ITSOSSI5', 'shutdown'))[1]).toBe(
			'HCPSHU960I System shutdown may be delayed for up to 90 seconds'
		);
	});

	it('REIPL cannot be abbreviated and nothing else is accepted (HCPCMD003E); the member keeps running', () => {
		const sim = boot('itsossib');
		for (const [text, opt] of [
			['shutdown reip', 'REIP'],
			['shutdown now', 'NOW'],
			['shutdown reipl later', 'LATER']
		] as const) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(3);
			expect(body(r), text).toEqual([`HCPCMD003E Invalid option - ${opt}`]);
		}
		expect(memberOf(sim, 'ITSOSSI5').state).toBe('Joined');
		expect(cmd(sim, 'ITSOSSI5', 'SHUTDOWN ReIpL').rc).toBe(0);
	});

	it('a member already Leaving refuses a second SHUTDOWN', () => {
		const sim = boot('itsossib');
		cmd(sim, 'ITSOSSI5', 'shutdown');
		const r = cmd(sim, 'ITSOSSI5', 'shutdown reipl');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual(['ITSOSSI5 is already shutting down']);
		sim.runUntil(sec(60));
		// The REIPL of the refused command must not take effect.
		expect(memberOf(sim, 'ITSOSSI5').state).toBe('Down');
	});
});

describe('IPL of a down member (000 §2.4: joins the cluster when you IPL; §2.4.1 Isolated)', () => {
	it('a member shut down can be IPLed from its console and joins the cluster', () => {
		const sim = boot('myclustr');
		const r = cmd(sim, 'MEMBER3', 'ipl');
		expect(r.rc).toBe(0);
		expect(body(r)).toEqual(['z/VM IPL of MEMBER3 started: joining SSI cluster MYCLUSTR']);
		expect(memberOf(sim, 'MEMBER3').state).toBe('Joining');
		sim.runUntil(sec(30));
		expect(memberOf(sim, 'MEMBER3').state).toBe('Joined');
		expect(sim.state.cluster.mode).toBe('Stable');
	});

	it('IPL takes no operands', () => {
		const sim = boot('myclustr');
		const r = cmd(sim, 'MEMBER3', 'ipl cms');
		expect(r.rc).toBe(3);
		expect(body(r)).toEqual(['HCPCMD003E Invalid option - CMS']);
		expect(memberOf(sim, 'MEMBER3').state).toBe('Down');
	});

	it('a member whose system identifier is not in the member list IPLs Isolated', () => {
		const sim = boot('myclustr');
		sim.apply({
			kind: 'fault',
			fault: { kind: 'member.systemId', member: 'MEMBER3', systemId: 'MEMBERX' }
		});
		const r = cmd(sim, 'MEMBER3', 'ipl');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual([
			'z/VM IPL of MEMBER3: cannot join SSI cluster MYCLUSTR (system MEMBERX is not in the SSI member list of MYCLUSTR); the member is Isolated'
		]);
		expect(memberOf(sim, 'MEMBER3').state).toBe('Isolated');
		// An Isolated member runs CP: it is not down, so IPL is refused and SHUTDOWN works.
		expect(cmd(sim, 'MEMBER3', 'ipl').rc).toBe(8);
		expect(cmd(sim, 'MEMBER3', 'shutdown').rc).toBe(0);
		expect(memberOf(sim, 'MEMBER3').state).toBe('Down');
	});
});

describe('SET SSI SLOT n sysname|AVAILABLE (000 App. B: changes entries in the SSI member list)', () => {
	it('names a system in a free slot, logs the change, answers Ready', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'set ssi slot 3 itsossi7');
		expect(r.lines).toEqual(['Ready; T=0.01/0.01 11:10:30']);
		expect(sim.state.cluster.slots).toEqual(['ITSOSSI5', 'ITSOSSI6', 'ITSOSSI7', null]);
		expect(sim.state.log.at(-2)).toEqual({
			t: 0,
			kind: 'slot.changed',
			slot: 3,
			from: null,
			to: 'ITSOSSI7'
		});
	});

	it('only the slot of a Down member can change: a running member’s slot is refused', () => {
		const sim = boot('itsossib');
		for (const text of ['set ssi slot 2 available', 'set ssi slot 2 itsossi9']) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(8);
			expect(body(r), text).toEqual([
				'Slot 2 cannot change: its member ITSOSSI6 is Joined; shut it down first'
			]);
		}
		expect(sim.state.cluster.slots[1]).toBe('ITSOSSI6');
		expect(sim.state.log.some((e) => e.kind === 'slot.changed')).toBe(false);
	});

	it('a member Leaving still holds its slot', () => {
		const sim = boot('itsossib');
		cmd(sim, 'ITSOSSI6', 'shutdown');
		expect(cmd(sim, 'ITSOSSI5', 'set ssi slot 2 available').rc).toBe(8);
	});

	it('a Down member’s slot can be freed; the member then IPLs Isolated, not in the list', () => {
		const sim = boot('itsossib');
		cmd(sim, 'ITSOSSI6', 'shutdown');
		sim.runUntil(sec(30));
		const r = cmd(sim, 'ITSOSSI5', 'SET SSI SLOT 2 AVAILABLE');
		expect(r.rc).toBe(0);
		expect(sim.state.cluster.slots[1]).toBeNull();
		expect(cmd(sim, 'ITSOSSI6', 'ipl').rc).toBe(8);
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Isolated');
	});

	it('a system may hold one slot only', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'set ssi slot 4 itsossi5');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual(['ITSOSSI5 is already in slot 1 of the SSI member list']);
		expect(sim.state.cluster.slots[3]).toBeNull();
	});

	it('operand errors: missing SLOT or operands (026), slot outside 1-4, bad name, extra (003)', () => {
		const sim = boot('itsossib');
		const cases: [string, number, RegExp][] = [
			['set ssi', 26, /^HCPCMD026E Operand missing or invalid$/],
			['set ssi slot', 26, /^HCPCMD026E Operand missing or invalid$/],
			['set ssi slot 3', 26, /^HCPCMD026E Operand missing or invalid$/],
			['set ssi 3 itsossi7', 26, /^HCPCMD026E Operand missing or invalid$/],
			['set ssi slot 5 itsossi7', 26, /slot 5 must be 1-4/],
			['set ssi slot 0 itsossi7', 26, /slot 0 must be 1-4/],
			['set ssi slot x itsossi7', 26, /slot x must be 1-4/],
			['set ssi slot 3 toolongname', 26, /system name toolongname must be 1-8/],
			['set ssi slot 3 itsossi7 now', 3, /^HCPCMD003E Invalid option - NOW$/]
		];
		for (const [text, rc, re] of cases) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(rc);
			expect(body(r)[0], text).toMatch(re);
		}
		expect(sim.state.cluster.slots).toEqual(['ITSOSSI5', 'ITSOSSI6', null, null]);
	});
});
