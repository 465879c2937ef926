import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/core/config/scenario';
import { buildInitialState } from '$lib/core/model/build';
import { Simulation } from '$lib/core/simulation';
import { builtinJson } from '$lib/core/scenarios/index';

/** ITSOSSIA with its SYSTEM CONFIG text edited, and ITSOSSI4 starting Down. */
function itsossia(edit: (config: string) => string) {
	const json = JSON.parse(JSON.stringify(builtinJson('itsossia'))) as {
		systemConfig: string;
		cluster: { members: { state?: string; lpar?: string }[] };
	};
	json.systemConfig = edit(json.systemConfig);
	json.cluster.members[3]!.state = 'Down';
	return validateScenario(json);
}

function ipl4(edit: (config: string) => string) {
	const r = itsossia(edit);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const sim = new Simulation(buildInitialState(r.value));
	sim.apply({ kind: 'ipl', member: 'ITSOSSI4' });
	return sim.state.cluster.members[3]!;
}

describe('SYSTEM CONFIG drives who can join (001 Shared System Configuration File, 000 Example 4-1)', () => {
	it('with every ACTIVATE ISLINK in place, ITSOSSI4 joins', () => {
		expect(ipl4((c) => c).state).toBe('Joining');
	});

	it('a member without an ISLINK to some member cannot join: Isolated', () => {
		const m = ipl4((c) =>
			c.replace(/^.*ITSOSSI4: ACTIVATE ISLINK 5A68 4A68 NODE ITSOSSI2.*$/m, '')
		);
		expect(m.state).toBe('Isolated');
		expect(m.detail).toBe('no ISLINK to ITSOSSI2');
	});

	it('two LPARs resolving to the same system identifier: the second cannot join (000 App. A.2)', () => {
		const m = ipl4((c) =>
			c.replace('System_Identifier LPAR A2B ITSOSSI4', 'System_Identifier LPAR A2B ITSOSSI1')
		);
		expect(m.state).toBe('Isolated');
		expect(m.detail).toContain('ITSOSSI1');
	});

	it('RELOCATION_DOMAIN statements define the user domains', () => {
		const r = itsossia((c) =>
			c.replace(
				'Relocation_Domain DMNZ196 MEMBER ITSOSSI3 ITSOSSI4',
				'Relocation_Domain DMNZ196 MEMBER ITSOSSI2 ITSOSSI3 ITSOSSI4'
			)
		);
		if (!r.ok) throw new Error('invalid');
		const domains = buildInitialState(r.value).cluster.domains;
		expect(domains.find((d) => d.name === 'DMNZ196')?.members).toEqual([
			'ITSOSSI2',
			'ITSOSSI3',
			'ITSOSSI4'
		]);
	});

	it('a MAC prefix rule broken in the text is a scenario error with its line and column (000 §2.2.8)', () => {
		const r = itsossia((c) => c.replace('VMLAN MACPREFIX 022222', 'VMLAN MACPREFIX 021111'));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const e = r.errors.find((x) => /MACPREFIX/.test(x.message));
		expect(e).toMatchObject({ path: 'systemConfig' });
		expect(e?.line).toBeGreaterThan(100);
	});

	it('a syntax error in the embedded text names its line and column', () => {
		const r = itsossia((c) => c + '\nSSI ITSOSSIA PDR_VOLUME SSIAC2, SLOT 9 ITSOSSI9\n');
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(
			r.errors.some(
				(e) => e.path === 'systemConfig' && e.line !== undefined && e.column !== undefined
			)
		).toBe(true);
	});

	it('a broken USER DIRECT text is reported at its line', () => {
		const json = JSON.parse(JSON.stringify(builtinJson('itsossib'))) as Record<string, unknown>;
		json.directory = 'USER LNXSU11 XXXXXXXX 6Q 16G G\n MACHINE ESA 4\n';
		const r = validateScenario(json);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors[0]).toMatchObject({ path: 'directory', line: 1 });
		expect(r.errors[0]!.message).toContain('6Q');
	});
});
