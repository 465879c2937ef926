import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomSource } from '../../helpers';
import { NO_ACCOUNTING, defaultGuestSpec, guestsOf } from '../../helpers';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, parseScenarioText, validateScenario } from '$lib/core/config/scenario';
import type { ScenarioError, ScenarioResult } from '$lib/core/config/scenario-types';
import { buildInitialState } from '$lib/core/model/build';
import { BUILTIN_IDS, builtinJson, loadBuiltin } from '$lib/core/scenarios/index';
import { Simulation } from '$lib/core/simulation';

type Json = Record<string, unknown>;
type Patch = (j: Json) => void;

/** The example scenario of README.md "Scenario files" (the shape). */
const EXAMPLE = `{
	"name": "two-member",
	"seed": 7,
	"start": "2011-11-11T11:10:30",
	"cluster": {
		"name": "ITSOSSIB",
		"pdr": { "volume": "SSIBC1", "rdev": "9D20" },
		"members": [
			{ "name": "ITSOSSI5", "slot": 1, "cec": "CEC1", "storage": "32G", "paging": "7G" },
			{ "name": "ITSOSSI6", "slot": 2, "cec": "CEC2", "storage": "32G", "paging": "14G" }
		],
		"links": [{ "between": ["ITSOSSI5", "ITSOSSI6"], "chpids": 2, "ctcs": 8 }],
		"domains": [{ "name": "DOMAINA", "members": ["ITSOSSI5"] }]
	},
	"guests": [{ "user": "LNXSU11", "on": "ITSOSSI5" }],
	"script": [
		{ "at": "5s", "on": "ITSOSSI5", "command": "Q SSI" },
		{ "at": "20s", "fault": { "kind": "member.abend", "member": "ITSOSSI6" } },
		{ "at": "45s", "ipl": "ITSOSSI6" }
	]
}`;

const G = 1024 ** 3;

/** A fresh copy of the example as a JSON object. */
function example(): Json {
	return JSON.parse(EXAMPLE) as Json;
}

/** Accessors into the loose JSON, for patches. */
const cluster = (j: Json) => j.cluster as Json;
const members = (j: Json) => cluster(j).members as Json[];
const links = (j: Json) => cluster(j).links as Json[];
const domains = (j: Json) => cluster(j).domains as Json[];
const guests = guestsOf;
const script = (j: Json) => j.script as Json[];

/** Validates the example after `patch`; returns the errors (fails if it validated). */
function errorsOf(patch: Patch): ScenarioError[] {
	const j = example();
	patch(j);
	const r = validateScenario(j);
	if (r.ok) throw new Error('expected the patched scenario to be refused');
	return r.errors;
}

/** Asserts that the patch gives exactly one error, at `path`, with a message matching `message`. */
function expectError(patch: Patch, path: string, message: string | RegExp): void {
	const errors = errorsOf(patch);
	expect(errors, JSON.stringify(errors)).toHaveLength(1);
	expect(errors[0]!.path).toBe(path);
	if (typeof message === 'string') expect(errors[0]!.message).toBe(message);
	else expect(errors[0]!.message).toMatch(message);
}

function okValue(r: ScenarioResult) {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
}

describe('built-in scenarios are ordinary scenario files', () => {
	it('every built-in scenario validates', () => {
		expect(BUILTIN_IDS.length).toBeGreaterThanOrEqual(5);
		for (const id of BUILTIN_IDS) {
			const r = loadBuiltin(id);
			expect(r.ok, `${id}: ${JSON.stringify(!r.ok && r.errors)}`).toBe(true);
			expect(okValue(r).name).toBe(id);
		}
	});

	it('every JSON file beside the index is a built-in, and each reads the same from text', () => {
		const dir = fileURLToPath(new URL('../../../../src/lib/core/scenarios/', import.meta.url));
		const files = readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.replace(/\.json$/, ''));
		expect([...BUILTIN_IDS].sort()).toEqual(files.sort());
		for (const id of BUILTIN_IDS) {
			const fromText = parseScenarioText(JSON.stringify(builtinJson(id), null, '\t'));
			expect(fromText).toEqual(loadBuiltin(id));
		}
	});

	it('an unknown built-in id is an error naming the built-ins', () => {
		const r = loadBuiltin('nosuch');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors[0]!.message).toBe(
			`no built-in scenario "nosuch" (built-in: ${BUILTIN_IDS.join(', ')})`
		);
	});
});

