// The charts' data exports: one CSV row per pass, phase or state, escaped and guarded as
// csv.ts does; the JSON file's keys, in their order, with rows keyed by the columns; and the
// file names that say what and when.
import { describe, expect, it } from 'vitest';
import { memberMachine } from '$lib/core/machines/member.machine';
import {
	CHART_EXPORT_FORMAT,
	chartCsv,
	chartJson,
	CONVERGENCE_COLUMNS,
	convergenceData,
	QUIESCE_WINDOW_COLUMNS,
	quiesceWindowData,
	STATE_CHART_COLUMNS,
	stateChartData,
	type ChartData
} from '$lib/export/chart-data';
import { exportFileName, fileNamePart, fileTime } from '$lib/export/file-name';
import { convergenceFigures, type ConvergenceInput } from '$lib/viz/convergence';
import type { TimelineRelocation } from '$lib/viz/quiesce-window';
import { machineGraph } from '$lib/core/machines/graph';
import { convergenceInput, report } from '../../fixtures/convergence-run';
import { parseCsv } from './read-csv';

const input: ConvergenceInput = convergenceInput;

describe('the convergence chart’s data', () => {
	const f = convergenceFigures(input);
	const data = convergenceData('Convergence of LNX, "A" → B', input, f);

	it('is one CSV row per pass, under the header', () => {
		const rows = parseCsv(chartCsv(data));
		expect(rows[0]).toEqual([...CONVERGENCE_COLUMNS]);
		expect(rows.slice(1)).toHaveLength(report.passes.length);
		const p1 = report.passes[0]!;
		expect(rows[1]!.slice(0, 7)).toEqual([
			'1',
			String(p1.pages),
			String(p1.startMs),
			String(p1.endMs),
			String(Math.round((p1.endMs - p1.startMs) * 1000) / 1000),
			'false',
			String(report.passes[1]!.pages)
		]);
		// The closed form predicts pass 1 as the resident set exactly.
		expect(rows[1]![7]).toBe(String(p1.pages));
		// The final pass leaves nothing dirty; the closed form does not predict it.
		expect(rows.at(-1)!.slice(5)).toEqual(['true', '0', '']);
	});

	it('is a JSON file with its keys in order, rows keyed by the columns, and the figures', () => {
		const json = JSON.parse(chartJson(data, { scenario: 'itsossia', t: 42_000 })) as Record<
			string,
			unknown
		>;
		expect(Object.keys(json)).toEqual([
			'format',
			'version',
			'chart',
			'title',
			'scenario',
			't',
			'columns',
			'rows',
			'figures'
		]);
		expect(json).toMatchObject({
			format: CHART_EXPORT_FORMAT,
			version: 1,
			chart: 'convergence',
			title: 'Convergence of LNX, "A" → B',
			scenario: 'itsossia',
			t: 42_000
		});
		const rows = json.rows as Record<string, unknown>[];
		expect(rows).toHaveLength(report.passes.length);
		expect(rows[0]).toMatchObject({ pass: 1, pages: report.passes[0]!.pages, quiesced: false });
		expect(Object.keys(rows[0]!).sort()).toEqual([...CONVERGENCE_COLUMNS].sort());
		expect(json.figures).toMatchObject({
			passes: report.passes.length,
			maxQuiesceMs: 10_000,
			targetQuiesceMs: 250,
			thresholdSource: 'policy'
		});
	});
});

describe('CSV escaping and formula guards in chart data', () => {
	const data: ChartData = {
		chart: 'test',
		title: 't',
		columns: ['text', 'n'],
		rows: [
			['a, "quoted" name', 1],
			['=HYPERLINK("x")', -2],
			['two\nlines', null]
		],
		figures: {}
	};

	it('quotes commas, quotes and line breaks, and guards formulas, leaving numbers alone', () => {
		expect(chartCsv(data)).toBe(
			'text,n\r\n"a, ""quoted"" name",1\r\n"\'=HYPERLINK(""x"")",-2\r\n"two\nlines",\r\n'
		);
		expect(parseCsv(chartCsv(data))).toEqual([
			['text', 'n'],
			['a, "quoted" name', '1'],
			['\'=HYPERLINK("x")', '-2'],
			['two\nlines', '']
		]);
	});

	it('writes missing cells and non-finite figures as null in JSON', () => {
		const json = JSON.parse(
			chartJson({ ...data, figures: { big: Infinity, none: NaN } }, { scenario: null, t: null })
		) as { rows: Record<string, unknown>[]; figures: Record<string, unknown> };
		expect(json.rows[2]).toEqual({ n: null, text: 'two\nlines' });
		expect(json.figures).toEqual({ big: null, none: null });
	});
});

