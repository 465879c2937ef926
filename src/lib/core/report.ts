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
	/**
	 * The phases it entered after Eligibility (which begins at `startMs`), each with the
	 * simulated ms of its `relocation.phase` log entry, in order.
	 */
	phases: PhaseEntry[];
	/** From the MOVE to its end (or to `untilMs`), ms. */
	totalMs: number;
	/** Time the guest was quiesced (Moving Guest and Final Mem Copy), ms. */
	quiesceMs: number;
	pagesSent: number;
	startMs: number;
	endMs: number | null;
}

/** A phase a relocation entered, and when (simulated ms). */
export interface PhaseEntry {
	phase: RelocationPhase;
	t: number;
}

/**
 * The phases relocation `rel` entered after Eligibility, from the `relocation.phase` entries of
 * the log. The log is in time order (entries are stamped with the simulated time they are
 * recorded at), so the search starts at the MOVE's time rather than at the beginning of a long
 * log, and ends at the relocation's end.
 */
export function phaseEntries(log: readonly LogEntry[], rel: RelocationState): PhaseEntry[] {
	let lo = 0;
	let hi = log.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (log[mid]!.t < rel.startedAt) lo = mid + 1;
		else hi = mid;
	}
	const end = rel.endedAt ?? Infinity;
	const out: PhaseEntry[] = [];
	for (let i = lo; i < log.length; i++) {
		const e = log[i]!;
		if (e.t > end) break;
		if (e.kind === 'relocation.phase' && e.id === rel.id) out.push({ phase: e.to, t: e.t });
	}
	return out;
}

/** The report entry of one relocation at simulated time `now`, its phases read from `log`. */
export function relocationReport(
	r: RelocationState,
	now: number,
	log: readonly LogEntry[]
): RelocationReport {
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
		phases: phaseEntries(log, r),
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
	return reportOf(sim, spec.name);
}

/**
 * The report of a simulation as it stands (the lab's "Download run data"): `untilMs` is the
 * simulated time it has reached.
 */
export function reportOf(sim: Simulation, scenario: string): RunReport {
	const s = sim.state;
	return {
		scenario,
		seed: s.seed,
		untilMs: s.now,
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
		relocations: s.relocations.map((r) => relocationReport(r, s.now, s.log))
	};
}
