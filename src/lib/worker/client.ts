/**
 * The page side of the simulation worker: creates the worker (browser only), numbers requests
 * and turns their answers into Promises, and fans pushed frames out to subscribers (the
 * request machinery is port-client.ts, shared with compare mode).
 */
import { connectPort, RequestError } from './port-client';
import type {
	FrameMessage,
	OkFor,
	OkResponse,
	PageMapFrame,
	RequestBody,
	SimRequest,
	SimView
} from './protocol';

/** A request the simulation worker refused: `field` names the offending field when there is one. */
export class SimRequestError extends RequestError {
	override name = 'SimRequestError';
}

export interface SimClient {
	/** Sends a request; resolves with its `ok` answer, rejects with a {@link SimRequestError}. */
	request<B extends RequestBody>(body: B): Promise<OkFor<B['type']>>;
	/**
	 * Calls `fn` with every frame, and the page-map image when the frame carries one (the buffer
	 * was transferred: it belongs to the page now). Returns the unsubscribe function.
	 */
	subscribe(fn: FrameListener): () => void;
	/** Calls `fn` with problems not tied to a request (the worker failed, playback stopped). */
	onProblem(fn: (message: string) => void): () => void;
	/** Stops the worker; pending requests are rejected. */
	terminate(): void;
}

/** A frame subscriber: the view, and the page-map image when the frame carries one. */
export type FrameListener = (view: SimView, pageMap: PageMapFrame | null) => void;

/** Wraps an existing worker-like port (the real worker, or a stand-in in tests). */
export function connect(worker: Worker): SimClient {
	const port = connectPort<SimRequest, OkResponse, FrameMessage>(
		worker,
		'the simulation worker',
		(message, field) => new SimRequestError(message, field)
	);
	return {
		request: (body) => port.request(body),
		subscribe: (fn) => port.subscribe(({ view, pageMap }) => fn(view, pageMap ?? null)),
		onProblem: (fn) => port.onProblem(fn),
		terminate: () => port.terminate()
	};
}

/** Starts the simulation worker. Browser only: throws during server-side rendering. */
export function createSimClient(): SimClient {
	if (typeof Worker === 'undefined') {
		throw new Error('the simulation worker needs a browser (Worker is not available here)');
	}
	const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
	return connect(worker);
}
