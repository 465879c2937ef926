/**
 * The data behind each chart of the lab, for its "CSV data" and "JSON data" exports: one table
 * (the rows its CSV holds, one per pass, phase or state) and the chart's figures beside it.
 * Pure: built from the same inputs the chart draws, when the reader asks for the file.
 *
 * The JSON file (`quiesce-chart`, version 1) has the keys `format`, `version`, `chart`, `title`,
 * `scenario`, `t` (the simulated ms shown when saved), `columns`, `rows` (one object per CSV
 * row, keyed by the columns) and `figures`; below the top level, keys are sorted
 * (json.ts `stableStringify`), so the same chart gives the same bytes.
 */
import type { ConvergenceFigures, ConvergenceInput } from '../viz/convergence';
import { closedForm, predictedPasses } from '../viz/convergence';
import type { LatencyStats, LatencyTrace } from '../viz/latency-trace';
import {
	PHASE_LANES,
	phaseSpans,
	quiesceSpan,
	relocationName,
	stopSpan,
	type TimelineRelocation
} from '../viz/quiesce-window';
import type { ActiveMarker, StateGraph } from '../viz/state-chart';
import { RELOCATION_COLUMNS, relocationCells, toCsv, type CsvCell } from './csv';
import { stableStringify } from './json';

export const CHART_EXPORT_FORMAT = 'quiesce-chart';
export const CHART_EXPORT_VERSION = 1;

/** A chart's data: one table, and the figures that go with it. */
export interface ChartData {
	/** Which chart: `convergence`, `quiesce-window`, `state-chart`. */
	chart: string;
	title: string;
	columns: readonly string[];
	rows: readonly (readonly CsvCell[])[];
	/** Plain JSON (Infinity and NaN are written as null). */
	figures: Record<string, unknown>;
}

/** The chart's table as CSV (RFC 4180, formulas guarded: csv.ts). */
export function chartCsv(data: ChartData): string {
	return toCsv(data.columns, data.rows);
}

/** What was shown when the file was saved. */
export interface ChartSubject {
	scenario: string | null;
	t: number | null;
}

/** The chart's data as the JSON file described in the module comment. */
export function chartJson(data: ChartData, subject: ChartSubject): string {
	const rows = data.rows.map((row) =>
		Object.fromEntries(data.columns.map((c, i) => [c, row[i] ?? null]))
	);
	const doc = {
		format: CHART_EXPORT_FORMAT,
		version: CHART_EXPORT_VERSION,
		chart: data.chart,
		title: data.title,
		scenario: subject.scenario,
		t: subject.t,
		columns: data.columns,
		rows,
		figures: data.figures
	};
	return stableStringify(doc, 2) + '\n';
}

/** Columns of {@link convergenceData}. */
export const CONVERGENCE_COLUMNS = [
	'pass',
	'pages',
	'startMs',
	'endMs',
	'durationMs',
	'quiesced',
	'dirtyAfterPass',
	'closedForm'
] as const;

const ms3 = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * The convergence chart's data: one row per pass (its pages, times, whether the guest was
 * quiesced, the pages still dirty after it, and the closed form's value where it predicts the
 * pass), and every figure of the chart's quiesce table.
 */
export function convergenceData(
	title: string,
	input: ConvergenceInput,
	f: ConvergenceFigures
): ChartData {
	const predicted = new Set(f.ratio ? predictedPasses(input.passes).map((p) => p.n) : []);
	return {
		chart: 'convergence',
		title,
		columns: CONVERGENCE_COLUMNS,
		rows: input.passes.map((p, i) => [
			p.n,
			p.pages,
			p.startMs,
			p.endMs,
			ms3(p.endMs - p.startMs),
			p.quiesced,
			f.dirtyAfter[i] ?? null,
			f.ratio && predicted.has(p.n) ? Math.round(closedForm(f.ratio, p.n)) : null
		]),
		figures: {
			passes: f.passes,
			precopyPasses: f.precopyPasses,
			quiescedPasses: f.quiescedPasses,
			pagesSent: f.pagesSent,
			bandwidthPagesPerMs: f.bandwidthPagesPerMs,
			bandwidthSource: f.bandwidthSource,
			targetQuiesceMs: f.targetQuiesceMs,
			thresholdPages: f.thresholdPages,
			thresholdSource: f.thresholdSource,
			withinThresholdAfterPass: f.withinThresholdAfterPass,
			remainingPages: f.remainingPages,
			remainingSource: f.remainingSource,
			guestStateMs: f.guestStateMs,
			projectedQuiesceMs: f.projectedQuiesceMs,
			projectedOverBudget: f.projectedOverBudget,
			quiescedMs: f.usedQuiesceMs,
			maxQuiesceMs: f.maxQuiesceMs,
			closedForm: f.ratio
		}
	};
}