describe('the quiesce window’s data', () => {
	const rel: TimelineRelocation = {
		id: 1,
		user: 'LNX1',
		from: 'SSI1',
		to: 'SSI2',
		startedAt: 1_000,
		endedAt: 5_300,
		outcome: 'relocated',
		phases: [
			{ phase: 'CreatingSkeleton', t: 1_000 },
			{ phase: 'MovingMemory', t: 1_100 },
			{ phase: 'MovingGuest', t: 5_000 },
			{ phase: 'FinalMemCopy', t: 5_150 },
			{ phase: 'Resuming', t: 5_200 },
			{ phase: 'CleaningUp', t: 5_250 },
			{ phase: 'Relocated', t: 5_300 }
		],
		maxQuiesceMs: 10_000
	};
	const running: TimelineRelocation = {
		...rel,
		id: 2,
		user: 'LNX2',
		startedAt: 6_000,
		endedAt: null,
		outcome: null,
		phases: [
			{ phase: 'CreatingSkeleton', t: 6_000 },
			{ phase: 'MovingMemory', t: 6_100 }
		]
	};

	it('is one row per phase a relocation spent time in, an open one marked in progress', () => {
		const data = quiesceWindowData('Quiesce window', [rel, running], 7_000, null);
		const rows = parseCsv(chartCsv(data));
		expect(rows[0]).toEqual([...QUIESCE_WINDOW_COLUMNS]);
		// Eligibility and six phases for the first; Eligibility, Creating skeleton and Moving
		// Memory (open) for the second.
		expect(rows.slice(1).map((r) => [r[0], r[5], r[9], r[10]])).toEqual([
			['1', 'Eligibility', 'running', 'false'],
			['1', 'CreatingSkeleton', 'running', 'false'],
			['1', 'MovingMemory', 'running', 'false'],
			['1', 'MovingGuest', 'quiesced', 'false'],
			['1', 'FinalMemCopy', 'quiesced', 'false'],
			['1', 'Resuming', 'running', 'false'],
			['1', 'CleaningUp', 'running', 'false'],
			['2', 'Eligibility', 'running', 'false'],
			['2', 'CreatingSkeleton', 'running', 'false'],
			['2', 'MovingMemory', 'running', 'true']
		]);
		expect(rows.at(-1)!.slice(6, 9)).toEqual(['6100', '7000', '900']);
		const figures = JSON.parse(chartJson(data, { scenario: 's', t: 7_000 })).figures;
		expect(figures.relocations[0]).toMatchObject({
			id: 1,
			outcome: 'relocated',
			quiesced: { startMs: 5_000, endMs: 5_200, ms: 200, open: false },
			stopped: { startMs: 5_000, endMs: 5_250, ms: 250, open: false }
		});
		expect(figures.relocations[1]).toMatchObject({ quiesced: null, stopped: null });
		expect(figures.latency).toBeNull();
	});
});

describe('a state chart’s data', () => {
	it('is one row per state, current ones marked with who is in them, and the transitions', () => {
		const graph = machineGraph(memberMachine);
		const data = stateChartData('Member states', graph, [
			{ state: 'Joined', who: 'SSI1' },
			{ state: 'Joined', who: 'SSI2' },
			{ state: 'Down', who: 'SSI3' }
		]);
		const rows = parseCsv(chartCsv(data));
		expect(rows[0]).toEqual([...STATE_CHART_COLUMNS]);
		expect(rows.slice(1)).toHaveLength(graph.nodes.length);
		expect(rows.find((r) => r[0] === 'Joined')!.slice(3)).toEqual(['true', 'SSI1 SSI2']);
		expect(rows.find((r) => r[0] === 'Down')!.slice(2)).toEqual(['initial', 'true', 'SSI3']);
		expect(rows.find((r) => r[0] === 'Leaving')!.slice(3)).toEqual(['false', '']);
		const figures = JSON.parse(chartJson(data, { scenario: null, t: null })).figures;
		expect(figures.machine).toBe('member');
		expect(figures.transitions).toHaveLength(graph.edges.length);
		for (const t of figures.transitions as { from: string; possibleNow: boolean }[]) {
			expect(t.possibleNow).toBe(t.from === 'Joined' || t.from === 'Down');
		}
	});
});

describe('export file names', () => {
	it('say the scenario, what and the simulated time, sortable by time', () => {
		expect(fileTime(0)).toBe('0h00m00.000s');
		expect(fileTime(102_310)).toBe('0h01m42.310s');
		expect(fileTime(3_723_004.9)).toBe('1h02m03.004s');
		expect(
			exportFileName({
				scenario: 'itsossia',
				what: 'convergence-1-ITSOLNX1',
				simMs: 102_310,
				ext: 'svg'
			})
		).toBe('quiesce-itsossia-convergence-1-ITSOLNX1-t0h01m42.310s.svg');
		expect(
			exportFileName({ scenario: null, what: 'quiesce-window', simMs: null, ext: 'PNG' })
		).toBe('quiesce-quiesce-window.png');
	});

	it('hold only safe characters, whatever the scenario is called', () => {
		expect(fileNamePart('../../etc/passwd')).toBe('etc-passwd');
		expect(fileNamePart('Mein Szenario: Ä/ö "x"')).toBe('Mein-Szenario-A-o-x');
		const name = exportFileName({
			scenario: 'a/b\\c:d*e?f"g<h>i|j',
			what: 'run log',
			simMs: 1,
			ext: 'csv'
		});
		expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
		expect(name).toBe('quiesce-a-b-c-d-e-f-g-h-i-j-run-log-t0h00m00.001s.csv');
	});
});