describe('the README example (the issue’s shape) validates, with defaults filled in', () => {
	it('reads names, sizes, links, domains, guests and the script', () => {
		const v = okValue(parseScenarioText(EXAMPLE));
		expect(v.name).toBe('two-member');
		expect(v.title).toBe('two-member');
		expect(v.seed).toBe(7);
		expect(v.startEpochMs).toBe(Date.UTC(2011, 10, 11, 11, 10, 30));
		expect(v.cluster.name).toBe('ITSOSSIB');
		expect(v.cluster.pdr).toEqual({ volume: 'SSIBC1', rdev: '9D20' });
		expect(v.cluster.crossSystemTimeouts).toBe(true);
		expect(v.cluster.members[0]).toEqual({
			name: 'ITSOSSI5',
			slot: 1,
			cec: 'CEC1',
			lpar: 'ITSOSSI5',
			storageBytes: 32 * G,
			pagingBytes: 7 * G,
			cpus: 4,
			cpuType: 'IFL',
			facilities: ['GIEF', 'EX-EXT'],
			initial: 'Joined',
			systemId: 'ITSOSSI5',
			storageInUseBytes: 0,
			pagingInUseBytes: 0,
			devices: [],
			cryptoApType: null,
			otherUsers: 0,
			pagingVolumes: []
		});
		expect(v.cluster.links).toEqual([
			{ between: ['ITSOSSI5', 'ITSOSSI6'], chpids: 2, ctcs: 8, firstRdev: '6000', devices: null }
		]);
		expect(v.cluster.domains).toEqual([{ name: 'DOMAINA', members: ['ITSOSSI5'] }]);
		expect(v.guests).toEqual([
			{ ...defaultGuestSpec('LNXSU11', 'ITSOSSI5'), accounting: NO_ACCOUNTING }
		]);
		expect(v.segments).toEqual([]);
		expect(v.script).toEqual([
			{ at: 5000, input: { kind: 'command', on: 'ITSOSSI5', text: 'Q SSI' } },
			{ at: 20000, input: { kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } } },
			{ at: 45000, input: { kind: 'ipl', member: 'ITSOSSI6' } }
		]);
		expect(v.params).toEqual({});
		expect(v.directory).toBeNull();
		expect(v.systemConfig).toBeNull();
	});

	it('names are not case-sensitive: they are read in upper case', () => {
		const v = okValue(
			validateScenario(
				(() => {
					const j = example();
					cluster(j).name = 'itsossib';
					members(j)[0]!.name = 'itsossi5';
					links(j)[0]!.between = ['itsossi5', 'Itsossi6'];
					guests(j)[0]!.on = 'itsossi5';
					script(j)[0]!.on = 'itsossi5';
					return j;
				})()
			)
		);
		expect(v.cluster.name).toBe('ITSOSSIB');
		expect(v.cluster.members[0]!.name).toBe('ITSOSSI5');
		expect(v.cluster.links[0]!.between).toEqual(['ITSOSSI5', 'ITSOSSI6']);
	});

	it('the example runs: a valid scenario builds a simulation', () => {
		const v = okValue(parseScenarioText(EXAMPLE));
		const sim = new Simulation(buildInitialState(v));
		sim.runUntil(60_000);
		expect(sim.state.console.some((c) => c.text === 'Q SSI')).toBe(true);
	});
});

