/// <reference lib="webworker" />
/**
 * The compare worker: a thin shell that wires {@link CompareHost} to `postMessage`, the
 * worker's monotonic clock and its timers. All logic lives in compare-host.ts.
 */
import { CompareHost } from './compare-host';
import type { CompareWorkerMessage } from './compare-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new CompareHost({
	post: (message: CompareWorkerMessage) => scope.postMessage(message),
	now: () => performance.now(),
	setTimer: (fn, ms) => setTimeout(fn, ms),
	clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
});

scope.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
// A message that cannot even be deserialised still gets an answer; the comparison carries on.
scope.addEventListener('messageerror', () =>
	scope.postMessage({
		id: null,
		type: 'error',
		field: null,
		message: 'a message could not be deserialised'
	} satisfies CompareWorkerMessage)
);
