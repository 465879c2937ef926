/**
 * The page side of a frame's page-map image: decodes the transferred buffer (engine/frame.ts
 * encoding) into named counters and the cell image. Light to import on the page: the core
 * module it uses depends on types only.
 */
import { decodeFrame, FRAME_OUTCOMES, FRAME_PHASES, type FrameField } from '../core/engine/frame';
import type { PrecopyOutcome, PrecopyPhase } from '../core/engine/precopy';
import type { PageMapFrame } from './protocol';

/** A decoded page-map image of one relocation's transfer. */
export interface PageMapImage {
	relocation: number;
	user: string;
	counters: Record<FrameField, number>;
	phase: PrecopyPhase | null;
	outcome: PrecopyOutcome | null;
	width: number;
	height: number;
	/** One byte per cell, row-major: page-map-image.ts's CellValue codes. */
	cells: Uint8Array;
}

/** Decodes a frame's page map; null (with the reason) when the buffer is malformed. */
export function readPageMap(
	frame: PageMapFrame
): { ok: true; image: PageMapImage } | { ok: false; error: string } {
	try {
		const { counters, image } = decodeFrame(frame.buffer);
		return {
			ok: true,
			image: {
				relocation: frame.relocation,
				user: frame.user,
				counters,
				phase: FRAME_PHASES[counters.phase] ?? null,
				outcome: FRAME_OUTCOMES[counters.outcome] ?? null,
				width: counters.width,
				height: counters.height,
				cells: image
			}
		};
	} catch (e) {
		return {
			ok: false,
			error: `the page map of relocation ${frame.relocation} could not be read: ${e instanceof Error ? e.message : String(e)}`
		};
	}
}
