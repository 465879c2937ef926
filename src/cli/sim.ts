// Headless runner: `npm run sim -- <scenario.json | built-in id> [--seed N] [--until 90s]`
// prints one JSON report on stdout; `--list` lists the built-in scenarios. Errors go to stderr
// with a non-zero exit code.
import { readFileSync } from 'node:fs';
import { runReport, type RunOptions } from '../lib/core/report';
import { parseScenarioText } from '../lib/core/config/scenario';
import { parseDuration } from '../lib/core/config/sizes';
import { BUILTIN_IDS, loadBuiltin } from '../lib/core/scenarios/index';
import type { ScenarioResult } from '../lib/core/config/scenario-types';

const USAGE = `usage: npm run sim -- <scenario.json | built-in id> [--seed N] [--until DURATION]
       npm run sim -- --list`;

function fail(message: string, code = 2): never {
	process.stderr.write(`sim: ${message}\n`);
	process.exit(code);
}

function main(argv: string[]): void {
	let target: string | undefined;
	const options: RunOptions = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--list') {
			const list = BUILTIN_IDS.map((id) => {
				const r = loadBuiltin(id);
				return r.ok ? { id, title: r.value.title, source: r.value.source } : { id };
			});
			process.stdout.write(JSON.stringify(list, null, 2) + '\n');
			return;
		} else if (arg === '--help' || arg === '-h') {
			process.stdout.write(USAGE + '\n');
			return;
		} else if (arg === '--seed') {
			const v = argv[++i];
			if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff)
				fail(`--seed needs an integer 0-4294967295, got ${v ?? 'nothing'}`);
			options.seed = Number(v);
		} else if (arg === '--until') {
			const v = argv[++i];
			const d = v === undefined ? undefined : parseDuration(v);
			if (!d || !d.ok)
				fail(`--until needs a duration such as 90s or 5m${d && !d.ok ? `: ${d.reason}` : ''}`);
			options.untilMs = d.ms;
		} else if (arg.startsWith('-')) {
			fail(`unknown option ${arg}\n${USAGE}`);
		} else if (target === undefined) {
			target = arg;
		} else {
			fail(`only one scenario can run at a time (got ${target} and ${arg})`);
		}
	}
	if (target === undefined) fail(`no scenario given\n${USAGE}`);
	const result = load(target);
	if (!result.ok) {
		const where = (e: (typeof result.errors)[number]) =>
			[e.line !== undefined ? `line ${e.line}, column ${e.column}` : '', e.path]
				.filter(Boolean)
				.join(' ') || 'file';
		fail(
			`${target} is not a valid scenario:\n${result.errors.map((e) => `  ${where(e)}: ${e.message}`).join('\n')}`
		);
	}
	process.stdout.write(JSON.stringify(runReport(result.value, options), null, 2) + '\n');
}

function load(target: string): ScenarioResult {
	if (!target.endsWith('.json') && BUILTIN_IDS.includes(target)) return loadBuiltin(target);
	let text: string;
	try {
		text = readFileSync(target, 'utf8');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		fail(
			code === 'ENOENT'
				? `${target} is neither a file nor a built-in scenario (built-in: ${BUILTIN_IDS.join(', ')})`
				: `cannot read ${target}: ${e instanceof Error ? e.message : String(e)}`
		);
	}
	return parseScenarioText(text);
}

main(process.argv.slice(2));
