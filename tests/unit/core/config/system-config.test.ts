import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../src/lib/core/config/diagnostics';
import {
	forMember,
	parseSystemConfig,
	type SystemConfig
} from '../../../../src/lib/core/config/system-config';
import { fixture, fixtureNames } from './fixture-loader';

/** Parses text that must be valid and returns the config. */
function parsed(text: string): SystemConfig {
	const r = parseSystemConfig(text);
	if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
	return r.value;
}

/** Parses text that must fail and returns its errors as "line, column: message" strings. */
function errorsOf(text: string): string[] {
	const r = parseSystemConfig(text);
	expect(r.ok).toBe(false);
	return r.ok ? [] : r.errors.map(formatDiagnostic);
}

describe('SYSTEM CONFIG fixtures from the seeds', () => {
	it.each(fixtureNames('.config'))('%s parses without errors or warnings', (name) => {
		const r = parseSystemConfig(fixture(name));
		expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([]);
		expect(r.warnings.map(formatDiagnostic)).toEqual([]);
	});

	it('000 Example 4-1: the SSI statement of the four-member cluster ITSOSSIA', () => {
		const c = parsed(fixture('000-example-4-1.config'));
		expect(c.ssi).toMatchObject({ clusterName: 'ITSOSSIA', pdrVolume: 'SSIAC2', member: null });
		expect(c.ssi?.slots.map((s) => [s.slot, s.member])).toEqual([
			[1, 'ITSOSSI1'],
			[2, 'ITSOSSI2'],
			[3, 'ITSOSSI3'],
			[4, 'ITSOSSI4']
		]);
	});

	it('000 Example 4-1: system identifiers by LPAR name', () => {
		const c = parsed(fixture('000-example-4-1.config'));
		expect(
			c.systemIdentifiers.map((s) => (s.kind === 'lpar' ? `${s.lpar}=${s.sysname}` : ''))
		).toEqual(['A1A=ITSOSSI1', 'A1B=ITSOSSI2', 'A2A=ITSOSSI3', 'A2B=ITSOSSI4']);
	});

	it('000 Example 4-1: twelve member-qualified ISLINKs, three per member', () => {
		const c = parsed(fixture('000-example-4-1.config'));
		expect(c.islinks).toHaveLength(12);
		expect(c.islinks[0]).toMatchObject({
			member: 'ITSOSSI1',
			node: 'ITSOSSI2',
			deviceCount: 2,
			devices: [
				{ first: '4A60', last: '4A60', count: 1 },
				{ first: '5A60', last: '5A60', count: 1 }
			]
		});
		for (const m of ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4']) {
			expect(c.islinks.filter((l) => l.member === m)).toHaveLength(3);
		}
	});

	it('000 Example 4-1: BEGIN/END blocks qualify VMLAN, RDEVICE and DEFINE VSWITCH for their member', () => {
		const c = parsed(fixture('000-example-4-1.config'));
		expect(c.vmlan.map((v) => [v.member, v.macPrefix?.value, v.userPrefix?.value])).toEqual([
			['ITSOSSI1', '021111', '02AAAA'],
			['ITSOSSI2', '022222', '02AAAA'],
			['ITSOSSI3', '023333', '02AAAA'],
			['ITSOSSI4', '024444', '02AAAA']
		]);
		expect(
			c.rdevices.map((r) => [r.member, r.devices[0]?.first, r.devices[0]?.count, r.eqid, r.type])
		).toEqual([
			['ITSOSSI1', '3080', 16, 'OSA1SET1', 'OSA'],
			['ITSOSSI2', '30A0', 16, 'OSA1SET1', 'OSA'],
			['ITSOSSI3', '2100', 16, 'OSA1SET1', 'OSA'],
			['ITSOSSI4', '2120', 16, 'OSA1SET1', 'OSA']
		]);
		expect(c.vswitches.map((v) => [v.member, v.name, v.rdevs, v.type])).toEqual([
			['ITSOSSI1', 'ITSOVSW1', ['3083'], null],
			['ITSOSSI2', 'ITSOVSW1', ['30A3'], null],
			['ITSOSSI3', 'ITSOVSW1', ['2103'], null],
			['ITSOSSI4', 'ITSOVSW1', ['2123'], null]
		]);
	});

	it('000 Example 4-1: unqualified GRANTs, CP_OWNED slots, user volumes and relocation domains', () => {
		const c = parsed(fixture('000-example-4-1.config'));
		expect(c.vswitchGrants.map((g) => g.userid)).toEqual(
			[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `ITSOLNX${n}`)
		);
		expect(c.vswitchGrants.every((g) => g.member === null && g.vswitch === 'ITSOVSW1')).toBe(true);
		expect(c.cpOwned.map((o) => `${o.member ?? '*'}:${o.slot}:${o.volid}`)).toEqual([
			'ITSOSSI1:1:SSI1I2',
			'ITSOSSI2:1:SSI2I2',
			'ITSOSSI3:1:SSI3I2',
			'ITSOSSI4:1:SSI4I2',
			'*:5:SSIAC2',
			'*:10:SSI1S2',
			'*:11:SSI2S2',
			'*:12:SSI3S2',
			'*:13:SSI4S2',
			'ITSOSSI1:255:SSI1P2',
			'ITSOSSI2:255:SSI2P2',
			'ITSOSSI3:255:SSI3P2',
			'ITSOSSI4:255:SSI4P2'
		]);
		expect(c.userVolumes.map((u) => [u.kind, u.volumes])).toEqual([
			['list', ['SSIAR2']],
			['list', ['LXDE1C', 'LX603D', 'LX9B25', 'LX9B26']],
			['include', ['SSI*']]
		]);
		expect(c.relocationDomains.map((d) => [d.name, d.members])).toEqual([
			['DMNZ10', ['ITSOSSI1', 'ITSOSSI2']],
			['DMNZ196', ['ITSOSSI3', 'ITSOSSI4']]
		]);
	});

	it('000 Example 4-1: statements it does not model are kept with their line and member', () => {
		const text = fixture('000-example-4-1.config');
		const c = parsed(text);
		const lines = text.split('\n');
		const residence = c.others.filter((o) => o.keyword === 'SYSTEM_RESIDENCE');
		expect(residence.map((o) => o.member)).toEqual([
			'ITSOSSI1',
			'ITSOSSI2',
			'ITSOSSI3',
			'ITSOSSI4'
		]);
		expect(lines[(residence[0]?.line ?? 0) - 1]).toContain('ITSOSSI1: System_Residence,');
		expect(residence[0]?.text).toBe(
			'Checkpoint Volid SSI1I2 From CYL 21 For 9 Warmstart Volid SSI1I2 From CYL 30 For 9'
		);
		const features = c.others.find((o) => o.keyword === 'FEATURES');
		expect(features?.text).toContain('Passwords_on_Cmds Autolog no Link no Logon no');
		expect(c.others.filter((o) => o.keyword === 'OPERATOR_CONSOLES').map((o) => o.text)).toEqual([
			'F200 System_3270 System_Console',
			'F280 System_3270 System_Console',
			'F300 System_3270 System_Console',
			'F380 System_3270 System_Console'
		]);
	});

	it('000 Example 2-3: OSA EQIDs and virtual switches on ITSOSSI5 and ITSOSSI6', () => {
		const c = parsed(fixture('000-example-2-3.config'));
		expect(c.rdevices.map((r) => [r.member, r.eqid])).toEqual([
			['ITSOSSI5', 'OSA1'],
			['ITSOSSI6', 'OSA1']
		]);
		expect(
			c.vswitches.map((v) => `${v.member} ${v.name} ${v.rdevs.join()} ${v.type ?? '-'}`)
		).toEqual([
			'ITSOSSI5 VSWITCH1 3083 -',
			'ITSOSSI5 VSW999 3086 IP',
			'ITSOSSI5 VSW199 3089 IP',
			'ITSOSSI6 VSWITCH1 2103 -',
			'ITSOSSI6 VSW999 2106 IP',
			'ITSOSSI6 VSW199 2109 IP'
		]);
	});

	it('000 Example 2-4 and 001 VMLAN example: member-qualified MAC prefixes', () => {
		const a = parsed(fixture('000-example-2-4.config'));
		expect(a.vmlan.map((v) => `${v.member} ${v.macPrefix?.value} ${v.userPrefix?.value}`)).toEqual([
			'ITSOSSI5 025555 02AAAA',
			'ITSOSSI6 026666 02AAAA'
		]);
		const b = parsed(fixture('001-vmlan.config'));
		expect(b.qualifiers).toEqual(['VMSYS01', 'VMSYS02', 'VMSYS03', 'VMSYS04']);
		expect(b.vmlan.map((v) => v.macPrefix?.value)).toEqual([
			'021111',
			'022222',
			'023333',
			'024444'
		]);
	});

	it('000 Example 3-2: RELOCATION_DOMAIN with MEMBERS, case-insensitive', () => {
		const c = parsed(fixture('000-example-3-2.config'));
		expect(c.relocationDomains).toEqual([
			{ line: 1, column: 1, member: null, name: 'DOMAINA', members: ['ITSOSSI1', 'ITSOSSI2'] }
		]);
	});

	it('000 Example 5-9: ISLINKs between ITSOSSI5 and ITSOSSI6 and the Devices statement', () => {
		const c = parsed(fixture('000-example-5-9.config'));
		expect(c.islinks.map((l) => `${l.member}->${l.node}`)).toEqual([
			'ITSOSSI5->ITSOSSI6',
			'ITSOSSI6->ITSOSSI5'
		]);
		expect(c.others.find((o) => o.keyword === 'DEVICES')?.text).toBe(
			'Online_at_IPL 0000-FFFF Offline_at_IPL 9C25-9C27 9D26 9D27 Sensed 0000-FFFF'
		);
	});

	it('001 shared configuration: SLOT n AVAILABLE leaves a slot free', () => {
		const c = parsed(fixture('001-shared-system-config.config'));
		expect(c.ssi).toMatchObject({ clusterName: 'MYCLUSTR', pdrVolume: 'VMCOM1' });
		expect(c.ssi?.slots.map((s) => s.member)).toEqual(['MEMBER1', 'MEMBER2', null, null]);
		expect(c.cpOwned.map((o) => [o.member, o.slot, o.volid])).toEqual([
			['MEMBER1', 1, 'M01RES'],
			['MEMBER2', 1, 'M02RES'],
			[null, 5, 'VMCOM1']
		]);
	});
});

