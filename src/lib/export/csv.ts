/**
 * CSV exports of a run: the relocations' memory passes and the event log, for spreadsheets.
 *
 * RFC 4180: a header row, CRLF after every record (the last included), and a field quoted with
 * `"` (inner quotes doubled) when it holds a comma, a quote, CR or LF.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`,
 * `+`, `-` or `@` (and some a tab or CR) as a formula, and command text or scenario names come
 * from whoever wrote the scenario or the link. Such text cells get a leading apostrophe, which
 * spreadsheets take as "this is text" (some hide it, some show it). Text that already starts
 * with apostrophes before such a character gets one more, so the guard can be undone exactly:
 * a program reading the file strips one leading `'` from any cell matching /^'+[=+\-@\t\r]/.
 * Only text is guarded: cells written from numbers, such as a negative time, stay numbers.
 */
import type { RelocationReport, RunReport } from '../core/report';
import type { LogEntry } from '../core/sim/events';
import { formatElapsed } from '../ui/format';
import { describeLogEntry } from '../ui/log-text';

/** One cell: text, a number, a flag, or empty (null or undefined). */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A byte-order mark to put before the text when saving, so Excel reads the file as UTF-8 (the
 * event log's text has arrows and ellipses). Not part of the CSV itself.
 */
export const CSV_BOM = '\uFEFF';

/** A formula start, behind any apostrophes (so that guarding stays reversible). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell as CSV: guarded against formulas (text only), then quoted if it must be. */
export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
	else text = String(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: the header, then the rows, each record ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	let out = header.map(csvCell).join(',') + '\r\n';
	for (const row of rows) out += row.map(csvCell).join(',') + '\r\n';
	return out;
}

/** The columns that name a relocation, first in every table of relocations ({@link relocationCells}). */
export const RELOCATION_COLUMNS = ['relocation', 'user', 'from', 'to', 'outcome'] as const;

/** Columns of {@link runToCsv}. */
export const PASS_COLUMNS = [
	...RELOCATION_COLUMNS,
	'pass',
	'pages',
	'startMs',
	'endMs',
	'quiesced'
] as const;

/**
 * The relocations of a run report (core/report.ts), one row per memory pass. A relocation
 * that sent no pass (refused by the eligibility check, or cancelled first) still gets one row,
 * with the pass columns empty, so every relocation of the run is in the file. `outcome` is
 * empty while the relocation is still in progress.
 */
export function runToCsv(report: Pick<RunReport, 'relocations'>): string {
	const rows: CsvCell[][] = [];
	for (const r of report.relocations) {
		const head = relocationCells(r);
		if (r.passes.length === 0) rows.push([...head, null, null, null, null, null]);
		for (const p of r.passes) rows.push([...head, p.n, p.pages, p.startMs, p.endMs, p.quiesced]);
	}
	return toCsv(PASS_COLUMNS, rows);
}

/** Columns of {@link phasesToCsv}. */
export const PHASE_COLUMNS = [...RELOCATION_COLUMNS, 'phase', 'startMs', 'endMs'] as const;

/**
 * The relocations of a run report, one row per phase: Eligibility from the MOVE, then each
 * phase entered (`phases`), until the next one begins. The last phase of a relocation still in
 * progress has no end (empty); an end state (Relocated, Cancelled, Terminated, Rejected) is an
 * instant, ending where it begins.
 */
export function phasesToCsv(report: Pick<RunReport, 'relocations'>): string {
	const rows: CsvCell[][] = [];
	for (const r of report.relocations) {
		const head = relocationCells(r);
		const entries = [{ phase: 'Eligibility', t: r.startMs }, ...r.phases];
		entries.forEach((e, i) => {
			const next = entries[i + 1];
			const end = next ? next.t : r.endMs === null ? null : e.t;
			rows.push([...head, e.phase, e.t, end]);
		});
	}
	return toCsv(PHASE_COLUMNS, rows);
}

/** A relocation's {@link RELOCATION_COLUMNS}: its id, user, source, destination and outcome. */
export function relocationCells(
	r: Pick<RelocationReport, 'id' | 'user' | 'from' | 'to' | 'outcome'>
): CsvCell[] {
	return [r.id, r.user, r.from, r.to, r.outcome];
}

/** Columns of {@link logToCsv}. */
export const LOG_COLUMNS = ['t', 'time', 'kind', 'member', 'text'] as const;

/**
 * The event log, one row per entry: simulated ms, the same time as the log view shows it
 * (`m:ss.mmm` since the start), the entry kind, the member it happened on or to (empty for
 * cluster-wide entries), and the log view's one-line text.
 */
export function logToCsv(log: readonly LogEntry[]): string {
	return toCsv(
		LOG_COLUMNS,
		log.map((e) => [e.t, formatElapsed(e.t), e.kind, logMember(e), describeLogEntry(e)])
	);
}

/** The member an entry is about, or null. A relocation's is its source member. */
export function logMember(e: LogEntry): string | null {
	switch (e.kind) {
		case 'member.state':
			return e.member;
		case 'member.view':
			return e.observer;
		case 'fault':
			return 'member' in e.fault ? e.fault.member : null;
		case 'command':
		case 'guest.logoff':
		case 'guest.device':
		case 'guest.console':
		case 'guest.workload':
			return e.on;
		case 'input.rejected': {
			const i = e.input;
			if (i.kind === 'command') return i.on;
			if (i.kind === 'fault') return 'member' in i.fault ? i.fault.member : null;
			if (i.kind === 'guest.workload') return i.on;
			if (i.kind === 'link.ctcs') return null;
			return i.member;
		}
		case 'relocation.start':
			return e.from;
		default:
			return null;
	}
}
