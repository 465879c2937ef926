/**
 * The chart records of the relocations a frame shows (protocol.ts {@link RelocationHistory}):
 * when each phase began, the passes with the pages left dirty after each, and what the z/VM
 * policy measured and aims for. A record changes only at a phase or pass boundary, or when the
 * transfer's bandwidth changes; {@link HistoryTracker} sends each one again only then, so a
 * frame carries a few hundred bytes of records at a boundary and none in between. Pure (no DOM,
 * no timers): runs in the worker and in Node tests.
 */
import { pagesPerMs } from '../core/engine/bandwidth';
import { zvmQuiesceTargetMs, zvmQuiesceThresholdPages } from '../core/engine/policy-zvm';
import { engineOf } from '../core/model/lgr/relocation-engine';
import type { RelocationState } from '../core/model/lgr/relocation-types';
import { phaseEntries } from '../core/report';
import type { SimState } from '../core/sim/state';
import {
	MAX_HISTORY_PASSES,
	type HistoryUpdate,
	type PassView,
	type RelocationHistory,
	type TransferView
} from './protocol';

/**
 * Most characters of records one frame carries (JSON): a z/VM record is 0.3-2 KB, so a frame
 * after a jump carries a handful and the next frames the rest, each frame within its budget.
 */
export const HISTORY_BUDGET_CHARS = 12 * 1024;

/** Simulated times in a frame: a tenth of a millisecond is finer than anything shown. */
const tenth = (ms: number): number => Math.round(ms * 10) / 10;
/** Rates and page figures to 4 significant digits: the charts show 3. */
const sig4 = (n: number): number => (Number.isFinite(n) ? Number(n.toPrecision(4)) : n);

/** The pages the pass under way sends in all, or null when no memory is moving. */
function passUnderWay(state: SimState, rel: RelocationState): number | null {
	const engine = engineOf(state, rel);
	if (!engine) return null;
	return engine.status().currentPassSent + engine.map.inFlight;
}

/**
 * The rate the z/VM policy measured after the last pre-copy pass, as precopy.ts computes it for
 * the policy: that pass's pages over its time, or, when it sent nothing, all pre-copy passes'
 * pages over their time; before any pass has ended, the transfer's share of the link now.
 */
export function policyPagesPerMs(rel: RelocationState): number | null {
	const pre = rel.passes.filter((p) => !p.quiesced);
	const last = pre.at(-1);
	if (last && last.pages > 0 && last.endMs > last.startMs)
		return last.pages / (last.endMs - last.startMs);
	const pages = pre.reduce((a, p) => a + p.pages, 0);
	const ms = pre.reduce((a, p) => a + (p.endMs - p.startMs), 0);
	if (pages > 0 && ms > 0) return pages / ms;
	const share = rel.engine?.bandwidth.at(-1)?.[1];
	return share === undefined ? null : pagesPerMs(share);
}

/** The policy's figures for the convergence chart; null before memory starts to move. */
export function transferView(rel: RelocationState): TransferView | null {
	const e = rel.engine;
	const bandwidth = policyPagesPerMs(rel);
	if (!e || bandwidth === null) return null;
	// The engine's policy (relocation-engine.ts): z/VM's, with MAXQUIESCE as the MOVE gave it.
	const limits = { maxQuiesceMs: e.maxQuiesceMs ?? Infinity };
	return {
		policy: 'z/VM',
		workload: e.workload.name,
		seed: e.seed,
		guestStateMs: e.guestStateMs,
		targetQuiesceMs: zvmQuiesceTargetMs(limits),
		bandwidthPagesPerMs: sig4(bandwidth),
		thresholdPages: sig4(zvmQuiesceThresholdPages(bandwidth, limits))
	};
}

/**
 * Pages dirty at the end of each pass (see {@link RelocationHistory.dirtyAfterPass}): the next
 * pass's pages, the pass under way's total for the last one, 0 after the final quiesced pass of
 * a relocated guest, otherwise unknown.
 */
export function dirtyAfterPasses(rel: RelocationState, underWay: number | null): (number | null)[] {
	const passes = rel.passes;
	return passes.map((p, i) => {
		const next = passes[i + 1];
		if (next) return next.pages;
		if (underWay !== null) return underWay;
		if (rel.outcome === 'relocated' && p.quiesced) return 0;
		return null;
	});
}

/** A relocation's chart record now. */
export function relocationHistory(state: SimState, rel: RelocationState): RelocationHistory {
	const dirty = dirtyAfterPasses(rel, passUnderWay(state, rel));
	const from = Math.max(0, rel.passes.length - MAX_HISTORY_PASSES);
	return {
		id: rel.id,
		startedAt: rel.startedAt,
		endedAt: rel.endedAt,
		phases: phaseEntries(state.log, rel),
		passes: rel.passes.slice(from).map((p): PassView => ({
			n: p.n,
			pages: p.pages,
			startMs: tenth(p.startMs),
			endMs: tenth(p.endMs),
			quiesced: p.quiesced
		})),
		dirtyAfterPass: dirty.slice(from),
		transfer: transferView(rel)
	};
}

/**
 * What the record of `rel` depends on, as a string that changes whenever the record does: the
 * phase (a new phase entry, the end), the passes, the pass under way (its size is the last
 * pass's dirty count) and the bandwidth history (the rate before the first pass ends).
 */
export function historyKey(state: SimState, rel: RelocationState): string {
	return `${rel.phase}|${rel.outcome}|${rel.passes.length}|${passUnderWay(state, rel) ?? '-'}|${rel.engine?.bandwidth.length ?? '-'}`;
}

/**
 * Remembers which record of each relocation the page holds, and builds the frames' updates:
 * the records that changed since, as many as {@link HISTORY_BUDGET_CHARS} allows (at least
 * one); the rest go in the next frames (`pending`).
 */
export class HistoryTracker {
	private sent = new Map<number, string>();
	private resetNext = true;
	/** Some changed records did not fit in the last update. */
	pending = false;

	/** The page's records are gone (a load) or of another moment (a jump): send all afresh. */
	reset(): void {
		this.sent.clear();
		this.resetNext = true;
	}

	/** The update for a frame showing `shown`, or null when no record changed. */
	update(state: SimState, shown: readonly RelocationState[]): HistoryUpdate | null {
		const ids = new Set(shown.map((r) => r.id));
		for (const id of [...this.sent.keys()]) if (!ids.has(id)) this.sent.delete(id);
		const out: RelocationHistory[] = [];
		let chars = 0;
		this.pending = false;
		for (const rel of shown) {
			const key = historyKey(state, rel);
			if (this.sent.get(rel.id) === key) continue;
			const history = relocationHistory(state, rel);
			const size = JSON.stringify(history).length;
			if (out.length > 0 && chars + size > HISTORY_BUDGET_CHARS) {
				this.pending = true;
				continue;
			}
			out.push(history);
			chars += size;
			this.sent.set(rel.id, key);
		}
		if (out.length === 0 && !this.resetNext) return null;
		const update = { reset: this.resetNext, relocations: out };
		this.resetNext = false;
		return update;
	}
}
