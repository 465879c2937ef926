import { linkCapacityMBps } from '../model/link';
import type { LinkState } from '../model/types';
import { PAGE_BYTES } from './page-map';

/** Bytes in the MB of a link rate: FICON and CTC rates are decimal megabytes per second. */
export const MB = 1_000_000;

/**
 * One transfer's bandwidth in MB/s at simulated time `tMs`. The engine samples it at the start
 * of each of its slices, so it may change over time (a CTC fails, another relocation starts).
 */
export type BandwidthFn = (tMs: number) => number;

/** Converts MB/s to 4 KiB pages per simulated millisecond. */
export function pagesPerMs(mbps: number): number {
	return (mbps * MB) / PAGE_BYTES / 1000;
}

/**
 * A transfer's share of an ISFC logical link: the link's one-direction capacity
 * (`linkCapacityMBps`: writable CTCs, CHPID caps, failures) less other cross-system traffic,
 * split evenly among `sharers(t)` concurrent transfers (000 §3.6.1: concurrent relocations
 * "compete with each other for system resources"). The link is read at each call, so failed
 * devices take effect at the next slice; the capacity is recomputed only when a device's state
 * has changed since the last call.
 */
export function linkShare(
	link: LinkState,
	sharers: number | ((tMs: number) => number) = 1,
	otherTrafficMBps = 0
): BandwidthFn {
	let seen = '';
	let capacity = 0;
	return (tMs) => {
		const now = linkSignature(link);
		if (now !== seen) {
			seen = now;
			capacity = linkCapacityMBps(link);
		}
		const n = typeof sharers === 'number' ? sharers : sharers(tMs);
		const free = Math.max(0, capacity - otherTrafficMBps);
		return n >= 1 ? free / n : free;
	};
}

/** A string that changes whenever anything `linkCapacityMBps` reads changes. */
function linkSignature(link: LinkState): string {
	let sig = link.severed ? 'S' : 's';
	for (const ch of link.chpids) {
		sig += ch.failed ? '|F' : '|f';
		for (const c of ch.ctcs) sig += c.failed ? '1' : '0';
	}
	return sig;
}

/** A fixed bandwidth, for tests and closed-form checks. */
export function constantBandwidth(mbps: number): BandwidthFn {
	return () => mbps;
}
