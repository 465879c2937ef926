/**
 * The page side of the simulation worker: creates the worker (browser only), numbers requests
 * and turns their answers into Promises, and fans pushed frames out to subscribers.
 */
import type {
	ErrorResponse,
	FrameMessage,
	OkFor,
	OkResponse,
	PageMapFrame,
	RequestBody,
	SimView,
	WorkerMessage
} from './protocol';

/** A request the worker refused: `field` names the offending field when there is one. */
export class SimRequestError extends Error {
	constructor(
		message: string,
		public readonly field: string | null
	) {
		super(message);
		this.name = 'SimRequestError';
	}
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

interface Pending {
	resolve: (r: OkResponse) => void;
	reject: (e: SimRequestError) => void;
}

/** Wraps an existing worker-like port (the real worker, or a stand-in in tests). */
export function connect(worker: Worker): SimClient {
	let nextId = 1;
	let closed = false;
	const pending = new Map<number, Pending>();
	const frameSubs = new Set<FrameListener>();
	const problemSubs = new Set<(message: string) => void>();

	const problem = (message: string) => {
		for (const fn of problemSubs) fn(message);
	};

	worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
		const msg = event.data;
		if (msg.type === 'frame') {
			const { view, pageMap } = msg as FrameMessage;
			for (const fn of frameSubs) fn(view, pageMap ?? null);
			return;
		}
		const waiting = msg.id === null ? undefined : pending.get(msg.id);
		if (!waiting) {
			if (msg.type === 'error') problem(msg.message);
			return;
		}
		pending.delete(msg.id!);
		if (msg.type === 'ok') waiting.resolve(msg);
		else waiting.reject(new SimRequestError((msg as ErrorResponse).message, msg.field));
	});
	worker.addEventListener('error', (event: ErrorEvent) => {
		const message = `the simulation worker failed: ${event.message || 'unknown error'}`;
		for (const p of pending.values()) p.reject(new SimRequestError(message, null));
		pending.clear();
		problem(message);
	});

	return {
		request<B extends RequestBody>(body: B): Promise<OkFor<B['type']>> {
			if (closed)
				return Promise.reject(new SimRequestError('the simulation worker was stopped', null));
			const id = nextId++;
			return new Promise<OkFor<B['type']>>((resolve, reject) => {
				pending.set(id, { resolve: resolve as (r: OkResponse) => void, reject });
				worker.postMessage({ ...body, id });
			});
		},
		subscribe(fn) {
			frameSubs.add(fn);
			return () => frameSubs.delete(fn);
		},
		onProblem(fn) {
			problemSubs.add(fn);
			return () => problemSubs.delete(fn);
		},
		terminate() {
			closed = true;
			worker.terminate();
			for (const p of pending.values())
				p.reject(new SimRequestError('the simulation worker was stopped', null));
			pending.clear();
			frameSubs.clear();
			problemSubs.clear();
		}
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
