// The editor's draft: every built-in scenario survives scenario JSON → draft → JSON unchanged;
// what the user types stays what they typed until the validator names what is wrong with it;
// empty fields are left out of the file; JSON boxes report their syntax errors at line and column.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/core/config/scenario';
import { BUILTIN_IDS, builtinJson } from '$lib/core/scenarios/index';
import {
	blankGuest,
	blankLink,
	blankMember,
	blankStep,
	cleanJsonMessage,
	draftFromJson,
	draftToJson,
	type ScenarioDraft
} from '$lib/state/scenario-draft';
import { orderBySchema } from '$lib/state/scenario-file';
import type { ScenarioJson } from '$lib/state/url-state';

const builtin = (id: string) => builtinJson(id) as ScenarioJson;

function draftOf(id: string): ScenarioDraft {
	return draftFromJson(builtin(id));
}

describe('draftFromJson and draftToJson', () => {
	it.each(BUILTIN_IDS)('%s comes back from its draft exactly (keys in schema order)', (id) => {
		const { json, errors } = draftToJson(draftOf(id));
		expect(errors).toEqual([]);
		expect(JSON.stringify(orderBySchema(json))).toBe(JSON.stringify(orderBySchema(builtin(id))));
		expect(validateScenario(json).ok).toBe(true);
	});

	it('holds every field of the schema a built-in does not use', () => {
		const json: ScenarioJson = {
			$schema: './scenario.schema.json',
			name: 'full',
			cluster: {
				name: 'FULL',
				crossSystemTimeouts: false,
				members: [
					{
						name: 'A',
						storage: '8G',
						state: 'Down',
						systemId: 'AA',
						storageInUse: '1G',
						crypto: 'CEX3C',
						otherUsers: 3,
						devices: [{ rdev: '0600-0602', type: 'OSA', attached: 'TCPIP', chpid: '0C' }],
						pagingVolumes: [{ volser: 'PAG001', rdev: '1234', extent: '1-10016', inUse: 2 }]
					},
					{ name: 'B', storage: '8G', paging: '4G', facilities: [] }
				],
				links: [{ between: ['A', 'B'], devices: [{ chpid: '4A', a: '4A60', b: '5A60' }] }]
			},
			guests: [
				{
					user: 'LINUX1',
					on: 'A',
					status: 'logged-on',
					kind: 'USER',
					logicalDevices: ['0190', '0191'],
					iucv: ['*MSG'],
					vmcf: false,
					overhead: { pageable: '1M' },
					accounting: { loggedOnFor: '1h', virtualCpu: '1s', totalCpu: '3s' }
				}
			],
			segments: [{ name: 'CMS', kind: 'NSS', ranges: ['SR'], members: ['A', 'B'] }],
			script: [
				{ at: '1s', fault: { kind: 'ctc.fail', link: 'A-B', chpid: '4A', ctc: 0 } },
				{ at: '2s', shutdown: 'B', reipl: false },
				{ at: '3s', ipl: 'B' },
				{ at: '4s', fault: { kind: 'member.systemId', member: 'B', systemId: 'BB' } }
			],
			params: { heartbeatMs: '3s', shutdownSignalSeconds: 60 }
		};
		const d = draftFromJson(json);
		expect(d.cluster.members[1]!.facilities).toEqual([]);
		expect(d.cluster.members[0]!.facilities).toBeNull();
		expect(d.cluster.links[0]!.useDevices).toBe(true);
		expect(d.guests[0]!.logicalDevices).toBe('0190 0191');
		expect(d.script.map((s) => s.action)).toEqual(['fault', 'shutdown', 'ipl', 'fault']);
		const back = draftToJson(d);
		expect(back.errors).toEqual([]);
		expect(orderBySchema(back.json)).toEqual(orderBySchema(json));
		const r = validateScenario(back.json);
		expect(r.ok, JSON.stringify(r)).toBe(true);
	});

	it('writes durations given in milliseconds as "<n>ms", which mean the same', () => {
		const json = builtin('itsossib');
		const d = draftFromJson({ ...json, script: [{ at: 5000, on: 'ITSOSSI5', command: 'Q SSI' }] });
		expect(d.script[0]!.at).toBe('5000ms');
		const a = validateScenario(draftToJson(d).json);
		const b = validateScenario({
			...json,
			script: [{ at: 5000, on: 'ITSOSSI5', command: 'Q SSI' }]
		});
		expect(a.ok && b.ok && a.value.script[0]!.at).toBe(5000);
		expect(b.ok && b.value.script[0]!.at).toBe(5000);
	});

	it('keeps what was typed into a number field for the validator to name', () => {
		const d = draftOf('itsossib');
		d.cluster.members[0]!.cpus = '4x';
		d.seed = ' 9 ';
		d.cluster.links[0]!.ctcs = '';
		const { json } = draftToJson(d);
		const cl = json.cluster as { members: { cpus: unknown }[]; links: { ctcs?: unknown }[] };
		expect(cl.members[0]!.cpus).toBe('4x');
		expect(json.seed).toBe(9);
		expect('ctcs' in cl.links[0]!).toBe(false);
		const r = validateScenario(json);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors).toContainEqual({
			path: 'cluster.members[0].cpus',
			message: 'must be an integer'
		});
	});

	it('leaves out empty fields, lists and texts, and the parts of a step its action does not use', () => {
		const d = draftOf('itsossib');
		d.guests.push({ ...blankGuest('ITSOSSI5'), user: 'NEWGUEST' });
		d.script.push({
			...blankStep('ITSOSSI6'),
			at: '9s',
			action: 'ipl',
			member: 'ITSOSSI6',
			command: 'junk'
		});
		d.script.push({
			...blankStep(),
			at: '10s',
			action: 'fault',
			faultKind: 'link.sever',
			faultLink: 'ITSOSSI5-ITSOSSI6',
			faultMember: 'X'
		});
		const { json } = draftToJson(d);
		expect((json.guests as unknown[])[3]).toEqual({ user: 'NEWGUEST', on: 'ITSOSSI5' });
		expect((json.script as unknown[]).slice(1)).toEqual([
			{ at: '9s', ipl: 'ITSOSSI6' },
			{ at: '10s', fault: { kind: 'link.sever', link: 'ITSOSSI5-ITSOSSI6' } }
		]);
		expect('directory' in json).toBe(false);
		expect('params' in json).toBe(false);
		expect(validateScenario(json).ok).toBe(true);
	});

	it('reports a JSON box that is not JSON at its line and column, and leaves it out', () => {
		const d = draftOf('itsossib');
		d.cluster.members[1]!.devices = '[\n  { "rdev": "0600" },\n  { "rdev" "0601" }\n]';
		d.segments = '[';
		const { json, errors } = draftToJson(d);
		expect(errors).toEqual([
			{
				path: 'cluster.members[1].devices',
				line: 3,
				column: 12,
				message: expect.stringMatching(/^not valid JSON: /)
			},
			{ path: 'segments', line: 1, column: 2, message: expect.stringMatching(/^not valid JSON: /) }
		]);
		expect(errors[0]!.message).not.toMatch(/position/);
		expect('devices' in (json.cluster as { members: object[] }).members[1]!).toBe(false);
		expect('segments' in json).toBe(false);
	});

	it('gives blank members, links and guests that the validator asks to complete, not ones it accepts by accident', () => {
		const d = draftOf('itsossib');
		d.cluster.members.push(blankMember(2));
		d.cluster.links.push(blankLink('ITSOSSI5', ''));
		const r = validateScenario(draftToJson(d).json);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors.map((e) => e.path)).toContain('cluster.links[1].between[1]');
	});
});

describe('cleanJsonMessage', () => {
	it('drops the offsets JSON.parse adds, which the line and column replace', () => {
		expect(cleanJsonMessage('Unexpected token } in JSON at position 39 (line 3 column 16)')).toBe(
			'Unexpected token }'
		);
		expect(cleanJsonMessage("Expected ',' or '}' after property value in JSON at position 9")).toBe(
			"Expected ',' or '}' after property value"
		);
		expect(cleanJsonMessage('Unexpected end of JSON input')).toBe('Unexpected end of JSON input');
	});
});
