/**
 * The lab's charts fed from the frames: each chart's input built from the frame's relocation
 * summaries and the relocations' chart records (worker/relocation-history.ts), kept the same
 * object while what it holds is the same, so that a chart lays itself out again only when its
 * input changed, not on every frame (a frame replaces the whole view). Pure.
 */
import type { RelocationHistory, RelocationView, SimView } from '../worker/protocol';
import type { StateGraph } from '../core/machines/graph';
import type { ConvergenceInput } from './convergence';
import type { TimelineRelocation } from './quiesce-window';

/** Most requests the lab's quiesce window computes for its latency trace (thinned above). */
export const LAB_TRACE_REQUESTS = 12_000;

/** `next` if it differs from `prev` item by item (by `same`), else `prev` itself. */
export function keepIfSame<T>(
	prev: readonly T[] | null,
	next: readonly T[],
	same: (a: T, b: T) => boolean
): readonly T[] {
	if (prev && prev.length === next.length && prev.every((p, i) => same(p, next[i]!))) return prev;
	return next;
}

/** Who is in which member state: for the member state chart. */
export interface MemberMarker {
	name: string;
	state: string;
}

/** The members' states, the same array while no member changed state. */
export function memberMarkers(
	prev: readonly MemberMarker[] | null,
	view: SimView
): readonly MemberMarker[] {
	return keepIfSame(
		prev,
		view.members.map((m) => ({ name: m.name, state: m.state })),
		(a, b) => a.name === b.name && a.state === b.state
	);
}

/** A relocation in progress in its phase: for the relocation state chart. */
export interface RelocationMarker {
	id: number;
	user: string;
	phase: string;
}

/** The relocations in progress and their phases, the same array while none changed phase. */
export function relocationMarkers(
	prev: readonly RelocationMarker[] | null,
	view: SimView
): readonly RelocationMarker[] {
	return keepIfSame(
		prev,
		view.relocations
			.filter((r) => r.outcome === null)
			.map((r) => ({ id: r.id, user: r.user, phase: r.phase })),
		(a, b) => a.id === b.id && a.user === b.user && a.phase === b.phase
	);
}

/** A relocation of the frame as the quiesce window draws it, from its chart record. */
export function timelineRelocation(r: RelocationView, h: RelocationHistory): TimelineRelocation {
	const base = {
		id: r.id,
		user: r.user,
		from: r.from,
		to: r.to,
		startedAt: h.startedAt,
		endedAt: h.endedAt,
		outcome: r.outcome,
		phases: h.phases,
		maxQuiesceMs: r.maxQuiesceMs
	};
	return h.transfer ? { ...base, workload: h.transfer.workload, seed: h.transfer.seed } : base;
}

/**
 * The relocations the quiesce window draws: those of the frame whose record has arrived, in
 * order. An item stays the same object while its record and outcome do; the array stays the
 * same while every item does.
 */
export function timelineRelocations(
	prev: readonly TimelineRelocation[] | null,
	relocations: readonly RelocationView[],
	histories: ReadonlyMap<number, RelocationHistory>
): readonly TimelineRelocation[] {
	const before = new Map((prev ?? []).map((t) => [t.id, t]));
	const next = relocations.flatMap((r) => {
		const h = histories.get(r.id);
		if (!h) return [];
		const old = before.get(r.id);
		if (old && old.phases === h.phases && old.endedAt === h.endedAt && old.outcome === r.outcome)
			return [old];
		return [timelineRelocation(r, h)];
	});
	return keepIfSame(prev, next, (a, b) => a === b);
}

/**
 * The time the quiesce window is drawn at. Once every relocation has ended, nothing moves after
 * the last end and a margin (quiesce-window.ts `fullDomain`): the time stops there. While one is
 * in progress, the time in steps of about 1/256 of the time since the first began (at least
 * 64 ms, a power of two), never past `nowMs`: the open spans still grow smoothly, and the latency
 * trace is computed again a few hundred times over a relocation rather than on every frame.
 */
export function quiesceWindowNow(nowMs: number, rels: readonly TimelineRelocation[]): number {
	if (rels.length === 0) return nowMs;
	const start = Math.min(...rels.map((r) => r.startedAt));
	if (rels.every((r) => r.endedAt !== null)) {
		const end = Math.max(...rels.map((r) => r.endedAt!));
		return Math.min(nowMs, end + Math.max(50, (end - start) * 0.04));
	}
	const step = 2 ** Math.max(6, Math.ceil(Math.log2(Math.max(1, nowMs - start) / 256)));
	return Math.max(start, Math.floor(nowMs / step) * step);
}

/** What the convergence chart of one relocation draws (its props). */
export interface LabConvergence extends ConvergenceInput {
	id: number;
	title: string;
	exportName: string;
	/** Who gave the bandwidth and threshold, for its table. */
	source: string;
}

/**
 * The convergence chart's input for relocation `r` and its record: the record's passes and
 * dirty counts, the policy's figures, the live quiesce time. The same object while they are the
 * same (`prev`).
 */
export function convergenceInput(
	prev: LabConvergence | null,
	r: RelocationView,
	h: RelocationHistory
): LabConvergence {
	const t = h.transfer;
	const quiesceMs = r.quiesceMs > 0 || h.passes.some((p) => p.quiesced) ? r.quiesceMs : undefined;
	if (
		prev &&
		prev.id === r.id &&
		prev.passes === h.passes &&
		prev.dirtyAfterPass === h.dirtyAfterPass &&
		prev.thresholdPages === t?.thresholdPages &&
		prev.bandwidthPagesPerMs === t?.bandwidthPagesPerMs &&
		prev.quiesceMs === quiesceMs &&
		prev.maxQuiesceMs === r.maxQuiesceMs
	)
		return prev;
	return {
		id: r.id,
		title: `Convergence of ${r.user}'s memory, ${r.from} → ${r.to}`,
		exportName: `convergence-${r.id}-${r.user}`,
		source: `the ${t?.policy ?? 'z/VM'} policy`,
		passes: h.passes,
		dirtyAfterPass: h.dirtyAfterPass,
		maxQuiesceMs: r.maxQuiesceMs,
		...(t
			? {
					thresholdPages: t.thresholdPages,
					bandwidthPagesPerMs: t.bandwidthPagesPerMs,
					guestStateMs: t.guestStateMs,
					targetQuiesceMs: t.targetQuiesceMs
				}
			: {}),
		...(quiesceMs !== undefined ? { quiesceMs } : {})
	};
}

/** The graphs the live state charts draw (the worker's `machines` answer). */
export interface MachineGraphs {
	member: StateGraph;
	clusterMode: StateGraph;
	relocation: StateGraph;
}
