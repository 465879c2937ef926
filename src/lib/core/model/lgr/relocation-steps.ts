/**
 * How a relocation follows its memory-transfer engine, as pure functions of the engine: which
 * phase the engine has reached, the event each phase boundary sends the relocation machine, when
 * the engine is next stepped, and the pass counts STATUS DETAILS prints. relocation.ts drives a
 * VMRELOCATE MOVE with them in the simulation, and compare mode's sides (core/compare/side.ts)
 * drive their relocation with the same ones, so the two cannot drift apart
 * (tests/unit/core/compare/lab-equivalence.test.ts).
 */
import type { PassRecord, Precopy } from '../../engine/precopy';
import type { RelocationEvent, RelocationPhase } from '../../machines/relocation.machine';

/** How far an engine has got: 0 pre-copy, 1 penultimate pass, 2 final pass, 3 complete (-1 failed). */
export function engineLevel(engine: Precopy): number {
	switch (engine.phase) {
		case 'pre-copy':
			return 0;
		case 'quiesced-penultimate':
			return 1;
		case 'quiesced-final':
			return 2;
		case 'done':
			return engine.outcome === 'completed' ? 3 : -1;
	}
}

/** The engine level each memory phase stands for (Resuming: the engine has completed). */
export const PHASE_LEVEL: Partial<Record<RelocationPhase, number>> = {
	MovingMemory: 0,
	MovingGuest: 1,
	FinalMemCopy: 2,
	Resuming: 3
};

/**
 * The event that takes a relocation past the boundary at engine level `level`: the quiesce
 * decision out of Moving Memory, else the phase's work done; `eligible` is the re-check made
 * there (000 §3.1, 001: "Eligibility checks are repeated multiple times during a relocation").
 */
export function boundaryEvent(level: number, eligible = true): RelocationEvent {
	return level === 0
		? { type: 'relocation.quiesce', eligible }
		: { type: 'relocation.phaseDone', eligible };
}

/** The event that takes a relocation from `phase` to Terminated (a failed re-check, an engine failure). */
export function failedCheck(phase: RelocationPhase): RelocationEvent {
	return phase === 'MovingMemory'
		? { type: 'relocation.quiesce', eligible: false }
		: { type: 'relocation.phaseDone', eligible: false };
}

/** When an engine's time runs from, how it is stepped, and the limits it runs under. */
export interface EngineClock {
	/** Simulated ms memory started to move: the engine's time origin. */
	startMs: number;
	sliceMs: number;
	/** MAXTOTAL left when memory started to move, ms, or null for NOLIMIT. */
	maxTotalMs: number | null;
	/** MAXQUIESCE in ms, or null for NOLIMIT. */
	maxQuiesceMs: number | null;
}

/**
 * The next time to step the engine after `now`: the next point of its time grid (so that
 * observing a relocation between ticks never changes it), or sooner the estimated end of the
 * pass, the MAXTOTAL limit or the MAXQUIESCE limit; always at least 1 ms on.
 */
export function engineTickAt(engine: Precopy, c: EngineClock, now: number): number {
	const k = Math.floor((now - c.startMs) / c.sliceMs);
	let at = c.startMs + (k + 1) * c.sliceMs;
	const est = engine.estimatePassEndMs();
	if (Number.isFinite(est)) at = Math.min(at, Math.ceil(est));
	if (c.maxTotalMs !== null) at = Math.min(at, Math.ceil(c.startMs + c.maxTotalMs));
	const quiesced = engine.report().decisions.find((d) => d.action === 'quiesce');
	if (quiesced && c.maxQuiesceMs !== null)
		at = Math.min(at, Math.ceil(quiesced.atMs + c.maxQuiesceMs));
	return Math.max(at, now + 1);
}

/** The pass counts STATUS DETAILS prints (001: `Total pages sent N in K passes; M pages sent in pass K+1`). */
export interface PassCounts {
	sent: number;
	passes: number;
	current: number;
	currentSent: number;
}

/** The pass counts from the running engine, or from the completed passes once it is gone. */
export function passCountsOf(engine: Precopy | null, passes: readonly PassRecord[]): PassCounts {
	if (engine) {
		const s = engine.status();
		return {
			sent: s.pagesSentDone,
			passes: s.passesDone,
			current: s.currentPass,
			currentSent: s.currentPassSent
		};
	}
	const sent = passes.reduce((a, p) => a + p.pages, 0);
	return { sent, passes: passes.length, current: passes.length + 1, currentSent: 0 };
}
