/**
 * The convergence view of a relocation's memory transfer: the pages each pass sent, the pages
 * still dirty at the end of each pass, the z/VM policy's quiesce threshold, the quiesce time the
 * passes project against MAXQUIESCE, and the closed-form series V(i) = V(0)·r^i beside them.
 * Pure: numbers in, coordinates and SVG path data out (d3-scale, d3-shape); no DOM.
 *
 * What the figures are, from a relocation's completed passes (`RelocationState.passes`, or a
 * frame's `PassView`s, which may start after pass 1):
 * - **Dirty after pass k** is what pass k+1 sends: the engine reads and clears the dirty bitmap
 *   at the start of each pass (engine/precopy.ts), so the pages changed during pass k are
 *   exactly pass k+1's. After the final quiesced pass nothing is left (0). For the pass under
 *   way the caller knows it (`currentPassSent + currentPassLeft`) and passes it in.
 * - **Measured bandwidth** is the policy's: pages over ms of the last pre-copy pass that sent
 *   any, else over all pre-copy passes (`PassStats.measuredUnitsPerMs`).
 * - **Threshold**: the z/VM policy quiesces when the dirty pages move within its quiesce target
 *   at the measured rate (policy-zvm.ts, rule 2): target × bandwidth pages.
 * - **Projected quiesce**: the pages dirty after the last pre-copy pass (what the quiesced
 *   passes must move) / bandwidth + the guest state's time. The final pass carries only what
 *   the guest's I/O wrote while its devices moved (a few MiB at most, workload.ts), so it is
 *   left out.
 * - **Closed form**: r estimated from the pre-copy passes that sent pages, by least squares on
 *   ln V(i) against i (i = pass − 1). With pass 1 present the line is anchored at V(0) = pass 1
 *   (the resident set, exact), so ln r = Σ i·ln(V(i)/V(0)) / Σ i². Without it, ordinary least
 *   squares gives both V(0) and r. A given r (the workload's dirty rate / the bandwidth, when
 *   the caller knows them) replaces the estimate. The series predicts the pre-copy passes and
 *   the first quiesced one (the pages dirtied during the last pre-copy pass); the final pass is
 *   not part of it.
 */
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { zvmQuiesceTargetMs, zvmQuiesceThresholdPages } from '../core/engine/policy-zvm';
import { formatCompact, formatCount, formatMs, formatRate, formatRatio } from './chart-format';

/** One pass through memory, as a relocation records it (`PassRecord`, `PassView`). */
export interface ConvergencePass {
	readonly n: number;
	readonly pages: number;
	readonly startMs: number;
	readonly endMs: number;
	readonly quiesced: boolean;
}

/** What the chart shows, as plain data (the component's props, less the view options). */
export interface ConvergenceInput {
	/** Completed passes in order. */
	readonly passes: readonly ConvergencePass[];
	/**
	 * Pages dirty at the end of each pass, index-aligned with `passes` (null: not known). Entries
	 * missing or null are derived (see the module comment); give the last one for a pass under way.
	 */
	readonly dirtyAfterPass?: readonly (number | null)[];
	/** The threshold to draw, pages; default: the z/VM policy's, from the measured bandwidth. */
	readonly thresholdPages?: number;
	/** Transfer rate, pages per ms; default: measured over the passes. */
	readonly bandwidthPagesPerMs?: number;
	/** Time to move the guest state and I/O devices while quiesced, ms. Default 100 (the model's). */
	readonly guestStateMs?: number;
	/** MAXQUIESCE in ms; null for NOLIMIT. */
	readonly maxQuiesceMs: number | null;
	/** The policy's quiesce target, ms; default min(250 ms, MAXQUIESCE / 2) as the policy does. */
	readonly targetQuiesceMs?: number;
	/** The time the guest was actually quiesced, ms, when known (`RelocationState.quiesceMs`). */
	readonly quiesceMs?: number;
	/** r for the closed form, instead of the estimate. */
	readonly predictionRatio?: number;
}

/** The guest state's time in the simulation's defaults (`relocationGuestStateMs`). */
export const DEFAULT_GUEST_STATE_MS = 100;

