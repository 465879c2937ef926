/**
 * The console/log tail of frames: built in the worker, merged on the page. Pure, and light to
 * import on the page (types only from the core).
 */
import type { Simulation } from '../core/simulation';
import type { ConsoleLine } from '../core/sim/events';
import type { ResultView, TailView } from './protocol';

/** Console lines kept per member in a frame. */
export const CONSOLE_TAIL = 200;
/** Log entries kept in a frame. */
export const LOG_TAIL = 80;
/** Recent `apply` results kept in a frame. */
export const RESULTS_TAIL = 8;

/** How much of the console and the log earlier tails have carried (their lengths then). */
export interface TailMark {
	console: number;
	log: number;
}

/**
 * Characters of console lines one tail carries at most (about 24 KiB of JSON): a burst of
 * output larger than that goes over the next frames, so that no frame outgrows its budget.
 */
export const TAIL_CONSOLE_BUDGET = 24 * 1024;
/** What a console line costs in a frame besides its text: its JSON keys, time and member. */
const LINE_OVERHEAD = 56;

const cost = (line: ConsoleLine): number => line.text.length + line.on.length + LINE_OVERHEAD;

/** A tail, how far it carried the console and the log, and whether it carried all that is new. */
export interface BuiltTail {
	tail: TailView;
	mark: TailMark;
	complete: boolean;
}

/**
 * The slow-changing part: console and log tails and recent results. Without `since`, or when
 * the simulation has fewer lines than `since` says were sent (it was replaced), the tail is
 * whole: the last lines of each member (at most {@link CONSOLE_TAIL}, newest first, within
 * {@link TAIL_CONSOLE_BUDGET}) and the last {@link LOG_TAIL} log entries. With `since`, the
 * console lines added after it, oldest first, as many as the budget allows (`complete` is
 * false when some are left for the next tail), and the log entries added after it.
 */
export function buildTailFrom(
	sim: Simulation,
	results: readonly ResultView[],
	since?: TailMark
): BuiltTail {
	const s = sim.state;
	const reset = !since || s.console.length < since.console || s.log.length < since.log;
	const console: Record<string, ConsoleLine[]> = {};
	for (const m of s.cluster.members) console[m.name] = [];
	let budget = TAIL_CONSOLE_BUDGET;
	let reached = s.console.length;
	if (reset) {
		// Walk backwards so a long console costs only the lines that are kept.
		for (let i = s.console.length - 1; i >= 0 && budget > 0; i--) {
			const line = s.console[i]!;
			const list = console[line.on];
			if (!list || list.length >= CONSOLE_TAIL) continue;
			list.push(line);
			budget -= cost(line);
		}
		for (const list of Object.values(console)) list.reverse();
	} else {
		for (let i = since.console; i < s.console.length; i++) {
			const line = s.console[i]!;
			// Always at least one line, so that the console moves on whatever its lines weigh.
			if (budget <= 0 && i > since.console) {
				reached = i;
				break;
			}
			console[line.on]?.push(line);
			budget -= cost(line);
		}
	}
	const from = Math.max(reset ? 0 : since.log, s.log.length - LOG_TAIL);
	return {
		tail: {
			reset,
			console,
			log: s.log.slice(from).map((e, i) => ({ ...e, n: from + i })),
			logTotal: s.log.length,
			results: results.slice(-RESULTS_TAIL)
		},
		mark: { console: reached, log: s.log.length },
		complete: reached === s.console.length
	};
}

/** {@link buildTailFrom}'s tail alone. */
export function buildTail(
	sim: Simulation,
	results: readonly ResultView[],
	since?: TailMark
): TailView {
	return buildTailFrom(sim, results, since).tail;
}

/** Where a tail leaves the page: the mark to build the next tail from. */
export function tailMark(sim: Simulation): TailMark {
	return { console: sim.state.console.length, log: sim.state.log.length };
}

/**
 * What the page holds after a tail arrives: a whole tail replaces it, a partial one is appended
 * (kept to the same caps). Pure: the page's runes adapter calls it on each tail.
 */
export function mergeTail(held: TailView | null, incoming: TailView): TailView {
	if (incoming.reset || !held) return { ...incoming, reset: true };
	const console: Record<string, ConsoleLine[]> = {};
	for (const [member, lines] of Object.entries(incoming.console)) {
		const before = held.console[member] ?? [];
		console[member] = lines.length === 0 ? before : [...before, ...lines].slice(-CONSOLE_TAIL);
	}
	const log =
		incoming.log.length === 0 ? held.log : [...held.log, ...incoming.log].slice(-LOG_TAIL);
	return { reset: true, console, log, logTotal: incoming.logTotal, results: incoming.results };
}
