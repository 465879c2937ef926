import type { ScenarioSpec } from './config/scenario-types';
import type { PassRecord } from './engine/precopy';
import type { RelocationPhase } from './machines/relocation.machine';
import { buildInitialState } from './model/build';
import { forceWords } from './model/lgr/relocation';
import type { RelocationOutcome, RelocationState } from './model/lgr/relocation-types';
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
	relocations: RelocationReport[];
}

/** One VMRELOCATE MOVE in the report (issue 3, "Output for tools"; README "The command-line runner"). */
export interface RelocationReport {
	id: number;
	user: string;
	from: string;
	to: string;
	/** Who issued the MOVE. */
	by: string;
	/** The MOVE's options after defaults; limits in seconds or `NOLIMIT`. */
	options: {
		mode: 'SYNCHRONOUS' | 'ASYNCHRONOUS';
		immediate: boolean;
		maxTotal: number | 'NOLIMIT';
		maxQuiesce: number | 'NOLIMIT';
		force: string[];
	};
	/** How it ended, or null while it is still in progress at `untilMs`. */
	outcome: RelocationOutcome | null;
	/** Its phase (machines/relocation.machine.ts) at the end of the run. */
	phase: RelocationPhase;
	/** Its CP messages, as the consoles showed them (Ready lines excepted). */
	messages: string[];
	/** What the guest's own console showed: the move on the destination (000 App. A.4), the LOGOFF on the source. */
	guestConsole: string[];
	/** Completed passes through memory (times in simulated ms, to the microsecond). */
	passes: PassRecord[];
	/** From the MOVE to its end (or to `untilMs`), ms. */
	totalMs: number;
	/** Time the guest was quiesced (Moving Guest and Final Mem Copy), ms. */
	quiesceMs: number;
	pagesSent: number;
	startMs: number;
	endMs: number | null;
}

/** The report entry of one relocation at simulated time `now`. */
export function relocationReport(r: RelocationState, now: number): RelocationReport {
	const limit = (s: number | null) => (s === null ? ('NOLIMIT' as const) : s);
	// Pass ends fall between milliseconds (precopy.ts); a microsecond is precision enough to read.
	const us = (ms: number) => Math.round(ms * 1000) / 1000;
	return {
		id: r.id,
		user: r.user,
		from: r.from,
		to: r.to,
		by: r.by,
		options: {
			mode: r.options.synchronous ? 'SYNCHRONOUS' : 'ASYNCHRONOUS',
			immediate: r.options.immediate,
			maxTotal: limit(r.options.maxTotalS),
			maxQuiesce: limit(r.options.maxQuiesceS),
			force: forceWords(r.options)
		},
		outcome: r.outcome,
		phase: r.phase,
		messages: [...r.messages],
		guestConsole: [...r.guestConsole],
		passes: r.passes.map((p) => ({ ...p, startMs: us(p.startMs), endMs: us(p.endMs) })),
		totalMs: (r.endedAt ?? now) - r.startedAt,
		quiesceMs: us(r.quiesceMs),
		pagesSent: r.pagesSent,
		startMs: r.startedAt,
		endMs: r.endedAt
	};
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
		console: s.console,
		relocations: s.relocations.map((r) => relocationReport(r, s.now))
	};
}
