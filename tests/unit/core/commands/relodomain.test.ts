import { describe, expect, it } from 'vitest';
import { body, boot, cmd, doc, norm, sec } from './helpers';

/** ITSOSSIA (000 ch. 4) without its SYSTEM CONFIG domains, at 17:27:00 as in 000 §3.5.2. */
function bareItsossia() {
	return boot('itsossia', (j) => {
		j.start = '2011-10-31T17:27:00';
		(j.cluster as Record<string, unknown>).domains = [];
		j.systemConfig = String(j.systemConfig).replace(/^\s*Relocation_Domain .*$/gim, '');
	});
}

describe('DEFINE RELODOMAIN and QUERY RELODOMAIN ALL (000 Examples 3-1 and 3-3)', () => {
	it('reproduces the book: define domainA, then q relodomain all', () => {
		const sim = bareItsossia();
		sim.runUntil(sec(45));
		const def = cmd(sim, 'ITSOSSI1', 'define relodomain domainA member itsossi1 itsossi2');
		expect(def.lines).toEqual(['Ready; T=0.01/0.01 17:27:45']);
		sim.runUntil(sec(95));
		const q = cmd(sim, 'ITSOSSI1', 'q relodomain all');
		expect(q.lines.map(norm)).toEqual(
			doc(`
				DOMAIN DOMAINA MEMBERS: ITSOSSI1 ITSOSSI2
				DOMAIN ITSOSSI1 MEMBERS: ITSOSSI1
				DOMAIN ITSOSSI2 MEMBERS: ITSOSSI2
				DOMAIN ITSOSSI3 MEMBERS: ITSOSSI3
				DOMAIN ITSOSSI4 MEMBERS: ITSOSSI4
				DOMAIN SSI MEMBERS: ITSOSSI1 ITSOSSI2 ITSOSSI3 ITSOSSI4
				Ready; T=0.01/0.01 17:28:35`)
		);
	});

	it('lists domains alphabetically, CP’s own and users’ alike (VMSYS, 000 Figure 3-5)', () => {
		const sim = boot('vmsys');
		const names = body(cmd(sim, 'VMSYS01', 'q relodomain')).map((l) => norm(l).split(' ')[1]);
		expect(names).toEqual(['SSI', 'VMSYS01', 'VMSYS02', 'VMSYS03', 'VMSYS04', 'X', 'Y', 'Z']);
	});

	it('aligns MEMBERS: in one column', () => {
		const sim = boot('vmsys');
		const lines = body(cmd(sim, 'VMSYS01', 'q relodomain all'));
		expect(new Set(lines.map((l) => l.indexOf('MEMBERS:'))).size).toBe(1);
	});

	it('the definition is cluster-wide: issued on one member, seen from every member', () => {
		const sim = bareItsossia();
		cmd(sim, 'ITSOSSI1', 'define relodomain domainA member itsossi1 itsossi2');
		for (const m of ['ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4']) {
			expect(body(cmd(sim, m, 'q relodomain domaina')).map(norm), m).toEqual([
				'DOMAIN DOMAINA MEMBERS: ITSOSSI1 ITSOSSI2'
			]);
		}
		expect(sim.state.log.filter((e) => e.kind === 'domain.defined')).toEqual([
			{ t: 0, kind: 'domain.defined', name: 'DOMAINA', members: ['ITSOSSI1', 'ITSOSSI2'] }
		]);
	});
});

