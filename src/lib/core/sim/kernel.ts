import { heapPop, heapPeek, heapPush } from './event-queue';
import type { LogEntry, SimEvent } from './events';
import type { SimState } from './state';

/** Schedules an event `delayMs` after the current simulated time. */
export function schedule(state: SimState, delayMs: number, event: SimEvent): void {
	heapPush(state.queue, { at: state.now + Math.max(0, delayMs), seq: state.seq++, event });
}

/** Appends an entry to the event log at the current simulated time. */
export function record(state: SimState, entry: DistributiveOmit<LogEntry, 't'>): void {
	state.log.push({ t: state.now, ...entry } as LogEntry);
}

/** Time of the next pending event, or null when nothing is scheduled. */
export function nextEventTime(state: SimState): number | null {
	return heapPeek(state.queue)?.at ?? null;
}

/**
 * Pops the next event if it is due at or before `until`, advancing the clock to it.
 * Returns null (and leaves the clock alone) when nothing is due.
 */
export function takeDue(state: SimState, until: number): SimEvent | null {
	const head = heapPeek(state.queue);
	if (!head || head.at > until) return null;
	heapPop(state.queue);
	state.now = head.at;
	return head.event;
}

/** Omit that distributes over a union, so each variant keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
