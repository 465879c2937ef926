import { validateScenario } from '../config/scenario';
import type { ScenarioResult } from '../config/scenario-types';
import gdl from './gdl.json';
import itsossia from './itsossia.json';
import itsossib from './itsossib.json';
import myclustr from './myclustr.json';
import vmsys from './vmsys.json';

/**
 * The built-in scenarios, each from the documents (its `source` field names the section).
 * They are ordinary scenario files, read through the same validator as a user's.
 */
const FILES: Record<string, unknown> = { itsossib, itsossia, vmsys, gdl, myclustr };

/** Ids of the built-in scenarios, the default first. */
export const BUILTIN_IDS = Object.keys(FILES);

export const DEFAULT_SCENARIO = 'itsossib';

/** The raw JSON of a built-in scenario (for export and the editor), or undefined. */
export function builtinJson(id: string): unknown {
	return Object.hasOwn(FILES, id) ? FILES[id] : undefined;
}

/** A built-in scenario read through the validator, or an error naming the unknown id. */
export function loadBuiltin(id: string): ScenarioResult {
	const json = builtinJson(id);
	if (json === undefined) {
		return {
			ok: false,
			errors: [
				{ path: '', message: `no built-in scenario "${id}" (built-in: ${BUILTIN_IDS.join(', ')})` }
			]
		};
	}
	return validateScenario(json);
}
