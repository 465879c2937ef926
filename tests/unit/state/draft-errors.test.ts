// Each validation error of a draft lands on the field it is about (or its group, or its line),
// with a label that says where for the error summary, in the order of the page.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/core/config/scenario';
import type { ScenarioError } from '$lib/core/config/scenario-types';
import { builtinJson } from '$lib/core/scenarios/index';
import {
	draftFields,
	errorsByField,
	fieldId,
	errorsId,
	placeErrors
} from '$lib/state/draft-errors';
import { draftFromJson, draftToJson, type ScenarioDraft } from '$lib/state/scenario-draft';
import type { ScenarioJson } from '$lib/state/url-state';

const draftOf = (id: string) => draftFromJson(builtinJson(id) as ScenarioJson);

/** What the editor does on a change: the draft's own errors, then the validator's. */
function check(d: ScenarioDraft) {
	const { json, errors } = draftToJson(d);
	const r = validateScenario(json);
	return placeErrors(d, [...errors, ...(r.ok ? [] : r.errors)]);
}

describe('placeErrors', () => {
	it('puts a field error on its field, labelled with its member', () => {
		const d = draftOf('itsossib');
		d.cluster.members[1]!.storage = '20Q';
		expect(check(d)).toEqual([
			{
				field: 'cluster.members[1].storage',
				label: 'Member 2 (ITSOSSI6): storage',
				kind: 'field',
				message: '"20Q" is not a z/VM size (use K, M, G or T)'
			}
		]);
	});

	it('puts an error about a USER DIRECT line at that line and column', () => {
		const d = draftOf('a16-domains');
		d.directory = d.directory.replace('IPL 202', 'IPL');
		expect(check(d)).toEqual([
			{
				field: 'directory',
				label: 'USER DIRECT',
				kind: 'text',
				line: 4,
				column: 4,
				message: 'IPL needs a device number or system name'
			}
		]);
	});

	it('puts an error inside a JSON box at its line there, naming the entry', () => {
		const d = draftOf('itsossib');
		d.cluster.members[0]!.devices = '[\n  { "rdev": "0600" },\n  { "rdev": "ZZZZ" }\n]';
		const [e] = check(d);
		expect(e).toEqual({
			field: 'cluster.members[0].devices',
			label: 'Member 1 (ITSOSSI5): real devices (JSON)',
			kind: 'text',
			line: 3,
			column: 5,
			message: 'devices[1].rdev: "ZZZZ" is not a device number or range (2120 or 2126-2128)'
		});
	});

	it('puts an error about an entry of a list shown as a group on the group', () => {
		const d = draftOf('vmsys');
		d.cluster.domains[0]!.members.push('NOSUCH');
		d.cluster.members[0]!.facilities = ['GIEF', 'WARP'];
		const placed = check(d);
		expect(placed.map((p) => [p.field, p.kind])).toEqual([
			['cluster.members[0].facilities', 'group'],
			['cluster.domains[0].members', 'group']
		]);
		expect(placed[1]!.message).toBe('no member named NOSUCH');
	});

	it('puts an error about a whole entry on the entry, and one it cannot place on the scenario', () => {
		const d = draftOf('itsossib');
		d.cluster.links.push({ ...d.cluster.links[0]!, devices: [] });
		const extra: ScenarioError = { path: 'nowhere.at.all', message: 'odd' };
		const placed = placeErrors(d, [
			...check(d).map((p) => ({ path: p.field, message: p.message })),
			extra
		]);
		expect(placed[0]).toMatchObject({ field: '', label: 'Scenario', kind: 'group' });
		expect(placed.at(-1)).toMatchObject({
			field: 'cluster.links[1]',
			label: 'Link 2 (ITSOSSI5–ITSOSSI6)',
			message: 'the link between ITSOSSI5 and ITSOSSI6 is defined twice'
		});
	});

	it('orders errors as the page shows the fields, and groups them by field', () => {
		const d = draftOf('a16-domains');
		d.directory = d.directory.replace('IPL 202', 'IPL').replace('4G 4G G', '4X 4G G');
		d.title = 'fine';
		d.guests[0]!.workload = 'jogging';
		d.cluster.name = 'TOO-LONG-NAME';
		const placed = check(d);
		expect(placed.map((p) => p.field)).toEqual([
			'cluster.name',
			'guests[0].workload',
			'directory',
			'directory'
		]);
		expect(placed.filter((p) => p.field === 'directory').map((p) => p.line)).toEqual([3, 4]);
		expect(errorsByField(placed).get('directory')).toHaveLength(2);
	});

	it('knows the fields each step action shows', () => {
		const d = draftOf('itsossib');
		d.script[0]!.action = 'fault';
		d.script[0]!.faultKind = 'ctc.fail';
		const paths = draftFields(d).map((f) => f.path);
		expect(paths).toContain('script[0].fault.ctc');
		expect(paths).not.toContain('script[0].command');
		d.script[0]!.action = 'shutdown';
		expect(draftFields(d).map((f) => f.path)).toContain('script[0].reipl');
	});
});

describe('fieldId', () => {
	it('names elements after their JSON paths, distinctly', () => {
		expect(fieldId('cluster.members[0].name')).toBe('f-cluster-members-0-name');
		expect(fieldId('')).toBe('f-scenario');
		expect(errorsId('directory')).toBe('f-directory-errors');
		const d = draftOf('itsossia');
		const ids = draftFields(d).map((f) => fieldId(f.path));
		expect(new Set(ids).size).toBe(ids.length);
	});
});