describe('members: 1-4, each name and slot once (000 §2.1, §2.4)', () => {
	it('no members', () => {
		const errors = errorsOf((j) => (cluster(j).members = []));
		expect(errors[0]).toEqual({
			path: 'cluster.members',
			message: 'an SSI cluster has 1-4 members (000 §2.1); this one has 0'
		});
		// What named the missing members is reported too, each where it is.
		expect(errors.map((e) => e.path)).toContain('guests[0].on');
	});

	it('five members', () => {
		const errors = errorsOf((j) => {
			for (let i = 3; i <= 5; i++) {
				members(j).push({ name: `SYS${i}`, slot: i > 4 ? 1 : i, storage: '1G', paging: '1G' });
			}
		});
		expect(errors[0]).toEqual({
			path: 'cluster.members',
			message: 'an SSI cluster has 1-4 members (000 §2.1); this one has 5'
		});
	});

	it('one member is a valid cluster', () => {
		const j = example();
		members(j).pop();
		cluster(j).links = [];
		script(j).splice(1);
		expect(validateScenario(j).ok).toBe(true);
	});

	it('a member defined twice', () => {
		expectError(
			(j) => members(j).push({ name: 'itsossi5', slot: 3, storage: '1G', paging: '1G' }),
			'cluster.members[2].name',
			'member ITSOSSI5 is defined twice'
		);
	});

	it('a mistake in one member does not make the other sections lose it', () => {
		// ITSOSSI5 is referenced by a link, a domain, a guest and the script: one error only.
		expectError(
			(j) => (members(j)[0]!.cpus = 0),
			'cluster.members[0].cpus',
			'0 is out of range 1-64'
		);
	});

	it('a slot used twice', () => {
		expectError(
			(j) => (members(j)[1]!.slot = 1),
			'cluster.members[1].slot',
			'slot 1 is already used by ITSOSSI5'
		);
	});

	it('a slot outside 1-4', () => {
		expectError(
			(j) => (members(j)[1]!.slot = 5),
			'cluster.members[1].slot',
			'5 is out of range 1-4'
		);
	});

	it('a bad size such as 32Q', () => {
		expectError(
			(j) => (members(j)[0]!.storage = '32Q'),
			'cluster.members[0].storage',
			'"32Q" is not a z/VM size (use K, M, G or T)'
		);
	});

	it('a size without a unit', () => {
		expectError(
			(j) => (members(j)[1]!.paging = '7044'),
			'cluster.members[1].paging',
			/^"7044" has no unit/
		);
	});

	it('a missing size', () => {
		expectError((j) => delete members(j)[0]!.storage, 'cluster.members[0].storage', 'is required');
	});

	it('a member name longer than 8 characters', () => {
		const errors = errorsOf((j) => (members(j)[0]!.name = 'ITSOSSI55'));
		expect(errors[0]).toEqual({
			path: 'cluster.members[0].name',
			message: 'member name "ITSOSSI55" must be 1-8 letters, digits, @, # or $'
		});
	});

	it('a facility that 000 Figure 3-5 does not name', () => {
		expectError(
			(j) => (members(j)[0]!.facilities = ['GIEF', 'WARP']),
			'cluster.members[0].facilities[1]',
			/^unknown facility "WARP"/
		);
	});

	it('an initial state other than Joined or Down', () => {
		expectError(
			(j) => (members(j)[0]!.state = 'Suspended'),
			'cluster.members[0].state',
			'initial state must be "Joined" or "Down"'
		);
	});
});