/** The closed form's parameters and where they came from. */
export interface RatioEstimate {
	/** r per pass. */
	ratio: number;
	/** V(0): pages of pass 1. */
	v0: number;
	/** `given` r; `anchored` at pass 1 and fitted; or a free least-squares `fit`. */
	method: 'given' | 'anchored' | 'fit';
	/** Pre-copy passes with pages the estimate used. */
	passesUsed: number;
}

/** The figures of the chart, for its description, its table and its tests. */
export interface ConvergenceFigures {
	passes: number;
	precopyPasses: number;
	quiescedPasses: number;
	pagesSent: number;
	/** Index-aligned with the passes. */
	dirtyAfter: (number | null)[];
	bandwidthPagesPerMs: number | null;
	bandwidthSource: 'given' | 'measured' | null;
	targetQuiesceMs: number;
	thresholdPages: number | null;
	thresholdSource: 'given' | 'policy' | null;
	/** Pages dirty after the last pre-copy pass: what the quiesce has to move. */
	remainingPages: number | null;
	/**
	 * `measured` (the next pass's size, or given), or `closed-form` V(0)·r^n when the quiesced
	 * pass was cut short and never recorded.
	 */
	remainingSource: 'measured' | 'closed-form' | null;
	guestStateMs: number;
	/** remaining / bandwidth + guest state, ms; null when either is unknown. */
	projectedQuiesceMs: number | null;
	usedQuiesceMs: number | null;
	maxQuiesceMs: number | null;
	/** The projection exceeds MAXQUIESCE: the relocation would be cancelled (000 A.1.7). */
	projectedOverBudget: boolean;
	/** The first pre-copy pass after which the dirty pages were within the threshold. */
	withinThresholdAfterPass: number | null;
	ratio: RatioEstimate | null;
}

const isPrecopy = (p: ConvergencePass) => !p.quiesced;

/**
 * The policy's measured rate, pages/ms: over the last pre-copy pass that sent pages in a
 * positive time, else over all pre-copy passes; null when nothing was measured.
 */
export function measuredPagesPerMs(passes: readonly ConvergencePass[]): number | null {
	const pre = passes.filter(isPrecopy);
	for (let i = pre.length - 1; i >= 0; i--) {
		const p = pre[i]!;
		if (p.pages > 0 && p.endMs > p.startMs) return p.pages / (p.endMs - p.startMs);
	}
	const pages = pre.reduce((a, p) => a + p.pages, 0);
	const ms = pre.reduce((a, p) => a + (p.endMs - p.startMs), 0);
	return pages > 0 && ms > 0 ? pages / ms : null;
}

/** Pages dirty after each pass: given where given, else derived (see the module comment). */
export function dirtyAfterPasses(
	passes: readonly ConvergencePass[],
	given: readonly (number | null)[] = []
): (number | null)[] {
	const quiescedTotal = passes.filter((p) => p.quiesced).length;
	return passes.map((p, i) => {
		const g = given[i];
		if (g !== undefined && g !== null && Number.isFinite(g)) return g;
		const next = passes[i + 1];
		if (next && next.n === p.n + 1) return next.pages;
		// The final pass of two quiesced ones leaves nothing: the guest then resumes.
		if (!next && p.quiesced && quiescedTotal >= 2) return 0;
		return null;
	});
}

/** r and V(0) of the closed form from the pre-copy passes (or a given r); null if unknowable. */
export function estimateRatio(
	passes: readonly ConvergencePass[],
	givenRatio?: number
): RatioEstimate | null {
	const pts = passes.filter((p) => isPrecopy(p) && p.pages > 0).map((p) => [p.n - 1, p.pages]);
	const first = passes.find((p) => p.n === 1 && p.pages > 0);
	const given = givenRatio !== undefined && Number.isFinite(givenRatio) && givenRatio >= 0;
	if (given) {
		if (first) return { ratio: givenRatio, v0: first.pages, method: 'given', passesUsed: 0 };
		if (pts.length === 0 || givenRatio === 0) return null;
		// V(0) that best fits the passes on a log scale with r fixed.
		const lnR = Math.log(givenRatio);
		const lnV0 = pts.reduce((a, [i, v]) => a + Math.log(v!) - i! * lnR, 0) / pts.length;
		return { ratio: givenRatio, v0: Math.exp(lnV0), method: 'given', passesUsed: pts.length };
	}
	if (first) {
		const rest = pts.filter(([i]) => i! >= 1);
		if (rest.length === 0) return null;
		let num = 0;
		let den = 0;
		for (const [i, v] of rest) {
			num += i! * Math.log(v! / first.pages);
			den += i! * i!;
		}
		return {
			ratio: Math.exp(num / den),
			v0: first.pages,
			method: 'anchored',
			passesUsed: rest.length + 1
		};
	}
	if (pts.length < 2) return null;
	const mx = pts.reduce((a, [i]) => a + i!, 0) / pts.length;
	const my = pts.reduce((a, [, v]) => a + Math.log(v!), 0) / pts.length;
	let sxy = 0;
	let sxx = 0;
	for (const [i, v] of pts) {
		sxy += (i! - mx) * (Math.log(v!) - my);
		sxx += (i! - mx) ** 2;
	}
	if (sxx === 0) return null;
	const slope = sxy / sxx;
	return {
		ratio: Math.exp(slope),
		v0: Math.exp(my - slope * mx),
		method: 'fit',
		passesUsed: pts.length
	};
}

