import { describe, expect, it } from 'vitest';
import { body, boot, cmd, norm, ready, sec, STAMP } from './helpers';

/** FORMSSI DISPLAY lines with blanks collapsed and stamps replaced by `<stamp>`. */
function shape(lines: string[]): string[] {
	return lines.map((l) => norm(l).replace(new RegExp(STAMP, 'g'), '<stamp>'));
}

/** The value of the n-th `label:` line of a FORMSSI display (0 = the PDR header's). */
function field(lines: string[], label: string, n = 0): string {
	const hits = lines.filter((l) => new RegExp(`\\s${label}:`).test(l));
	const l = hits[n];
	if (l === undefined) throw new Error(`no ${label} #${n}`);
	return l.slice(l.indexOf(`${label}:`) + label.length + 1).trim();
}

describe('FORMSSI DISPLAY 141 shaped as 000 Example 2-5 (ITSOSSIB)', () => {
	it('prints HCPPDF6618I, then HCPPDF6619I lines for the PDR and for each slot', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		const r = cmd(sim, 'ITSOSSI5', 'formssi display 141');
		expect(r.rc).toBe(0);
		// Example 2-5 as CP prints it: the PDF copy puts each label on a line of its own.
		expect(shape(body(r))).toEqual([
			'HCPPDF6618I Persistent Data Record on device 0141 (label SSIBC1) is for ITSOSSIB',
			'HCPPDF6619I PDR state: Unlocked',
			'HCPPDF6619I time stamp: <stamp>',
			'HCPPDF6619I cross-system timeouts: Enabled',
			'HCPPDF6619I PDR slot 1 system: ITSOSSI5',
			'HCPPDF6619I state: Joined',
			'HCPPDF6619I time stamp: <stamp>',
			'HCPPDF6619I last change: ITSOSSI5',
			'HCPPDF6619I PDR slot 2 system: ITSOSSI6',
			'HCPPDF6619I state: Joined',
			'HCPPDF6619I time stamp: <stamp>',
			'HCPPDF6619I last change: ITSOSSI6'
		]);
	});

	it('aligns the colons of every HCPPDF6619I line, as the example does', () => {
		const sim = boot('itsossib');
		const lines = body(cmd(sim, 'ITSOSSI5', 'formssi display 141')).filter((l) =>
			l.startsWith('HCPPDF6619I')
		);
		const columns = new Set(lines.map((l) => l.indexOf(':')));
		expect(columns.size).toBe(1);
	});

	it('accepts the real device of the common volume and names it in HCPPDF6618I', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI6', 'FORMSSI DISPLAY 9d20');
		expect(r.rc).toBe(0);
		expect(body(r)[0]).toBe(
			'HCPPDF6618I Persistent Data Record on device 9D20 (label SSIBC1) is for ITSOSSIB'
		);
		expect(body(cmd(sim, 'ITSOSSI6', 'formssi display 0141'))[0]).toMatch(/device 0141 /);
	});

	it('shows Cross-System Timeouts Disabled when the cluster disables them', () => {
		const sim = boot('itsossib', (j) => {
			(j.cluster as Record<string, unknown>).crossSystemTimeouts = false;
		});
		expect(field(body(cmd(sim, 'ITSOSSI5', 'formssi display 141')), 'cross-system timeouts')).toBe(
			'Disabled'
		);
	});

	it('the member records carry heartbeat time stamps that move with simulated time', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		const early = body(cmd(sim, 'ITSOSSI5', 'formssi display 141'));
		sim.runUntil(sec(65));
		const late = body(cmd(sim, 'ITSOSSI5', 'formssi display 141'));
		for (const n of [1, 2]) {
			expect(field(early, 'time stamp', n)).toMatch(/^11\/11\/11 11:10:3\d$/);
			expect(field(late, 'time stamp', n)).toMatch(/^11\/11\/11 11:11:3\d$/);
		}
	});
});

describe('FORMSSI DISPLAY of a four-member cluster with a member down (001 "Persistent Data Record")', () => {
	it('lists slots 1-4 with system, state, time stamp and last change (MYCLUSTR)', () => {
		const sim = boot('myclustr');
		sim.runUntil(sec(3));
		const lines = body(cmd(sim, 'MEMBER1', 'formssi display 141'));
		expect(lines[0]).toBe(
			'HCPPDF6618I Persistent Data Record on device 0141 (label VMCOM1) is for MYCLUSTR'
		);
		expect(lines).toHaveLength(4 + 4 * 4);
		for (const n of [1, 2, 3, 4]) {
			expect(field(lines, 'system', n - 1)).toBe(`MEMBER${n}`);
			expect(field(lines, 'state', n)).toBe(n === 3 ? 'Down' : 'Joined');
			expect(field(lines, 'last change', n - 1)).toBe(`MEMBER${n}`);
			expect(norm(lines[4 + (n - 1) * 4]!)).toBe(`HCPPDF6619I PDR slot ${n} system: MEMBER${n}`);
		}
	});

	it('a member that shut down keeps a Down record with the time it went down', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		cmd(sim, 'ITSOSSI6', 'shutdown');
		sim.runUntil(sec(5) + sim.state.params.shutdownMs);
		const downAt = ready(cmd(sim, 'ITSOSSI5', 'q ssi')).slice(-8);
		sim.runUntil(sec(60));
		const lines = body(cmd(sim, 'ITSOSSI5', 'formssi display 141'));
		expect(field(lines, 'state', 2)).toBe('Down');
		expect(field(lines, 'time stamp', 2)).toBe(`11/11/11 ${downAt}`);
		expect(field(lines, 'last change', 1)).toBe('ITSOSSI6');
		// The survivor's own record keeps moving.
		expect(field(lines, 'time stamp', 1)).toMatch(/^11\/11\/11 11:11:[23]\d$/);
	});

	it('after an abend the record still says Joined and its stamp stops: a stalled member is detectable', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(6));
		const before = body(cmd(sim, 'ITSOSSI5', 'formssi display 141'));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		sim.runUntil(sec(60));
		const after = body(cmd(sim, 'ITSOSSI5', 'formssi display 141'));
		expect(field(after, 'state', 2)).toBe('Joined');
		expect(field(after, 'time stamp', 2)).toBe(field(before, 'time stamp', 2));
		expect(field(after, 'time stamp', 1)).not.toBe(field(before, 'time stamp', 1));
	});
});

describe('FORMSSI errors', () => {
	it('needs DISPLAY, a device, and no more operands', () => {
		const sim = boot('itsossib');
		for (const [text, rc, re] of [
			['formssi', 24, /only DISPLAY is simulated/],
			['formssi create 141', 24, /only DISPLAY is simulated/],
			['formssi display', 24, /needs the device number/],
			['formssi display 141 extra', 24, /unexpected operand extra/],
			[
				'formssi display 200',
				28,
				/device 0200 does not hold the PDR: link the common volume SSIBC1/
			]
		] as const) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(rc);
			expect(body(r), text).toHaveLength(1);
			expect(body(r)[0], text).toMatch(re);
			expect(ready(r), text).toMatch(new RegExp(`^Ready\\(000${rc}\\);`));
		}
	});

	it('DISPLAY is not case-sensitive', () => {
		const sim = boot('itsossib');
		expect(cmd(sim, 'ITSOSSI5', 'FORMSSI Display 141').rc).toBe(0);
	});
});
