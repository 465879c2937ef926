import { describe, expect, it } from 'vitest';
import { runReport } from '$lib/core/report';
import { builtinJson } from '$lib/core/scenarios/index';
import type { TimedInput } from '$lib/core/sim/events';
import {
	RUN_EXPORT_FORMAT,
	runExport,
	runExportJson,
	stableStringify,
	type RunParts
} from '$lib/export/json';
import { readRunExport } from '$lib/export/json-read';
import type { ScenarioJson } from '$lib/state/url-state';
import { builtin, randomSource } from '../helpers';

const inputs: TimedInput[] = [
	{
		at: 5_000,
		input: { kind: 'command', on: 'ITSOSSI5', text: 'vmrelocate status', user: 'MAINT620' }
	},
	{
		at: 6_000.5,
		input: { kind: 'fault', fault: { kind: 'link.sever', link: 'ITSOSSI5-ITSOSSI6' } }
	}
];

function parts(): RunParts {
	return {
		scenario: { builtin: 'a17-maxquiesce' },
		seed: 1,
		inputs,
		report: runReport(builtin('a17-maxquiesce'))
	};
}

describe('runExportJson', () => {
	it('is valid JSON that parses back to the export object', () => {
		const text = runExportJson(parts());
		expect(JSON.parse(text)).toEqual(runExport(parts()));
		expect(text.endsWith('}\n')).toBe(true);
	});

	it('writes the format fields first, in the documented order', () => {
		const text = runExportJson(parts());
		expect(Object.keys(JSON.parse(text))).toEqual([
			'format',
			'version',
			'scenario',
			'seed',
			'inputs',
			'report'
		]);
		expect(text.startsWith('{\n  "format": "quiesce-run",\n  "version": 1,\n')).toBe(true);
	});

	it('gives the same bytes however the objects were built (nested keys sorted)', () => {
		const a = parts();
		const b = parts();
		// The same data with every nested object's keys in reverse order.
		const reversed = (v: unknown): unknown =>
			Array.isArray(v)
				? v.map(reversed)
				: typeof v === 'object' && v !== null
					? Object.fromEntries(
							Object.keys(v)
								.reverse()
								.map((k) => [k, reversed((v as Record<string, unknown>)[k])])
						)
					: v;
		b.report = reversed(b.report) as typeof b.report;
		b.inputs = reversed(b.inputs) as TimedInput[];
		expect(JSON.stringify(b.report)).not.toBe(JSON.stringify(a.report));
		expect(runExportJson(b)).toBe(runExportJson(a));
		const passes = JSON.parse(runExportJson(a)).report.relocations[0].passes[0];
		expect(Object.keys(passes)).toEqual(['endMs', 'n', 'pages', 'quiesced', 'startMs']);
	});

	it('writes one line with indent 0', () => {
		expect(runExportJson(parts(), 0)).not.toContain('\n');
	});

	it('keeps an inline scenario whole', () => {
		const json = builtinJson('a17-maxquiesce') as ScenarioJson;
		const p = { ...parts(), scenario: { inline: json } };
		expect(JSON.parse(runExportJson(p)).scenario.inline).toEqual(json);
	});
});

describe('stableStringify', () => {
	it('sorts nested keys and keeps the outermost order', () => {
		expect(stableStringify({ z: 1, a: { y: [{ b: 1, a: 2 }], x: null } })).toBe(
			'{"z":1,"a":{"x":null,"y":[{"a":2,"b":1}]}}'
		);
	});
});

describe('readRunExport', () => {
	it('reads an export back to the same value', () => {
		const p = parts();
		const r = readRunExport(runExportJson(p));
		expect(r).toEqual({ ok: true, value: runExport(p) });
	});

	it('reads an export with an inline scenario', () => {
		const p = { ...parts(), scenario: { inline: builtinJson('a17-maxquiesce') as ScenarioJson } };
		expect(readRunExport(runExportJson(p)).ok).toBe(true);
	});

	const good = () => JSON.parse(runExportJson(parts())) as Record<string, unknown>;
	const cases: [string, () => string, string][] = [
		['not JSON', () => '{"format": ', 'file: not valid JSON'],
		['not an object', () => '[1]', 'file: a run export is a JSON object'],
		[
			'another format',
			() => JSON.stringify({ ...good(), format: 'csv' }),
			'format: "csv" is not "quiesce-run"'
		],
		[
			'a later version',
			() => JSON.stringify({ ...good(), version: 2 }),
			'version: 2 is not supported'
		],
		['an unknown field', () => JSON.stringify({ ...good(), extra: 1 }), 'extra: unknown field'],
		[
			'an unknown built-in',
			() => JSON.stringify({ ...good(), scenario: { builtin: 'nope' } }),
			'scenario.builtin: no built-in scenario "nope"'
		],
		[
			'a scenario of two kinds',
			() => JSON.stringify({ ...good(), scenario: { builtin: 'gdl', inline: {} } }),
			'scenario: must be { "builtin": id } or { "inline": scenario JSON }'
		],
		[
			'an invalid inline scenario',
			() => JSON.stringify({ ...good(), scenario: { inline: { name: 'x' } } }),
			'scenario.inline.cluster: is required'
		],
		[
			'a bad seed',
			() => JSON.stringify({ ...good(), seed: -1 }),
			'seed: must be an integer 0-4294967295 (got -1)'
		],
		[
			'a bad input',
			() => JSON.stringify({ ...good(), inputs: [{ at: 1, input: { kind: 'x' } }] }),
			'inputs[0].input.kind: unknown input kind "x"'
		],
		[
			'an input after the run',
			() =>
				JSON.stringify({ ...good(), inputs: [{ at: 1e9, input: { kind: 'ipl', member: 'A' } }] }),
			'is after t'
		],
		['no report', () => JSON.stringify({ ...good(), report: null }), 'report: must be an object'],
		[
			'a report without a log',
			() => JSON.stringify({ ...good(), report: { relocations: [], untilMs: 5 } }),
			'report.log: must be a list'
		],
		[
			'a __proto__ key',
			() => runExportJson(parts()).replace('"format"', '"__proto__": {"x": 1}, "format"'),
			'file: the key "__proto__" is not allowed'
		]
	];
	it.each(cases)('refuses %s', (_name, make, expected) => {
		const r = readRunExport(make());
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors.join('\n')).toContain(expected);
	});

	it('never throws (fuzz: truncations and byte flips of a good export)', () => {
		const text = runExportJson(parts(), 0);
		const rand = randomSource(77);
		for (let i = 0; i < 300; i++) {
			const cut = text.slice(0, Math.floor(rand() * text.length));
			const at = Math.floor(rand() * text.length);
			const flipped =
				text.slice(0, at) + String.fromCharCode(32 + Math.floor(rand() * 95)) + text.slice(at + 1);
			for (const t of [cut, flipped]) {
				const r = readRunExport(t);
				expect(r.ok || r.errors.length > 0).toBe(true);
			}
		}
		expect(readRunExport(42 as unknown as string)).toEqual({
			ok: false,
			errors: ['a run export must be text']
		});
	});

	it('names its format', () => {
		expect(RUN_EXPORT_FORMAT).toBe('quiesce-run');
	});
});
