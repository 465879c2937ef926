/**
 * The differences between the two sides of a comparison: total time, quiesce time, passes,
 * pages sent and outcome, as numbers (B − A and B ÷ A) and in words a learner reads ("B's
 * quiesce was 3.2× longer than A's"). Pure: the page shows them and the narration reads them.
 */
import type { SideLimit, SideOutcome, SideStatus } from './side';

/** One figure on both sides. `ratio` is B ÷ A, null when A's is 0. */
export interface Figure {
	a: number;
	b: number;
	diff: number;
	ratio: number | null;
}

/** How a side stands: its outcome, `running` before the end, `unfinished` at the horizon. */
export type SideState = SideOutcome | 'running' | 'unfinished';

export interface SideSummary {
	state: SideState;
	limit: SideLimit | null;
	/** From the MOVE to the end (to the clock while running). */
	totalMs: number;
	quiesceMs: number;
	passes: number;
	pagesSent: number;
}

export interface Differences {
	/** True once both sides have ended (or the horizon was reached): the figures are final. */
	final: boolean;
	a: SideSummary;
	b: SideSummary;
	totalMs: Figure;
	quiesceMs: Figure;
	passes: Figure;
	pagesSent: Figure;
	sameOutcome: boolean;
	/** The differences in words, the outcome first. */
	sentences: string[];
}

function figure(a: number, b: number): Figure {
	return { a, b, diff: b - a, ratio: a > 0 ? b / a : null };
}

/** A side's standing at clock time `clockMs`. */
export function summarize(s: SideStatus, clockMs: number, final: boolean): SideSummary {
	return {
		state: s.outcome ?? (final ? 'unfinished' : 'running'),
		limit: s.limit,
		totalMs: s.endedAtMs ?? clockMs,
		quiesceMs: s.quiesceMs,
		passes: s.passesDone,
		pagesSent: s.pagesSent
	};
}

/** The differences of B from A at clock time `clockMs`. */
export function differences(
	a: SideStatus,
	b: SideStatus,
	clockMs: number,
	final: boolean
): Differences {
	const sa = summarize(a, clockMs, final);
	const sb = summarize(b, clockMs, final);
	const d = {
		final,
		a: sa,
		b: sb,
		totalMs: figure(sa.totalMs, sb.totalMs),
		quiesceMs: figure(sa.quiesceMs, sb.quiesceMs),
		passes: figure(sa.passes, sb.passes),
		pagesSent: figure(sa.pagesSent, sb.pagesSent),
		sameOutcome: sa.state === sb.state && sa.limit === sb.limit,
		sentences: [] as string[]
	};
	d.sentences = sentences(d);
	return d;
}

// ---------------------------------------------------------------------------------------------
// Words

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators. */
export function formatCount(n: number): string {
	return grouped.format(n);
}

const sig = (n: number, digits: number) => String(Number(n.toPrecision(digits)));

/** A simulated duration: `3.4 ms`, `310 ms`, `12.3 s`, `2 min 5 s`, `1 h 0 min`. */
export function formatSpan(ms: number): string {
	const a = Math.abs(ms);
	if (a < 10) return `${sig(ms, 2)} ms`;
	if (a < 1000) return `${Math.round(ms)} ms`;
	if (a < 60_000) return `${sig(ms / 1000, 3)} s`;
	const s = Math.round(a / 1000);
	const sign = ms < 0 ? '-' : '';
	if (s < 3600) return `${sign}${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
	return `${sign}${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A ratio as the page prints it: `3.2×` under 10, `12×` above. */
export function formatRatio(r: number): string {
	return `${r < 10 ? r.toFixed(1) : String(Math.round(r))}×`;
}

/** A signed difference of durations: `+1.2 s`, `−310 ms`, `0 ms`. */
export function formatSpanDiff(ms: number): string {
	if (ms === 0) return '0 ms';
	return `${ms > 0 ? '+' : '−'}${formatSpan(Math.abs(ms))}`;
}

/** A signed difference of counts: `+3`, `−1,024`, `0`. */
export function formatCountDiff(n: number): string {
	if (n === 0) return '0';
	return `${n > 0 ? '+' : '−'}${formatCount(Math.abs(n))}`;
}

/** What a side's standing is, in words: "relocated", "was cancelled: MAXQUIESCE exceeded". */
export function stateWords(s: SideSummary): string {
	switch (s.state) {
		case 'relocated':
			return 'relocated';
		case 'cancelled':
			return `was cancelled: ${s.limit ?? 'a limit'} exceeded, the guest stays on the source`;
		case 'terminated':
			return 'stopped: the memory transfer could not complete, the guest stays on the source';
		case 'running':
			return 'is still relocating';
		case 'unfinished':
			return `was still moving memory when the comparison stopped at ${formatSpan(s.totalMs)}`;
	}
}

/**
 * "B's quiesce was 3.2× longer than A's (1.2 s against 380 ms)", or A's when A's is longer;
 * "slightly longer" when the ratio rounds to 1.0×; the same value on both sides says so.
 */
function longer(what: string, f: Figure, fmt: (ms: number) => string): string {
	if (f.a === f.b) return `${capital(what)} was the same on both sides: ${fmt(f.a)}.`;
	const [hi, lo, hiV, loV] = f.b > f.a ? ['B', 'A', f.b, f.a] : ['A', 'B', f.a, f.b];
	const against = `(${fmt(hiV)} against ${fmt(loV)})`;
	if (loV <= 0) return `${hi}'s ${what} was ${fmt(hiV)}; ${lo}'s was 0 ${against}.`;
	const r = hiV / loV;
	const how = formatRatio(r) === '1.0×' ? 'slightly longer' : `${formatRatio(r)} longer`;
	return `${hi}'s ${what} was ${how} than ${lo}'s ${against}.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function sentences(d: Omit<Differences, 'sentences'>): string[] {
	const out: string[] = [];
	const { a, b } = d;
	if (d.sameOutcome) {
		out.push(
			a.state === 'relocated'
				? 'Both relocated.'
				: `Both ${stateWords(a).replace(' the guest stays', ' each guest stays')}.`
		);
	} else {
		out.push(`A ${stateWords(a)}; B ${stateWords(b)}.`);
	}
	out.push(longer('total time', d.totalMs, formatSpan));
	if (a.quiesceMs === 0 && b.quiesceMs === 0) out.push('Neither guest was quiesced.');
	else out.push(longer('quiesce', d.quiesceMs, formatSpan));
	const passes = (n: number) => `${n} ${n === 1 ? 'pass' : 'passes'}`;
	out.push(
		d.passes.a === d.passes.b
			? `Both made ${passes(d.passes.a)} through memory.`
			: `A made ${passes(d.passes.a)} through memory, B ${passes(d.passes.b)}.`
	);
	const pa = d.pagesSent.a;
	const pb = d.pagesSent.b;
	if (pa === pb) out.push(`Both sent ${formatCount(pa)} pages.`);
	else {
		const [hi, lo, hiV, loV] = pb > pa ? ['B', 'A', pb, pa] : ['A', 'B', pa, pb];
		const r = loV > 0 ? formatRatio(hiV / loV) : null;
		out.push(
			r && r !== '1.0×'
				? `${hi} sent ${r} as many pages as ${lo} (${formatCount(hiV)} against ${formatCount(loV)}).`
				: `${hi} sent ${formatCount(hiV - loV)} more pages than ${lo} (${formatCount(hiV)} against ${formatCount(loV)}).`
		);
	}
	return out;
}
