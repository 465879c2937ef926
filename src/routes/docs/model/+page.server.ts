// The model's parameters, read from the code's constants at build time.
import { PARAMETER_GROUPS, WORKLOAD_ROWS } from '$lib/docs/parameters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	groups: PARAMETER_GROUPS.map((g) => ({
		id: g.id,
		title: g.title,
		parameters: g.parameters.map((p) => ({
			name: p.name,
			code: p.code ?? null,
			value: p.value,
			source: p.source
		}))
	})),
	workloads: WORKLOAD_ROWS.map((w) => ({ ...w }))
});
