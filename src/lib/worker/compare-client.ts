/**
 * The page side of the compare worker: creates the worker (browser only), numbers requests and
 * turns their answers into Promises, and hands pushed frames to subscribers (the request
 * machinery is port-client.ts, shared with the lab).
 */
import { connectPort, RequestError } from './port-client';
import type {
	CompareFrame,
	CompareOk,
	CompareOkFor,
	CompareRequest,
	CompareRequestBody,
	CompareView
} from './compare-protocol';

/** A request the compare worker refused: `field` names the offending field when there is one. */
export class CompareRequestError extends RequestError {
	override name = 'CompareRequestError';
}

export interface CompareClient {
	/** Sends a request; resolves with its `ok` answer, rejects with a {@link CompareRequestError}. */
	request<B extends CompareRequestBody>(body: B): Promise<CompareOkFor<B['type']>>;
	/** Calls `fn` with every frame; returns the unsubscribe function. */
	subscribe(fn: (view: CompareView) => void): () => void;
	/** Calls `fn` with problems not tied to a request (the worker failed, playback stopped). */
	onProblem(fn: (message: string) => void): () => void;
	/** Stops the worker; pending requests are rejected. */
	terminate(): void;
}

/** Wraps an existing worker-like port (the real worker, or a stand-in in tests). */
export function connectCompare(worker: Worker): CompareClient {
	const port = connectPort<CompareRequest, CompareOk, CompareFrame>(
		worker,
		'the compare worker',
		(message, field) => new CompareRequestError(message, field)
	);
	return {
		request: (body) => port.request(body),
		subscribe: (fn) => port.subscribe(({ view }) => fn(view)),
		onProblem: (fn) => port.onProblem(fn),
		terminate: () => port.terminate()
	};
}

/** Starts the compare worker. Browser only: throws during server-side rendering. */
export function createCompareClient(): CompareClient {
	if (typeof Worker === 'undefined')
		throw new Error('the compare worker needs a browser (Worker is not available here)');
	const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' });
	return connectCompare(worker);
}
