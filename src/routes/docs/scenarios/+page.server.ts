// The scenario format's documentation, generated from the schema at build time, and the
// smallest built-in scenario as an annotated example.
import schema from '$lib/core/config/scenario.schema.json';
import { BUILTIN_IDS, builtinJson } from '$lib/core/scenarios/index';
import { annotateExample, documentSchema, type SchemaNode } from '$lib/docs/schema-doc';
import { scenarioFileText } from '$lib/state/scenario-file';
import type { ScenarioJson } from '$lib/state/url-state';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const doc = documentSchema(schema as SchemaNode);
	const files = BUILTIN_IDS.map((id) => ({
		id,
		text: scenarioFileText(builtinJson(id) as ScenarioJson)
	}));
	const smallest = files.reduce((a, b) => (b.text.length < a.text.length ? b : a));
	return {
		...doc,
		example: {
			id: smallest.id,
			text: smallest.text,
			notes: annotateExample(builtinJson(smallest.id), doc.sections)
		}
	};
};
