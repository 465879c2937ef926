/**
 * The page side of the compare worker: creates the worker (browser only), numbers requests and
 * turns their answers into Promises, and hands pushed frames to subscribers.
 */
import type {
	CompareError,
	CompareOk,
	CompareOkFor,
	CompareRequestBody,
	CompareView,
	CompareWorkerMessage
} from './compare-protocol';

/** A request the worker refused: `field` names the offending field when there is one. */
export class CompareRequestError extends Error {
	constructor(
		message: string,
		public readonly field: string | null
	) {
		super(message);
		this.name = 'CompareRequestError';
	}
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
	let nextId = 1;
	let closed = false;
	const pending = new Map<
		number,
		{ resolve: (r: CompareOk) => void; reject: (e: CompareRequestError) => void }
	>();
	const frameSubs = new Set<(view: CompareView) => void>();
	const problemSubs = new Set<(message: string) => void>();
	const problem = (message: string) => {
		for (const fn of problemSubs) fn(message);
	};
	const rejectAll = (message: string) => {
		for (const p of pending.values()) p.reject(new CompareRequestError(message, null));
		pending.clear();
	};

	worker.addEventListener('message', (event: MessageEvent<CompareWorkerMessage>) => {
		const msg = event.data;
		if (msg.type === 'frame') {
			for (const fn of frameSubs) fn(msg.view);
			return;
		}
		const waiting = msg.id === null ? undefined : pending.get(msg.id);
		if (!waiting) {
			if (msg.type === 'error') problem(msg.message);
			return;
		}
		pending.delete(msg.id!);
		if (msg.type === 'ok') waiting.resolve(msg);
		else waiting.reject(new CompareRequestError((msg as CompareError).message, msg.field));
	});
	worker.addEventListener('error', (event: ErrorEvent) => {
		const message = `the compare worker failed: ${event.message || 'unknown error'}`;
		rejectAll(message);
		problem(message);
	});

	return {
		request<B extends CompareRequestBody>(body: B): Promise<CompareOkFor<B['type']>> {
			if (closed)
				return Promise.reject(new CompareRequestError('the compare worker was stopped', null));
			const id = nextId++;
			return new Promise<CompareOkFor<B['type']>>((resolve, reject) => {
				pending.set(id, { resolve: resolve as (r: CompareOk) => void, reject });
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
			rejectAll('the compare worker was stopped');
			frameSubs.clear();
			problemSubs.clear();
		}
	};
}

/** Starts the compare worker. Browser only: throws during server-side rendering. */
export function createCompareClient(): CompareClient {
	if (typeof Worker === 'undefined')
		throw new Error('the compare worker needs a browser (Worker is not available here)');
	const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' });
	return connectCompare(worker);
}
