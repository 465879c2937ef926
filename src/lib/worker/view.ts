/**
 * Builds the compact per-frame view of a simulation: what the page renders, never the whole
 * state. Pure (no DOM, no timers) so it runs in the worker and in Node tests alike.
 */
import { linkCapacityMBps, workingCtcs } from '../core/model/link';
import { ctcTraffic, linkFlows, type LinkFlow } from '../core/model/lgr/traffic';
import type { LinkState } from '../core/model/types';
import type { Simulation } from '../core/simulation';
import { formatStamp } from '../core/sim/time-format';
import type {
	HistoryUpdate,
	LinkView,
	MemberView,
	SimView,
	TailView,
	TimelineView
} from './protocol';
import {
	buildRelocations,
	memberGuests,
	RELOCATION_STEPS,
	watchedRelocation
} from './relocation-view';

export {
	buildTail,
	buildTailFrom,
	CONSOLE_TAIL,
	LOG_TAIL,
	mergeTail,
	RESULTS_TAIL,
	tailMark
} from './tail';
export type { BuiltTail, TailMark } from './tail';

/** A figure in MB/s as a frame carries it: a tenth is finer than anything shown. */
const mbps = (v: number): number => Math.round(v * 10) / 10;

function linkView(link: LinkState, flows: readonly LinkFlow[]): LinkView {
	const healthy: LinkState = {
		...link,
		severed: false,
		chpids: link.chpids.map((c) => ({
			...c,
			failed: false,
			ctcs: c.ctcs.map((d) => ({ ...d, failed: false }))
		}))
	};
	const working = workingCtcs(link);
	const perCtc = ctcTraffic(link, flows);
	return {
		id: link.id,
		between: [link.between[0], link.between[1]],
		severed: link.severed,
		up: working > 0,
		workingCtcs: working,
		totalCtcs: link.chpids.reduce((n, c) => n + c.ctcs.length, 0),
		capacityMBps: linkCapacityMBps(link),
		fullCapacityMBps: linkCapacityMBps(healthy),
		chpids: link.chpids.map((c, i) => ({
			id: c.id,
			failed: c.failed,
			ctcs: c.ctcs.map((d, index) => ({
				index,
				rdevA: d.rdevA,
				rdevB: d.rdevB,
				failed: d.failed,
				inUseMBps: mbps(perCtc[i]![index]!)
			})),
			inUseMBps: mbps(perCtc[i]!.reduce((a, b) => a + b, 0))
		})),
		flows: flows.map((f) => ({
			from: f.from,
			to: f.to,
			mbps: mbps(f.mbps),
			transfers: f.transfers
		})),
		inUseMBps: mbps(Math.max(0, ...flows.map((f) => f.mbps)))
	};
}

/** The fast-changing part of a frame (clock, members, links); small enough to send each frame. */
export function buildView(
	sim: Simulation,
	meta: {
		frame: number;
		generation: number;
		title: string;
		source: string;
		playing: boolean;
		/** Where playback pauses by itself; absent: nowhere. */
		stopAt?: number | null;
		speed: number;
		/** The relocation asked for by a `watch` request; null or absent: the most recent moving. */
		watch?: number | null;
		/** Where the time shown sits in the run; absent: a run with no past to go back to. */
		timeline?: TimelineView;
		/** The relocations' chart records that changed (relocation-history.ts); absent: none. */
		histories?: HistoryUpdate | null;
	},
	tail: TailView | null
): SimView {
	const s = sim.state;
	const c = s.cluster;
	const members: MemberView[] = c.members.map((m) => ({
		name: m.name,
		slot: m.slot,
		systemId: m.systemId,
		cec: m.cec,
		lpar: m.lpar,
		cpus: m.cpus,
		cpuType: m.cpuType,
		storageBytes: m.storageBytes,
		state: m.state,
		detail: m.detail,
		pdrState: m.pdr.state,
		pdrStamp: m.pdr.stamp === null ? null : formatStamp(m.pdr.stamp),
		peers: Object.entries(m.views).map(([peer, view]) => ({ peer, view })),
		guests: memberGuests(s, m.name)
	}));
	const relocations = buildRelocations(s);
	const flows = linkFlows(s);
	return {
		frame: meta.frame,
		generation: meta.generation,
		scenario: { id: s.scenario, title: meta.title, source: meta.source, seed: s.seed },
		cluster: {
			name: c.name,
			mode: c.mode,
			crossSystemTimeouts: c.crossSystemTimeouts,
			pdr: { volume: c.pdr.volume, rdev: c.pdr.rdev, locked: c.pdr.locked }
		},
		now: s.now,
		epochMs: s.epochMs,
		nextEventAt: sim.nextEventTime(),
		playing: meta.playing,
		stopAt: meta.stopAt ?? null,
		speed: meta.speed,
		members,
		links: c.links.map((l) => linkView(l, flows.get(l.id) ?? [])),
		relocations,
		relocationPhases: relocations.length > 0 ? [...RELOCATION_STEPS] : [],
		watching: watchedRelocation(s, meta.watch ?? null)?.id ?? null,
		histories: meta.histories ?? null,
		timeline: meta.timeline ?? {
			latest: s.now,
			inPast: false,
			forkedAt: null,
			prevEvent: null,
			nextEvent: null,
			recorded: s.inputs.length,
			applied: s.inputs.length,
			revision: 0,
			ticks: null
		},
		tail
	};
}