/** Columns of {@link quiesceWindowData}. */
export const QUIESCE_WINDOW_COLUMNS = [
	...RELOCATION_COLUMNS,
	'phase',
	'startMs',
	'endMs',
	'durationMs',
	'guest',
	'inProgress'
] as const;

/** A latency table row of the quiesce window: a span of time and its requests. */
export interface LatencyRow {
	label: string;
	span: { startMs: number; endMs: number };
	stats: LatencyStats;
}

/**
 * The quiesce window's data: one row per phase a relocation spent time in (as its table lists
 * them), each relocation's quiesce against its MAXQUIESCE budget, and the traced guest's
 * request latency before, during and after its stop.
 */
export function quiesceWindowData(
	title: string,
	rels: readonly TimelineRelocation[],
	nowMs: number,
	latency: {
		rel: TimelineRelocation;
		trace: LatencyTrace;
		rows: readonly LatencyRow[];
	} | null
): ChartData {
	const rows: CsvCell[][] = [];
	for (const rel of rels) {
		for (const s of phaseSpans(rel, nowMs)) {
			const lane = PHASE_LANES.find((l) => l.phase === s.phase);
			rows.push([
				...relocationCells(rel),
				s.phase,
				s.startMs,
				s.endMs,
				ms3(s.endMs - s.startMs),
				lane?.quiesced ? 'quiesced' : 'running',
				s.open
			]);
		}
	}
	const span = (s: { startMs: number; endMs: number; open: boolean } | null) =>
		s ? { startMs: s.startMs, endMs: s.endMs, ms: ms3(s.endMs - s.startMs), open: s.open } : null;
	return {
		chart: 'quiesce-window',
		title,
		columns: QUIESCE_WINDOW_COLUMNS,
		rows,
		figures: {
			nowMs,
			relocations: rels.map((rel) => ({
				id: rel.id,
				name: relocationName(rel),
				outcome: rel.outcome,
				startedAt: rel.startedAt,
				endedAt: rel.endedAt,
				maxQuiesceMs: rel.maxQuiesceMs,
				quiesced: span(quiesceSpan(rel, nowMs)),
				stopped: span(stopSpan(rel, nowMs))
			})),
			latency: latency
				? {
						relocation: latency.rel.id,
						user: latency.rel.user,
						profile: latency.trace.profile,
						sampleEvery: latency.trace.sampleEvery,
						stall: latency.trace.stall,
						slowest: latency.trace.max,
						spans: latency.rows.map((r) => ({ label: r.label, ...r.span, ...r.stats }))
					}
				: null
		}
	};
}

/** Columns of {@link stateChartData}. */
export const STATE_CHART_COLUMNS = ['state', 'label', 'kind', 'current', 'who'] as const;

/**
 * A state chart's data: one row per state (its kind, whether it is current and who is in it),
 * and the transitions, with those possible now marked.
 */
export function stateChartData(
	title: string,
	graph: StateGraph,
	active: readonly ActiveMarker[]
): ChartData {
	const who = (state: string) =>
		active.flatMap((a) => (a.state === state && a.who !== undefined ? [a.who] : []));
	const current = new Set(active.map((a) => a.state));
	const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
	return {
		chart: 'state-chart',
		title,
		columns: STATE_CHART_COLUMNS,
		rows: graph.nodes.map((n) => [
			n.id,
			n.label,
			[n.initial ? 'initial' : '', n.final ? 'final' : '', n.transient ? 'transient' : '']
				.filter(Boolean)
				.join(' '),
			current.has(n.id),
			who(n.id).join(' ')
		]),
		figures: {
			machine: graph.id,
			initial: graph.initial,
			transitions: graph.edges.map((e) => ({
				from: e.from,
				fromLabel: label.get(e.from) ?? e.from,
				event: e.event,
				guard: e.guard ?? null,
				otherwise: e.otherwise ?? [],
				to: e.to,
				toLabel: label.get(e.to) ?? e.to,
				possibleNow: current.has(e.from)
			}))
		}
	};
}
