/// <reference lib="webworker" />
/**
 * The shell of a worker (sim.worker.ts, compare.worker.ts): gives its host `postMessage`, the
 * worker's monotonic clock and its timers, and hands it every message. A message that cannot
 * even be deserialised still gets an answer, and the host carries on.
 */
import type { HostTimers } from './host-loop';
import type { ErrorMessage } from './messages';

/** What a worker's host is given: the timers, and `postMessage` with optional transfers. */
export interface WorkerEnv<M> extends HostTimers {
	post(message: M, transfer?: ArrayBuffer[]): void;
}

/** Runs the host `create` builds in this worker. */
export function serve<M>(create: (env: WorkerEnv<M>) => { receive(data: unknown): void }): void {
	const scope = self as unknown as DedicatedWorkerGlobalScope;
	const host = create({
		post: (message, transfer = []) => scope.postMessage(message, transfer),
		now: () => performance.now(),
		setTimer: (fn, ms) => setTimeout(fn, ms),
		clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
	});
	scope.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
	scope.addEventListener('messageerror', () =>
		scope.postMessage({
			id: null,
			type: 'error',
			field: null,
			message: 'a message could not be deserialised'
		} satisfies ErrorMessage)
	);
}