describe('QUERY RELODOMAIN name | MEMBER sysname', () => {
	it('one domain by name (ITSOSSIA SYSTEM CONFIG: DMNZ10)', () => {
		const sim = boot('itsossia');
		expect(body(cmd(sim, 'ITSOSSI1', 'q relodomain dmnz10')).map(norm)).toEqual([
			'DOMAIN DMNZ10 MEMBERS: ITSOSSI1 ITSOSSI2'
		]);
		expect(body(cmd(sim, 'ITSOSSI1', 'q relodomain SSI')).map(norm)).toEqual([
			'DOMAIN SSI MEMBERS: ITSOSSI1 ITSOSSI2 ITSOSSI3 ITSOSSI4'
		]);
	});

	it('MEMBER sysname lists every domain that holds the member, alphabetically', () => {
		const sim = boot('vmsys');
		expect(body(cmd(sim, 'VMSYS01', 'q relodomain member vmsys03')).map(norm)).toEqual([
			'DOMAIN SSI MEMBERS: VMSYS01 VMSYS02 VMSYS03 VMSYS04',
			'DOMAIN VMSYS03 MEMBERS: VMSYS03',
			'DOMAIN X MEMBERS: VMSYS02 VMSYS03',
			'DOMAIN Z MEMBERS: VMSYS03 VMSYS04'
		]);
		expect(body(cmd(sim, 'VMSYS01', 'Q RELOD MEM VMSYS01')).map(norm)).toEqual([
			'DOMAIN SSI MEMBERS: VMSYS01 VMSYS02 VMSYS03 VMSYS04',
			'DOMAIN VMSYS01 MEMBERS: VMSYS01'
		]);
	});

	it('errors: unknown domain, unknown member, missing member, extra operands', () => {
		const sim = boot('vmsys');
		const cases: [string, number, string][] = [
			['q relodomain nosuch', 4, 'Relocation domain NOSUCH does not exist'],
			['q relodomain member vmsys09', 4, 'VMSYS09 is not a member of SSI cluster CLUSTERA'],
			['q relodomain member', 26, 'HCPCMD026E Operand missing or invalid'],
			['q relodomain x y', 3, 'HCPCMD003E Invalid option - Y'],
			['q relodomain all x', 3, 'HCPCMD003E Invalid option - X'],
			['q relodomain member vmsys01 x', 3, 'HCPCMD003E Invalid option - X']
		];
		for (const [text, rc, line] of cases) {
			const r = cmd(sim, 'VMSYS01', text);
			expect(r.rc, text).toBe(rc);
			expect(body(r), text).toEqual([line]);
		}
	});

	it('answers in any cluster mode: querying is not new access to shared resources', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		sim.runUntil(sec(40));
		expect(sim.state.cluster.mode).toBe('Safe');
		expect(cmd(sim, 'ITSOSSI5', 'q relodomain').rc).toBe(0);
	});
});

