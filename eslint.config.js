import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Browser globals the pure core must never touch (DESIGN.md, rules of the house). */
const domGlobals = [
	'window',
	'document',
	'navigator',
	'localStorage',
	'sessionStorage',
	'location',
	'HTMLElement',
	'requestAnimationFrame',
	'performance'
].map((name) => ({ name, message: 'src/lib/core is pure: no DOM or wall-clock globals.' }));

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'tests/.output/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/core/**/*.ts'],
		languageOptions: { globals: {} },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*'], message: 'src/lib/core must not import svelte.' },
						{ group: ['$app/*'], message: 'src/lib/core must not import SvelteKit ($app).' },
						{
							group: ['d3-selection', 'd3', 'd3-transition'],
							message: 'src/lib/core must not import d3-selection.'
						},
						{
							group: [
								'$lib/ui/*',
								'$lib/viz/*',
								'$lib/state/*',
								'$lib/worker/*',
								'**/ui/*',
								'**/viz/*',
								'**/state/*',
								'**/worker/*'
							],
							message: 'src/lib/core must not depend on the view layers.'
						}
					]
				}
			],
			'no-restricted-globals': [
				'error',
				...domGlobals,
				{ name: 'Date', message: 'Simulated time only inside the core.' }
			]
		}
	}
);
