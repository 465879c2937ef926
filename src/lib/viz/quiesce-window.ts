/**
 * The quiesce window: every relocation's phases on one time axis, a lane per phase
 * (Eligibility, Creating skeleton, Moving Memory, Moving Guest, Final Mem Copy, Resuming,
 * Cleaning Up), how it ended, the quiesced span (Moving Guest + Final Mem Copy) against its
 * MAXQUIESCE budget, and under them the request latency of one guest (latency-trace.ts) on the
 * same axis, its stall marked. Pure: plain data in, coordinates and SVG path data out.
 *
 * Times come from the event log: a relocation is in Eligibility from its MOVE (`startedAt`)
 * and enters each later phase at its `relocation.phase` entry (tests/unit/core/lgr/helpers.ts
 * reads them the same way). The guest is *quiesced* from entering Moving Guest to leaving Final
 * Mem Copy (MAXQUIESCE counts this, 000 §3.6.1); it is *stopped* until it runs again: after
 * Resuming on the destination ("then the guest runs there", model/lgr/relocation.ts), or at
 * once on the source when the relocation ends during the quiesce (000 §3.1). The latency trace
 * stalls for the stopped span, which is the quiesced span plus Resuming.
 */
import { scaleLinear } from 'd3-scale';
import { line, symbol, symbolCircle, symbolSquare, symbolTriangle, symbolX } from 'd3-shape';
import type { RelocationPhase } from '../core/machines/relocation.machine';
import type { RelocationOutcome, RelocationState } from '../core/model/lgr/relocation-types';
import type { LogEntry } from '../core/sim/events';
import { formatCompact, formatMs } from './chart-format';
import {
	downsampleMax,
	latencyTrace,
	profileFor,
	type LatencyPoint,
	type LatencyTrace,
	type TimeSpan
} from './latency-trace';
import { estimateTextWidth } from './state-chart';

/** A phase a relocation spends time in (the outcomes are instants, not lanes). */
export type LanePhase =
	| 'Eligibility'
	| 'CreatingSkeleton'
	| 'MovingMemory'
	| 'MovingGuest'
	| 'FinalMemCopy'
	| 'Resuming'
	| 'CleaningUp';

/** The lanes of a relocation, in order, with VMRELOCATE STATUS's words where it has them. */
export const PHASE_LANES: readonly { phase: LanePhase; label: string; quiesced: boolean }[] = [
	{ phase: 'Eligibility', label: 'Eligibility', quiesced: false },
	{ phase: 'CreatingSkeleton', label: 'Creating skeleton', quiesced: false },
	{ phase: 'MovingMemory', label: 'Moving Memory', quiesced: false },
	{ phase: 'MovingGuest', label: 'Moving Guest', quiesced: true },
	{ phase: 'FinalMemCopy', label: 'Final Mem Copy', quiesced: true },
	{ phase: 'Resuming', label: 'Resuming', quiesced: false },
	{ phase: 'CleaningUp', label: 'Cleaning Up', quiesced: false }
];

const LANE_OF = new Map(PHASE_LANES.map((l, i) => [l.phase as RelocationPhase, i]));

/** A phase entry of the event log: the phase entered and when. */
export interface PhaseEntry {
	readonly phase: RelocationPhase;
	readonly t: number;
}

/** One relocation as the quiesce window needs it: plain data. */
export interface TimelineRelocation {
	readonly id: number;
	readonly user: string;
	readonly from: string;
	readonly to: string;
	/** Simulated ms of the MOVE: Eligibility begins. */
	readonly startedAt: number;
	readonly endedAt: number | null;
	readonly outcome: RelocationOutcome | null;
	/** The `relocation.phase` entries of the log, in order (Eligibility is implied at the start). */
	readonly phases: readonly PhaseEntry[];
	/** MAXQUIESCE, ms; null for NOLIMIT. */
	readonly maxQuiesceMs: number | null;
	/** The guest's workload preset (`engine.workload.name`), for its request stream. */
	readonly workload?: string;
	/** Seed of its latency trace; default the relocation's id. */
	readonly seed?: number;
}

