/// <reference lib="webworker" />
/**
 * The simulation worker: a thin shell that wires {@link SimHost} to `postMessage`, the
 * worker's monotonic clock and its timers. All logic lives in sim-host.ts.
 */
import { SimHost } from './sim-host';
import type { WorkerMessage } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new SimHost({
	post: (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
		scope.postMessage(message, transfer),
	now: () => performance.now(),
	setTimer: (fn, ms) => setTimeout(fn, ms),
	clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
});

scope.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
// A message that cannot even be deserialised still gets an answer; the simulation carries on.
scope.addEventListener('messageerror', () =>
	scope.postMessage({
		id: null,
		type: 'error',
		field: null,
		message: 'a message could not be deserialised'
	} satisfies WorkerMessage)
);
