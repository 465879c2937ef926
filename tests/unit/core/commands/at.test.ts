import { describe, expect, it } from 'vitest';
import { body, boot, cmd, memberOf, norm, ready, sec, STAMP } from './helpers';

const HCPSHU960I = 'HCPSHU960I System shutdown may be delayed for up to 530 seconds';

/**
 * ITSOSSIA (starting 15:27:00 as in 000 Example 4-3) with timings that fit the example: a
 * shutdown done within 3 s (ITSOSSI4 is Down 3 s after its AT … SHUTDOWN REIPL) and a re-IPL
 * slower than 26 s (ITSOSSI1 is still Down then).
 */
function example43() {
	return boot('itsossia', (j) => {
		j.params = { shutdownMs: '2s', reiplMs: '60s' };
	});
}

describe('AT sysname CMD (000 Example 4-3: restarting the members of ITSOSSIA)', () => {
	it('reproduces the transcript issued from ITSOSSI3', () => {
		const sim = example43();
		const at = (t: number, text: string) => {
			sim.runUntil(sec(t));
			return cmd(sim, 'ITSOSSI3', text);
		};
		const q1 = at(19, 'q ssi');
		expect(body(q1).map(norm).slice(0, 2)).toEqual(['SSI Name: ITSOSSIA', 'SSI Mode: Stable']);
		expect(ready(q1)).toBe('Ready; T=0.01/0.01 15:27:19');

		expect(at(47, 'at itsossi1 cmd shutdown reipl').lines).toEqual([
			HCPSHU960I,
			'Ready; T=0.01/0.01 15:27:47'
		]);
		expect(at(66, 'at itsossi2 cmd shutdown reipl').lines).toEqual([
			HCPSHU960I,
			'Ready; T=0.01/0.01 15:28:06'
		]);
		expect(at(70, 'at itsossi4 cmd shutdown reipl').lines).toEqual([
			HCPSHU960I,
			'Ready; T=0.01/0.01 15:28:10'
		]);

		const q2 = at(73, 'q ssi');
		const lines = body(q2).map(norm);
		expect(lines[1]).toBe('SSI Mode: Stable');
		expect(lines.slice(5)).toEqual([
			'1 ITSOSSI1 Down (shut down successfully)',
			'2 ITSOSSI2 Down (shut down successfully)',
			expect.stringMatching(new RegExp(`^3 ITSOSSI3 Joined ${STAMP} ${STAMP}$`)),
			'4 ITSOSSI4 Down (shut down successfully)'
		]);
		expect(ready(q2)).toBe('Ready; T=0.01/0.01 15:28:13');

		// The last member is shut down from its own console: SYSTEM SHUTDOWN STARTED first.
		expect(at(913, 'shutdown reipl').lines).toEqual([
			'SYSTEM SHUTDOWN STARTED',
			HCPSHU960I,
			'Ready; T=0.01/0.01 15:42:13'
		]);
		expect(memberOf(sim, 'ITSOSSI3').state).toBe('Leaving');
	});

	it('the targets restart (REIPL) and rejoin the cluster', () => {
		const sim = example43();
		sim.runUntil(sec(5));
		cmd(sim, 'ITSOSSI3', 'at itsossi1 cmd shutdown reipl');
		sim.runUntil(sec(200));
		expect(memberOf(sim, 'ITSOSSI1').state).toBe('Joined');
		const states = sim.state.log.flatMap((e) =>
			e.kind === 'member.state' && e.member === 'ITSOSSI1' ? [e.to] : []
		);
		expect(states).toEqual(['Leaving', 'Down', 'Joining', 'Joined']);
	});

	it('the command runs on the target: QUERY answers from there', () => {
		const sim = boot('itsossib');
		expect(body(cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd q lnxrh65'))).toEqual(['LNXRH65 - DSC']);
		expect(body(cmd(sim, 'ITSOSSI5', 'q lnxrh65'))).toEqual(['HCPCQU045E LNXRH65 not logged on']);
		// The target's own view: it sees itself Joining while the issuer is still Joined.
		cmd(sim, 'ITSOSSI6', 'shutdown');
		sim.runUntil(sec(30));
		cmd(sim, 'ITSOSSI6', 'ipl');
		expect(body(cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd q ssi')).map(norm)[6]).toMatch(
			/^2 ITSOSSI6 Joining/
		);
	});

	it('the answer, its Ready line and the log entry are on the issuing member’s console', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(8));
		const before = sim.state.console.length;
		const r = cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd shutdown');
		const added = sim.state.console.slice(before);
		expect(added.map((c) => c.on)).toEqual(['ITSOSSI5', 'ITSOSSI5', 'ITSOSSI5']);
		expect(added.map((c) => c.text)).toEqual(['at itsossi6 cmd shutdown', ...r.lines]);
		expect(sim.state.log.filter((e) => e.kind === 'command').at(-1)).toMatchObject({
			on: 'ITSOSSI5',
			text: 'at itsossi6 cmd shutdown',
			rc: 0
		});
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Leaving');
		expect(memberOf(sim, 'ITSOSSI5').state).toBe('Joined');
	});

	it('errors of the command on the target come back with its return code', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd frob');
		expect(r.rc).toBe(1);
		expect(body(r)).toEqual(['HCPCMD001E Unknown CP command: FROB']);
		expect(ready(r)).toMatch(/^Ready\(00001\);/);
	});

	it('AT the issuing member itself runs the command there', () => {
		const sim = boot('itsossib');
		expect(body(cmd(sim, 'ITSOSSI5', 'at itsossi5 cmd q lnxsu11'))).toEqual(['LNXSU11 - DSC']);
	});
});