/** A relocation of the simulation state as the quiesce window's plain data. */
export function timelineFromState(
	rel: RelocationState,
	log: readonly LogEntry[]
): TimelineRelocation {
	const phases = log.flatMap((e) =>
		e.kind === 'relocation.phase' && e.id === rel.id ? [{ phase: e.to, t: e.t }] : []
	);
	const base = {
		id: rel.id,
		user: rel.user,
		from: rel.from,
		to: rel.to,
		startedAt: rel.startedAt,
		endedAt: rel.endedAt,
		outcome: rel.outcome,
		phases,
		maxQuiesceMs: rel.options.maxQuiesceS === null ? null : rel.options.maxQuiesceS * 1000
	};
	return rel.engine ? { ...base, workload: rel.engine.workload.name, seed: rel.engine.seed } : base;
}

/** Time spent in one phase; `open` while the relocation is still in it. */
export interface PhaseSpan extends TimeSpan {
	readonly phase: LanePhase;
	readonly open: boolean;
}

const endOf = (rel: TimelineRelocation, nowMs: number) => rel.endedAt ?? nowMs;

function entries(rel: TimelineRelocation): PhaseEntry[] {
	return [{ phase: 'Eligibility', t: rel.startedAt }, ...rel.phases];
}

/** The time a relocation spent in each phase, in order. */
export function phaseSpans(rel: TimelineRelocation, nowMs: number): PhaseSpan[] {
	const all = entries(rel);
	return all.flatMap((e, i) => {
		if (!LANE_OF.has(e.phase)) return [];
		const next = all[i + 1];
		return [
			{
				phase: e.phase as LanePhase,
				startMs: e.t,
				endMs: next ? next.t : Math.max(e.t, endOf(rel, nowMs)),
				open: !next && rel.endedAt === null
			}
		];
	});
}

/** Where the span that begins at entry `from` ends: at the first entry not in `within`. */
function spanFrom(
	rel: TimelineRelocation,
	nowMs: number,
	within: ReadonlySet<RelocationPhase>
): (TimeSpan & { open: boolean }) | null {
	const all = entries(rel);
	const k = all.findIndex((e) => e.phase === 'MovingGuest');
	if (k < 0) return null;
	const after = all.slice(k + 1).find((e) => !within.has(e.phase));
	return after
		? { startMs: all[k]!.t, endMs: after.t, open: false }
		: {
				startMs: all[k]!.t,
				endMs: Math.max(all[k]!.t, endOf(rel, nowMs)),
				open: rel.endedAt === null
			};
}

const QUIESCED: ReadonlySet<RelocationPhase> = new Set(['MovingGuest', 'FinalMemCopy']);
const STOPPED: ReadonlySet<RelocationPhase> = new Set(['MovingGuest', 'FinalMemCopy', 'Resuming']);

/** Moving Guest + Final Mem Copy: what MAXQUIESCE limits. Null if never quiesced. */
export function quiesceSpan(rel: TimelineRelocation, nowMs: number) {
	return spanFrom(rel, nowMs, QUIESCED);
}

/** From the quiesce to when the guest runs again (after Resuming, or at once on the source). */
export function stopSpan(rel: TimelineRelocation, nowMs: number) {
	return spanFrom(rel, nowMs, STOPPED);
}

/** Moving Memory: the pre-copy passes, while the guest runs a little slower. */
export function precopySpan(rel: TimelineRelocation, nowMs: number): PhaseSpan | null {
	return phaseSpans(rel, nowMs).find((s) => s.phase === 'MovingMemory') ?? null;
}

