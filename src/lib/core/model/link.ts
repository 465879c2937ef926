import type { ChpidState, LinkState } from './types';

/**
 * ISFC logical-link capacity. Parameters chosen for the model (documented in the README):
 * - one FICON CTC device moves at most {@link CTC_MBPS} MB/s in one direction;
 * - one FICON CHPID carries at most {@link CHPID_MBPS} MB/s, so four CTCs per CHPID saturate
 *   it — the "4 CTC devices per FICON chpid" of 001 ("CTC Connections – How Many Do I Need?");
 * - to avoid write collisions each side writes on at most N-1 of 2-8 CTCs and N-2 of 9-16
 *   (MODEL-NOTES, ISFC), so one direction uses fewer devices than the link has.
 */
export const CTC_MBPS = 100;
export const CHPID_MBPS = 400;
export const MAX_CTCS = 16;
export const MAX_CHPIDS = 4;

/** CTC devices that are usable: not failed and on a CHPID that has not failed. */
export function workingCtcs(link: LinkState): number {
	if (link.severed) return 0;
	return link.chpids.reduce(
		(n, ch) => n + (ch.failed ? 0 : ch.ctcs.filter((c) => !c.failed).length),
		0
	);
}

/** Devices one side writes on, out of `n` working ones (write-collision avoidance). */
export function writableCtcs(n: number): number {
	if (n <= 1) return n;
	if (n <= 8) return n - 1;
	return n - 2;
}

/** Whether the logical link can carry any traffic at all. */
export function linkUp(link: LinkState): boolean {
	return workingCtcs(link) > 0;
}

/**
 * One direction's capacity in MB/s: the writable CTCs, spread over the working CHPIDs
 * (most-populated first), each CHPID capped at {@link CHPID_MBPS}.
 */
export function linkCapacityMBps(link: LinkState): number {
	if (link.severed) return 0;
	const per: number[] = link.chpids
		.filter((ch: ChpidState) => !ch.failed)
		.map((ch) => ch.ctcs.filter((c) => !c.failed).length)
		.filter((n) => n > 0)
		.sort((a, b) => b - a);
	const writable = writableCtcs(per.reduce((a, b) => a + b, 0));
	// Take the devices CP does not write on from the fullest CHPIDs, one at a time.
	const used = [...per];
	while (writable < used.reduce((a, b) => a + b, 0)) {
		const i = used.indexOf(Math.max(...used));
		used[i] = used[i]! - 1;
	}
	return used.reduce((mbps, n) => mbps + Math.min(n * CTC_MBPS, CHPID_MBPS), 0);
}

/**
 * What each CTC device carries, in MB/s, when one direction of the link runs at its full
 * capacity: the devices {@link linkCapacityMBps} counts as written share their CHPID's rate
 * (at most {@link CHPID_MBPS}); failed devices, devices on a failed CHPID and the devices left
 * unwritten to avoid write collisions carry nothing. Indexed like `link.chpids[i].ctcs[k]`; the
 * shares add up to the capacity. Multiplying by (MB/s in use ÷ capacity) gives each device's
 * part of the traffic actually moving.
 */
export function ctcShares(link: LinkState): number[][] {
	const out = link.chpids.map((ch) => ch.ctcs.map(() => 0));
	if (link.severed) return out;
	const working = link.chpids
		.map((ch, i) => ({ i, n: ch.failed ? 0 : ch.ctcs.filter((c) => !c.failed).length }))
		.filter((w) => w.n > 0)
		.sort((a, b) => b.n - a.n);
	const used = working.map((w) => w.n);
	const writable = writableCtcs(used.reduce((a, b) => a + b, 0));
	// As linkCapacityMBps: the unwritten devices come off the fullest CHPIDs, one at a time.
	while (writable < used.reduce((a, b) => a + b, 0)) {
		const j = used.indexOf(Math.max(...used));
		used[j] = used[j]! - 1;
	}
	working.forEach((w, j) => {
		const u = used[j]!;
		if (u === 0) return;
		const each = Math.min(u * CTC_MBPS, CHPID_MBPS) / u;
		let left = u;
		link.chpids[w.i]!.ctcs.forEach((c, k) => {
			if (!c.failed && left > 0) {
				out[w.i]![k] = each;
				left--;
			}
		});
	});
	return out;
}

/** The link between two members, whichever order they are named in. */
export function findLink(links: readonly LinkState[], a: string, b: string): LinkState | undefined {
	return links.find(
		(l) => (l.between[0] === a && l.between[1] === b) || (l.between[0] === b && l.between[1] === a)
	);
}

/** Stable id of the link between two members. */
export function linkId(a: string, b: string): string {
	return [a, b].sort().join('-');
}

/**
 * Builds a link of `ctcs` devices spread as evenly as possible over `chpids` channel paths.
 * Device numbers follow 001's pattern (6000-6003, 6020-6023, …): CHPID k uses 60(2k)0 upwards,
 * the same number on both sides, as 001 recommends ("use same real device number").
 */
export function buildLink(
	a: string,
	b: string,
	chpids: number,
	ctcs: number,
	firstRdev = 0x6000
): LinkState {
	const out: ChpidState[] = [];
	for (let k = 0; k < chpids; k++) {
		const count = Math.floor(ctcs / chpids) + (k < ctcs % chpids ? 1 : 0);
		const base = firstRdev + k * 0x20;
		out.push({
			id: (0x40 + k * 0x10).toString(16).toUpperCase(),
			failed: false,
			ctcs: Array.from({ length: count }, (_, i) => {
				const rdev = (base + i).toString(16).toUpperCase().padStart(4, '0');
				return { rdevA: rdev, rdevB: rdev, failed: false };
			})
		});
	}
	return { id: linkId(a, b), between: [a, b], severed: false, chpids: out };
}

/** Builds a link from explicit devices, grouped by CHPID in the order they are given. */
export function linkFromDevices(
	a: string,
	b: string,
	devices: readonly { chpid: string; a: string; b: string }[]
): LinkState {
	const chpids: ChpidState[] = [];
	for (const d of devices) {
		let ch = chpids.find((c) => c.id === d.chpid);
		if (!ch) chpids.push((ch = { id: d.chpid, failed: false, ctcs: [] }));
		ch.ctcs.push({ rdevA: d.a, rdevB: d.b, failed: false });
	}
	return { id: linkId(a, b), between: [a, b], severed: false, chpids };
}
