import { describe, expect, it } from 'vitest';
import { constantBandwidth } from '$lib/core/engine/bandwidth';
import {
	FRAME_FIELDS,
	FRAME_OUTCOMES,
	FRAME_PHASES,
	decodeFrame,
	encodeFrame
} from '$lib/core/engine/frame';
import { CellValue } from '$lib/core/engine/page-map-image';
import { createPrecopy } from '$lib/core/engine/precopy';
import { zvmPolicy } from '$lib/core/engine/policy-zvm';

const GiB = 2 ** 30 / 4096;

describe('per-frame summary for the UI', () => {
	const engine = () =>
		createPrecopy({
			guestPages: 4 * GiB,
			workload: 'database',
			seed: 1,
			bandwidthMBps: constantBandwidth(1400),
			policy: zvmPolicy()
		});

	it('round-trips counters and image through one ArrayBuffer of at most 64 KiB', () => {
		const e = engine();
		e.step(1500);
		const buf = encodeFrame(e, 256, 128);
		expect(buf.byteLength).toBe(FRAME_FIELDS.length * 8 + 256 * 128);
		expect(buf.byteLength).toBeLessThanOrEqual(64 * 1024);
		const { counters, image } = decodeFrame(buf);
		const st = e.status();
		const c = e.map.counts();
		expect(counters).toMatchObject({
			simMs: 1500,
			currentPass: st.currentPass,
			passesDone: st.passesDone,
			currentPassSent: st.currentPassSent,
			sent: c.sent,
			dirty: c.dirty,
			inFlight: c.inFlight,
			dirtyBits: c.dirtyBits,
			resident: c.resident,
			pages: 4 * GiB,
			width: 256,
			height: 128
		});
		expect(FRAME_PHASES[counters.phase]).toBe(e.phase);
		expect(FRAME_OUTCOMES[counters.outcome]).toBe('running');
		expect(Array.from(image)).toEqual(Array.from(e.map.downsample(256, 128)));
		// Mid-way through pass 1: some cells sent, some still in flight.
		expect(image.includes(CellValue.Sent)).toBe(true);
		expect(image.includes(CellValue.InFlight)).toBe(true);
	});

	it('rejects a truncated or mis-sized buffer', () => {
		expect(() => decodeFrame(new ArrayBuffer(10))).toThrow(/shorter than its header/);
		const buf = encodeFrame(engine(), 4, 4);
		expect(() => decodeFrame(buf.slice(0, buf.byteLength - 1))).toThrow(/expected/);
	});
});
