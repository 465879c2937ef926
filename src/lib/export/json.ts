/**
 * The JSON export of a run: what to replay (scenario, seed, inputs, in the same form as a link,
 * state/url-state.ts) and what came of it (the run report of core/report.ts).
 *
 * Stable output: the top-level keys always come in the order of {@link RunExport}, and every
 * object below them is written with its keys sorted (UTF-16 code-unit order, as
 * `Array.prototype.sort` gives), so the same run gives the same bytes however its objects
 * were built, and two exports diff cleanly.
 */
import type { RunReport } from '../core/report';
import type { TimedInput } from '../core/sim/events';
import {
	canonicalTimedInput,
	checkJsonShape,
	checkScenarioRef,
	checkTimedInputs,
	parseJson,
	type ScenarioRef
} from '../state/url-state';
import { validateScenario } from '../core/config/scenario';

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

export type RunExportResult = { ok: true; value: RunExport } | { ok: false; errors: string[] };

/**
 * Reads an export back (a file the user opens). Never throws. The replayable part is checked
 * as strictly as a link: the scenario (built-in id, or inline through the scenario validator),
 * the seed, and every input. The report is only checked for its shape (an object with `log`
 * and `relocations` lists): it is a record of what happened, and replaying the inputs
 * recomputes it.
 */
export function readRunExport(text: string): RunExportResult {
	try {
		return read(text);
	} catch (e) {
		return {
			ok: false,
			errors: [`the file could not be read (${e instanceof Error ? e.message : String(e)})`]
		};
	}
}

function read(text: unknown): RunExportResult {
	const errors: string[] = [];
	if (typeof text !== 'string') return { ok: false, errors: ['a run export must be text'] };
	const json = parseJson(text, 'file', errors);
	if (errors.length > 0) return { ok: false, errors };
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return { ok: false, errors: ['file: a run export is a JSON object'] };
	}
	if (!checkJsonShape(json, 'file', errors)) return { ok: false, errors };
	const o = json as Record<string, unknown>;
	if (o.format !== RUN_EXPORT_FORMAT) {
		return {
			ok: false,
			errors: [`format: ${JSON.stringify(o.format ?? null)} is not "${RUN_EXPORT_FORMAT}"`]
		};
	}
	if (o.version !== RUN_EXPORT_VERSION) {
		return {
			ok: false,
			errors: [
				`version: ${JSON.stringify(o.version ?? null)} is not supported (this version reads ${RUN_EXPORT_VERSION})`
			]
		};
	}
	for (const k of Object.keys(o)) {
		if (!['format', 'version', 'scenario', 'seed', 'inputs', 'report'].includes(k))
			errors.push(`${k}: unknown field`);
	}
	const scenario = checkScenarioRef(o.scenario, 'scenario', errors, validateScenario);
	const seed = o.seed;
	if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
		errors.push(`seed: must be an integer 0-4294967295 (got ${JSON.stringify(seed ?? null)})`);
	const report = o.report;
	let until: number | undefined;
	if (typeof report !== 'object' || report === null || Array.isArray(report)) {
		errors.push('report: must be an object (a run report)');
	} else {
		const r = report as Record<string, unknown>;
		if (!Array.isArray(r.log)) errors.push('report.log: must be a list');
		if (!Array.isArray(r.relocations)) errors.push('report.relocations: must be a list');
		if (typeof r.untilMs === 'number' && Number.isFinite(r.untilMs)) until = r.untilMs;
		else errors.push('report.untilMs: must be a number (the simulated ms the run went to)');
	}
	const inputs = checkTimedInputs(o.inputs, 'inputs', errors, until);
	if (errors.length > 0 || !scenario || !inputs) return { ok: false, errors };
	return {
		ok: true,
		value: {
			format: RUN_EXPORT_FORMAT,
			version: RUN_EXPORT_VERSION,
			scenario,
			seed: seed as number,
			inputs,
			// Shape-checked above; its entries are a record to read, not input to the simulation.
			report: report as RunReport
		}
	};
}