describe('DEFINE RELODOMAIN rules (000 §3.5.1, §3.5.2, §2.4.2)', () => {
	it('adds members to an existing user domain, keeping slot order and no duplicates', () => {
		const sim = boot('itsossia');
		const r = cmd(sim, 'ITSOSSI1', 'define relodomain dmnz10 members itsossi4 itsossi3 itsossi1');
		expect(r.rc).toBe(0);
		expect(body(r)).toEqual([]);
		expect(body(cmd(sim, 'ITSOSSI1', 'q relodomain dmnz10')).map(norm)).toEqual([
			'DOMAIN DMNZ10 MEMBERS: ITSOSSI1 ITSOSSI2 ITSOSSI3 ITSOSSI4'
		]);
		expect(sim.state.log.filter((e) => e.kind === 'domain.defined')).toEqual([
			{
				t: 0,
				kind: 'domain.defined',
				name: 'DMNZ10',
				members: ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4']
			}
		]);
	});

	it('a new domain lists its members in slot order, once each', () => {
		const sim = boot('itsossia');
		cmd(sim, 'ITSOSSI2', 'def relodomain mixed members itsossi4 itsossi2 ITSOSSI4');
		expect(body(cmd(sim, 'ITSOSSI2', 'q relodomain mixed')).map(norm)).toEqual([
			'DOMAIN MIXED MEMBERS: ITSOSSI2 ITSOSSI4'
		]);
	});

	it('refuses to change CP’s own domains: SSI and each single-member domain', () => {
		const sim = boot('itsossia');
		for (const name of ['SSI', 'ITSOSSI1', 'itsossi3']) {
			const r = cmd(sim, 'ITSOSSI1', `define relodomain ${name} members itsossi2`);
			expect(r.rc, name).toBe(4);
			expect(body(r), name).toEqual([
				`Relocation domain ${name.toUpperCase()} is defined by CP and cannot be changed (000 §3.5.1)`
			]);
		}
		expect(body(cmd(sim, 'ITSOSSI1', 'q relodomain itsossi1')).map(norm)).toEqual([
			'DOMAIN ITSOSSI1 MEMBERS: ITSOSSI1'
		]);
		expect(sim.state.log.some((e) => e.kind === 'domain.defined')).toBe(false);
	});

	it('refuses a member that is not in the cluster, and defines nothing', () => {
		const sim = boot('itsossia');
		const r = cmd(sim, 'ITSOSSI1', 'define relodomain newdom members itsossi1 itsossi9');
		expect(r.rc).toBe(4);
		expect(body(r)).toEqual(['ITSOSSI9 is not a member of SSI cluster ITSOSSIA']);
		expect(body(cmd(sim, 'ITSOSSI1', 'q relodomain newdom'))).toEqual([
			'Relocation domain NEWDOM does not exist'
		]);
		const ext = cmd(sim, 'ITSOSSI1', 'define relodomain dmnz10 members itsossi3 itsossi9');
		expect(ext.rc).toBe(4);
		expect(body(cmd(sim, 'ITSOSSI1', 'q relodomain dmnz10')).map(norm)).toEqual([
			'DOMAIN DMNZ10 MEMBERS: ITSOSSI1 ITSOSSI2'
		]);
	});

	it('is refused in Safe mode: new access to shared resources is locked down', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		sim.runUntil(sec(40));
		expect(sim.state.cluster.mode).toBe('Safe');
		const r = cmd(sim, 'ITSOSSI5', 'define relodomain d members itsossi5');
		expect(r.rc).toBe(8);
		expect(body(r)[0]).toMatch(
			/^Relocation domain D not defined: the SSI cluster is in Safe mode; /
		);
		expect(sim.state.cluster.domains.some((d) => d.name === 'D')).toBe(false);
	});

	it('is refused in Influx mode: cross-system functions are suspended', () => {
		const sim = boot('itsossib');
		sim.runUntil(sec(5));
		cmd(sim, 'ITSOSSI6', 'shutdown');
		expect(sim.state.cluster.mode).toBe('Influx');
		const r = cmd(sim, 'ITSOSSI5', 'define relodomain d members itsossi5');
		expect(r.rc).toBe(8);
		expect(body(r)[0]).toMatch(/in Influx mode; cross-system functions are suspended/);
		expect(sim.state.cluster.domains.some((d) => d.name === 'D')).toBe(false);
		// Once the member is down the cluster is Stable again and the definition goes through.
		sim.runUntil(sec(30));
		expect(sim.state.cluster.mode).toBe('Stable');
		expect(cmd(sim, 'ITSOSSI5', 'define relodomain d members itsossi5').rc).toBe(0);
	});

	it('needs a name, MEMBERS and at least one member; the name is 1-8 characters', () => {
		const sim = boot('itsossib');
		for (const text of [
			'define relodomain',
			'define relodomain d',
			'define relodomain d members',
			'define relodomain d itsossi5',
			'define relodomain d me itsossi5'
		]) {
			const r = cmd(sim, 'ITSOSSI5', text);
			expect(r.rc, text).toBe(26);
			expect(body(r), text).toEqual([
				'HCPCMD026E Operand missing or invalid',
				'Usage: DEFINE RELODOMAIN name MEMBERS sysname [sysname ...]'
			]);
		}
		const long = cmd(sim, 'ITSOSSI5', 'define relodomain toolongname members itsossi5');
		expect(long.rc).toBe(26);
		expect(body(long)[0]).toMatch(/domain name toolongname must be 1-8/);
		expect(cmd(sim, 'ITSOSSI5', 'define relodomain a.b members itsossi5').rc).toBe(26);
		expect(sim.state.cluster.domains.filter((d) => !d.implicit)).toEqual([]);
	});
});
