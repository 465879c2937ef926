/**
 * Scenario fields the console commands read: a member's `otherUsers` and `pagingVolumes`, a
 * device's `vdev` and `chpid`, a guest's `accounting`; and that the JSON schema names every
 * field the validator accepts.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/core/config/scenario';
import schema from '$lib/core/config/scenario.schema.json';
import type { ScenarioError } from '$lib/core/config/scenario-types';

type Json = Record<string, unknown>;

const K = 1024;

function base(): Json {
	return {
		name: 'console',
		cluster: {
			name: 'ITSOSSIB',
			members: [
				{ name: 'ITSOSSI5', storage: '20G', paging: '7211520K' },
				{ name: 'ITSOSSI6', storage: '20G', paging: '7211520K' }
			],
			links: [{ between: ['ITSOSSI5', 'ITSOSSI6'] }]
		},
		guests: [{ user: 'LNXSU12', on: 'ITSOSSI5' }]
	};
}

const member = (j: Json, i: number) => ((j.cluster as Json).members as Json[])[i]!;

function value(patch: (j: Json) => void) {
	const j = base();
	patch(j);
	const r = validateScenario(j);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

function errors(patch: (j: Json) => void): ScenarioError[] {
	const j = base();
	patch(j);
	const r = validateScenario(j);
	if (r.ok) throw new Error('expected the patched scenario to be refused');
	return r.errors;
}

function expectError(patch: (j: Json) => void, path: string, message: string | RegExp): void {
	const e = errors(patch);
	expect(e, JSON.stringify(e)).toHaveLength(1);
	expect(e[0]!.path).toBe(path);
	if (typeof message === 'string') expect(e[0]!.message).toBe(message);
	else expect(e[0]!.message).toMatch(message);
}

/** The keys an `unknown field` error lists for an object at `path`. */
function acceptedKeys(patch: (j: Json, bad: Json) => void): string[] {
	const e = errors((j) => patch(j, { colour: 'red' }));
	const m = /expected one of: (.*)\)$/.exec(e.find((x) => /colour/.test(x.path))!.message);
	return m![1]!.split(', ');
}

describe('member: otherUsers', () => {
	it('defaults to 0; a whole number 0-99999', () => {
		expect(value(() => {}).cluster.members[0]!.otherUsers).toBe(0);
		expect(value((j) => (member(j, 0).otherUsers = 18)).cluster.members[0]!.otherUsers).toBe(18);
		expectError(
			(j) => (member(j, 0).otherUsers = -1),
			'cluster.members[0].otherUsers',
			'-1 is out of range 0-99999'
		);
		expectError(
			(j) => (member(j, 0).otherUsers = 1.5),
			'cluster.members[0].otherUsers',
			'must be an integer'
		);
	});
});

