/**
 * The embed's locked range: the span of simulated time it shows. Seeks and steps are kept
 * inside it and play stops at its end (`to`); an open end (`to` null) goes as far as the run
 * has been (`latest`) for a seek, and on for ever for play. Pure.
 */

export interface TimeRange {
	from: number;
	/** Null: no end. */
	to: number | null;
}

/** The latest time a seek may reach: the end of the range, but never past what the run has reached. */
export function seekEnd(range: TimeRange, latest: number): number {
	return Math.max(range.from, Math.min(range.to ?? latest, latest));
}

/** A seek target brought inside the range and what the run has reached. */
export function clampSeek(t: number, range: TimeRange, latest: number): number {
	return Math.min(Math.max(t, range.from), seekEnd(range, latest));
}

/** True when the time shown is at (or past) the end of a closed range. */
export function atEnd(now: number, range: TimeRange): boolean {
	return range.to !== null && now >= range.to;
}

/**
 * What a step does in a range: run to the next event (`step`), go to the end of the range
 * because the next event lies beyond it (`to`, with the time), or nothing (`none`: already at
 * the end). `next` is the next event's time (the timeline's when viewing the past), or null.
 */
export function stepAction(
	now: number,
	next: number | null,
	range: TimeRange
): { kind: 'step' } | { kind: 'to'; t: number } | { kind: 'none' } {
	if (range.to === null) return { kind: 'step' };
	if (now >= range.to) return { kind: 'none' };
	if (next !== null && next <= range.to) return { kind: 'step' };
	return { kind: 'to', t: range.to };
}
