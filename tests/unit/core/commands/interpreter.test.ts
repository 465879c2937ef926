import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, runCommand } from '$lib/core/commands/interpreter';
import { readyLine } from '$lib/core/commands/responses';
import { body, boot, clockNow, cmd, memberOf, ready, sec } from './helpers';

/** ITSOSSIB (000 ch. 5) five seconds in: both members Joined, the cluster Stable. */
function ssib() {
	const sim = boot('itsossib');
	sim.runUntil(sec(5));
	return sim;
}

describe('Ready line (000 Example 3-1: `Ready; T=0.01/0.01 17:27:45`)', () => {
	it('is `Ready;` for return code 0 and `Ready(rc);` with five digits otherwise', () => {
		const at = Date.UTC(2011, 10, 11, 17, 27, 45);
		expect(readyLine(0, at)).toBe('Ready; T=0.01/0.01 17:27:45');
		expect(readyLine(1, at)).toBe('Ready(00001); T=0.01/0.01 17:27:45');
		expect(readyLine(26, at)).toBe('Ready(00026); T=0.01/0.01 17:27:45');
	});

	it('ends every command and shows the simulated clock, not the host clock', () => {
		const sim = ssib();
		const r = cmd(sim, 'ITSOSSI5', 'q ssi');
		// itsossib starts at 11:10:30 simulated; 5 s have passed.
		expect(ready(r)).toBe('Ready; T=0.01/0.01 11:10:35');
		sim.runUntil(sec(95));
		expect(ready(cmd(sim, 'ITSOSSI5', 'q ssi'))).toBe('Ready; T=0.01/0.01 11:12:05');
		expect(clockNow(sim)).toBe('11:12:05');
	});

	it('wraps at midnight of the simulated day', () => {
		const sim = boot('itsossib', (j) => {
			j.start = '2011-11-11T23:59:58';
		});
		sim.runUntil(sec(5));
		expect(ready(cmd(sim, 'ITSOSSI5', 'q ssi'))).toBe('Ready; T=0.01/0.01 00:00:03');
	});

	it('an empty line answers only Ready', () => {
		const sim = ssib();
		const r = cmd(sim, 'ITSOSSI5', '   ');
		expect(r.rc).toBe(0);
		expect(r.lines).toEqual(['Ready; T=0.01/0.01 11:10:35']);
	});
});

describe('CP error messages and return codes', () => {
	it('an unknown command is HCPCMD001E with Ready(00001)', () => {
		const sim = ssib();
		const r = cmd(sim, 'ITSOSSI5', 'foo bar');
		expect(r.ok).toBe(true);
		expect(r.rc).toBe(1);
		expect(r.lines).toEqual([
			'HCPCMD001E Unknown CP command: FOO',
			'Ready(00001); T=0.01/0.01 11:10:35'
		]);
	});

	it('an unknown option of a known command is HCPCMD003E with Ready(00003)', () => {
		const sim = ssib();
		for (const [text, opt] of [
			['define frobnitz x', 'FROBNITZ'],
			['set xyz 1', 'XYZ'],
			['q relodomain all extra', 'EXTRA'],
			['q !?', '!?'],
			['q names now', 'NOW']
		] as const) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(3);
			expect(body(r), text).toEqual([`HCPCMD003E Invalid option - ${opt}`]);
			expect(ready(r), text).toMatch(/^Ready\(00003\); T=0\.01\/0\.01 \d\d:\d\d:\d\d$/);
		}
	});

	it('a command without its operand is HCPCMD026E with Ready(00026)', () => {
		const sim = ssib();
		for (const text of ['q', 'query', 'define', 'set', 'q relodomain member']) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(26);
			expect(body(r)[0], text).toBe('HCPCMD026E Operand missing or invalid');
			expect(ready(r), text).toMatch(/^Ready\(00026\);/);
		}
	});

	it('every command name the reference lists is accepted by the dispatcher', () => {
		expect(COMMAND_NAMES).toEqual(
			expect.arrayContaining(['QUERY', 'DEFINE', 'SET', 'FORMSSI', 'SHUTDOWN', 'AT', 'IPL'])
		);
		// The commands of the 000 App. A fixes.
		expect(COMMAND_NAMES).toEqual(
			expect.arrayContaining([
				'ATTACH',
				'DETACH',
				'VARY',
				'SEND',
				'FORCE',
				'SIGNAL',
				'XAUTOLOG',
				'LOGON',
				'DISCONNECT'
			])
		);
		const sim = ssib();
		for (const name of COMMAND_NAMES) {
			const r = cmd(sim, 'ITSOSSI6', name);
			expect(body(r).join('\n'), name).not.toMatch(/HCPCMD001E/);
		}
	});
});

