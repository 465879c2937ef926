import { describe, expect, it } from 'vitest';
import { body, boot, cmd, sec } from './helpers';

describe('QUERY userid AT ALL (001 "Starting and Managing a Live Guest Relocation", 000 App. B)', () => {
	it('prints `GDLMCPX4 : LGRLIN21 - DSC` from either member of the SHARE pair', () => {
		const sim = boot('gdl');
		for (const on of ['GDLMCPX4', 'GDLLCPX3']) {
			const r = cmd(sim, on, 'query lgrlin21 at all');
			expect(r.rc, on).toBe(0);
			expect(body(r), on).toEqual(['GDLMCPX4 : LGRLIN21 - DSC']);
		}
		expect(body(cmd(sim, 'GDLLCPX3', 'Q LGRLIN21 AT ALL'))).toEqual(['GDLMCPX4 : LGRLIN21 - DSC']);
	});

	it('a user logged on nowhere is HCPCQU045E with Ready(00045)', () => {
		const sim = boot('gdl');
		const r = cmd(sim, 'GDLMCPX4', 'query lgrlin99 at all');
		expect(r.rc).toBe(45);
		expect(r.lines[0]).toBe('HCPCQU045E LGRLIN99 not logged on');
		expect(r.lines[1]).toMatch(/^Ready\(00045\); T=0\.01\/0\.01 04:32:00$/);
	});

	it('an IDENTITY may be logged on to several members: one line per member', () => {
		const sim = boot('itsossib', (j) => {
			(j.guests as unknown[]).push(
				{ user: 'TCPIP', on: 'ITSOSSI5', kind: 'IDENTITY' },
				{ user: 'TCPIP', on: 'ITSOSSI6', kind: 'IDENTITY' }
			);
		});
		const lines = body(cmd(sim, 'ITSOSSI5', 'q tcpip at all'));
		expect([...lines].sort()).toEqual(['ITSOSSI5 : TCPIP - DSC', 'ITSOSSI6 : TCPIP - DSC']);
	});

	it('AT sysname looks on that member only', () => {
		const sim = boot('gdl');
		expect(body(cmd(sim, 'GDLLCPX3', 'q lgrlin21 at gdlmcpx4'))).toEqual([
			'GDLMCPX4 : LGRLIN21 - DSC'
		]);
		expect(body(cmd(sim, 'GDLMCPX4', 'q lgrlin21 at gdllcpx3'))).toEqual([
			'HCPCQU045E LGRLIN21 not logged on'
		]);
	});

	it('guests of a member that abended are no longer logged on', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		expect(body(cmd(sim, 'ITSOSSI5', 'q lnxrh65 at all'))).toEqual([
			'HCPCQU045E LNXRH65 not logged on'
		]);
	});

	it('operand errors: a word other than AT, AT without a system, and extra operands', () => {
		const sim = boot('gdl');
		const cases: [string, number, string][] = [
			['q lgrlin21 on all', 3, 'HCPCMD003E Invalid option - ON'],
			['q lgrlin21 at', 26, 'HCPCMD026E Operand missing or invalid'],
			['q lgrlin21 at all now', 3, 'HCPCMD003E Invalid option - NOW'],
			['q lgrlin21toolong', 3, 'HCPCMD003E Invalid option - LGRLIN21TOOLONG']
		];
		for (const [text, rc, line] of cases) {
			const r = cmd(sim, 'GDLMCPX4', text);
			expect(r.rc, text).toBe(rc);
			expect(body(r), text).toEqual([line]);
		}
	});
});

describe('QUERY userid (this member)', () => {
	it('answers for a user logged on here and HCPCQU045E for one logged on elsewhere', () => {
		const sim = boot('gdl');
		expect(body(cmd(sim, 'GDLMCPX4', 'q lgrlin21'))).toEqual(['LGRLIN21 - DSC']);
		expect(body(cmd(sim, 'GDLLCPX3', 'q lgrlin21'))).toEqual(['HCPCQU045E LGRLIN21 not logged on']);
	});

	it('a connected user is not shown disconnected', () => {
		const sim = boot('gdl', (j) => {
			(j.guests as Record<string, unknown>[])[0]!.status = 'logged-on';
		});
		const [line] = body(cmd(sim, 'GDLMCPX4', 'q lgrlin21'));
		expect(line).toMatch(/^LGRLIN21 /);
		expect(line).not.toMatch(/DSC/);
		expect(body(cmd(sim, 'GDLMCPX4', 'q lgrlin21 at all'))[0]).toMatch(/^GDLMCPX4 : LGRLIN21 /);
	});
});

describe('QUERY NAMES shows users logged on elsewhere in the cluster (000 App. B)', () => {
	it('lists local users, the issuer on the system console, then other members’ users as SSI', () => {
		const sim = boot('itsossib');
		const r = cmd(sim, 'ITSOSSI5', 'q names');
		expect(r.rc).toBe(0);
		expect(body(r)).toEqual(['LNXSU11  - DSC , LNXSU12  - DSC , OPERATOR - SYSC , LNXRH65  - SSI']);
		expect(body(cmd(sim, 'ITSOSSI6', 'q n'))).toEqual([
			'LNXRH65  - DSC , OPERATOR - SYSC , LNXSU11  - SSI , LNXSU12  - SSI'
		]);
	});

	it('puts four entries on a line, separated by ` , `', () => {
		const sim = boot('itsossia');
		expect(body(cmd(sim, 'ITSOSSI1', 'Query Names'))).toEqual([
			'ITSOLNX1 - DSC , OPERATOR - SYSC , ITSOLNX2 - SSI , ITSOLNX3 - SSI',
			'ITSOLNX4 - SSI'
		]);
	});

	it('users of a member that went down drop out of the list', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		cmd(sim, 'ITSOSSI6', 'shutdown');
		sim.runUntil(sec(30));
		expect(body(cmd(sim, 'ITSOSSI5', 'q n'))).toEqual([
			'LNXSU11  - DSC , LNXSU12  - DSC , OPERATOR - SYSC'
		]);
	});

	it('an IDENTITY logged on here and elsewhere is listed once, as local', () => {
		const sim = boot('itsossib', (j) => {
			(j.guests as unknown[]).push(
				{ user: 'TCPIP', on: 'ITSOSSI5', kind: 'IDENTITY' },
				{ user: 'TCPIP', on: 'ITSOSSI6', kind: 'IDENTITY' }
			);
		});
		const text = body(cmd(sim, 'ITSOSSI5', 'q n')).join(' , ');
		expect(text.match(/TCPIP/g)).toHaveLength(1);
		expect(text).toMatch(/TCPIP {4}- DSC/);
	});
});