describe('links: a logical link is 1-16 CTCs over 1-4 CHPIDs between two members (000 §2.3.1, 001)', () => {
	it('a link to a member that does not exist', () => {
		expectError(
			(j) => (links(j)[0]!.between = ['ITSOSSI5', 'ITSOSSI9']),
			'cluster.links[0].between[1]',
			'no member named ITSOSSI9'
		);
	});

	it('a link from a member to itself', () => {
		expectError(
			(j) => (links(j)[0]!.between = ['ITSOSSI5', 'itsossi5']),
			'cluster.links[0].between',
			'a link joins two different members, not ITSOSSI5 to itself'
		);
	});

	it('a link that does not name exactly two members', () => {
		expectError(
			(j) => (links(j)[0]!.between = ['ITSOSSI5']),
			'cluster.links[0].between',
			'must name exactly two members'
		);
	});

	it('the same link twice, in either order', () => {
		expectError(
			(j) => links(j).push({ between: ['ITSOSSI6', 'ITSOSSI5'] }),
			'cluster.links[1]',
			'the link between ITSOSSI6 and ITSOSSI5 is defined twice'
		);
	});

	it('fewer CTCs than CHPIDs', () => {
		expectError(
			(j) => Object.assign(links(j)[0]!, { chpids: 4, ctcs: 2 }),
			'cluster.links[0].ctcs',
			'2 CTC devices cannot spread over 4 CHPIDs'
		);
	});

	it('5 CHPIDs', () => {
		expectError(
			(j) => (links(j)[0]!.chpids = 5),
			'cluster.links[0].chpids',
			'5 is out of range 1-4'
		);
	});

	it('17 CTCs, and 0', () => {
		expectError(
			(j) => (links(j)[0]!.ctcs = 17),
			'cluster.links[0].ctcs',
			'17 is out of range 1-16'
		);
		expectError((j) => (links(j)[0]!.ctcs = 0), 'cluster.links[0].ctcs', '0 is out of range 1-16');
	});

	it('a bad first device number', () => {
		expectError(
			(j) => (links(j)[0]!.firstRdev = '6000X'),
			'cluster.links[0].firstRdev',
			'"6000X" is not a device number (1-4 hex digits)'
		);
	});

	it('explicit devices: read and grouped, CHPIDs counted', () => {
		const j = example();
		links(j)[0] = {
			between: ['ITSOSSI5', 'ITSOSSI6'],
			devices: [
				{ chpid: '4a', a: '4a60', b: '5a50' },
				{ chpid: '5A', a: '5A60', b: '4A50' },
				{ chpid: '4A', a: '61', b: '62' }
			]
		};
		const v = okValue(validateScenario(j));
		expect(v.cluster.links[0]).toMatchObject({
			chpids: 2,
			ctcs: 3,
			devices: [
				{ chpid: '4A', a: '4A60', b: '5A50' },
				{ chpid: '5A', a: '5A60', b: '4A50' },
				{ chpid: '4A', a: '0061', b: '0062' }
			]
		});
	});

	it('a device with a bad CHPID', () => {
		expectError(
			(j) =>
				(links(j)[0] = {
					between: ['ITSOSSI5', 'ITSOSSI6'],
					devices: [{ chpid: '4G', a: '4A60', b: '5A50' }]
				}),
			'cluster.links[0].devices[0].chpid',
			'"4G" is not a CHPID (two hex digits)'
		);
	});

	it('a device with a bad device number', () => {
		expectError(
			(j) =>
				(links(j)[0] = {
					between: ['ITSOSSI5', 'ITSOSSI6'],
					devices: [{ chpid: '4A', a: '4A60', b: 'GGGG' }]
				}),
			'cluster.links[0].devices[0].b',
			'"GGGG" is not a device number (1-4 hex digits)'
		);
	});

	it('no devices, or more than 16', () => {
		expectError(
			(j) => (links(j)[0] = { between: ['ITSOSSI5', 'ITSOSSI6'], devices: [] }),
			'cluster.links[0].devices',
			'a logical link is 1-16 CTC devices (000 §2.3.1); this one has 0'
		);
		const many = Array.from({ length: 17 }, (_, i) => ({
			chpid: '40',
			a: `${6000 + i}`,
			b: `${6000 + i}`
		}));
		expectError(
			(j) => (links(j)[0] = { between: ['ITSOSSI5', 'ITSOSSI6'], devices: many }),
			'cluster.links[0].devices',
			'a logical link is 1-16 CTC devices (000 §2.3.1); this one has 17'
		);
	});

	it('devices on 5 CHPIDs', () => {
		const devices = ['40', '41', '42', '43', '44'].map((chpid, i) => ({
			chpid,
			a: `600${i}`,
			b: `600${i}`
		}));
		expectError(
			(j) => (links(j)[0] = { between: ['ITSOSSI5', 'ITSOSSI6'], devices }),
			'cluster.links[0].devices',
			'a logical link uses at most 4 CHPIDs (001); these devices use 5'
		);
	});

	it('both devices and chpids/ctcs', () => {
		expectError(
			(j) => (links(j)[0]!.devices = [{ chpid: '4A', a: '4A60', b: '5A50' }]),
			'cluster.links[0]',
			'give either devices or chpids and ctcs, not both'
		);
	});
});

describe('relocation domains: CP defines SSI and one per member itself (000 §3.5.1)', () => {
	it('a domain named SSI', () => {
		expectError(
			(j) => (domains(j)[0]!.name = 'ssi'),
			'cluster.domains[0].name',
			'SSI is a domain CP defines itself (000 §3.5.1)'
		);
	});

	it('a domain named after a member', () => {
		expectError(
			(j) => (domains(j)[0]!.name = 'ITSOSSI6'),
			'cluster.domains[0].name',
			'ITSOSSI6 is a domain CP defines itself (000 §3.5.1)'
		);
	});

	it('a domain with a member that does not exist', () => {
		expectError(
			(j) => (domains(j)[0]!.members = ['ITSOSSI5', 'ITSOSSI9']),
			'cluster.domains[0].members[1]',
			'no member named ITSOSSI9'
		);
	});

	it('a domain without members', () => {
		expectError(
			(j) => (domains(j)[0]!.members = []),
			'cluster.domains[0].members',
			'a domain needs at least one member'
		);
	});

	it('a domain defined twice', () => {
		expectError(
			(j) => domains(j).push({ name: 'domaina', members: ['ITSOSSI6'] }),
			'cluster.domains[1].name',
			'domain DOMAINA is defined twice'
		);
	});
});