describe('abbreviations the documents use, and case (CP is not case-sensitive)', () => {
	it('`q ssi` (000 Example 2-6) answers as QUERY SSI in any case', () => {
		const sim = ssib();
		const full = body(cmd(sim, 'ITSOSSI5', 'QUERY SSI'));
		expect(full[0]).toBe('SSI Name: ITSOSSIB');
		for (const text of ['q ssi', 'Q SSI', 'qUeRy sSi', 'qu ssi', '  q   ssi  ']) {
			expect(body(cmd(sim, 'ITSOSSI5', text)), text).toEqual(full);
		}
	});

	it('`q relodomain all` (000 Example 3-3) and its minimum RELOD', () => {
		const sim = ssib();
		const full = body(cmd(sim, 'ITSOSSI5', 'query relodomain all'));
		expect(full.length).toBe(3);
		for (const text of ['q relodomain all', 'q relod all', 'Q RELODOM ALL', 'q relodom']) {
			expect(body(cmd(sim, 'ITSOSSI5', text)), text).toEqual(full);
		}
	});

	it('`define relodomain … member …` (000 Example 3-1) with DEF and RELOD as the minimum', () => {
		const sim = ssib();
		for (const [i, text] of [
			'define relodomain d1 member itsossi5',
			'def relodomain d2 members itsossi5',
			'DEF RELOD D3 MEM ITSOSSI5',
			'defi relodo d4 membe itsossi5'
		].entries()) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(0);
			expect(sim.state.cluster.domains.some((d) => d.name === `D${i + 1}`)).toBe(true);
		}
	});

	it('`at … cmd …` (000 Example 4-3, 001) in any case', () => {
		const sim = ssib();
		const r = cmd(sim, 'ITSOSSI5', 'AT ITSOSSI6 CMD Q SSI');
		expect(r.rc).toBe(0);
		expect(body(r)[0]).toBe('SSI Name: ITSOSSIB');
		expect(body(cmd(sim, 'ITSOSSI5', 'at itsossi6 cmd q ssi'))).toEqual(body(r));
	});

	it('rejects abbreviations shorter than the minimum', () => {
		const sim = ssib();
		expect(body(cmd(sim, 'ITSOSSI5', 'de relodomain x member itsossi5'))).toEqual([
			'HCPCMD001E Unknown CP command: DE'
		]);
		expect(body(cmd(sim, 'ITSOSSI5', 'def relo x member itsossi5'))).toEqual([
			'HCPCMD003E Invalid option - RELO'
		]);
		expect(body(cmd(sim, 'ITSOSSI5', 'formss display 141'))).toEqual([
			'HCPCMD001E Unknown CP command: FORMSS'
		]);
		expect(body(cmd(sim, 'ITSOSSI5', 'a itsossi6 cmd q ssi'))).toEqual([
			'HCPCMD001E Unknown CP command: A'
		]);
		expect(body(cmd(sim, 'ITSOSSI5', 'set ss slot 3 available'))).toEqual([
			'HCPCMD003E Invalid option - SS'
		]);
		expect(sim.state.cluster.domains.some((d) => d.name === 'X')).toBe(false);
	});

	it('SHUTDOWN cannot be abbreviated: `shutdow` does not shut the member down', () => {
		const sim = ssib();
		const r = cmd(sim, 'ITSOSSI5', 'shutdow');
		expect(body(r)).toEqual(['HCPCMD001E Unknown CP command: SHUTDOW']);
		expect(memberOf(sim, 'ITSOSSI5').state).toBe('Joined');
	});

	it('a QUERY word too short for a subcommand is taken as a user ID (`q ss`, `q relo`)', () => {
		const sim = ssib();
		expect(body(cmd(sim, 'ITSOSSI5', 'q ss'))).toEqual(['HCPCQU045E SS not logged on']);
		expect(body(cmd(sim, 'ITSOSSI5', 'q relo'))).toEqual(['HCPCQU045E RELO not logged on']);
	});
});

