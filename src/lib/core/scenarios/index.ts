import { validateScenario } from '../config/scenario';
import type { ScenarioResult } from '../config/scenario-types';
import { BUILTIN_IDS } from './catalog';
import a11 from './a11-devno.json';
import a12 from './a12-cms-mdisks.json';
import a13 from './a13-vdisk.json';
import a14 from './a14-cms-guest.json';
import a15 from './a15-dedicate.json';
import a16 from './a16-domains.json';
import a17 from './a17-maxquiesce.json';
import a18 from './a18-paging.json';
import a19 from './a19-capacity.json';
import benchThree from './bench-three.json';
import gdl from './gdl.json';
import itsossia from './itsossia.json';
import itsossib from './itsossib.json';
import myclustr from './myclustr.json';
import vmsys from './vmsys.json';

/**
 * The built-in scenarios, each from the documents (its `source` field names the section).
 * They are ordinary scenario files, read through the same validator as a user's. The `a1x-`
 * scenarios are the failing relocations of 000 App. A.1: VMRELOCATE TEST's reasons, and for
 * A.1.7 a VMRELOCATE MOVE that exceeds its MAXQUIESCE time.
 */
const FILES: Record<string, unknown> = {
	itsossib,
	itsossia,
	vmsys,
	gdl,
	myclustr,
	'a11-devno': a11,
	'a12-cms-mdisks': a12,
	'a13-vdisk': a13,
	'a14-cms-guest': a14,
	'a15-dedicate': a15,
	'a16-domains': a16,
	'a17-maxquiesce': a17,
	'a18-paging': a18,
	'a19-capacity': a19,
	// Not from the documents: the load `npm run bench` drives the lab with (tests/bench/ui.ts).
	'bench-three': benchThree
};

export { BUILTIN_CATALOG, BUILTIN_IDS, DEFAULT_SCENARIO } from './catalog';

/** Ids of the scenario files, in the order above (the catalog must list the same). */
export const FILE_IDS: readonly string[] = Object.keys(FILES);

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
