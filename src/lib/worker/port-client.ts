/**
 * The page side of a worker, whatever its protocol (messages.ts): numbers requests and turns
 * their answers into Promises, hands pushed frames to subscribers and reports problems not tied
 * to a request. client.ts (the lab) and compare-client.ts wrap it with their own types.
 */
import type { Answer, AnswerTo, BodyOf, ErrorMessage, Numbered } from './messages';

/** A request the worker refused: `field` names the offending field when there is one. */
export class RequestError extends Error {
	constructor(
		message: string,
		public readonly field: string | null
	) {
		super(message);
		this.name = 'RequestError';
	}
}

/** What a worker sends the page: answers to requests, and frames pushed without an id. */
export type PortMessage<A extends Answer, F extends { type: 'frame' }> = A | ErrorMessage | F;

export interface PortClient<R extends Numbered, A extends Answer, F extends { type: 'frame' }> {
	/** Sends a request; resolves with its `ok` answer, rejects with the port's {@link RequestError}. */
	request<B extends BodyOf<R>>(body: B): Promise<AnswerTo<A, B['type']>>;
	/** Calls `fn` with every frame; returns the unsubscribe function. */
	subscribe(fn: (frame: F) => void): () => void;
	/** Calls `fn` with problems not tied to a request (the worker failed, playback stopped). */
	onProblem(fn: (message: string) => void): () => void;
	/** Stops the worker; pending requests are rejected. */
	terminate(): void;
}

interface Pending {
	resolve: (r: Answer) => void;
	reject: (e: RequestError) => void;
}

/**
 * Wraps an existing worker-like port (the real worker, or a stand-in in tests). `name` is the
 * worker as its errors call it ("the simulation worker"); `refusal` makes the error a refused
 * request rejects with (a subclass of {@link RequestError}, so callers can tell the workers apart).
 */
export function connectPort<R extends Numbered, A extends Answer, F extends { type: 'frame' }>(
	worker: Worker,
	name: string,
	refusal: (message: string, field: string | null) => RequestError
): PortClient<R, A, F> {
	let nextId = 1;
	let closed = false;
	const pending = new Map<number, Pending>();
	const frameSubs = new Set<(frame: F) => void>();
	const problemSubs = new Set<(message: string) => void>();

	const problem = (message: string) => {
		for (const fn of problemSubs) fn(message);
	};
	const rejectAll = (message: string) => {
		for (const p of pending.values()) p.reject(refusal(message, null));
		pending.clear();
	};

	worker.addEventListener('message', (event: MessageEvent<PortMessage<A, F>>) => {
		const msg = event.data;
		if (msg.type === 'frame') {
			for (const fn of frameSubs) fn(msg as F);
			return;
		}
		const answer = msg as A | ErrorMessage;
		const waiting = answer.id === null ? undefined : pending.get(answer.id);
		if (!waiting) {
			if (answer.type === 'error') problem(answer.message);
			return;
		}
		pending.delete(answer.id!);
		if (answer.type === 'ok') waiting.resolve(answer);
		else waiting.reject(refusal(answer.message, answer.field));
	});
	worker.addEventListener('error', (event: ErrorEvent) => {
		const message = `${name} failed: ${event.message || 'unknown error'}`;
		rejectAll(message);
		problem(message);
	});

	return {
		request<B extends BodyOf<R>>(body: B): Promise<AnswerTo<A, B['type']>> {
			if (closed) return Promise.reject(refusal(`${name} was stopped`, null));
			const id = nextId++;
			return new Promise<AnswerTo<A, B['type']>>((resolve, reject) => {
				pending.set(id, { resolve: resolve as (r: Answer) => void, reject });
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
			rejectAll(`${name} was stopped`);
			frameSubs.clear();
			problemSubs.clear();
		}
	};
}
