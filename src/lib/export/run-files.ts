/**
 * The files of "Download run data", from a run the worker reported (protocol.ts `ReportOk`):
 * the run export as JSON (json.ts), and the memory passes, the phases and the event log as CSV
 * (csv.ts), each with the byte-order mark that makes spreadsheets read UTF-8. Pure; the lab
 * loads it when a file is asked for.
 */
import type { ScenarioRef } from '../state/url-state';
import type { ReportOk } from '../worker/protocol';
import { CSV_BOM, logToCsv, phasesToCsv, runToCsv } from './csv';
import { runExportJson } from './json';

/** The run data files, by id. */
export type RunFile = 'json' | 'passes' | 'phases' | 'log';

/** The text of run data file `file`. */
export function runFileText(file: RunFile, scenario: ScenarioRef, r: ReportOk): string {
	switch (file) {
		case 'json':
			return runExportJson({ scenario, seed: r.seed, inputs: r.inputs, report: r.report });
		case 'passes':
			return CSV_BOM + runToCsv(r.report);
		case 'phases':
			return CSV_BOM + phasesToCsv(r.report);
		case 'log':
			return CSV_BOM + logToCsv(r.report.log);
	}
}
