import { describe, expect, it } from 'vitest';
import { domainFacilities, implicitDomains, virtualArchitecture } from '$lib/core/model/domains';
import { simOf } from '../../helpers';

describe('relocation domains (000 §3.5.1, Figure 3-5)', () => {
	const sim = simOf('vmsys');
	const { members, domains } = sim.state.cluster;
	const d = (n: string) => domains.find((x) => x.name === n)!;

	it('CP defines the SSI domain with every member and one domain per member', () => {
		expect(implicitDomains(members).map((x) => x.name)).toEqual([
			'SSI',
			'VMSYS01',
			'VMSYS02',
			'VMSYS03',
			'VMSYS04'
		]);
		expect(d('SSI').members).toEqual(['VMSYS01', 'VMSYS02', 'VMSYS03', 'VMSYS04']);
		expect(d('VMSYS03').members).toEqual(['VMSYS03']);
	});

	it("the SSI domain's level is the features common to all members: GIEF and EX-EXT", () => {
		expect(domainFacilities(d('SSI'), members)).toEqual(['GIEF', 'EX-EXT']);
	});

	it('domain X (VMSYS02, VMSYS03) has FACILITY X; Y and Z do not', () => {
		expect(domainFacilities(d('X'), members)).toContain('FACILITY X');
		expect(domainFacilities(d('Y'), members)).not.toContain('FACILITY X');
		expect(domainFacilities(d('Z'), members)).not.toContain('FACILITY X');
	});

	it('a single-member domain has that member’s own facilities', () => {
		const m2 = members.find((m) => m.name === 'VMSYS02')!;
		expect(domainFacilities(d('VMSYS02'), members)).toEqual(m2.facilities);
	});

	it('a domain-X guest logged on to VMSYS04 gets GIEF and EX-EXT (000 §3.5.1)', () => {
		const m4 = members.find((m) => m.name === 'VMSYS04')!;
		expect(virtualArchitecture(d('X'), m4, members)).toEqual(['GIEF', 'EX-EXT']);
		const m2 = members.find((m) => m.name === 'VMSYS02')!;
		expect(virtualArchitecture(d('X'), m2, members)).toEqual(domainFacilities(d('X'), members));
	});

	it('the ITSOSSIA configuration defines DMNZ10 and DMNZ196 (000 Example 4-1)', () => {
		const user = simOf('itsossia').state.cluster.domains.filter((x) => !x.implicit);
		expect(user.map(({ name, members }) => ({ name, members }))).toEqual([
			{ name: 'DMNZ10', members: ['ITSOSSI1', 'ITSOSSI2'] },
			{ name: 'DMNZ196', members: ['ITSOSSI3', 'ITSOSSI4'] }
		]);
	});
});