describe('AT needs an active member it can reach (001 "Cross-System CP Commands")', () => {
	it('a system that is not in the cluster', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'at itsossi9 cmd q ssi');
		expect(r.rc).toBe(4);
		expect(body(r)).toEqual(['ITSOSSI9 is not a member of SSI cluster ITSOSSIB']);
		expect(ready(r)).toMatch(/^Ready\(00004\);/);
	});

	it('a member that is down, and IPL of it through AT', () => {
		const sim = boot('myclustr');
		for (const text of ['at member3 cmd q ssi', 'at member3 cmd ipl']) {
			const r = cmd(sim, 'MEMBER1', text);
			expect(r.rc, text).toBe(8);
			expect(body(r), text).toEqual([
				'MEMBER3 is not an active member that MEMBER1 can reach (it is Down)'
			]);
		}
		expect(memberOf(sim, 'MEMBER3').state).toBe('Down');
	});

	it('a member that abended and is Unknown to the issuer', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		sim.runUntil(sec(40));
		const r = cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd q ssi');
		expect(r.rc).toBe(8);
		expect(body(r)[0]).toMatch(/^ITSOSSI6 is not an active member that ITSOSSI5 can reach/);
	});

	it('a running member the issuer cannot reach over ISFC', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		sim.apply({ kind: 'fault', fault: { kind: 'link.sever', link: 'ITSOSSI5-ITSOSSI6' } });
		sim.runUntil(sec(40));
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Suspended');
		const r = cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd shutdown');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual([
			'ITSOSSI6 is not an active member that ITSOSSI5 can reach (it is Suspended)'
		]);
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Suspended');
	});

	it('an IPL sent through AT to a running member is refused there', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd ipl');
		expect(r.rc).toBe(8);
		expect(body(r)[0]).toMatch(/^ITSOSSI6 is already running/);
	});
});

describe('AT syntax: AT sysname CMD command', () => {
	it('without a system, CMD or command it is HCPCMD026E with the usage', () => {
		const sim = boot('itsossib');
		for (const text of [
			'at',
			'at itsossi6',
			'at itsossi6 cmd',
			'at itsossi6 q ssi',
			'at itsossi6 cm q'
		]) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(26);
			expect(body(r), text).toEqual([
				'HCPCMD026E Operand missing or invalid',
				'Usage: AT sysname CMD command'
			]);
		}
	});

	it('AT cannot be nested', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd at itsossi5 cmd shutdown');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual(['AT cannot be nested']);
		expect(memberOf(sim, 'ITSOSSI5').state).toBe('Joined');
	});
});
