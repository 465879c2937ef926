// Scenario files in and out: every way a file can be wrong gets its own reason and, where there
// is one, its place (line and column, JSON path); an exported scenario is stable text that
// imports back to the same draft and the same bytes.
import { describe, expect, it } from 'vitest';
import { BUILTIN_IDS, builtinJson } from '$lib/core/scenarios/index';
import { draftFromJson, draftToJson } from '$lib/state/scenario-draft';
import {
	SCENARIO_FILE_LIMIT,
	checkFileFacts,
	errorLines,
	orderBySchema,
	readScenarioBytes,
	readScenarioText,
	scenarioFileName,
	scenarioFileText,
	type ImportResult
} from '$lib/state/scenario-file';
import type { ScenarioJson } from '$lib/state/url-state';

const builtin = (id: string) => builtinJson(id) as ScenarioJson;
const facts = { name: 'x.json', type: 'application/json', size: 0 };
const utf8 = (s: string) => new TextEncoder().encode(s);

function refused(r: ImportResult) {
	if (r.ok) throw new Error('the file was accepted');
	return r;
}

describe('reading a scenario file', () => {
	it('accepts every built-in, written out or as it is', () => {
		for (const id of BUILTIN_IDS) {
			const r = readScenarioText(JSON.stringify(builtin(id)));
			expect(r.ok, id).toBe(true);
			expect(readScenarioBytes(facts, utf8(scenarioFileText(builtin(id)))).ok, id).toBe(true);
		}
	});

	it('refuses a file over the limit before reading it, saying how large it is', () => {
		expect(SCENARIO_FILE_LIMIT).toBe(256 * 1024);
		expect(checkFileFacts({ ...facts, size: 300 * 1024 })).toBe(
			'it is 300 KiB; a scenario file may be at most 256 KiB'
		);
		expect(checkFileFacts({ ...facts, size: SCENARIO_FILE_LIMIT })).toBeNull();
		// The bytes count too, whatever the browser said of the size.
		const big = new Uint8Array(SCENARIO_FILE_LIMIT + 1).fill(32);
		expect(refused(readScenarioBytes(facts, big)).problem).toBe(
			'it is 262145 bytes; a scenario file may be at most 256 KiB'
		);
		expect(checkFileFacts({ ...facts, size: 300 * 1024 + 100 })).toMatch(/^it is 300\.1 KiB;/);
	});

	it('refuses a file of another type, naming the type', () => {
		expect(checkFileFacts({ ...facts, type: 'image/png' })).toBe(
			'it is an image (image/png), not a scenario file (JSON text)'
		);
		expect(checkFileFacts({ ...facts, type: 'application/pdf' })).toBe(
			'it is application/pdf, not a scenario file (JSON text)'
		);
		for (const type of ['', 'application/json', 'text/plain; charset=utf-8', 'application/ld+json'])
			expect(checkFileFacts({ ...facts, type }), type).toBeNull();
	});

	it('refuses bytes that are not text', () => {
		expect(
			refused(readScenarioBytes(facts, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).problem
		).toBe('it is not text (not UTF-8): a scenario file is JSON text');
		expect(refused(readScenarioBytes(facts, utf8('{"name":\u0000}'))).problem).toMatch(
			/^it is not text \(it holds NUL bytes\)/
		);
		expect(refused(readScenarioText('  \n ')).problem).toBe('the file is empty');
	});

	it('gives a JSON syntax error its line and column', () => {
		const r = refused(readScenarioText('{\n  "name": "x",\n  "cluster": { "name": "A",, }\n}'));
		expect(r.problem).toBe('it is not valid JSON');
		expect(r.errors).toEqual([
			{
				where: 'line 3, column 28',
				line: 3,
				column: 28,
				message: expect.stringMatching(/^not valid JSON: /)
			}
		]);
		expect(r.errors[0]!.message).not.toMatch(/position/);
		// Cut short: the error is at the end.
		const cut = refused(readScenarioText('{\n  "name": "x",\n  "cluster": {'));
		expect(cut.errors[0]).toMatchObject({ line: 3, column: 15 });
	});

	it('refuses JSON no scenario has: keys that reach a prototype, nesting too deep', () => {
		const proto = refused(
			readScenarioText('{\n  "name": "x",\n  "cluster": { "__proto__": {} }\n}')
		);
		expect(proto.problem).toBe('it holds JSON that no scenario has');
		expect(proto.errors).toEqual([
			{
				where: 'cluster.__proto__ (line 3, column 16)',
				path: 'cluster.__proto__',
				line: 3,
				column: 16,
				message: 'the key "__proto__" is not allowed'
			}
		]);
		const deep = refused(
			readScenarioText(`{"name":"x","guests":${'['.repeat(70)}${']'.repeat(70)}}`)
		);
		expect(deep.errors[0]!.message).toBe('nested more than 64 levels deep');
		expect(deep.errors[0]!.where).toMatch(/^guests(\[0\])+ \(line 1, column \d+\)$/);
	});

	it('refuses JSON that is not one object, and a run export, saying what they are', () => {
		expect(refused(readScenarioText('[1, 2]')).problem).toBe(
			'a scenario file holds one JSON object ({ "name": …, "cluster": … }); this one holds a list'
		);
		expect(refused(readScenarioText('"itsossib"')).problem).toMatch(/this one holds a string$/);
		expect(refused(readScenarioText('null')).problem).toMatch(/this one holds null$/);
		expect(
			refused(readScenarioText('{ "format": "quiesce-run", "version": 1, "scenario": {} }')).problem
		).toMatch(/^it is a run export \(format "quiesce-run"\), not a scenario file/);
	});

	it("gives each of the validator's errors its JSON path and its line and column in the file", () => {
		const text = JSON.stringify(
			{
				name: 'wrong',
				cluster: { name: 'A', members: [{ name: 'M1', storage: '4Q', paging: '1G' }] },
				guests: [{ user: 'LINUX1', on: 'M9', colour: 'red' }]
			},
			null,
			2
		);
		const r = refused(readScenarioText(text));
		expect(r.problem).toBe('the scenario has 3 errors');
		expect(errorLines(r.errors)).toEqual([
			'cluster.members[0].storage (line 8, column 9): "4Q" is not a z/VM size (use K, M, G or T)',
			'guests[0].colour (line 17, column 7): unknown field "colour" (expected one of: user, on, status, kind, resident, workload, logicalDevices, segments, iucv, vmcf, overhead, accounting)',
			'guests[0].on (line 16, column 7): no member named M9'
		]);
		// A required field left out points at the object that lacks it.
		const missing = refused(
			readScenarioText('{\n  "name": "x",\n  "cluster": {\n    "name": "A"\n  }\n}')
		);
		expect(missing.errors[0]).toMatchObject({
			where: 'cluster.members (line 3, column 3)',
			message: 'must be an array'
		});
	});

	it('gives an error in the USER DIRECT or SYSTEM CONFIG text its line in that text', () => {
		const json = { ...builtin('a16-domains') };
		json.directory = String(json.directory).replace('4G 4G G', '4X 4G G');
		const r = refused(readScenarioText(JSON.stringify(json)));
		expect(r.errors).toEqual([
			{
				where: 'directory (line 3, column 23 of the USER DIRECT text)',
				path: 'directory',
				line: 3,
				column: 23,
				message: 'storage "4X" is not a z/VM size (use K, M, G or T)'
			}
		]);
	});

	it('lists at most 20 errors and counts the rest', () => {
		const many = Array.from({ length: 25 }, (_, i) => ({ where: `e${i}`, message: 'bad' }));
		const lines = errorLines(many);
		expect(lines).toHaveLength(21);
		expect(lines.at(-1)).toBe('and 5 more');
	});
});

describe('writing a scenario file', () => {
	it('orders keys as the schema lists them, unknown ones sorted after', () => {
		const json = {
			cluster: { members: [{ storage: '1G', name: 'A', zeta: 1, alpha: 2 }], name: 'C' },
			title: 'T',
			name: 'n'
		};
		expect(JSON.stringify(orderBySchema(json))).toBe(
			'{"name":"n","title":"T","cluster":{"name":"C","members":[{"name":"A","storage":"1G","alpha":2,"zeta":1}]}}'
		);
	});

	it('writes tabs, short lists on one line and a final newline, like the built-in files', () => {
		const text = scenarioFileText(builtin('itsossib'));
		expect(text.startsWith('{\n\t"name": "itsossib",\n\t"title": ')).toBe(true);
		expect(text).toContain('\t\t\t\t"facilities": ["GIEF", "EX-EXT"]\n');
		expect(text).toContain('"between": ["ITSOSSI5", "ITSOSSI6"]');
		expect(text.endsWith('}\n')).toBe(true);
		expect(JSON.parse(text)).toEqual(builtin('itsossib'));
	});

	it.each(BUILTIN_IDS)(
		'%s: export → import → export gives the same bytes and the same draft',
		(id) => {
			const draft = draftFromJson(builtin(id));
			const text = scenarioFileText(draftToJson(draft).json);
			const r = readScenarioText(text);
			if (!r.ok) throw new Error(JSON.stringify(r.errors));
			const again = draftFromJson(r.json);
			expect(again).toEqual(draft);
			expect(scenarioFileText(draftToJson(again).json)).toBe(text);
		}
	);

	it('names the file after the scenario, safely', () => {
		expect(scenarioFileName('itsossib')).toBe('itsossib.json');
		expect(scenarioFileName(' my scenario/../x ')).toBe('my-scenario-..-x.json');
		expect(scenarioFileName('..')).toBe('scenario.json');
		expect(scenarioFileName('')).toBe('scenario.json');
	});
});
