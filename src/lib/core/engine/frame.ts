import type { Precopy, PrecopyOutcome, PrecopyPhase } from './precopy';

/**
 * The per-frame summary the worker sends the UI (DESIGN.md: "compact per-frame summaries
 * (counters, a down-sampled page-map image as a transferred ArrayBuffer), never the page map
 * itself"). One ArrayBuffer: {@link FRAME_FIELDS} as float64 counters, then the image, one byte
 * per cell (page-map-image.ts). Transfer it with postMessage(buf, [buf]).
 */
export const FRAME_FIELDS = [
	'simMs',
	'phase',
	'outcome',
	'currentPass',
	'passesDone',
	'pagesSentDone',
	'currentPassSent',
	'neverSent',
	'sent',
	'dirty',
	'inFlight',
	'dirtyBits',
	'resident',
	'pages',
	'width',
	'height'
] as const;
export type FrameField = (typeof FRAME_FIELDS)[number];

/** Codes of `phase` and `outcome` in a frame, by index. */
export const FRAME_PHASES: readonly PrecopyPhase[] = [
	'pre-copy',
	'quiesced-penultimate',
	'quiesced-final',
	'done'
];
export const FRAME_OUTCOMES: readonly PrecopyOutcome[] = [
	'running',
	'completed',
	'cancelled',
	'max-total',
	'max-quiesce',
	'gave-up'
];

const HEADER_BYTES = FRAME_FIELDS.length * 8;

/** Encodes the engine's state as one frame with a `width`×`height` page-map image. */
export function encodeFrame(engine: Precopy, width: number, height: number): ArrayBuffer {
	const buf = new ArrayBuffer(HEADER_BYTES + width * height);
	const head = new Float64Array(buf, 0, FRAME_FIELDS.length);
	const st = engine.status();
	const c = engine.map.counts();
	const values: Record<FrameField, number> = {
		simMs: engine.nowMs,
		phase: FRAME_PHASES.indexOf(engine.phase),
		outcome: FRAME_OUTCOMES.indexOf(engine.outcome),
		currentPass: st.currentPass,
		passesDone: st.passesDone,
		pagesSentDone: st.pagesSentDone,
		currentPassSent: st.currentPassSent,
		neverSent: c.neverSent,
		sent: c.sent,
		dirty: c.dirty,
		inFlight: c.inFlight,
		dirtyBits: c.dirtyBits,
		resident: c.resident,
		pages: engine.map.pages,
		width,
		height
	};
	FRAME_FIELDS.forEach((f, i) => (head[i] = values[f]));
	engine.map.downsample(width, height, new Uint8Array(buf, HEADER_BYTES, width * height));
	return buf;
}

/** A decoded frame: named counters and the image (a view on the same buffer). */
export interface Frame {
	counters: Record<FrameField, number>;
	image: Uint8Array;
}

/** Decodes a frame made by {@link encodeFrame}; throws a RangeError on a malformed buffer. */
export function decodeFrame(buf: ArrayBuffer): Frame {
	if (buf.byteLength < HEADER_BYTES) {
		throw new RangeError(`frame: ${buf.byteLength} bytes is shorter than its header`);
	}
	const head = new Float64Array(buf, 0, FRAME_FIELDS.length);
	const counters = Object.fromEntries(FRAME_FIELDS.map((f, i) => [f, head[i]!])) as Record<
		FrameField,
		number
	>;
	const cells = counters.width * counters.height;
	if (buf.byteLength !== HEADER_BYTES + cells) {
		throw new RangeError(`frame: ${buf.byteLength} bytes, expected ${HEADER_BYTES + cells}`);
	}
	return { counters, image: new Uint8Array(buf, HEADER_BYTES, cells) };
}
