import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../../src/lib/core/config/diagnostics';
import {
	parseUserDirect,
	resolveEntry,
	type Directory,
	type ResolvedEntry
} from '../../../../src/lib/core/config/user-direct';
import { fixture } from './fixture-loader';

const G = 1024 ** 3;

function directory(...texts: string[]): Directory {
	const r = parseUserDirect(texts.join('\n'), { externalProfiles: ['IBMDFLT'] });
	if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
	return r.value;
}

function resolved(d: Directory, userid: string, member?: string): ResolvedEntry {
	const r = resolveEntry(d, userid, member);
	if (!r.ok) throw new Error(r.reason);
	return r.entry;
}

describe('resolveEntry merges PROFILE, entry and SUBCONFIG (000 §2.2.4, App. B.2)', () => {
	const lindflt = fixture('000-example-4-6.direct');

	it('ITSOLNX3 (000 Example 4-8) takes OPTION CHPIDV ONE, VMRELOCATE ON and its console from PROFILE LINDFLT', () => {
		const e = resolved(directory(lindflt, fixture('000-example-4-8.direct')), 'itsolnx3');
		expect(e).toMatchObject({
			kind: 'USER',
			userid: 'ITSOLNX3',
			profile: 'LINDFLT',
			subconfig: null,
			storage: 6 * G,
			privClasses: 'G'
		});
		expect(e.options.chpidVirtualizationOne).toBe(true);
		expect(e.vmrelocate?.enabled).toBe(true);
		expect(e.machine).toMatchObject({ mode: 'ESA', maxCpus: 2 });
		expect(e.unitRecords.map((u) => `${u.statement} ${u.vdev}`)).toEqual([
			'CONSOLE 0009',
			'SPOOL 000C',
			'SPOOL 000D',
			'SPOOL 000E'
		]);
		expect(e.mdisks.map((m) => m.vdev)).toEqual(['0201', '0202']);
	});

	it('ITSOLNX2 with INCLUDE LINCMS (000 Example A-4) links the CMS minidisks that block relocation (Example A-5)', () => {
		const e = resolved(
			directory(fixture('000-example-4-5.direct'), fixture('000-example-a-4.direct')),
			'ITSOLNX2'
		);
		expect(e.links.map((l) => `${l.user} ${l.vdev}`)).toEqual([
			'MAINT 0190',
			'MAINT 019D',
			'MAINT 019E',
			'LINUXCMS 0191'
		]);
		expect(e.ipl).toMatchObject({ target: '0300' }); // the entry's IPL replaces the profile's IPL CMS
		expect(e.nicdefs.map((n) => n.vswitch)).toEqual(['ITSOVSW1']);
	});

	it('IDENTITY SRI on ITSOSSI2 gets the minidisk of SUBCONFIG SRI-2 (000 Examples B-3, B-4)', () => {
		const d = directory(fixture('000-example-b-3.direct'), fixture('000-example-b-4.direct'));
		const e = resolved(d, 'SRI', 'itsossi2');
		expect(e).toMatchObject({ kind: 'IDENTITY', member: 'ITSOSSI2', subconfig: 'SRI-2' });
		expect(e.mdisks).toMatchObject([{ vdev: '0191', start: 4172, count: 15, volid: 'SSI2M1' }]);
		expect(e.links.map((l) => l.vdev)).toEqual(['0190', '019E', '019D']);
		expect(resolved(d, 'SRI', 'ITSOSSI1').mdisks).toMatchObject([{ volid: 'SSI1M1', start: 6065 }]);
	});

	it('an IDENTITY resolved without a member gives its common part and says so', () => {
		const d = directory(fixture('000-example-b-3.direct'), fixture('000-example-b-4.direct'));
		const r = resolveEntry(d, 'SRI');
		expect(r.ok && r.warnings).toEqual([
			'IDENTITY SRI resolved without a member: only its common statements are included'
		]);
		expect(r.ok && r.entry.mdisks).toEqual([]);
	});

	it('an IDENTITY has no definition on a member without a BUILD ON it', () => {
		const d = directory(fixture('000-example-b-3.direct'), fixture('000-example-b-4.direct'));
		expect(resolveEntry(d, 'SRI', 'ITSOSSI3')).toEqual({
			ok: false,
			reason: 'IDENTITY SRI has no BUILD ON ITSOSSI3 statement'
		});
	});

	it('a USER is the same on every member (000 §2.2.4)', () => {
		const d = directory(lindflt, fixture('000-example-4-9.direct'));
		const a = resolved(d, 'ITSOLNX4', 'ITSOSSI1');
		const b = resolved(d, 'ITSOLNX4', 'ITSOSSI3');
		expect({ ...a, member: null }).toEqual({ ...b, member: null });
	});

	it('an unknown user ID is a reason, not an exception', () => {
		expect(resolveEntry(directory(lindflt), 'NOBODY')).toEqual({
			ok: false,
			reason: 'no USER or IDENTITY entry named NOBODY'
		});
	});

	it('a profile defined outside the text (IBMDFLT) is reported as missing from the merge', () => {
		const r = resolveEntry(directory(fixture('000-example-5-11.direct')), 'LNXRH56');
		expect(r.ok && r.warnings).toEqual([
			'profile IBMDFLT is not in this directory; its statements are not included'
		]);
		expect(r.ok && r.entry.profile).toBe('IBMDFLT');
	});

	it('the entry wins over its profile: MACHINE, CLASS, and a device with the same number', () => {
		const d = directory(
			'PROFILE P\nMACH XA\nCLASS G\nCONSOLE 0009 3215 T\nOPTION MAINTCCW',
			'USER A PW 1G 1G BG\nINCLUDE P\nMACH ESA 2\nCLASS ABG\nCONSOLE 0009 3270\nOPTION CHPIDV ONE'
		);
		const e = resolved(d, 'A');
		expect(e.machine?.mode).toBe('ESA');
		expect(e.privClasses).toBe('ABG');
		expect(e.unitRecords).toMatchObject([{ vdev: '0009', deviceType: '3270' }]);
		expect(e.options).toMatchObject({
			keywords: ['MAINTCCW', 'CHPIDVIRTUALIZATION ONE'],
			chpidVirtualizationOne: true
		});
	});

	it('privilege classes default to G when neither USER nor CLASS gives them', () => {
		expect(resolved(directory('USER A PW 1G 1G'), 'A').privClasses).toBe('G');
	});
});