/** The time axis's full extent: every relocation with a margin, never past `nowMs`. */
export function fullDomain(rels: readonly TimelineRelocation[], nowMs: number): [number, number] {
	if (rels.length === 0) return [Math.max(0, nowMs - 1000), Math.max(nowMs, 1000)];
	const a = Math.min(...rels.map((r) => r.startedAt));
	const b = Math.max(...rels.map((r) => endOf(r, nowMs)));
	const pad = Math.max(50, (b - a) * 0.04);
	const t0 = Math.max(0, a - pad);
	const t1 = Math.max(b, Math.min(nowMs, b + pad));
	return t1 > t0 ? [t0, t1] : [t0, t0 + 1];
}

/**
 * A domain around a relocation's stop, for a close look: the stop with half its length (at
 * least 100 ms) either side, within `full`. Null when it was never stopped.
 */
export function focusDomain(
	rel: TimelineRelocation,
	nowMs: number,
	full: [number, number]
): [number, number] | null {
	const s = stopSpan(rel, nowMs);
	if (!s) return null;
	const pad = Math.max(100, (s.endMs - s.startMs) * 0.5);
	const t0 = Math.max(full[0], s.startMs - pad);
	const t1 = Math.min(full[1], s.endMs + pad);
	return t1 > t0 ? [t0, t1] : null;
}

/** The relocation a trace shows by default: the last one whose memory started to move. */
export function defaultTraceRelocation(
	rels: readonly TimelineRelocation[]
): TimelineRelocation | null {
	for (let i = rels.length - 1; i >= 0; i--) {
		if (rels[i]!.phases.some((e) => e.phase === 'MovingMemory')) return rels[i]!;
	}
	return null;
}

/**
 * The latency trace of a relocation's guest over [startMs, endMs), observed up to `nowMs`;
 * `maxRequests` thins the stream above that many requests (latency-trace.ts).
 */
export function relocationTrace(
	rel: TimelineRelocation,
	nowMs: number,
	window: [number, number],
	seed = rel.seed ?? rel.id,
	maxRequests?: number
): LatencyTrace {
	const pre = precopySpan(rel, nowMs);
	const stop = stopSpan(rel, nowMs);
	return latencyTrace({
		profile: profileFor(rel.workload),
		seed,
		startMs: window[0],
		endMs: window[1],
		precopy: pre,
		stops: stop ? [stop] : [],
		observedUntilMs: nowMs,
		...(maxRequests !== undefined ? { maxRequests } : {})
	});
}

/** An outcome, in words, for labels and tables. */
export function outcomeText(rel: TimelineRelocation): string {
	return rel.outcome ?? 'in progress';
}

/** The relocation's name in the chart: `#1 LNXGUEST SSI1 → SSI2`. */
export function relocationName(rel: TimelineRelocation): string {
	return `#${rel.id} ${rel.user} ${rel.from} → ${rel.to}`;
}

export interface QuiesceWindowLayoutOptions {
	width: number;
	/** The time axis's domain, ms; default {@link fullDomain}. */
	domain?: [number, number];
	/** Most trace points to draw; default one per 1.5 px, at most 2,000. */
	maxTracePoints?: number;
	/** Height of a phase lane, px. Default 12. */
	laneHeight?: number;
	/** Height of the latency plot, px. Default 120. */
	traceHeight?: number;
}

export interface LaneSpan {
	phase: LanePhase;
	startMs: number;
	endMs: number;
	x: number;
	width: number;
	open: boolean;
	/** Cut by the axis's domain. */
	clipped: boolean;
}

export interface LaidOutLane {
	phase: LanePhase;
	label: string;
	quiesced: boolean;
	y: number;
	height: number;
	spans: LaneSpan[];
}

export type OutcomeKind = RelocationOutcome;

export interface OutcomeMark {
	kind: OutcomeKind;
	x: number;
	y: number;
	/** d3-shape symbol path, centred on (0, 0). */
	symbol: string;
	label: string;
	/** Text anchor: left of the mark near the right edge. */
	anchor: 'start' | 'end';
}

