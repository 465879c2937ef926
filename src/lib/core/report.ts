import type { ScenarioSpec } from './config/scenario-types';
import { buildInitialState } from './model/build';
import type { ClusterMode, MemberStateName } from './model/types';
import type { ConsoleLine, LogEntry } from './sim/events';
import { Simulation } from './simulation';

export interface RunOptions {
	seed?: number;
	/** Simulated time to run to; by default 30 s past the last scripted step (at least 60 s). */
	untilMs?: number;
}

/** The headless run report printed by `npm run sim` (format documented in README.md). */
export interface RunReport {
	scenario: string;
	seed: number;
	untilMs: number;
	cluster: { name: string; mode: ClusterMode };
	members: {
		name: string;
		slot: number;
		state: MemberStateName;
		pdrState: MemberStateName;
		detail: string | null;
	}[];
	log: LogEntry[];
	console: ConsoleLine[];
}

/** Runs a scenario headless to a simulated time and reports the outcome. Deterministic. */
export function runReport(spec: ScenarioSpec, options: RunOptions = {}): RunReport {
	const seed = options.seed ?? spec.seed;
	const lastStep = spec.script.reduce((t, s) => Math.max(t, s.at), 0);
	const untilMs = options.untilMs ?? Math.max(60_000, lastStep + 30_000);
	const sim = new Simulation(buildInitialState(spec, seed));
	sim.runUntil(untilMs);
	const s = sim.state;
	return {
		scenario: spec.name,
		seed,
		untilMs,
		cluster: { name: s.cluster.name, mode: s.cluster.mode },
		members: s.cluster.members.map((m) => ({
			name: m.name,
			slot: m.slot,
			state: m.state,
			pdrState: m.pdr.state,
			detail: m.detail
		})),
		log: s.log,
		console: s.console
	};
}