describe('SYSTEM CONFIG layout', () => {
	it('comments /* ... */ may span lines and sit between operands', () => {
		const c = parsed(
			'/* a\n comment */ SSI C1 /* here */ PDR_VOLUME V1, /* and\n here */\n SLOT 1 M1'
		);
		expect(c.ssi?.slots).toEqual([{ slot: 1, member: 'M1', line: 4, column: 7 }]);
		expect(c.ssi).toMatchObject({ line: 2, column: 13 });
	});

	it('an unterminated comment is an error at its opening', () => {
		expect(errorsOf('VMLAN MACPREFIX 021111\n  /* never closed\nSSI X')).toEqual([
			'line 2, column 3: comment "/*" is never closed with "*/"'
		]);
	});

	it('a trailing comma continues a statement on the next record (000 Example 4-1)', () => {
		const c = parsed('SSI ITSOSSIA PDR_VOLUME SSIAC2,\n\n   SLOT 1 ITSOSSI1,\n   SLOT 2 AVAILABLE');
		expect(c.ssi?.slots.map((s) => s.member)).toEqual(['ITSOSSI1', null]);
	});

	it('a statement ending with a comma at the end of the file is an error', () => {
		expect(errorsOf('SSI A PDR_VOLUME V,\n SLOT 1 M1,')).toEqual([
			'line 2, column 9: the statement ends with a comma on line 2, but nothing follows it'
		]);
	});

	it('keywords are case-insensitive', () => {
		const c = parsed(
			'ssi itsossia pdr_volume ssiac2 slot 1 itsossi1\nactivate islink 4a60 node itsossi2'
		);
		expect(c.ssi?.clusterName).toBe('ITSOSSIA');
		expect(c.islinks[0]?.devices[0]?.first).toBe('4A60');
	});

	it('a qualified statement applies only to that member; an unqualified one to all', () => {
		const c = parsed('ITSOSSI1: VMLAN MACPREFIX 021111\nVMLAN USERPREFIX 02AAAA');
		expect(c.vmlan.map((v) => v.member)).toEqual(['ITSOSSI1', null]);
	});

	it('a qualifier may touch its statement (ITSOSSI1:VMLAN ...)', () => {
		const c = parsed('ITSOSSI1:VMLAN MACPREFIX 021111');
		expect(c.vmlan[0]).toMatchObject({ member: 'ITSOSSI1', line: 1, column: 10 });
	});

	it('a qualifier alone on its line applies to the next statement, with a warning (OCR layout of 000 Example 4-1)', () => {
		const r = parseSystemConfig(
			'  ITSOSSI1:\n        BEGIN\n        CP_Owned Slot 255 SSI1P2\n  ITSOSSI1:\n        END'
		);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.value.cpOwned[0]?.member).toBe('ITSOSSI1');
		expect(r.warnings.map(formatDiagnostic)).toEqual([
			'line 1, column 3: qualifier ITSOSSI1: is alone on its line; it applies to the statement on line 2',
			'line 4, column 3: qualifier ITSOSSI1: is alone on its line; it applies to the statement on line 5'
		]);
	});

	it('000 Example 4-1 as OCR printed it: "PDR VOLUME" is accepted for PDR_VOLUME', () => {
		const c = parsed('SSI ITSOSSIA PDR VOLUME SSIAC2,\n   SLOT 1 ITSOSSI1,\n   SLOT 2 ITSOSSI2');
		expect(c.ssi?.pdrVolume).toBe('SSIAC2');
	});

	it('OCR-damaged keywords are kept with a hint ("System Identifier" for System_Identifier)', () => {
		const r = parseSystemConfig('System Identifier LPAR A1A ITSOSSI1');
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.value.others[0]).toMatchObject({ keyword: 'SYSTEM', line: 1 });
		expect(r.warnings.map(formatDiagnostic)).toEqual([
			'line 1, column 1: "System" is not a SYSTEM CONFIG statement; did you mean SYSTEM_IDENTIFIER? (kept unchecked)'
		]);
	});

	it('statements it does not model are kept without warnings', () => {
		const r = parseSystemConfig('Timezone_Definition EST Offset-From-UTC -05.00.00\nSTP_Timezone');
		expect(r.ok && r.value.others.map((o) => [o.keyword, o.line])).toEqual([
			['TIMEZONE_DEFINITION', 1],
			['STP_TIMEZONE', 2]
		]);
		expect(r.warnings).toEqual([]);
	});

	it('a qualifier naming no member of the SSI is reported (the statement would never apply)', () => {
		const r = parseSystemConfig(
			'SSI C PDR_VOLUME V SLOT 1 M1 SLOT 2 M2\nM3: VMLAN MACPREFIX 021111'
		);
		expect(r.warnings.map(formatDiagnostic)).toEqual([
			'line 2, column 1: qualifier M3: names no member of SSI C; its statements never apply'
		]);
	});
});

