// Notes on the texts that do not stop a scenario loading, at their lines: a USER DIRECT statement
// the simulator keeps unchecked, and a missing ACTIVATE ISLINK, which the validator lets through
// because the member IPLs and is Isolated (000 §2.4.1; 001, Shared System Configuration File).
import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/core/config/scenario';
import { builtinJson } from '$lib/core/scenarios/index';
import { textNotes } from '$lib/state/text-notes';

const members = ['ITSOSSI1', 'ITSOSSI2', 'ITSOSSI3', 'ITSOSSI4'];
const itsossia = builtinJson('itsossia') as { systemConfig: string };

describe('textNotes', () => {
	it('has none for the built-in texts, nor for empty ones', () => {
		expect(textNotes('', itsossia.systemConfig, members)).toEqual({
			directory: [],
			systemConfig: []
		});
		expect(textNotes('  \n', '', [])).toEqual({ directory: [], systemConfig: [] });
	});

	it('notes a USER DIRECT statement the simulator keeps unchecked, at its line', () => {
		const notes = textNotes('USER LNXSU12 PW 4G 4G G\nFROBNICATE 202\n', '', []);
		expect(notes.directory).toEqual([
			{
				line: 2,
				column: 1,
				message: '"FROBNICATE" is not a directory statement the simulator knows; kept unchecked'
			}
		]);
	});

	it('notes a missing ACTIVATE ISLINK, which the file is still valid without', () => {
		const lines = itsossia.systemConfig.split('\n');
		const cut = lines.filter((l) => !l.includes('ITSOSSI3: ACTIVATE ISLINK 4A58')).join('\n');
		expect(validateScenario({ ...itsossia, systemConfig: cut }).ok).toBe(true);
		const notes = textNotes('', cut, members).systemConfig;
		expect(notes).toHaveLength(1);
		expect(notes[0]!.message).toMatch(
			/^ITSOSSI3 has no ACTIVATE ISLINK to ITSOSSI1: .* \(the scenario loads; the simulation shows what follows\)$/
		);
		expect(notes[0]!.line).toBeGreaterThan(1);
	});
});