describe('guests: single logon enforcement (001 "Reliability and Integrity of Shared Data and Resources")', () => {
	it('a guest on a member that does not exist', () => {
		expectError((j) => (guests(j)[0]!.on = 'ITSOSSI9'), 'guests[0].on', 'no member named ITSOSSI9');
	});

	it('a USER (single-configuration) guest listed on two members', () => {
		expectError(
			(j) => guests(j).push({ user: 'lnxsu11', on: 'ITSOSSI6' }),
			'guests[1].user',
			'LNXSU11 is a single-configuration user and is already logged on to ITSOSSI5'
		);
	});

	it('a USER listed twice on the same member', () => {
		expectError(
			(j) => guests(j).push({ user: 'LNXSU11', on: 'ITSOSSI5' }),
			'guests[1].user',
			'LNXSU11 is a single-configuration user and is already logged on to ITSOSSI5'
		);
	});

	it('an IDENTITY (multiconfiguration) on two members is allowed', () => {
		const j = example();
		guests(j).push(
			{ user: 'TCPIP', on: 'ITSOSSI5', kind: 'IDENTITY' },
			{ user: 'TCPIP', on: 'ITSOSSI6', kind: 'IDENTITY' }
		);
		const v = okValue(validateScenario(j));
		expect(v.guests.filter((g) => g.user === 'TCPIP').map((g) => g.on)).toEqual([
			'ITSOSSI5',
			'ITSOSSI6'
		]);
	});

	it('an IDENTITY twice on the same member', () => {
		expectError(
			(j) =>
				guests(j).push(
					{ user: 'TCPIP', on: 'ITSOSSI5', kind: 'IDENTITY' },
					{ user: 'TCPIP', on: 'ITSOSSI5', kind: 'IDENTITY' }
				),
			'guests[2].user',
			'TCPIP is already logged on to ITSOSSI5'
		);
	});

	it('one user ID listed both as USER and as IDENTITY', () => {
		expectError(
			(j) => guests(j).push({ user: 'LNXSU11', on: 'ITSOSSI6', kind: 'IDENTITY' }),
			'guests[1].kind',
			'LNXSU11 is listed as USER and as IDENTITY: a user ID has one directory entry'
		);
		expectError(
			(j) =>
				guests(j).push(
					{ user: 'TCPIP', on: 'ITSOSSI5', kind: 'IDENTITY' },
					{ user: 'TCPIP', on: 'ITSOSSI6', kind: 'USER' }
				),
			'guests[2].kind',
			'TCPIP is listed as IDENTITY and as USER: a user ID has one directory entry'
		);
	});

	it('a bad status or kind', () => {
		expectError(
			(j) => (guests(j)[0]!.status = 'busy'),
			'guests[0].status',
			'must be "disconnected" or "logged-on"'
		);
		expectError(
			(j) => (guests(j)[0]!.kind = 'SUBCONFIG'),
			'guests[0].kind',
			'must be "USER" or "IDENTITY"'
		);
	});
});

