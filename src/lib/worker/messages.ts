/**
 * What every worker protocol of the app shares (the lab's protocol.ts, compare-protocol.ts):
 * numbered requests answered by `ok` or `error`, the error shape, and the validation of a
 * message's envelope (an object, a request id, a known type) with the field errors it raises.
 * Each protocol adds its own requests, answers and frames.
 *
 * Pure TypeScript (no DOM): the validators run in Node tests too.
 */

/** Slowest and fastest playback: simulated milliseconds per wall-clock millisecond. */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

/** A request as it travels: the client numbers it, the answer repeats the number. */
export type Numbered = { id: number; type: string };

/** A request before the client numbers it (distributes over a union of requests). */
export type BodyOf<R extends Numbered> = R extends Numbered ? Omit<R, 'id'> : never;

/** The `ok` answers of a protocol, each naming the request type it answers. */
export type Answer = { id: number; type: 'ok'; of: string };

/** The `ok` answer (of the union `A`) to a request of type `T`. */
export type AnswerTo<A extends Answer, T extends string> = Extract<A, { of: T }>;

/**
 * A refused request. `id` is null when the message had no usable id; `field` names the
 * offending field as a path (`input.fault.ctc`, `settings.b.chpids`), or is null when the
 * request as a whole was refused (for example, nothing is loaded yet).
 */
export type ErrorMessage = {
	id: number | null;
	type: 'error';
	field: string | null;
	message: string;
};

/** A message validated: the request, or the error that answers it. */
export type ParsedRequest<R> = { ok: true; request: R } | { ok: false; error: ErrorMessage };

/** A bad field found while validating; {@link parseMessage} turns it into the error answer. */
export class FieldError extends Error {
	constructor(
		public field: string,
		message: string
	) {
		super(message);
	}
}

export type Obj = Record<string, unknown>;

export function isObject(v: unknown): v is Obj {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as an error message quotes it: short, and saying what it is when it is not a scalar. */
export function describe(v: unknown): string {
	if (v === undefined) return 'missing';
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return `a${typeof v === 'object' ? 'n' : ''} ${typeof v}`;
}

/** The message of whatever was thrown. */
export function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** A playback speed field: a finite number from {@link MIN_SPEED} to {@link MAX_SPEED}. */
export function speedOf(data: Obj): number {
	const speed = data['speed'];
	if (
		typeof speed !== 'number' ||
		!Number.isFinite(speed) ||
		speed < MIN_SPEED ||
		speed > MAX_SPEED
	)
		throw new FieldError(
			'speed',
			`speed must be a number from ${MIN_SPEED} to ${MAX_SPEED} (got ${describe(speed)})`
		);
	return speed;
}

/**
 * Validates a message from the page. Never throws: checks the envelope (an object, a
 * non-negative integer `id`, a `type` among `types`), then lets `body` read the rest; a
 * {@link FieldError} it throws becomes the error answer naming that field, so the worker answers
 * the message and carries on.
 */
export function parseMessage<R extends Numbered>(
	data: unknown,
	types: readonly R['type'][],
	body: (data: Obj, id: number, type: R['type']) => R
): ParsedRequest<R> {
	if (!isObject(data)) {
		return {
			ok: false,
			error: {
				id: null,
				type: 'error',
				field: null,
				message: `a request must be an object (got ${describe(data)})`
			}
		};
	}
	const rawId = data['id'];
	const id = typeof rawId === 'number' && Number.isSafeInteger(rawId) && rawId >= 0 ? rawId : null;
	try {
		if (id === null) {
			throw new FieldError('id', `id must be a non-negative integer (got ${describe(rawId)})`);
		}
		const type = data['type'];
		if (typeof type !== 'string' || !(types as readonly string[]).includes(type)) {
			throw new FieldError(
				'type',
				`unknown request type ${describe(type)} (expected one of ${types.join(', ')})`
			);
		}
		return { ok: true, request: body(data, id, type as R['type']) };
	} catch (e) {
		const field = e instanceof FieldError ? e.field : null;
		return { ok: false, error: { id, type: 'error', field, message: errorText(e) } };
	}
}