/** V(0)·r^i for pass n = i + 1. */
export function closedForm(est: Pick<RatioEstimate, 'ratio' | 'v0'>, n: number): number {
	return est.v0 * est.ratio ** (n - 1);
}

/** The passes the closed form predicts: pre-copy ones and the first quiesced one. */
export function predictedPasses(passes: readonly ConvergencePass[]): ConvergencePass[] {
	const lastPre = passes.filter(isPrecopy).at(-1);
	if (!lastPre) return [];
	return passes.filter((p) => p.n <= lastPre.n + 1);
}

/** Every figure the chart shows, from its input. */
export function convergenceFigures(input: ConvergenceInput): ConvergenceFigures {
	const { passes, maxQuiesceMs } = input;
	const dirtyAfter = dirtyAfterPasses(passes, input.dirtyAfterPass);
	const given = input.bandwidthPagesPerMs;
	const hasGiven = given !== undefined && Number.isFinite(given) && given >= 0;
	const measured = measuredPagesPerMs(passes);
	const bandwidth = hasGiven ? given : measured;
	const policyOptions = { maxQuiesceMs: maxQuiesceMs ?? Infinity };
	const targetQuiesceMs = input.targetQuiesceMs ?? zvmQuiesceTargetMs(policyOptions);
	const thresholdGiven = input.thresholdPages;
	const thresholdPages =
		thresholdGiven !== undefined && Number.isFinite(thresholdGiven)
			? thresholdGiven
			: bandwidth !== null
				? zvmQuiesceThresholdPages(bandwidth, { ...policyOptions, targetQuiesceMs })
				: null;
	const guestStateMs = input.guestStateMs ?? DEFAULT_GUEST_STATE_MS;
	const ratio = estimateRatio(passes, input.predictionRatio);
	const lastPreIndex = passes.findLastIndex(isPrecopy);
	const measuredRemaining = lastPreIndex >= 0 ? (dirtyAfter[lastPreIndex] ?? null) : null;
	// Not known when the quiesced pass was cut short (MAXQUIESCE, CANCEL): the series says.
	const remainingPages =
		measuredRemaining ??
		(lastPreIndex >= 0 && ratio ? closedForm(ratio, passes[lastPreIndex]!.n + 1) : null);
	const projectedQuiesceMs =
		remainingPages !== null && bandwidth !== null && bandwidth > 0
			? remainingPages / bandwidth + guestStateMs
			: remainingPages === 0
				? guestStateMs
				: null;
	const quiesced = passes.filter((p) => p.quiesced);
	const usedQuiesceMs =
		input.quiesceMs !== undefined && (input.quiesceMs > 0 || quiesced.length > 0)
			? input.quiesceMs
			: quiesced.length >= 2
				? quiesced.at(-1)!.endMs - quiesced[0]!.startMs
				: null;
	let withinThresholdAfterPass: number | null = null;
	if (thresholdPages !== null) {
		const k = passes.findIndex(
			(p, i) => isPrecopy(p) && dirtyAfter[i] !== null && dirtyAfter[i]! <= thresholdPages
		);
		if (k >= 0) withinThresholdAfterPass = passes[k]!.n;
	}
	return {
		passes: passes.length,
		precopyPasses: passes.length - quiesced.length,
		quiescedPasses: quiesced.length,
		pagesSent: passes.reduce((a, p) => a + p.pages, 0),
		dirtyAfter,
		bandwidthPagesPerMs: bandwidth,
		bandwidthSource: hasGiven ? 'given' : measured !== null ? 'measured' : null,
		targetQuiesceMs,
		thresholdPages,
		thresholdSource:
			thresholdGiven !== undefined && Number.isFinite(thresholdGiven)
				? 'given'
				: thresholdPages !== null
					? 'policy'
					: null,
		remainingPages,
		remainingSource:
			measuredRemaining !== null ? 'measured' : remainingPages !== null ? 'closed-form' : null,
		guestStateMs,
		projectedQuiesceMs,
		usedQuiesceMs,
		maxQuiesceMs,
		projectedOverBudget:
			projectedQuiesceMs !== null && maxQuiesceMs !== null && projectedQuiesceMs > maxQuiesceMs,
		withinThresholdAfterPass,
		ratio
	};
}