describe('script steps', () => {
	it('a step with no action', () => {
		expectError(
			(j) => (script(j)[0] = { at: '5s', on: 'ITSOSSI5' }),
			'script[0]',
			'each script step needs exactly one of command, fault, ipl or shutdown (found none)'
		);
	});

	it('a step with two actions', () => {
		expectError(
			(j) => (script(j)[0]!.ipl = 'ITSOSSI6'),
			'script[0]',
			'each script step needs exactly one of command, fault, ipl or shutdown (found command, ipl)'
		);
	});

	it('an unknown fault kind', () => {
		expectError(
			(j) => ((script(j)[1]!.fault as Json).kind = 'member.explode'),
			'script[1].fault.kind',
			/^unknown fault kind "member\.explode" \(expected one of: member\.abend, /
		);
	});

	it('a fault on a member that does not exist', () => {
		expectError(
			(j) => ((script(j)[1]!.fault as Json).member = 'ITSOSSI9'),
			'script[1].fault.member',
			'no member named ITSOSSI9'
		);
	});

	it('a fault on a link that does not exist', () => {
		expectError(
			(j) => (script(j)[1]!.fault = { kind: 'link.sever', link: 'ITSOSSI5-ITSOSSI9' }),
			'script[1].fault.link',
			'no ISFC link named ITSOSSI5-ITSOSSI9 (links: ITSOSSI5-ITSOSSI6)'
		);
	});

	it('link faults name the link as the two members in alphabetical order', () => {
		const j = example();
		script(j)[1]!.fault = { kind: 'chpid.fail', link: 'itsossi5-itsossi6', chpid: '40' };
		const v = okValue(validateScenario(j));
		expect(v.script[1]!.input).toEqual({
			kind: 'fault',
			fault: { kind: 'chpid.fail', link: 'ITSOSSI5-ITSOSSI6', chpid: '40' }
		});
	});

	it('a bad duration', () => {
		expectError((j) => (script(j)[0]!.at = '5'), 'script[0].at', /^"5" has no unit/);
		expectError((j) => (script(j)[0]!.at = 'soon'), 'script[0].at', /^"soon" is not a duration/);
		expectError((j) => delete script(j)[0]!.at, 'script[0].at', 'is required');
		expectError((j) => (script(j)[0]!.at = -5), 'script[0].at', 'must not be negative');
	});

	it('a duration may be milliseconds as a number', () => {
		const j = example();
		script(j)[0]!.at = 1500;
		expect(okValue(validateScenario(j)).script[0]!.at).toBe(1500);
	});

	it('a command on a member that does not exist, or without a member', () => {
		expectError((j) => (script(j)[0]!.on = 'ITSOSSI9'), 'script[0].on', 'no member named ITSOSSI9');
		expectError((j) => delete script(j)[0]!.on, 'script[0].on', 'is required');
	});
});

describe('the file as a whole', () => {
	it('an unknown top-level field', () => {
		expectError(
			(j) => (j.colour = 'blue'),
			'colour',
			/^unknown field "colour" \(expected one of: \$schema, name, /
		);
	});

	it('an unknown nested field names its full path', () => {
		expectError(
			(j) => (members(j)[1]!.memory = '4G'),
			'cluster.members[1].memory',
			/^unknown field "memory"/
		);
	});

	it('a missing name or cluster', () => {
		expectError((j) => delete j.name, 'name', 'is required');
		expect(errorsOf((j) => delete j.cluster)[0]).toEqual({
			path: 'cluster',
			message: 'is required'
		});
	});

	it('bad seed, start, PDR device, params', () => {
		expectError((j) => (j.seed = 1.5), 'seed', 'must be an integer');
		expectError((j) => (j.seed = -1), 'seed', '-1 is out of range 0-4294967295');
		expectError(
			(j) => (j.start = '11/11/11 11:10:30'),
			'start',
			'"11/11/11 11:10:30" is not a time of the form YYYY-MM-DDTHH:MM:SS'
		);
		expectError(
			(j) => ((cluster(j).pdr as Json).rdev = '9D200'),
			'cluster.pdr.rdev',
			'"9D200" is not a device number (1-4 hex digits)'
		);
		expectError((j) => (j.params = { warp: '1s' }), 'params.warp', /^unknown field "warp"/);
		expectError(
			(j) => (j.params = { heartbeatMs: '0ms' }),
			'params.heartbeatMs',
			'must be more than 0'
		);
	});

	it('reports every problem at once, each at its own path', () => {
		const errors = errorsOf((j) => {
			members(j)[0]!.storage = '32Q';
			links(j)[0]!.chpids = 5;
			guests(j)[0]!.on = 'NOWHERE';
		});
		expect(errors.map((e) => e.path)).toEqual([
			'cluster.members[0].storage',
			'cluster.links[0].chpids',
			'guests[0].on'
		]);
	});

	it('a root that is not an object', () => {
		for (const root of [[], 'scenario', 42, null, true]) {
			const r = validateScenario(root);
			expect(r).toEqual({ ok: false, errors: [{ path: '', message: 'must be an object' }] });
		}
		expect(parseScenarioText('[1, 2]')).toEqual({
			ok: false,
			errors: [{ path: '', message: 'must be an object' }]
		});
	});
});

describe('JSON syntax errors carry line and column', () => {
	/** The single error of a text that is not JSON. */
	function syntaxError(text: string): ScenarioError {
		const r = parseScenarioText(text);
		if (r.ok || r.errors.length !== 1) throw new Error(JSON.stringify(r));
		const e = r.errors[0]!;
		expect(e.path).toBe('');
		expect(e.message).toMatch(/^not valid JSON: /);
		return e;
	}

	it('an unexpected token on line 3', () => {
		const e = syntaxError('{\n\t"name": "x",\n\t"seed": ,\n\t"cluster": {}\n}');
		expect([e.line, e.column]).toEqual([3, 10]);
	});

	it('a missing comma between two members', () => {
		const text = EXAMPLE.replace('"paging": "7G" },', '"paging": "7G" }');
		const e = syntaxError(text);
		const lines = text.split('\n');
		const at = lines.findIndex((l) => l.includes('"ITSOSSI6", "slot": 2'));
		expect(e.line).toBe(at + 1);
		expect(e.column).toBe(lines[at]!.indexOf('{') + 1);
	});

	it('a trailing comma', () => {
		const e = syntaxError('{\n  "name": "x",\n}');
		expect([e.line, e.column]).toEqual([3, 1]);
	});

	it('a text that ends early points at its end', () => {
		const e = syntaxError('{\n  "name": "x",\n  "cluster": {');
		expect([e.line, e.column]).toEqual([3, 15]);
	});

	it('an empty text', () => {
		const e = syntaxError('');
		expect([e.line, e.column]).toEqual([1, 1]);
	});

	it('text after the JSON value', () => {
		const e = syntaxError('{}\n{}');
		expect([e.line, e.column]).toEqual([2, 1]);
	});

	it('a bad escape and a control character in a string', () => {
		expect(syntaxError('{"name": "a\\qb"}').column).toBe(13);
		const e = syntaxError('{\n"name": "a\tb"}');
		expect([e.line, e.column]).toEqual([2, 11]);
	});

	it('single quotes and comments are not JSON', () => {
		expect(syntaxError("{'name': 'x'}").column).toBe(2);
		expect(syntaxError('// scenario\n{}').column).toBe(1);
	});

	it('a misspelt literal points at the first wrong letter', () => {
		// The line break after `tru` is where `true` went wrong: line 2, just after `tru`.
		const e = syntaxError('{\n  "crossSystemTimeouts": tru\n}');
		expect([e.line, e.column]).toEqual([2, 29]);
		expect(syntaxError('{"a": nul}').column).toBe(10);
		expect(syntaxError('{"a": fals').column).toBe(11);
	});

	it('where the JSON engine names a position, the fallback scanner finds the same one', () => {
		const r = rng(2011);
		const alphabet = '{}[]",:0123456789.-+eE truefalsnul\\\n\t"aZu';
		let compared = 0;
		for (let i = 0; i < 20_000; i++) {
			let t = '';
			for (let k = Math.floor(r() * 20); k > 0; k--)
				t += alphabet[Math.floor(r() * alphabet.length)];
			let message = '';
			try {
				JSON.parse(t);
				continue;
			} catch (e) {
				message = (e as Error).message;
			}
			const pos = /position (\d+)/.exec(message);
			if (!pos) continue;
			compared++;
			expect(jsonErrorOffset(t), `${JSON.stringify(t)}: ${message}`).toBe(Number(pos[1]));
		}
		expect(compared).toBeGreaterThan(1000);
	});
});

const rng = randomSource;

const KEYS = [
	'name',
	'seed',
	'start',
	'cluster',
	'members',
	'links',
	'domains',
	'guests',
	'script',
	'params',
	'slot',
	'storage',
	'paging',
	'between',
	'chpids',
	'ctcs',
	'devices',
	'chpid',
	'a',
	'b',
	'user',
	'on',
	'kind',
	'at',
	'command',
	'fault',
	'ipl',
	'shutdown',
	'member',
	'link',
	'ctc',
	'pdr',
	'rdev',
	'volume',
	'state',
	'facilities',
	'systemId',
	'status',
	'heartbeatMs',
	'__proto__',
	'constructor'
];
const STRINGS = [
	'ITSOSSI5',
	'ITSOSSI6',
	'itsossi5',
	'SSI',
	'32G',
	'32Q',
	'5s',
	'-1s',
	'',
	'member.abend',
	'link.sever',
	'ctc.fail',
	'ITSOSSI5-ITSOSSI6',
	'4A',
	'Joined',
	'Down',
	'IDENTITY',
	'USER',
	'2011-11-11T11:10:30',
	'x'.repeat(40),
	'\u0000',
	'💥'
];

function randomValue(r: () => number, depth: number): unknown {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
	const k = r();
	if (depth <= 0 || k < 0.3) {
		return pick<unknown>([
			null,
			true,
			false,
			0,
			-1,
			1.5,
			5,
			17,
			1e308,
			pick(STRINGS),
			Math.floor(r() * 10)
		]);
	}
	if (k < 0.55) return Array.from({ length: Math.floor(r() * 6) }, () => randomValue(r, depth - 1));
	const o: Record<string, unknown> = {};
	for (let i = Math.floor(r() * 7); i > 0; i--) o[pick(KEYS)] = randomValue(r, depth - 1);
	return o;
}

function mutate(r: () => number, text: string): string {
	let t = text;
	const edits = 1 + Math.floor(r() * 6);
	const junk = ['{', '}', '[', ']', ',', ':', '"', '\\', '-', '0', 'e', ' ', '\n', 'null', '1e999'];
	for (let i = 0; i < edits; i++) {
		const at = Math.floor(r() * (t.length + 1));
		const op = r();
		if (op < 0.35) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 8));
		else if (op < 0.7) t = t.slice(0, at) + junk[Math.floor(r() * junk.length)] + t.slice(at);
		else if (op < 0.85) t = t.slice(0, at);
		else {
			// Swap a value for another in the text (keeps it JSON more often than not).
			const s = STRINGS[Math.floor(r() * STRINGS.length)]!;
			t = t.replace(/"[A-Za-z0-9.-]+"/, JSON.stringify(s));
		}
	}
	return t;
}

