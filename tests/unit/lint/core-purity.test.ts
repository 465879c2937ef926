import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// DESIGN.md, rules of the house: src/lib/core never imports svelte, $app, DOM or d3-selection.
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function problems(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the lint rule that keeps src/lib/core pure', () => {
	it.each([
		[
			"import { writable } from 'svelte/store';\nexport const s = writable;\n",
			'no-restricted-imports'
		],
		["import { page } from '$app/state';\nexport const p = page;\n", 'no-restricted-imports'],
		["import { select } from 'd3-selection';\nexport const s = select;\n", 'no-restricted-imports'],
		['export const t = document.title;\n', 'no-restricted-globals'],
		['export const w = window.innerWidth;\n', 'no-restricted-globals'],
		['export const d = new Date();\n', 'no-restricted-globals']
	])('rejects %j in the core', async (code, rule) => {
		expect(await problems(code, 'src/lib/core/sim/probe.ts')).toContain(rule);
	});

	it('allows the same code outside the core', async () => {
		expect(
			await problems(
				"import { select } from 'd3-selection';\nexport const s = select;\n",
				'src/lib/viz/probe.ts'
			)
		).not.toContain('no-restricted-imports');
	});

	it('allows pure code in the core', async () => {
		expect(
			await problems(
				'export const add = (a: number, b: number): number => a + b;\n',
				'src/lib/core/sim/probe.ts'
			)
		).toEqual([]);
	});
});