export interface BudgetRow {
	y: number;
	height: number;
	usedMs: number;
	open: boolean;
	/** The quiesced span, px. */
	x0: number;
	x1: number;
	budgetMs: number | null;
	/** The budget bracket's end, px (clamped to the axis), or null for NOLIMIT. */
	budgetX1: number | null;
	/** The budget ends past the axis's end. */
	budgetClipped: boolean;
	/** The quiesce used the whole budget (MAXQUIESCE cancelled the relocation). */
	exhausted: boolean;
	label: string;
	labelX: number;
	labelAnchor: 'start' | 'end';
	/** The span is outside the visible domain. */
	hidden: boolean;
}

export interface LaidOutRelocation {
	id: number;
	name: string;
	outcome: string;
	top: number;
	headerY: number;
	/** Entirely outside the time axis's domain: drawn as its name only, without lanes. */
	collapsed: boolean;
	lanes: LaidOutLane[];
	mark: OutcomeMark | null;
	budget: BudgetRow | null;
	/** The relocation's extent, for the table. */
	startMs: number;
	endMs: number;
}

export interface TraceLayout {
	top: number;
	height: number;
	title: string;
	yTicks: { value: number; pos: number; label: string }[];
	points: LatencyPoint[];
	path: string;
	/** Draw a dot per point (few points). */
	dots: boolean;
	/** Arrival time and latency → px. */
	xy: { x: number; y: number }[];
	stall: { x0: number; x1: number; y: number; label: string; durationMs: number } | null;
	max: { x: number; y: number; label: string; latencyMs: number } | null;
}

export interface QuiesceWindowLayout {
	width: number;
	height: number;
	domain: [number, number];
	/** The plot's horizontal extent, px. */
	x0: number;
	x1: number;
	labelWidth: number;
	axisY: number;
	timeTicks: { value: number; pos: number; label: string }[];
	/** The axis unit its labels are in. */
	timeUnit: 's';
	relocations: LaidOutRelocation[];
	trace: TraceLayout | null;
	/** Where `nowMs` is, when a relocation is in progress and now is in view. */
	now: number | null;
}

const LABEL_W = 118;
const RIGHT = 16;
const TOP = 6;
const HEADER = 20;
const LANE_GAP = 3;
const BUDGET_ROW = 16;
const BLOCK_GAP = 14;
const TRACE_TITLE = 20;
const AXIS = 34;
const FONT = 11;
const r2 = (n: number) => Math.round(n * 100) / 100;

const SYMBOLS = {
	relocated: symbolCircle,
	cancelled: symbolX,
	terminated: symbolTriangle,
	rejected: symbolSquare
} as const;

/** The symbol path of an outcome mark (a shape per outcome, beside its word). */
export function outcomeSymbol(kind: OutcomeKind, size = 90): string {
	return symbol(SYMBOLS[kind], size)() ?? '';
}