describe('member: pagingVolumes (000 Example A-23, A-25)', () => {
	const volumes = [
		{ volser: 'ssi6p1', rdev: '9e2f', extent: '1-10016', inUse: 2, highPage: 15 },
		{ volser: 'SSI6P2', rdev: '9C21', extent: '1-10016', attached: false }
	];

	it('read, upper-cased; paging and paging in use are the attached volumes’ (paging may be left out)', () => {
		const v = value((j) => {
			delete member(j, 1).paging;
			member(j, 1).pagingVolumes = volumes;
		});
		const m = v.cluster.members[1]!;
		expect(m.pagingVolumes).toEqual([
			{
				volser: 'SSI6P1',
				rdev: '9E2F',
				firstCylinder: 1,
				lastCylinder: 10016,
				inUsePages: 2,
				highPage: 15,
				attached: true
			},
			{
				volser: 'SSI6P2',
				rdev: '9C21',
				firstCylinder: 1,
				lastCylinder: 10016,
				inUsePages: 0,
				highPage: 0,
				attached: false
			}
		]);
		// 10016 cylinders × 180 pages × 4K (000 A.1.8: 7211520K).
		expect(m.pagingBytes).toBe(7_211_520 * K);
		expect(m.pagingInUseBytes).toBe(8 * K);
	});

	it('given paging and pagingInUse must agree with the volumes', () => {
		expect(
			value((j) => Object.assign(member(j, 1), { pagingVolumes: volumes, pagingInUse: '8K' }))
				.cluster.members[1]!.pagingBytes
		).toBe(7_211_520 * K);
		expectError(
			(j) => Object.assign(member(j, 1), { paging: '7G', pagingVolumes: volumes }),
			'cluster.members[1].paging',
			'7G differs from the 7211520K of the attached paging volumes (leave it out to use theirs)'
		);
		expectError(
			(j) => Object.assign(member(j, 1), { pagingVolumes: volumes, pagingInUse: '4K' }),
			'cluster.members[1].pagingInUse',
			'4K differs from the 8K in use on the attached paging volumes (leave it out to use theirs)'
		);
		expectError((j) => delete member(j, 1).paging, 'cluster.members[1].paging', 'is required');
	});

	it('bad volumes are named with their path', () => {
		const vol = (v: Json) => (j: Json) => (member(j, 0).pagingVolumes = [v]);
		const ok = { volser: 'SSI5P1', rdev: '9D24', extent: '1-10016' };
		expectError(
			vol({ ...ok, volser: 'TOOLONG7' }),
			'cluster.members[0].pagingVolumes[0].volser',
			'"TOOLONG7" must be 1-6 letters, digits, @, #, $ or -'
		);
		expectError(
			vol({ ...ok, rdev: 'XYZ' }),
			'cluster.members[0].pagingVolumes[0].rdev',
			'"XYZ" is not a device number (1-4 hex digits)'
		);
		expectError(
			vol({ ...ok, extent: '1-end' }),
			'cluster.members[0].pagingVolumes[0].extent',
			'"1-end" is not a cylinder range such as 1-10016'
		);
		expectError(
			vol({ ...ok, extent: '0-10016' }),
			'cluster.members[0].pagingVolumes[0].extent',
			/^"0-10016" must run from cylinder 1 or later/
		);
		expectError(
			vol({ ...ok, extent: '10-5' }),
			'cluster.members[0].pagingVolumes[0].extent',
			/must run from cylinder 1 or later/
		);
		expectError(
			vol({ ...ok, extent: '1-1', inUse: 181 }),
			'cluster.members[0].pagingVolumes[0].inUse',
			'181 is out of range 0-180'
		);
		expectError(
			vol({ ...ok, inUse: 5, highPage: 4 }),
			'cluster.members[0].pagingVolumes[0].highPage',
			/^4 is out of range 5-/
		);
		expectError(
			vol({ ...ok, size: 3 }),
			'cluster.members[0].pagingVolumes[0].size',
			/^unknown field "size"/
		);
	});

	it('a paging volume is not also a listed device; devices and labels are not used twice', () => {
		const v = { volser: 'SSI5P1', rdev: '9D24', extent: '1-10016' };
		expectError(
			(j) => Object.assign(member(j, 0), { pagingVolumes: [v], devices: [{ rdev: '9D20-9D2F' }] }),
			'cluster.members[0].pagingVolumes[0].rdev',
			'9D24 is a paging volume: do not list it in devices too'
		);
		expectError(
			(j) => (member(j, 0).pagingVolumes = [v, { ...v, volser: 'SSI5P2' }]),
			'cluster.members[0].pagingVolumes[1].rdev',
			'9D24 holds two paging volumes'
		);
		expectError(
			(j) => (member(j, 0).pagingVolumes = [v, { ...v, rdev: '9D25' }]),
			'cluster.members[0].pagingVolumes[1].volser',
			'volume SSI5P1 is listed twice'
		);
	});
});