describe('SYSTEM CONFIG statements', () => {
	it('System_Identifier machinetype serial sysname (000 App. A.2)', () => {
		const c = parsed('System_Identifier 2817 0EE4E2 ITSOSSI1\nSystem_Identifier_Default ITSOSSI9');
		expect(c.systemIdentifiers[0]).toMatchObject({
			kind: 'machine',
			machineType: '2817',
			serial: '0EE4E2',
			sysname: 'ITSOSSI1'
		});
		expect(c.systemIdentifierDefault?.sysname).toBe('ITSOSSI9');
	});

	it('ACTIVATE ISLINK takes device ranges (000 Table 4-1: 4A60-4A63)', () => {
		const c = parsed('ITSOSSI1: ACTIVATE ISLINK 4A60-4A63 5A60-5A63 NODE ITSOSSI2');
		expect(c.islinks[0]).toMatchObject({ deviceCount: 8, node: 'ITSOSSI2', member: 'ITSOSSI1' });
	});

	it('RDEVICE TYPE CTCA and HIPER are normalised; other operands are kept', () => {
		const c = parsed(
			'RDEVICE 4A60-4A63 EQID CTC1 TYPE CTCA\nRDEVICE 7000 TYPE HIPER EQID HS1\nRDEVICE 9A26 TYPE DASD SHARED YES'
		);
		expect(c.rdevices.map((r) => [r.type, r.eqid, r.otherOperands])).toEqual([
			['CTC', 'CTC1', []],
			['HIPERSOCKETS', 'HS1', []],
			['DASD', null, ['SHARED', 'YES']]
		]);
	});

	it('VMLAN MACIDRANGE is kept (the SSI rules warn it is ignored)', () => {
		const c = parsed('VMLAN MACIDRANGE SYSTEM 000001-7FFFFF USER 800000-FFFFFF');
		expect(c.vmlan[0]?.macIdRange).toEqual({
			value: 'SYSTEM 000001-7FFFFF USER 800000-FFFFFF',
			line: 1,
			column: 7
		});
	});

	it('DEFINE VSWITCH keeps the uplink port-less device, type and other operands', () => {
		const c = parsed('DEFINE VSWITCH VSW1 RDEV 3083.P01 2103 ETHERNET VLAN AWARE');
		expect(c.vswitches[0]).toMatchObject({
			rdevs: ['3083', '2103'],
			type: 'ETHERNET',
			otherOperands: ['VLAN', 'AWARE']
		});
	});

	it('MODIFY VSWITCH other than GRANT is kept as an other statement', () => {
		const c = parsed('MODIFY VSWITCH VSW1 REVOKE LNX1');
		expect(c.vswitchGrants).toEqual([]);
		expect(c.others[0]).toMatchObject({ keyword: 'MODIFY', text: 'VSWITCH VSW1 REVOKE LNX1' });
	});
});

