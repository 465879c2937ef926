/**
 * The discrete-event queue: a binary min-heap ordered by simulated time, then by the order in
 * which events were scheduled (`seq`), so that events at the same millisecond run in a
 * deterministic order. It is a plain array of plain objects so that it serialises as-is.
 */
export interface Scheduled<E> {
	/** Simulated time in milliseconds at which the event fires. */
	at: number;
	/** Monotonic scheduling number; breaks ties between events at the same time. */
	seq: number;
	event: E;
}

function before<E>(x: Scheduled<E>, y: Scheduled<E>): boolean {
	return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}

/** Inserts an item into the heap. */
export function heapPush<E>(heap: Scheduled<E>[], item: Scheduled<E>): void {
	heap.push(item);
	let i = heap.length - 1;
	while (i > 0) {
		const parent = (i - 1) >> 1;
		if (!before(heap[i]!, heap[parent]!)) break;
		[heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
		i = parent;
	}
}

/** Removes and returns the earliest item, or undefined when the heap is empty. */
export function heapPop<E>(heap: Scheduled<E>[]): Scheduled<E> | undefined {
	if (heap.length === 0) return undefined;
	const top = heap[0]!;
	const last = heap.pop()!;
	if (heap.length > 0) {
		heap[0] = last;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
			if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
			if (m === i) break;
			[heap[i], heap[m]] = [heap[m]!, heap[i]!];
			i = m;
		}
	}
	return top;
}

/** The earliest item without removing it. */
export function heapPeek<E>(heap: readonly Scheduled<E>[]): Scheduled<E> | undefined {
	return heap[0];
}

/** Removes every item matching the predicate (used to cancel pending timers). */
export function heapRemoveWhere<E>(heap: Scheduled<E>[], drop: (e: E) => boolean): void {
	const kept = heap.filter((s) => !drop(s.event));
	heap.length = 0;
	for (const s of kept.sort((x, y) => (before(x, y) ? -1 : 1))) heap.push(s);
}
