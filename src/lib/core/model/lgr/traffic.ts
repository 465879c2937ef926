/**
 * The memory actually moving over each ISFC link: what the running transfers send, direction by
 * direction. Each transfer's rate is its share of the link (engine/bandwidth.ts `linkShare`,
 * split by relocation.ts `refreshBandwidth`) while a pass has pages to send, and nothing while
 * its guest state moves or once it has ended (engine/precopy.ts `sendingMBps`). Read only:
 * looking at the traffic never steps an engine.
 */
import type { SimState } from '../../sim/state';
import { ctcShares, linkCapacityMBps } from '../link';
import type { LinkState } from '../types';
import { activeRelocations } from './relocation';
import { engineOf } from './relocation-engine';

/** Memory moving one way over a link. */
export interface LinkFlow {
	from: string;
	to: string;
	/** MB/s sent now, all transfers that way together. */
	mbps: number;
	/** Transfers sending that way now. */
	transfers: number;
}

/** The flows over each link that carries any, by link id (directions with nothing moving are left out). */
export function linkFlows(state: SimState): Map<string, LinkFlow[]> {
	const out = new Map<string, LinkFlow[]>();
	for (const rel of activeRelocations(state)) {
		const e = rel.engine;
		if (!e?.running) continue;
		const mbps = engineOf(state, rel)?.sendingMBps() ?? 0;
		if (mbps <= 0) continue;
		const flows = out.get(e.link) ?? [];
		const flow = flows.find((f) => f.from === rel.from && f.to === rel.to);
		if (flow) {
			flow.mbps += mbps;
			flow.transfers++;
		} else flows.push({ from: rel.from, to: rel.to, mbps, transfers: 1 });
		out.set(e.link, flows);
	}
	return out;
}

/**
 * What each CTC device carries of `flows`, in MB/s, both directions together: each direction's
 * rate spread over the written devices in proportion to their share of the capacity
 * ({@link ctcShares}). Indexed like `link.chpids[i].ctcs[k]`.
 */
export function ctcTraffic(link: LinkState, flows: readonly LinkFlow[]): number[][] {
	const shares = ctcShares(link);
	const capacity = linkCapacityMBps(link);
	// A direction never carries more than the capacity: in the slice after a device fails, a
	// transfer still runs at the rate it read before (the engine samples once a slice).
	const total = flows.reduce((a, f) => a + Math.min(f.mbps, capacity), 0);
	const scale = capacity > 0 ? total / capacity : 0;
	return shares.map((ch) => ch.map((s) => s * scale));
}
