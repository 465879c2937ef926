import { validateScenario } from '../core/config/scenario';
import type { ScenarioResult } from '../core/config/scenario-types';
import { loadBuiltin } from '../core/scenarios/index';
import type { ScenarioRef } from './url-state';

/** The scenario a reference names, read through the validator the worker uses. */
export function resolveScenario(ref: ScenarioRef): ScenarioResult {
	return 'builtin' in ref ? loadBuiltin(ref.builtin) : validateScenario(ref.inline);
}
