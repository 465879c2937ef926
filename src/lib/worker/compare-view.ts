/**
 * The frame of a comparison: each side's compact figures and the differences, built from a
 * {@link CompareRun}. Pure (no DOM, no timers): runs in the worker and in Node tests. Reading a
 * side never steps it.
 */
import type { CompareRun } from '../core/compare/compare';
import { phaseLabel, sideSteps } from '../core/compare/describe';
import type { SideKey } from '../core/compare/settings';
import type { SideRun } from '../core/compare/side';
import { isQuiesced } from '../core/machines/relocation.machine';
import { MAX_COMPARE_PASSES, type CompareView, type SideView } from './compare-protocol';

/** Simulated times in a frame: a tenth of a millisecond is finer than anything shown. */
const tenth = (ms: number): number => Math.round(ms * 10) / 10;
const finiteOrNull = (ms: number): number | null => (Number.isFinite(ms) ? ms : null);

/** One side's summary. */
export function sideView(key: SideKey, side: SideRun): SideView {
	const s = side.status();
	const policy = side.settings.policy;
	return {
		key,
		policy,
		linkMBps: side.linkMBps,
		guestPages: side.guestPages,
		maxQuiesceMs: finiteOrNull(side.maxQuiesceMs),
		maxTotalMs: finiteOrNull(side.maxTotalMs),
		phase: s.phase,
		phaseLabel: phaseLabel(s.phase, policy),
		steps: sideSteps(policy),
		quiesced: isQuiesced(s.phase),
		outcome: s.outcome,
		limit: s.limit,
		passesDone: s.passesDone,
		pagesSentDone: s.pagesSentDone,
		currentPass: s.currentPass,
		currentPassSent: s.currentPassSent,
		pagesSent: s.pagesSent,
		quiesceMs: tenth(s.quiesceMs),
		quiescedAtMs: s.quiescedAtMs === null ? null : tenth(s.quiescedAtMs),
		endedAtMs: s.endedAtMs,
		endedIn: s.endedIn,
		lastDecision: s.lastDecision,
		passes: s.passes.slice(-MAX_COMPARE_PASSES).map((p) => ({
			n: p.n,
			pages: p.pages,
			startMs: tenth(p.startMs),
			endMs: tenth(p.endMs),
			quiesced: p.quiesced
		}))
	};
}

/** What the host adds to a run's figures. */
export interface CompareMeta {
	frame: number;
	generation: number;
	playing: boolean;
	finishing: boolean;
	speed: number;
}

/** A whole frame's view. */
export function compareView(run: CompareRun, meta: CompareMeta): CompareView {
	return {
		...meta,
		settings: run.settings,
		now: run.nowMs,
		horizonMs: run.horizonMs,
		done: run.done,
		sides: { a: sideView('a', run.sides.a), b: sideView('b', run.sides.b) },
		differences: run.differences()
	};
}