/** Lays out the quiesce window for `rels` at `nowMs`, with `trace` (if any) under the lanes. */
export function layoutQuiesceWindow(
	rels: readonly TimelineRelocation[],
	nowMs: number,
	trace: LatencyTrace | null,
	options: QuiesceWindowLayoutOptions,
	traceTitle = ''
): QuiesceWindowLayout {
	const width = Math.max(320, options.width);
	const laneH = options.laneHeight ?? 12;
	const domain = options.domain ?? fullDomain(rels, nowMs);
	const x0 = LABEL_W;
	const x1 = width - RIGHT;
	const x = scaleLinear().domain(domain).range([x0, x1]);
	const xc = (t: number) => r2(Math.min(x1, Math.max(x0, x(t))));
	const inView = (t: number) => t >= domain[0] && t <= domain[1];

	const seconds = scaleLinear().domain([domain[0] / 1000, domain[1] / 1000]);
	const count = Math.max(2, Math.floor((x1 - x0) / 90));
	const fmt = seconds.tickFormat(count);
	const timeTicks = seconds
		.ticks(count)
		.map((s) => ({ value: s * 1000, pos: r2(x(s * 1000)), label: fmt(s) }));

	let y = TOP;
	const laidOut: LaidOutRelocation[] = rels.map((rel) => {
		const top = y;
		const headerY = top + 13;
		y += HEADER;
		if (rel.startedAt > domain[1] || endOf(rel, nowMs) < domain[0]) {
			// Out of view (zoomed elsewhere): its name only, the lanes folded away.
			y += BLOCK_GAP / 2;
			return {
				id: rel.id,
				name: relocationName(rel),
				outcome: outcomeText(rel),
				top,
				headerY,
				collapsed: true,
				lanes: [],
				mark: null,
				budget: null,
				startMs: rel.startedAt,
				endMs: endOf(rel, nowMs)
			};
		}
		const spans = phaseSpans(rel, nowMs);
		const lanes: LaidOutLane[] = PHASE_LANES.map((lane) => {
			const laneY = y;
			y += laneH + LANE_GAP;
			return {
				phase: lane.phase,
				label: lane.label,
				quiesced: lane.quiesced,
				y: laneY,
				height: laneH,
				spans: spans
					.filter((s) => s.phase === lane.phase)
					.filter((s) => s.endMs >= domain[0] && s.startMs <= domain[1])
					.map((s) => {
						const a = xc(s.startMs);
						const b = xc(s.endMs);
						return {
							phase: s.phase,
							startMs: s.startMs,
							endMs: s.endMs,
							x: a,
							// An instant (Eligibility) still shows.
							width: r2(Math.max(2, b - a)),
							open: s.open,
							clipped: s.startMs < domain[0] || s.endMs > domain[1]
						};
					})
			};
		});

		let mark: OutcomeMark | null = null;
		if (rel.outcome && rel.endedAt !== null && inView(rel.endedAt)) {
			const lastLane = [...spans].reverse()[0];
			const lane = lanes.find((l) => l.phase === (lastLane?.phase ?? 'Eligibility'))!;
			const mx = xc(rel.endedAt);
			const label = rel.outcome;
			const room = x1 - mx - 10 >= estimateTextWidth(label, FONT);
			mark = {
				kind: rel.outcome,
				x: mx,
				y: r2(lane.y + laneH / 2),
				symbol: outcomeSymbol(rel.outcome),
				label,
				anchor: room ? 'start' : 'end'
			};
		}

		let budget: BudgetRow | null = null;
		const q = quiesceSpan(rel, nowMs);
		if (q) {
			const rowY = y;
			y += BUDGET_ROW;
			const used = q.endMs - q.startMs;
			const limit = rel.maxQuiesceMs;
			const bEnd = limit === null ? null : q.startMs + limit;
			const qx0 = xc(q.startMs);
			const qx1 = Math.max(qx0 + 2, xc(q.endMs));
			const label =
				`quiesced ${formatMs(used)}${q.open ? ' so far' : ''} of ` +
				(limit === null
					? 'MAXQUIESCE NOLIMIT'
					: `a ${formatMs(limit)} MAXQUIESCE budget (${pct(used, limit)})`);
			const tw = estimateTextWidth(label, FONT - 1);
			const startAt = qx1 + 6;
			const fits = startAt + tw <= x1;
			budget = {
				y: rowY,
				height: BUDGET_ROW - 4,
				usedMs: used,
				open: q.open,
				x0: qx0,
				x1: r2(qx1),
				budgetMs: limit,
				budgetX1: bEnd === null ? null : xc(bEnd),
				budgetClipped: bEnd !== null && bEnd > domain[1],
				exhausted: limit !== null && used >= limit,
				label,
				labelX: r2(fits ? startAt : Math.max(x0 + tw, qx0 - 6)),
				labelAnchor: fits ? 'start' : 'end',
				hidden: q.endMs < domain[0] || q.startMs > domain[1]
			};
		}
		y += BLOCK_GAP;
		return {
			id: rel.id,
			name: relocationName(rel),
			outcome: outcomeText(rel),
			top,
			headerY,
			collapsed: false,
			lanes,
			mark,
			budget,
			startMs: rel.startedAt,
			endMs: endOf(rel, nowMs)
		};
	});

	let traceLayout: TraceLayout | null = null;
	if (trace) {
		const top = y + TRACE_TITLE;
		const h = options.traceHeight ?? 120;
		const maxPts = Math.min(2000, options.maxTracePoints ?? Math.floor((x1 - x0) / 1.5));
		const pts = downsampleMax(trace.points, maxPts, domain[0], domain[1]);
		const maxLat = Math.max(1, ...pts.map((p) => p.latencyMs));
		const ys = scaleLinear()
			.domain([0, maxLat * 1.15])
			.range([top + h, top])
			.nice(4);
		const xy = pts.map((p) => ({ x: r2(x(p.t)), y: r2(ys(p.latencyMs)) }));
		const path =
			line<{ x: number; y: number }>()
				.x((p) => p.x)
				.y((p) => p.y)(xy) ?? '';
		const s = trace.stall;
		const visibleMax = pts.reduce<LatencyPoint | null>(
			(m, p) => (!m || p.latencyMs > m.latencyMs ? p : m),
			null
		);
		traceLayout = {
			top,
			height: h,
			title: traceTitle,
			yTicks: ys.ticks(4).map((v) => ({ value: v, pos: r2(ys(v)), label: formatCompact(v) })),
			points: pts,
			path,
			dots: pts.length <= 300,
			xy,
			stall:
				s && s.endMs >= domain[0] && s.startMs <= domain[1]
					? {
							x0: xc(s.startMs),
							x1: r2(Math.max(xc(s.startMs) + 2, xc(s.endMs))),
							y: r2(top + 4),
							label: `stall ${formatMs(s.durationMs)}`,
							durationMs: s.durationMs
						}
					: null,
			max: visibleMax
				? {
						x: r2(x(visibleMax.t)),
						y: r2(ys(visibleMax.latencyMs)),
						label: `slowest ${formatMs(visibleMax.latencyMs)}`,
						latencyMs: visibleMax.latencyMs
					}
				: null
		};
		y = top + h;
	}
	const axisY = y + 6;
	const running = rels.some((r) => r.endedAt === null);
	return {
		width,
		height: axisY + AXIS,
		domain,
		x0,
		x1,
		labelWidth: LABEL_W,
		axisY,
		timeTicks,
		timeUnit: 's',
		relocations: laidOut,
		trace: traceLayout,
		now: running && inView(nowMs) ? r2(x(nowMs)) : null
	};
}