/** Every answer must be a well-formed result: errors with string paths and messages. */
function checkResult(res: ScenarioResult): void {
	if (res.ok) {
		expect(typeof res.value.name).toBe('string');
		return;
	}
	expect(res.errors.length).toBeGreaterThan(0);
	for (const e of res.errors) {
		expect(typeof e.path).toBe('string');
		expect(typeof e.message).toBe('string');
		expect(e.message.length).toBeGreaterThan(0);
		if (e.line !== undefined) {
			expect(e.line).toBeGreaterThanOrEqual(1);
			expect(e.column).toBeGreaterThanOrEqual(1);
		}
	}
}

describe('parseScenarioText never throws (deterministic fuzz)', () => {
	const seeds = [EXAMPLE, ...BUILTIN_IDS.map((id) => JSON.stringify(builtinJson(id), null, 2))];

	it('on mutated scenario files', () => {
		const r = rng(20111111);
		let valid = 0;
		for (let i = 0; i < 2000; i++) {
			const text = mutate(r, seeds[i % seeds.length]!);
			let res: ScenarioResult | undefined;
			expect(() => (res = parseScenarioText(text)), text).not.toThrow();
			checkResult(res!);
			if (res!.ok) valid++;
		}
		// The mutations must also exercise the validator, not only the JSON parser.
		expect(valid).toBeGreaterThan(0);
	});

	it('on random JSON values shaped like scenarios', () => {
		const r = rng(530);
		for (let i = 0; i < 1500; i++) {
			const value = randomValue(r, 5);
			const base = example();
			// Graft the random value somewhere in a valid scenario half of the time.
			const text =
				i % 2 === 0
					? JSON.stringify(value)
					: JSON.stringify({ ...base, [KEYS[i % KEYS.length]!]: value });
			let res: ScenarioResult | undefined;
			expect(() => (res = parseScenarioText(text)), text).not.toThrow();
			checkResult(res!);
		}
	});

	it('on random characters, deep nesting and huge inputs', () => {
		const r = rng(7);
		const alphabet = '{}[]",:0123456789.-+eE truefalsnul\\\n\t"aZ';
		for (let i = 0; i < 2000; i++) {
			const n = Math.floor(r() * 80);
			let t = '';
			for (let k = 0; k < n; k++) t += alphabet[Math.floor(r() * alphabet.length)];
			expect(() => checkResult(parseScenarioText(t)), t).not.toThrow();
		}
		for (const t of ['['.repeat(100_000), '{"a":'.repeat(50_000), '"' + 'x'.repeat(1_000_000)]) {
			expect(() => checkResult(parseScenarioText(t))).not.toThrow();
		}
	});

	it('a scenario the validator accepts can be built and run', () => {
		const r = rng(99);
		let built = 0;
		for (let i = 0; i < 800; i++) {
			const res = parseScenarioText(mutate(r, seeds[i % seeds.length]!));
			if (!res.ok) continue;
			built++;
			expect(() => {
				const sim = new Simulation(buildInitialState(res.value));
				sim.runUntil(60_000);
			}, JSON.stringify(res.value)).not.toThrow();
		}
		expect(built).toBeGreaterThan(0);
	});
});