/** The chart's description in words: the key figures, for `<desc>` and the caption. */
export function convergenceSummary(f: ConvergenceFigures): string {
	if (f.passes === 0) return 'No passes through memory yet.';
	const parts: string[] = [];
	parts.push(
		`${f.passes} ${f.passes === 1 ? 'pass' : 'passes'} (${f.quiescedPasses} quiesced) sent ${formatCount(f.pagesSent)} pages.`
	);
	const known = f.dirtyAfter.filter((d): d is number => d !== null);
	if (known.length > 0) {
		parts.push(
			`Pages still dirty after each pass: ${f.dirtyAfter.map((d) => (d === null ? 'unknown' : formatCount(d))).join(', ')}.`
		);
	}
	if (f.thresholdPages !== null) {
		parts.push(
			`Quiesce threshold ${formatCount(Math.round(f.thresholdPages))} pages (${formatMs(f.targetQuiesceMs)} at ${formatRate(f.bandwidthPagesPerMs ?? 0)})` +
				(f.withinThresholdAfterPass !== null
					? `, reached after pass ${f.withinThresholdAfterPass}.`
					: ', not reached.')
		);
	}
	if (f.projectedQuiesceMs !== null) {
		parts.push(
			`Projected quiesce ${formatMs(f.projectedQuiesceMs)} (${formatCount(Math.round(f.remainingPages ?? 0))} pages${f.remainingSource === 'closed-form' ? ' by the closed form' : ''} + ${formatMs(f.guestStateMs)} guest state) of a ${formatMs(f.maxQuiesceMs)} MAXQUIESCE budget` +
				(f.projectedOverBudget ? ': over budget.' : '.')
		);
	}
	if (f.usedQuiesceMs !== null) {
		parts.push(`Quiesced ${formatMs(f.usedQuiesceMs)} of a ${formatMs(f.maxQuiesceMs)} budget.`);
	}
	if (f.ratio) {
		parts.push(
			`Closed form V(0)·r^i with r = ${formatRatio(f.ratio.ratio)} (${f.ratio.method === 'given' ? 'given' : 'fitted to the pre-copy passes'}).`
		);
	}
	return parts.join(' ');
}

export interface ConvergenceLayoutOptions {
	/** Width of the drawing, px. */
	width: number;
	/** Height of the drawing, px (pass chart and quiesce bullet together). Default 340. */
	height?: number;
	/** A log y axis (geometric convergence is a straight line) or a linear one. Default log. */
	log?: boolean;
	/** Draw the closed-form overlay. Default false. */
	prediction?: boolean;
}

export interface Tick {
	value: number;
	/** Position on its axis, px. */
	pos: number;
	label: string;
}

export interface ConvergenceBar {
	n: number;
	pages: number;
	quiesced: boolean;
	x: number;
	y: number;
	width: number;
	height: number;
	/** The pass sent nothing (drawn as a 0 at the baseline). */
	empty: boolean;
}

export interface ConvergencePoint {
	n: number;
	pages: number;
	x: number;
	y: number;
	/** Below the log axis's floor: drawn at the baseline. */
	clamped: boolean;
}

export interface BulletBar {
	ms: number;
	x: number;
	width: number;
	label: string;
}