function pct(used: number, of: number): string {
	if (!(of > 0)) return '—';
	const p = (100 * used) / of;
	return `${p >= 10 ? Math.round(p) : Number(p.toPrecision(2))} %`;
}

/** The view's description in words: the key figures per relocation and of the trace. */
export function quiesceWindowSummary(
	rels: readonly TimelineRelocation[],
	nowMs: number,
	trace: LatencyTrace | null,
	traced: TimelineRelocation | null
): string {
	if (rels.length === 0) return 'No relocations yet.';
	const parts = [`${rels.length} ${rels.length === 1 ? 'relocation' : 'relocations'}.`];
	for (const rel of rels) {
		const q = quiesceSpan(rel, nowMs);
		const total = endOf(rel, nowMs) - rel.startedAt;
		parts.push(
			`${relocationName(rel)}, ${outcomeText(rel)}` +
				(q
					? `: quiesced ${formatMs(q.endMs - q.startMs)}${q.open ? ' so far' : ''} of a ${formatMs(rel.maxQuiesceMs)} budget`
					: ': never quiesced') +
				`; ${formatMs(total)} in all.`
		);
	}
	if (trace && traced) {
		const p = trace.profile;
		parts.push(
			`Request latency of ${traced.user} (${p.ratePerS} ${p.what} a second, ${formatMs(p.serviceMs)} each)` +
				(trace.stall
					? `: the guest stopped for ${formatMs(trace.stall.durationMs)}, the slowest request took ${formatMs(trace.max?.latencyMs ?? 0)}.`
					: `: no stall; the slowest request took ${formatMs(trace.max?.latencyMs ?? 0)}.`)
		);
	}
	return parts.join(' ');
}