describe('device: vdev and chpid (000 Example A-11)', () => {
	const dev = (d: Json) => (j: Json) => (member(j, 0).devices = [d]);

	it('read: vdev of the first device, padded; chpid upper-cased', () => {
		const v = value(dev({ rdev: '2123-2125', attached: 'dtcvsw1', vdev: '600', chpid: '0c' }));
		expect(v.cluster.members[0]!.devices[0]).toMatchObject({
			first: '2123',
			last: '2125',
			owner: 'DTCVSW1',
			vdev: '0600',
			chpid: '0C'
		});
		expect(value(dev({ rdev: '2120' })).cluster.members[0]!.devices[0]).toMatchObject({
			vdev: null,
			chpid: null
		});
	});

	it('bad values, a vdev without a user, and virtual devices past FFFF', () => {
		expectError(
			dev({ rdev: '2120', chpid: 'OC' }),
			'cluster.members[0].devices[0].chpid',
			'"OC" is not a CHPID (two hex digits)'
		);
		expectError(
			dev({ rdev: '2120', attached: 'TCPIP', vdev: 'G000' }),
			'cluster.members[0].devices[0].vdev',
			'"G000" is not a device number (1-4 hex digits)'
		);
		expectError(
			dev({ rdev: '2120', vdev: '0600' }),
			'cluster.members[0].devices[0].vdev',
			'a virtual device number needs a user the device is attached to'
		);
		expectError(
			dev({ rdev: '2120-2122', attached: 'TCPIP', vdev: 'FFFE' }),
			'cluster.members[0].devices[0].vdev',
			'virtual devices from FFFE for 2120-2122 would pass FFFF'
		);
	});
});

describe('guest: accounting (000 Example A-10)', () => {
	it('defaults to 0; durations', () => {
		expect(value(() => {}).guests[0]!.accounting).toEqual({
			loggedOnForMs: 0,
			virtualCpuMs: 0,
			totalCpuMs: 0
		});
		const v = value(
			(j) =>
				((j.guests as Json[])[0]!.accounting = {
					loggedOnFor: '100h',
					virtualCpu: '0.85s',
					totalCpu: '2.85s'
				})
		);
		expect(v.guests[0]!.accounting).toEqual({
			loggedOnForMs: 360_000_000,
			virtualCpuMs: 850,
			totalCpuMs: 2850
		});
	});

	it('bad values', () => {
		const acc = (a: unknown) => (j: Json) => ((j.guests as Json[])[0]!.accounting = a);
		expectError(acc({ totalCpu: 'soon' }), 'guests[0].accounting.totalCpu', /.+/);
		expectError(
			acc({ virtualCpu: '3s', totalCpu: '2s' }),
			'guests[0].accounting.virtualCpu',
			'virtual CPU time is part of the total CPU time: it cannot be more'
		);
		expectError(acc({ idle: '1s' }), 'guests[0].accounting.idle', /^unknown field "idle"/);
		expectError(acc('1h'), 'guests[0].accounting', 'must be an object');
	});
});

describe('the JSON schema names every field the validator accepts', () => {
	type Def = { properties: Record<string, unknown> };
	const defs = (schema as unknown as { $defs: Record<string, Def> }).$defs;
	const props = (name: string) => Object.keys(defs[name]!.properties).sort();

	it('member, device, paging volume, guest', () => {
		expect(acceptedKeys((j, bad) => Object.assign(member(j, 0), bad)).sort()).toEqual(
			props('member')
		);
		expect(
			acceptedKeys((j, bad) => (member(j, 0).devices = [{ rdev: '1', ...bad }])).sort()
		).toEqual(props('device'));
		expect(
			acceptedKeys(
				(j, bad) =>
					(member(j, 0).pagingVolumes = [{ volser: 'A', rdev: '1', extent: '1-2', ...bad }])
			).sort()
		).toEqual(props('pagingVolume'));
		expect(acceptedKeys((j, bad) => Object.assign((j.guests as Json[])[0]!, bad)).sort()).toEqual(
			props('guest')
		);
	});
});
