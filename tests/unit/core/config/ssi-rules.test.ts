import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../src/lib/core/config/diagnostics';
import {
	checkSsiNetworkRules,
	effectiveVmlan,
	parseSystemConfig,
	type SsiRuleDiagnostic,
	type SsiRuleId,
	type SystemConfig
} from '../../../../src/lib/core/config/system-config';
import { fixture } from './fixture-loader';

const EX41 = fixture('000-example-4-1.config');

function parsed(text: string): SystemConfig {
	const r = parseSystemConfig(text);
	if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
	return r.value;
}

/** Runs the rules on `text` (members from its SSI statement unless given). */
function rules(text: string, members: string[] = []): SsiRuleDiagnostic[] {
	return checkSsiNetworkRules(parsed(text), members);
}

/** Example 4-1 with one piece of text replaced (the replacement must happen). */
function ex41(from: string, to: string): string {
	expect(EX41).toContain(from);
	return EX41.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
	let index = -1;
	for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
	const before = text.slice(0, index).split('\n');
	return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

const MAC_RULES: SsiRuleId[] = [
	'prefix-range',
	'macprefix-unique',
	'userprefix-identical',
	'userprefix-not-macprefix',
	'macidrange-ignored'
];
const errors = (ds: SsiRuleDiagnostic[]): SsiRuleDiagnostic[] =>
	ds.filter((d) => d.severity === 'error');

describe('the seed configurations pass the SSI rules', () => {
	it('000 Example 4-1 (ITSOSSIA): MAC prefixes, ISLINKs, identifiers, VSWITCH, EQIDs and domains all hold', () => {
		expect(rules(EX41).map(formatDiagnostic)).toEqual([]);
	});

	it('000 Examples 2-3, 2-4 and 5-9 together (ITSOSSIB: ITSOSSI5, ITSOSSI6) pass every rule', () => {
		const text = [
			fixture('000-example-2-3.config'),
			fixture('000-example-2-4.config'),
			fixture('000-example-5-9.config')
		].join('\n');
		expect(rules(text, ['ITSOSSI5', 'ITSOSSI6']).map(formatDiagnostic)).toEqual([]);
	});

	it('001 VMLAN example (VMSYS01-04): the MAC prefix rules hold', () => {
		const ds = rules(fixture('001-vmlan.config'), ['VMSYS01', 'VMSYS02', 'VMSYS03', 'VMSYS04']);
		expect(ds.filter((d) => MAC_RULES.includes(d.rule))).toEqual([]);
	});

	it('every member needs at least one ISLINK to every other member (001 Shared System Configuration File): the 001 slides show none', () => {
		const text = fixture('001-shared-system-config.config');
		expect(rules(text).map((d) => `${d.rule}: ${formatDiagnostic(d)}`)).toEqual([
			`islink-missing: line ${at(text, 'Slot 1 MEMBER1').line}, column 9: MEMBER1 has no ACTIVATE ISLINK to MEMBER2: every member needs at least one ISLINK to every other member (001, Shared System Configuration File; 000 §2.3.3 ISFC)`,
			`islink-missing: line ${at(text, 'Slot 2 MEMBER2').line}, column 9: MEMBER2 has no ACTIVATE ISLINK to MEMBER1: every member needs at least one ISLINK to every other member (001, Shared System Configuration File; 000 §2.3.3 ISFC)`
		]);
	});
});

describe('MAC addresses (000 §2.2.8; 001 Networks – MAC Addresses)', () => {
	it('MACPREFIX must differ for each member (000 §2.2.8)', () => {
		const text = ex41('VMLAN MACPREFIX 022222', 'VMLAN MACPREFIX 021111');
		const where = at(text, 'VMLAN MACPREFIX 021111', 1);
		expect(rules(text).map(formatDiagnostic)).toEqual([
			`line ${where.line}, column ${where.column + 16}: MACPREFIX 021111 on ITSOSSI2 is the same as on ITSOSSI1: it must differ for each member (000 §2.2.8; 001, Networks – MAC Addresses)`
		]);
	});

	it('the default MACPREFIX is 02xxxx with xxxx the slot number (001: 02-00-01 for member 1)', () => {
		const c = parsed('SSI C PDR_VOLUME V SLOT 1 A SLOT 3 B');
		expect(effectiveVmlan(c, 'A', 1)).toMatchObject({
			macPrefix: '020001',
			macPrefixFrom: null,
			userPrefix: '020000',
			userPrefixFrom: null
		});
		expect(effectiveVmlan(c, 'B', 3).macPrefix).toBe('020003');
		expect(
			checkSsiNetworkRules({ ...c, islinks: [] }, []).filter((d) => MAC_RULES.includes(d.rule))
		).toEqual([]);
	});

	it('an explicit MACPREFIX may not take the default of another member', () => {
		const text = 'SSI C PDR_VOLUME V SLOT 1 A SLOT 2 B\nA: VMLAN MACPREFIX 020002';
		expect(
			rules(text)
				.filter((d) => d.rule === 'macprefix-unique')
				.map(formatDiagnostic)
		).toEqual([
			'line 2, column 20: MACPREFIX 020002 on B (default for slot 2) is the same as on A: it must differ for each member (000 §2.2.8; 001, Networks – MAC Addresses)'
		]);
	});

	it('an unqualified MACPREFIX gives every member the same prefix, which breaks the rule', () => {
		const text = 'SSI C PDR_VOLUME V SLOT 1 A SLOT 2 B\nVMLAN MACPREFIX 021111';
		expect(rules(text).filter((d) => d.rule === 'macprefix-unique')).toHaveLength(1);
	});

	it('USERPREFIX must be identical on all members (001 Networks – MAC Addresses)', () => {
		const text = ex41('MACPREFIX 022222 USERPREFIX 02AAAA', 'MACPREFIX 022222 USERPREFIX 02BBBB');
		const where = at(text, '02BBBB');
		expect(rules(text).map(formatDiagnostic)).toEqual([
			`line ${where.line}, column ${where.column}: USERPREFIX 02BBBB on ITSOSSI2 differs from 02AAAA on ITSOSSI1: it must be identical on every member (001, Networks – MAC Addresses)`
		]);
	});

	it("USERPREFIX must not equal any member's MACPREFIX (000 §2.2.8)", () => {
		const text = EX41.replaceAll('USERPREFIX 02AAAA', 'USERPREFIX 023333');
		const ds = rules(text);
		expect(ds.map((d) => d.rule)).toEqual([
			'userprefix-not-macprefix',
			'userprefix-not-macprefix',
			'userprefix-not-macprefix',
			'userprefix-not-macprefix'
		]);
		expect(ds[0]?.message).toBe(
			"USERPREFIX 023333 on ITSOSSI1 equals the MACPREFIX of ITSOSSI3: the USERPREFIX must not equal any member's MACPREFIX (000 §2.2.8; 001, Networks – MAC Addresses)"
		);
	});

	it('the default USERPREFIX 020000 clashes with a MACPREFIX of 020000', () => {
		const ds = rules('SSI C PDR_VOLUME V SLOT 1 A SLOT 2 B\nA: VMLAN MACPREFIX 020000');
		expect(ds.filter((d) => d.rule === 'userprefix-not-macprefix').map((d) => d.line)).toEqual([2]);
	});

	it('MACPREFIX and USERPREFIX must be in 020000-02FFFF (000 §2.2.8)', () => {
		const text = ex41(
			'VMLAN MACPREFIX 024444 USERPREFIX 02AAAA',
			'VMLAN MACPREFIX 034444 USERPREFIX 02AAAA'
		);
		const where = at(text, '034444');
		expect(rules(text).map(formatDiagnostic)).toEqual([
			`line ${where.line}, column ${where.column}: MACPREFIX 034444 on ITSOSSI4 is outside 020000-02FFFF: it must be six hexadecimal digits in that range (000 §2.2.8)`
		]);
		const u = rules('VMLAN USERPREFIX FFFFFF', ['A']);
		expect(u.map((d) => [d.rule, d.column])).toEqual([['prefix-range', 18]]);
	});

	it('MACIDRANGE is ignored in an SSI cluster (001), reported as a warning', () => {
		const text = ex41(
			'ITSOSSI1: Begin\n',
			'ITSOSSI1: Begin\n  VMLAN MACIDRANGE SYSTEM 000001-0FFFFF\n'
		);
		const ds = rules(text);
		expect(ds.map((d) => [d.rule, d.severity])).toEqual([['macidrange-ignored', 'warning']]);
		expect(errors(ds)).toEqual([]);
	});
});

describe('ISFC links (001 Shared System Configuration File; 000 §2.3.1, §2.3.3)', () => {
	it('a member missing an ISLINK to one other member is reported, and only that pair', () => {
		const text = ex41(' ITSOSSI4: ACTIVATE ISLINK 43AA 53AA NODE ITSOSSI3\n', '');
		const where = at(text, 'SLOT 4 ITSOSSI4');
		expect(rules(text).map(formatDiagnostic)).toEqual([
			`line ${where.line}, column 9: ITSOSSI4 has no ACTIVATE ISLINK to ITSOSSI3: every member needs at least one ISLINK to every other member (001, Shared System Configuration File; 000 §2.3.3 ISFC)`
		]);
	});

	it('an unqualified ACTIVATE ISLINK counts for every member other than its NODE', () => {
		const text =
			'SSI C PDR_VOLUME V SLOT 1 A SLOT 2 B\nACTIVATE ISLINK 4A60 NODE B\nB: ACTIVATE ISLINK 5A50 NODE A';
		expect(rules(text)).toEqual([]);
	});

	it('a logical link has at most 16 CTC devices (000 §2.3.1)', () => {
		const text = ex41(
			'ITSOSSI1: ACTIVATE ISLINK 4A60 5A60 NODE ITSOSSI2',
			'ITSOSSI1: ACTIVATE ISLINK 4A60-4A6F 5A60 NODE ITSOSSI2'
		);
		expect(rules(text).map((d) => [d.rule, d.message])).toEqual([
			[
				'islink-too-many',
				'ITSOSSI1 has 17 CTC devices to ITSOSSI2: an ISFC logical link between two members has at most 16 (000 §2.3.1)'
			]
		]);
	});
});

describe('system identifiers (000 App. A.2)', () => {
	it('system identifiers must be unique for each member: one LPAR name on two CECs is ambiguous', () => {
		const text = ex41('System_Identifier LPAR A2A ITSOSSI3', 'System_Identifier LPAR A1A ITSOSSI3');
		const where = at(text, 'System_Identifier LPAR A1A ITSOSSI3');
		expect(rules(text).map(formatDiagnostic)).toEqual([
			`line ${where.line}, column ${where.column}: LPAR A1A identifies both ITSOSSI1 (line ${at(text, 'System_Identifier LPAR A1A ITSOSSI1').line}) and ITSOSSI3: system identifiers must be unique for each member; when LPAR names repeat on separate CECs, use the machine type and serial number (000 App. A.2)`
		]);
	});

	it('machine type and serial number tell apart members whose LPAR names repeat (000 App. A.2)', () => {
		const text = ex41(
			'System_Identifier LPAR A2A ITSOSSI3',
			'System_Identifier 2817 0EE4E2 ITSOSSI3'
		);
		expect(rules(text)).toEqual([]);
	});

	it('a member no System_Identifier names is a warning (001: statements for each member)', () => {
		const text = ex41('  System_Identifier LPAR A2B ITSOSSI4\n', '');
		expect(rules(text).map((d) => [d.rule, d.severity, d.message])).toEqual([
			[
				'system-identifier-missing',
				'warning',
				'no System_Identifier statement names ITSOSSI4, and there is no System_Identifier_Default: the member cannot tell which system it is at IPL (001, Shared System Configuration File)'
			]
		]);
		expect(rules(`${text}\nSystem_Identifier_Default ITSOSSI4`)).toEqual([]);
	});
});

describe('virtual switches (001 Networks – Virtual Switches; 000 §2.3.3)', () => {
	it('a VSWITCH defined on one member must be defined on every member', () => {
		const text = ex41('  DEFINE VSWITCH ITSOVSW1 RDEV 2123\n', '');
		const where = at(text, 'DEFINE VSWITCH ITSOVSW1');
		expect(rules(text).map(formatDiagnostic)).toEqual([
			`line ${where.line}, column ${where.column}: VSWITCH ITSOVSW1 is defined on ITSOSSI1, ITSOSSI2, ITSOSSI3 but not on ITSOSSI4: define virtual switches with the same name on each member (001, Networks – Virtual Switches; 000 §2.3.3)`
		]);
	});

	it('the same VSWITCH must have the same type on every member', () => {
		const text = ex41(
			'DEFINE VSWITCH ITSOVSW1 RDEV 30A3',
			'DEFINE VSWITCH ITSOVSW1 RDEV 30A3 ETHERNET'
		);
		expect(rules(text).map((d) => [d.rule, d.message])).toEqual([
			[
				'vswitch-type',
				'VSWITCH ITSOVSW1 is ETHERNET on ITSOSSI2 but IP on ITSOSSI1: name and type must match on every member (001, Networks – Virtual Switches; 000 §2.3.3)'
			]
		]);
	});

	it('an unqualified DEFINE VSWITCH defines it on every member', () => {
		expect(
			rules('SSI C PDR_VOLUME V SLOT 1 A\nDEFINE VSWITCH V1 RDEV 3083', ['A', 'B']).filter((d) =>
				d.rule.startsWith('vswitch')
			)
		).toEqual([]);
	});
});

describe('equivalency identifiers (001 Networks; 000 §2.2.7)', () => {
	it('RDEVICEs sharing an EQID must be the same TYPE', () => {
		const text = ex41(
			'RDEVICE 2120-212F EQID OSA1SET1 TYPE OSA',
			'RDEVICE 2120-212F EQID OSA1SET1 TYPE FCP'
		);
		const where = at(text, 'RDEVICE 2120-212F');
		expect(rules(text).map(formatDiagnostic)).toEqual([
			`line ${where.line}, column ${where.column}: EQID OSA1SET1 is TYPE FCP here but TYPE OSA on line ${at(text, 'RDEVICE 3080-308F').line}: devices with the same EQID must be the same type (001, Networks; 000 §2.2.7)`
		]);
	});
});

describe('relocation domains (001 Relocation Domains)', () => {
	it('a domain may only name members of the cluster', () => {
		const text = ex41(
			'Relocation_Domain DMNZ196 MEMBER ITSOSSI3 ITSOSSI4',
			'Relocation_Domain DMNZ196 MEMBER ITSOSSI3 ITSOSSI9'
		);
		expect(rules(text).map((d) => d.message)).toEqual([
			'relocation domain DMNZ196 names ITSOSSI9, which is not a member of the cluster: a domain is a set of members of the SSI cluster (001, Relocation Domains)'
		]);
	});

	it("a domain may not take a member's name: CP defines each member's single-member domain", () => {
		const ds = rules(`${EX41}\nRelocation_Domain ITSOSSI1 MEMBERS ITSOSSI1 ITSOSSI2`);
		expect(ds.map((d) => d.rule)).toEqual(['domain-member']);
	});
});
