/**
 * Reading a run export (export/json.ts) back: a file the user opens, checked as strictly as a
 * link (state/url-state.ts), the scenario through the validator the worker uses.
 */
import { validateScenario } from '../core/config/scenario';
import type { RunReport } from '../core/report';
import { checkJsonShape, checkScenarioRef, checkTimedInputs, parseJson } from '../state/url-state';
import { RUN_EXPORT_FORMAT, RUN_EXPORT_VERSION, type RunExport } from './json';

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
