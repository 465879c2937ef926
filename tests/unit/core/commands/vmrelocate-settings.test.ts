import { describe, expect, it } from 'vitest';
import { body, boot, cmd } from './helpers';

describe('SET VMRELOCATE and QUERY VMRELOCATE (000 §3.5.3, Example 3-4, A-15)', () => {
	it('Example 3-4: set vmrelocate itsolnx1 on domain domainA', () => {
		const sim = boot('itsossia', (j) => (j.start = '2011-10-31T17:29:57'));
		cmd(sim, 'ITSOSSI1', 'define relodomain domainA member itsossi1 itsossi2');
		const r = cmd(sim, 'ITSOSSI1', 'set vmrelocate itsolnx1 on domain domainA');
		expect(r.lines).toEqual([
			'Running on member ITSOSSI1',
			'Relocation enabled in Domain DOMAINA',
			'Ready; T=0.01/0.01 17:29:57'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'q vmrelocate itsolnx1'))).toEqual([
			'Running on member ITSOSSI1',
			'Relocation enabled in Domain DOMAINA'
		]);
		// Out of DOMAINA now: ITSOSSI3 needs FORCE DOMAIN.
		expect(body(cmd(sim, 'ITSOSSI1', 'vmrelocate test itsolnx1 itsossi3'))).toEqual([
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'HCPRLE1944I ITSOLNX1: Architecture incompatibility'
		]);
	});

	it('a new domain sets the virtual architecture from the domain and the member (000 §3.5.1)', () => {
		const sim = boot('itsossia');
		const g = () => sim.state.cluster.guests.find((x) => x.user === 'ITSOLNX3')!;
		expect(g().architecture).toEqual(['GIEF', 'EX-EXT']);
		cmd(sim, 'ITSOSSI3', 'set vmrelocate itsolnx3 domain dmnz196');
		expect(g().architecture).toEqual(['GIEF', 'EX-EXT', 'FLOAT-PT', 'E-MONITOR']);
		expect(body(cmd(sim, 'ITSOSSI3', 'vmrelocate test itsolnx3 itsossi1 force domain'))).toEqual([
			'HCPRLH1940E ITSOLNX3 is not relocatable for the following reason(s):',
			'HCPRLE1944I ITSOLNX3: Architecture incompatibility'
		]);
	});

	it('OFF disables relocation; ON enables it again', () => {
		const sim = boot('itsossia');
		expect(body(cmd(sim, 'ITSOSSI1', 'set vmrelo itsolnx1 off'))).toEqual([
			'Running on member ITSOSSI1',
			'Relocation disabled in Domain SSI'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'vmrelocate test itsolnx1 itsossi2'))).toEqual([
			'HCPRLH1940E ITSOLNX1 is not relocatable for the following reason(s):',
			'ITSOLNX1: Relocation is disabled for the virtual machine'
		]);
		cmd(sim, 'ITSOSSI1', 'set vmrelo itsolnx1 on');
		expect(body(cmd(sim, 'ITSOSSI1', 'vmrelocate test itsolnx1 itsossi2'))).toEqual([
			'User ITSOLNX1 is eligible for relocation to ITSOSSI2'
		]);
	});

	it('answers for a guest on another member, saying where it runs', () => {
		const sim = boot('itsossia');
		expect(body(cmd(sim, 'ITSOSSI1', 'q vmrelo user itsolnx4'))).toEqual([
			'Running on member ITSOSSI4',
			'Relocation enabled in Domain SSI'
		]);
	});

	it('errors: not logged on, unknown domain, an IDENTITY, missing and invalid operands', () => {
		const sim = boot('itsossib', (j) => {
			(j.guests as unknown[]).push({ user: 'TCPIP', on: 'ITSOSSI5', kind: 'IDENTITY' });
		});
		const cases: [string, number, string][] = [
			['q vmrelo lnxsu99', 45, 'HCPCQU045E LNXSU99 not logged on'],
			['set vmrelo lnxsu99 on', 45, 'HCPCQU045E LNXSU99 not logged on'],
			['set vmrelo lnxsu12 domain nosuch', 4, 'Relocation domain NOSUCH does not exist'],
			[
				'set vmrelo tcpip domain ssi',
				8,
				'TCPIP is a multiconfiguration virtual machine: its relocation domain is its member ITSOSSI5 and cannot be changed'
			],
			['q vmrelo', 26, 'HCPCMD026E Operand missing or invalid'],
			['set vmrelo lnxsu12', 26, 'HCPCMD026E Operand missing or invalid'],
			['set vmrelo lnxsu12 domain', 26, 'HCPCMD026E Operand missing or invalid'],
			['set vmrelo lnxsu12 sideways', 3, 'HCPCMD003E Invalid option - SIDEWAYS'],
			['q vmrelo lnxsu12 extra', 3, 'HCPCMD003E Invalid option - EXTRA']
		];
		for (const [text, rc, line] of cases) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect([r.rc, r.lines[0]], text).toEqual([rc, line]);
		}
		expect(body(cmd(sim, 'ITSOSSI5', 'q vmrelo tcpip'))).toEqual([
			'Running on member ITSOSSI5',
			'Relocation enabled in Domain ITSOSSI5'
		]);
	});
});

describe('QUERY USER userid AT ALL (000 Examples 4-10, A-6, A-10)', () => {
	it('finds a user logged on to another member', () => {
		const sim = boot('itsossia');
		expect(body(cmd(sim, 'ITSOSSI1', 'q user itsolnx2 at all'))).toEqual([
			'ITSOSSI2 : ITSOLNX2 - DSC'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'query users itsolnx3 at itsossi3'))).toEqual([
			'ITSOSSI3 : ITSOLNX3 - DSC'
		]);
	});

	it('without AT, this member only (QUERY userid)', () => {
		const sim = boot('itsossia');
		expect(body(cmd(sim, 'ITSOSSI2', 'q user itsolnx2'))).toEqual(['ITSOLNX2 - DSC']);
		expect(body(cmd(sim, 'ITSOSSI1', 'q user itsolnx2'))).toEqual([
			'HCPCQU045E ITSOLNX2 not logged on'
		]);
	});

	it('needs a user ID', () => {
		const sim = boot('itsossia');
		expect(cmd(sim, 'ITSOSSI1', 'q users').lines[0]).toBe('HCPCMD026E Operand missing or invalid');
		expect(cmd(sim, 'ITSOSSI1', 'q users itsolnx2toolong').lines[0]).toBe(
			'HCPCMD003E Invalid option - ITSOLNX2TOOLONG'
		);
	});
});
