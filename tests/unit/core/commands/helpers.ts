import { validateScenario } from '$lib/core/config/scenario';
import { buildInitialState } from '$lib/core/model/build';
import { builtinJson } from '$lib/core/scenarios/index';
import { Simulation, type InputResult } from '$lib/core/simulation';
import type { MemberState } from '$lib/core/model/types';

/** A JSON object as read from a scenario file, loose enough to patch in a test. */
export type { Json } from '../../helpers';
import type { Json } from '../../helpers';

/**
 * A simulation of a built-in scenario, optionally patched first (a deep copy of its JSON is
 * handed to `patch`), read through the same validator as a user's file.
 */
export function boot(id: string, patch?: (json: Json) => void, seed?: number): Simulation {
	const raw = builtinJson(id);
	if (raw === undefined) throw new Error(`no built-in scenario ${id}`);
	const json = structuredClone(raw) as Json;
	patch?.(json);
	const r = validateScenario(json);
	if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.errors)}`);
	return new Simulation(buildInitialState(r.value, seed));
}

/** Types a command at a member's console (as OPERATOR unless `user` is given). */
export function cmd(sim: Simulation, on: string, text: string, user?: string): InputResult {
	return sim.apply({ kind: 'command', on, text, ...(user ? { user } : {}) });
}

/** The response lines of a command, without the closing `Ready` line. */
export function body(r: InputResult): string[] {
	const last = r.lines.at(-1) ?? '';
	if (!/^Ready[;(]/.test(last))
		throw new Error(`no Ready line at the end of ${JSON.stringify(r.lines)}`);
	return r.lines.slice(0, -1);
}

/** The closing `Ready` line of a command. */
export function ready(r: InputResult): string {
	return r.lines.at(-1) ?? '';
}

/**
 * One line with its blanks collapsed: the documents were converted from PDF, so their column
 * spacing is lost; the words and their order are what they show.
 */
export const norm = (line: string): string => line.trim().replace(/\s+/g, ' ');

/**
 * A document example as lines: blank lines dropped, blanks collapsed. Lines are given in a
 * template string exactly as the document prints them.
 */
export function doc(text: string): string[] {
	return text
		.split('\n')
		.map(norm)
		.filter((l) => l.length > 0);
}

/** A member of the simulation by name; throws when absent. */
export function memberOf(sim: Simulation, name: string): MemberState {
	const m = sim.state.cluster.members.find((x) => x.name === name);
	if (!m) throw new Error(`no member ${name}`);
	return m;
}

/** `hh:mm:ss` of the simulated wall clock now. */
export function clockNow(sim: Simulation): string {
	const ms = sim.state.epochMs + sim.state.now;
	const s = Math.floor(ms / 1000) % 86_400;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** Seconds → simulated milliseconds. */
export const sec = (n: number): number => n * 1000;

/** A `mm/dd/yy hh:mm:ss` stamp, as QUERY SSI and FORMSSI print them (000 Example 2-5, 2-6). */
export const STAMP = String.raw`\d\d/\d\d/\d\d \d\d:\d\d:\d\d`;
