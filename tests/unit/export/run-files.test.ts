// "Download run data": the whole run as the worker reports it, as the JSON run export (read
// back by readRunExport) and as CSV files of the passes, the phases and the event log.
import { describe, expect, it } from 'vitest';
import { runReport } from '$lib/core/report';
import { CSV_BOM, LOG_COLUMNS, PASS_COLUMNS, PHASE_COLUMNS, phasesToCsv } from '$lib/export/csv';
import { readRunExport } from '$lib/export/json-read';
import { runFileText } from '$lib/export/run-files';
import type { ReportOk } from '$lib/worker/protocol';
import { builtin } from '../helpers';
import { parseCsv } from './read-csv';

// 001's transcripts: a relocation relocated, one cancelled, one relocated again.
const report = runReport(builtin('gdl'));
const reply: ReportOk = {
	id: 1,
	type: 'ok',
	of: 'report',
	seed: report.seed,
	t: report.untilMs,
	inputs: [],
	report
};
const csv = (text: string) => {
	expect(text.startsWith(CSV_BOM)).toBe(true);
	return parseCsv(text.slice(CSV_BOM.length));
};

describe('the run data files', () => {
	it('JSON: the run export, which reads back', () => {
		const text = runFileText('json', { builtin: 'gdl' }, reply);
		const json = JSON.parse(text) as Record<string, unknown>;
		expect(Object.keys(json)).toEqual([
			'format',
			'version',
			'scenario',
			'seed',
			'inputs',
			'report'
		]);
		const back = readRunExport(text);
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		expect(back.value.report.relocations.map((r) => r.phases.length)).toEqual(
			report.relocations.map((r) => r.phases.length)
		);
	});

	it('passes CSV: one row per pass', () => {
		const rows = csv(runFileText('passes', { builtin: 'gdl' }, reply));
		expect(rows[0]).toEqual([...PASS_COLUMNS]);
		const passes = report.relocations.reduce((n, r) => n + Math.max(1, r.passes.length), 0);
		expect(rows.slice(1)).toHaveLength(passes);
	});

	it('log CSV: one row per log entry', () => {
		const rows = csv(runFileText('log', { builtin: 'gdl' }, reply));
		expect(rows[0]).toEqual([...LOG_COLUMNS]);
		expect(rows.slice(1)).toHaveLength(report.log.length);
	});

	it('phases CSV: Eligibility from the MOVE, then each phase until the next, ends as instants', () => {
		const rows = csv(runFileText('phases', { builtin: 'gdl' }, reply));
		expect(rows[0]).toEqual([...PHASE_COLUMNS]);
		const first = rows.filter((r) => r[0] === '1');
		const r1 = report.relocations[0]!;
		expect(first.map((r) => r[5])).toEqual(['Eligibility', ...r1.phases.map((p) => p.phase)]);
		expect(first[0]!.slice(6)).toEqual([String(r1.startMs), String(r1.phases[0]!.t)]);
		for (let i = 1; i < first.length - 1; i++) expect(first[i]![7]).toBe(first[i + 1]![6]);
		// Relocated: an instant at the end.
		expect(first.at(-1)!.slice(5)).toEqual(['Relocated', String(r1.endMs), String(r1.endMs)]);
		expect(rows.filter((r) => r[0] === '2').at(-1)![5]).toBe('Cancelled');
	});

	it('phases CSV: the phase a relocation is still in has no end', () => {
		const text = phasesToCsv({
			relocations: [
				{
					...report.relocations[0]!,
					outcome: null,
					endMs: null,
					phases: report.relocations[0]!.phases.slice(0, 2)
				}
			]
		});
		expect(parseCsv(text).at(-1)!.slice(5)).toEqual([
			'MovingMemory',
			String(report.relocations[0]!.phases[1]!.t),
			''
		]);
	});
});