export interface ConvergenceLayout {
	width: number;
	height: number;
	log: boolean;
	/** The pass chart's plot area. */
	plot: { x: number; y: number; width: number; height: number };
	yTicks: Tick[];
	xTicks: Tick[];
	bars: ConvergenceBar[];
	/** Pages dirty at the end of each pass, at the gap after its bar. */
	dirty: { points: ConvergencePoint[]; path: string };
	threshold: { pages: number; y: number; label: string; clamped: boolean } | null;
	prediction: {
		estimate: RatioEstimate;
		points: ConvergencePoint[];
		path: string;
		label: string;
	} | null;
	/** The quiesce bullet: projected and used quiesce time against MAXQUIESCE. */
	bullet: {
		y: number;
		height: number;
		x: number;
		width: number;
		ticks: Tick[];
		projected: BulletBar | null;
		used: BulletBar | null;
		budget: { ms: number; x: number; label: string } | null;
		target: { ms: number; x: number };
		over: boolean;
	};
	figures: ConvergenceFigures;
}

const MARGIN = { top: 16, right: 16, bottom: 40, left: 56 };
const BULLET_BLOCK = 78;
const BULLET_HEIGHT = 16;
const MIN_PLOT_HEIGHT = 100;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Ticks of a log axis over [lo, hi]: powers of ten, with 2 and 5 between when there is room. */
export function logTicks(lo: number, hi: number): number[] {
	const a = Math.floor(Math.log10(lo));
	const b = Math.ceil(Math.log10(hi));
	const decades = b - a;
	const mult = decades <= 2 ? [1, 2, 5] : [1];
	const step = decades > 7 ? 2 : 1;
	const out: number[] = [];
	for (let e = a; e <= b; e += step) {
		for (const m of mult) {
			const v = m * 10 ** e;
			if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
		}
	}
	return out;
}