describe('console and event log', () => {
	it('the console records the input line, then every response line and the Ready line', () => {
		const sim = ssib();
		const before = sim.state.console.length;
		const r = cmd(sim, 'ITSOSSI5', 'foo bar');
		const added = sim.state.console.slice(before);
		expect(added).toEqual([
			{ t: sec(5), on: 'ITSOSSI5', kind: 'input', text: 'foo bar' },
			...r.lines.map((text) => ({ t: sec(5), on: 'ITSOSSI5', kind: 'output', text }))
		]);
	});

	it('the command is in the event log with member, user (upper case), text and rc', () => {
		const sim = ssib();
		cmd(sim, 'itsossi5', 'q ssi', 'maint');
		cmd(sim, 'ITSOSSI6', 'bogus');
		const cmds = sim.state.log.filter((e) => e.kind === 'command');
		expect(cmds.slice(-2)).toEqual([
			{ t: sec(5), kind: 'command', on: 'ITSOSSI5', user: 'MAINT', text: 'q ssi', rc: 0 },
			{ t: sec(5), kind: 'command', on: 'ITSOSSI6', user: 'OPERATOR', text: 'bogus', rc: 1 }
		]);
	});

	it('scripted commands (itsossib: `Q SSI` at 5 s) reach the console and the log', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(6));
		expect(sim.state.console[0]).toEqual({
			t: sec(5),
			on: 'ITSOSSI5',
			kind: 'input',
			text: 'Q SSI'
		});
		expect(sim.state.log.some((e) => e.kind === 'command' && e.text === 'Q SSI')).toBe(true);
	});

	it('a command for a member that does not exist is refused and not recorded', () => {
		const sim = ssib();
		const consoleBefore = sim.state.console.length;
		const logBefore = sim.state.log.length;
		const r = runCommand(sim.state, 'NOSUCH', 'OPERATOR', 'q ssi');
		expect(r.ok).toBe(false);
		expect(r.lines).toEqual(['no member named NOSUCH']);
		expect(sim.state.console.length).toBe(consoleBefore);
		expect(sim.state.log.length).toBe(logBefore);
	});

	it('a very long line is cut to 512 characters and still answered', () => {
		const sim = ssib();
		const r = cmd(sim, 'ITSOSSI5', 'q ' + 'x'.repeat(2000));
		expect(r.rc).toBe(3);
		const inputs = sim.state.console.filter((c) => c.kind === 'input');
		expect(inputs.at(-1)?.text).toBe('q ' + 'x'.repeat(510));
	});

	it('a handler that throws is answered as an error and the simulation carries on', () => {
		const sim = ssib();
		// Break the domain list so that QUERY RELODOMAIN fails inside its handler.
		(sim.state.cluster as unknown as { domains: unknown }).domains = null;
		let r: ReturnType<typeof cmd> | undefined;
		expect(() => {
			r = cmd(sim, 'ITSOSSI5', 'q relodomain all');
		}).not.toThrow();
		expect(r!.ok).toBe(true);
		expect(r!.rc).toBe(999);
		expect(body(r!)[0]).toMatch(/^The simulator could not complete the command: /);
		expect(ready(r!)).toBe('Ready(00999); T=0.01/0.01 11:10:35');
		expect(sim.state.log.at(-1)).toMatchObject({ kind: 'command', rc: 999 });
		// Other commands and simulated time still work.
		expect(cmd(sim, 'ITSOSSI5', 'q ssi').rc).toBe(0);
		expect(() => sim.runUntil(sec(60))).not.toThrow();
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Joined');
	});
});

describe('IPL only on a down member (000 §2.4: a member joins the cluster when you IPL it)', () => {
	it('a down member accepts only IPL on its console', () => {
		const sim = ssib();
		cmd(sim, 'ITSOSSI6', 'shutdown');
		sim.runUntil(sec(30));
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Down');
		const r = cmd(sim, 'ITSOSSI6', 'q ssi');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual(['ITSOSSI6 is down: only IPL is accepted on its console']);
		const ipl = cmd(sim, 'ITSOSSI6', 'ipl');
		expect(ipl.rc).toBe(0);
		expect(body(ipl)).toEqual(['z/VM IPL of ITSOSSI6 started: joining SSI cluster ITSOSSIB']);
		expect(memberOf(sim, 'ITSOSSI6').state).toBe('Joining');
	});

	it('IPL on a running member is refused and changes nothing', () => {
		const sim = ssib();
		const r = cmd(sim, 'ITSOSSI5', 'IPL');
		expect(r.rc).toBe(8);
		expect(body(r)).toEqual([
			'ITSOSSI5 is already running (Joined): use SHUTDOWN REIPL to restart it'
		]);
		expect(memberOf(sim, 'ITSOSSI5').state).toBe('Joined');
		expect(sim.state.log.some((e) => e.kind === 'member.state')).toBe(false);
	});
});