describe('SYSTEM CONFIG errors name what is wrong and where', () => {
	it.each([
		[
			'SSI with a slot number outside 1-4 (000 §2.2: 1-4 members)',
			'SSI C PDR_VOLUME V SLOT 5 M5',
			['line 1, column 25: slot number "5" must be 1-4: an SSI cluster has 1-4 members (000 §2.2)']
		],
		[
			'SSI giving one slot twice',
			'SSI C PDR_VOLUME V SLOT 1 A SLOT 1 B',
			['line 1, column 34: slot 1 is given twice (first on line 1)']
		],
		[
			'SSI with one member in two slots',
			'SSI C PDR_VOLUME V SLOT 1 A SLOT 2 A',
			['line 1, column 36: member A is in two slots (1 and 2)']
		],
		[
			'SSI member names longer than 8 characters',
			'SSI C PDR_VOLUME V SLOT 1 ITSOSSI10',
			['line 1, column 27: member name "ITSOSSI10" must be 1-8 letters, digits or @ # $ _ -']
		],
		[
			'SSI without PDR_VOLUME',
			'SSI C SLOT 1 A',
			['line 1, column 7: expected PDR_VOLUME after the cluster name, found "SLOT"']
		],
		[
			'SSI without slots',
			'SSI C PDR_VOLUME V',
			['line 1, column 19: SSI needs at least one SLOT n member']
		],
		[
			'a second SSI statement',
			'SSI C PDR_VOLUME V SLOT 1 A\nSSI D PDR_VOLUME V SLOT 1 A',
			['line 2, column 1: only one SSI statement is allowed; the first is on line 1']
		],
		[
			'System_Identifier without LPAR or machine type',
			'System_Identifier A1A ITSOSSI1',
			[
				'line 1, column 19: System_Identifier needs LPAR lparname or a 4-digit machine type, found "A1A"'
			]
		],
		[
			'System_Identifier with extra words',
			'System_Identifier LPAR A1A ITSOSSI1 X',
			['line 1, column 37: unexpected "X" after the system name']
		],
		[
			'RELOCATION_DOMAIN without MEMBERS',
			'RELOCATION_DOMAIN D1 ITSOSSI1',
			['line 1, column 22: expected MEMBERS after domain D1, found "ITSOSSI1"']
		],
		[
			'RELOCATION_DOMAIN named SSI (a default domain, 001)',
			'RELOCATION_DOMAIN SSI MEMBERS A',
			[
				'line 1, column 19: domain name SSI is reserved for the default domain of all members (001, Relocation Domains)'
			]
		],
		[
			'RELOCATION_DOMAIN defined twice',
			'RELOCATION_DOMAIN D MEMBERS A\nRELOCATION_DOMAIN D MEMBERS B',
			['line 2, column 19: domain D is already defined on line 1']
		],
		[
			'ACTIVATE ISLINK with a bad device number',
			'ACTIVATE ISLINK 4A6G NODE B',
			[
				'line 1, column 17: "4A6G" is not a device number (1-4 hex digits) or range (4A60-4A63)',
				'line 1, column 22: ACTIVATE ISLINK needs at least one CTC device number'
			]
		],
		[
			'ACTIVATE ISLINK with a reversed range',
			'ACTIVATE ISLINK 4A63-4A60 4A70 NODE B',
			['line 1, column 17: "4A63-4A60" is a range whose end comes before its start']
		],
		[
			'VMLAN MACPREFIX of five digits (000 §2.2.8: six hex digits)',
			'VMLAN MACPREFIX 02AAA',
			['line 1, column 17: MACPREFIX "02AAA" must be six hexadecimal digits (000 §2.2.8)']
		],
		[
			'RDEVICE without TYPE',
			'RDEVICE 3080-308F EQID OSA1',
			['line 1, column 1: RDEVICE needs TYPE (OSA, FCP, HIPERSOCKETS, CTC, ...)']
		],
		[
			'RDEVICE without a device',
			'RDEVICE EQID OSA1 TYPE OSA',
			['line 1, column 9: RDEVICE needs a device number or range first (e.g. 3080-308F)']
		],
		[
			'CP_OWNED slot 256',
			'CP_OWNED SLOT 256 VOL1',
			['line 1, column 15: CP_OWNED slot "256" must be 1-255']
		],
		[
			'CP_OWNED volume serial of 7 characters',
			'CP_OWNED SLOT 1 SSI1RES',
			[
				'line 1, column 17: CP_OWNED SLOT 1 needs a volume serial of 1-6 characters, found "SSI1RES"'
			]
		],
		[
			'DEFINE VSWITCH RDEV without a device',
			'DEFINE VSWITCH V1 RDEV IP',
			['line 1, column 19: RDEV needs a real device number (1-4 hex digits)']
		],
		[
			'a member qualifier that is not a name',
			'ITS+SSI1: VMLAN MACPREFIX 021111',
			[
				'line 1, column 1: qualifier "ITS+SSI1" must be a member name of 1-8 letters, digits or @ # $ _ -'
			]
		],
		[
			'BEGIN without a qualifier',
			'BEGIN',
			['line 1, column 1: BEGIN needs a member qualifier (e.g. ITSOSSI1: BEGIN)']
		],
		[
			'END without BEGIN',
			'ITSOSSI1: END',
			['line 1, column 1: ITSOSSI1: END without a matching ITSOSSI1: BEGIN']
		],
		[
			'END of another member',
			'A: BEGIN\nB: END',
			['line 2, column 1: B: END does not match A: BEGIN on line 1']
		],
		[
			'BEGIN inside a block (the lost ITSOSSI3: END of 000 Example 4-1)',
			'ITSOSSI3: BEGIN\nITSOSSI4: BEGIN\nITSOSSI4: END',
			[
				'line 2, column 1: ITSOSSI4: BEGIN inside the ITSOSSI3 block of line 1 (missing ITSOSSI3: END?)'
			]
		],
		[
			'a block never ended',
			'  A: BEGIN\nVMLAN MACPREFIX 021111',
			['line 1, column 3: A: BEGIN has no matching A: END']
		],
		[
			'a statement qualified for another member inside a block',
			'A: BEGIN\nB: VMLAN MACPREFIX 021111\nA: END',
			['line 2, column 1: qualifier B: inside the A: BEGIN block of line 1']
		],
		[
			'a qualifier followed by another qualifier',
			'A:\nB: VMLAN MACPREFIX 021111',
			['line 1, column 1: qualifier A: is not followed by a statement']
		]
	])('%s', (_title, text, expected) => {
		expect(errorsOf(text)).toEqual(expected);
	});
});

