/**
 * The JSON export of a run: what to replay (scenario, seed, inputs, in the same form as a link,
 * state/url-state.ts) and what came of it (the run report of core/report.ts).
 *
 * Stable output: the top-level keys always come in the order of {@link RunExport}, and every
 * object below them is written with its keys sorted (UTF-16 code-unit order, as
 * `Array.prototype.sort` gives), so the same run gives the same bytes however its objects
 * were built, and two exports diff cleanly. Reading an export back is json-read.ts (it carries
 * the scenario validator, which the lab's download does not need).
 */
import type { RunReport } from '../core/report';
import type { TimedInput } from '../core/sim/events';
import { canonicalTimedInput, type ScenarioRef } from '../state/url-state';

export const RUN_EXPORT_FORMAT = 'quiesce-run';
export const RUN_EXPORT_VERSION = 1;

/** A run, exported. */
export interface RunExport {
	format: typeof RUN_EXPORT_FORMAT;
	version: typeof RUN_EXPORT_VERSION;
	scenario: ScenarioRef;
	seed: number;
	inputs: TimedInput[];
	report: RunReport;
}

/** The parts of a run the page has. */
export interface RunParts {
	scenario: ScenarioRef;
	seed: number;
	inputs: readonly TimedInput[];
	report: RunReport;
}

/** The export object, its top-level keys in order and the inputs in their canonical form. */
export function runExport(run: RunParts): RunExport {
	return {
		format: RUN_EXPORT_FORMAT,
		version: RUN_EXPORT_VERSION,
		scenario: run.scenario,
		seed: run.seed,
		inputs: run.inputs.map(canonicalTimedInput),
		report: run.report
	};
}

/** The export as JSON text (indented by `indent` spaces, 2 by default; 0 for one line). */
export function runExportJson(run: RunParts, indent = 2): string {
	return stableStringify(runExport(run), indent) + (indent > 0 ? '\n' : '');
}

/**
 * JSON.stringify with the keys of every object except the outermost sorted. The outermost
 * object keeps its own order (the documented order of a format's fields).
 */
export function stableStringify(value: unknown, indent = 0): string {
	return JSON.stringify(
		value,
		function (this: unknown, key: string, v: unknown) {
			if (v === value || typeof v !== 'object' || v === null || Array.isArray(v)) return v;
			const o = v as Record<string, unknown>;
			return Object.fromEntries(
				Object.keys(o)
					.sort()
					.map((k) => [k, o[k]])
			);
		},
		indent
	);
}