/** Lays out the convergence chart for `input` in `options.width` × `options.height` px. */
export function layoutConvergence(
	input: ConvergenceInput,
	options: ConvergenceLayoutOptions
): ConvergenceLayout {
	const figures = convergenceFigures(input);
	const width = Math.max(240, options.width);
	const height = Math.max(
		MARGIN.top + MIN_PLOT_HEIGHT + MARGIN.bottom + BULLET_BLOCK,
		options.height ?? 340
	);
	const log = options.log ?? true;
	const plot = {
		x: MARGIN.left,
		y: MARGIN.top,
		width: width - MARGIN.left - MARGIN.right,
		height: height - MARGIN.top - MARGIN.bottom - BULLET_BLOCK
	};
	const { passes } = input;

	const x = scaleBand<number>()
		.domain(passes.map((p) => p.n))
		.range([plot.x, plot.x + plot.width])
		.paddingInner(0.3)
		.paddingOuter(0.35);
	const bandW = x.bandwidth();
	const gap = x.step() * x.paddingInner();
	const centre = (n: number) => (x(n) ?? plot.x) + bandW / 2;
	const afterGap = (n: number) => (x(n) ?? plot.x) + bandW + gap / 2;

	const est = figures.ratio;
	const predicted = options.prediction && est ? predictedPasses(passes) : [];
	const values = [
		...passes.map((p) => p.pages),
		...figures.dirtyAfter.filter((d): d is number => d !== null),
		...(figures.thresholdPages !== null ? [figures.thresholdPages] : []),
		...(est ? predicted.map((p) => closedForm(est, p.n)) : [])
	].filter((v) => Number.isFinite(v));
	const maxV = Math.max(1, ...values);
	const bottom = plot.y + plot.height;
	let yTicks: Tick[];
	let yOf: (v: number) => number;
	let floor: number;
	if (log) {
		const y = scaleLog()
			.domain([1, Math.max(10, maxV * 1.15)])
			.range([bottom, plot.y])
			.nice();
		const [lo, hi] = y.domain() as [number, number];
		floor = lo;
		yOf = (v) => y(Math.max(lo, v));
		yTicks = logTicks(lo, hi).map((v) => ({ value: v, pos: r2(y(v)), label: formatCompact(v) }));
	} else {
		const y = scaleLinear()
			.domain([0, Math.max(1, maxV * 1.08)])
			.range([bottom, plot.y])
			.nice(5);
		floor = 0;
		yOf = (v) => y(Math.max(0, v));
		yTicks = y.ticks(5).map((v) => ({ value: v, pos: r2(y(v)), label: formatCompact(v) }));
	}
	const clampedAt = (v: number) => (log ? v < floor : false);

	const bars: ConvergenceBar[] = passes.map((p) => {
		const top = yOf(p.pages);
		return {
			n: p.n,
			pages: p.pages,
			quiesced: p.quiesced,
			x: r2(x(p.n) ?? plot.x),
			y: r2(top),
			width: r2(bandW),
			height: r2(bottom - top),
			empty: p.pages <= 0
		};
	});

	const every = Math.max(1, Math.ceil(26 / Math.max(1, x.step())));
	const xTicks: Tick[] = passes
		.filter((_, i) => i % every === 0 || i === passes.length - 1)
		.map((p) => ({ value: p.n, pos: r2(centre(p.n)), label: String(p.n) }));

	const point = (n: number, pages: number, at: number): ConvergencePoint => ({
		n,
		pages,
		x: r2(at),
		y: r2(yOf(pages)),
		clamped: clampedAt(pages)
	});
	const dirtyPoints = passes.flatMap((p, i) => {
		const d = figures.dirtyAfter[i];
		return d === null || d === undefined ? [] : [point(p.n, d, afterGap(p.n))];
	});
	// One path; a pass without a figure breaks it.
	const dirtyPath =
		line<[number, number | null]>()
			.defined((d) => d[1] !== null)
			.x((d) => afterGap(d[0]))
			.y((d) => yOf(d[1] ?? 0))(
			passes.map((p, i) => [p.n, figures.dirtyAfter[i] ?? null] as [number, number | null])
		) ?? '';

	const threshold =
		figures.thresholdPages !== null && passes.length > 0
			? {
					pages: figures.thresholdPages,
					y: r2(yOf(figures.thresholdPages)),
					label: `quiesce threshold ${formatCompact(figures.thresholdPages)} pages (${formatMs(figures.targetQuiesceMs)})`,
					clamped: clampedAt(figures.thresholdPages)
				}
			: null;

	let prediction: ConvergenceLayout['prediction'] = null;
	if (est && predicted.length > 0) {
		const pts = predicted.map((p) => point(p.n, closedForm(est, p.n), centre(p.n)));
		prediction = {
			estimate: est,
			points: pts,
			path:
				line<ConvergencePoint>()
					.x((p) => p.x)
					.y((p) => p.y)(pts) ?? '',
			label: `V(0)·r^i, r = ${formatRatio(est.ratio)}`
		};
	}

	// The bullet: a linear ms axis wide enough for the budget, the projection and the use.
	const by = bottom + MARGIN.bottom + 26;
	const domainMax = Math.max(
		figures.maxQuiesceMs ?? 0,
		figures.projectedQuiesceMs ?? 0,
		figures.usedQuiesceMs ?? 0,
		figures.targetQuiesceMs === Infinity ? 0 : figures.targetQuiesceMs,
		1
	);
	const bx = scaleLinear()
		.domain([0, domainMax * 1.04])
		.range([plot.x, plot.x + plot.width])
		.nice(6);
	const barOf = (ms: number | null, label: string): BulletBar | null =>
		ms === null
			? null
			: {
					ms,
					x: plot.x,
					width: r2(Math.max(2, bx(ms) - plot.x)),
					label: `${label} ${formatMs(ms)}`
				};
	const secTicks = bx.ticks(6);
	const bullet: ConvergenceLayout['bullet'] = {
		y: r2(by),
		height: BULLET_HEIGHT,
		x: plot.x,
		width: plot.width,
		ticks: secTicks.map((v) => ({ value: v, pos: r2(bx(v)), label: formatMs(v) })),
		projected: barOf(figures.projectedQuiesceMs, 'projected'),
		used: barOf(figures.usedQuiesceMs, 'quiesced'),
		budget:
			figures.maxQuiesceMs !== null
				? {
						ms: figures.maxQuiesceMs,
						x: r2(bx(figures.maxQuiesceMs)),
						label: `MAXQUIESCE ${formatMs(figures.maxQuiesceMs)}`
					}
				: null,
		target: {
			ms: figures.targetQuiesceMs,
			x: r2(bx(Math.min(figures.targetQuiesceMs, domainMax)))
		},
		over: figures.projectedOverBudget
	};

	return {
		width,
		height,
		log,
		plot,
		yTicks,
		xTicks,
		bars,
		dirty: { points: dirtyPoints, path: dirtyPath },
		threshold,
		prediction,
		bullet,
		figures
	};
}