describe('SYSTEM CONFIG names', () => {
	it('a name operand longer than 8 characters names the statement and what was expected', () => {
		expect(errorsOf('RELOCATION_DOMAIN DOMAINTOOLONG MEMBERS A')).toEqual([
			'line 1, column 19: RELOCATION_DOMAIN: "DOMAINTOOLONG" is not a domain name (1-8 letters, digits or @ # $ _ -)'
		]);
		expect(errorsOf('ACTIVATE ISLINK 4A60 NODE')).toEqual([
			'line 1, column 26: ACTIVATE ISLINK needs a member name after NODE'
		]);
	});
});

describe("one member's view of the shared file", () => {
	it('000 Example 4-1 as ITSOSSI3 reads it: its own VMLAN, RDEVICE, VSWITCH, ISLINKs and paging volume, plus the shared statements', () => {
		const c = forMember(parsed(fixture('000-example-4-1.config')), 'itsossi3');
		expect(c.vmlan.map((v) => v.macPrefix?.value)).toEqual(['023333']);
		expect(c.rdevices.map((r) => r.devices[0]?.first)).toEqual(['2100']);
		expect(c.vswitches.map((v) => v.rdevs[0])).toEqual(['2103']);
		expect(c.islinks.map((l) => l.node)).toEqual(['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI4']);
		expect(c.cpOwned.map((o) => o.volid)).toEqual([
			'SSI3I2',
			'SSIAC2',
			'SSI1S2',
			'SSI2S2',
			'SSI3S2',
			'SSI4S2',
			'SSI3P2'
		]);
		expect(c.vswitchGrants).toHaveLength(9);
		expect(c.ssi?.slots).toHaveLength(4);
	});
});
