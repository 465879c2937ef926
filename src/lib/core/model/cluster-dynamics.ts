import { nextClusterMode } from '../machines/cluster-mode.machine';
import { nextMemberState, type MemberEvent } from '../machines/member.machine';
import { record, schedule } from '../sim/kernel';
import type { Fault } from '../sim/events';
import type { SimState } from '../sim/state';
import { findLink, linkCapacityMBps, linkUp, workingCtcs } from './link';
import type { LinkState, MemberState, MemberStateName, PeerView } from './types';

/**
 * How the SSI cluster behaves over simulated time: IPL and join, heartbeats over ISFC and in
 * the PDR, cross-system timeouts, shutdown, abends and link faults (000 §2.4, 001 "Reliability
 * and Integrity of Shared Data and Resources").
 */

/** States in which a member runs CP and takes part in the cluster's heartbeats. */
const IN_CLUSTER: readonly MemberStateName[] = ['Joining', 'Joined', 'Suspended', 'Leaving'];

export function isRunning(m: MemberState): boolean {
	return m.state !== 'Down';
}

export function inCluster(m: MemberState): boolean {
	return IN_CLUSTER.includes(m.state);
}

export function member(state: SimState, name: string): MemberState | undefined {
	const upper = name.toUpperCase();
	return state.cluster.members.find((m) => m.name === upper);
}

function wallClock(state: SimState): number {
	return state.epochMs + state.now;
}

/** Moves a member through its machine; logs and mirrors into the PDR when it changes. */
function drive(
	state: SimState,
	m: MemberState,
	event: MemberEvent,
	reason: string,
	writePdr = true
): boolean {
	const to = nextMemberState(m.state, event);
	if (to === m.state) return false;
	const from = m.state;
	m.state = to;
	record(state, { kind: 'member.state', member: m.name, from, to, reason });
	if (writePdr) {
		m.pdr.state = to;
		m.pdr.detail = m.detail;
		m.pdr.lastChange = m.name;
		m.pdr.stamp = wallClock(state);
		state.cluster.pdr.stamp = m.pdr.stamp;
	}
	return true;
}

/** Why a member cannot join, or null when its configuration is compatible (000 §2.4.1 Isolated). */
export function joinObstacle(state: SimState, m: MemberState): string | null {
	const c = state.cluster;
	if (!c.slots.includes(m.systemId)) {
		return `system ${m.systemId} is not in the SSI member list of ${c.name}`;
	}
	const clash = c.members.find((o) => o !== m && isRunning(o) && o.systemId === m.systemId);
	if (clash)
		return `system identifier ${m.systemId} is already in use by the member in slot ${clash.slot}`;
	// 001: "Must have at least one ISLINK from each member to every other member".
	for (const other of c.slots) {
		if (other === null || other === m.systemId) continue;
		const configured = m.islinkTo ? m.islinkTo.includes(other) : !!findLink(c.links, m.name, other);
		if (!configured) return `no ISLINK to ${other}`;
	}
	return null;
}

/** IPL of a Down member: Joining, or Isolated when its configuration is not compatible. */
export function ipl(state: SimState, m: MemberState): string | null {
	if (m.state !== 'Down') return `${m.name} is not down (it is ${m.state})`;
	const obstacle = joinObstacle(state, m);
	m.incarnation++;
	m.upSince = state.now;
	m.detail = obstacle;
	for (const peer of Object.keys(m.received)) {
		m.received[peer] = null;
		m.views[peer] = 'ok';
	}
	drive(state, m, { type: 'member.ipl', compatible: obstacle === null }, obstacle ?? 'IPL');
	if (obstacle === null) {
		schedule(state, state.params.joinMs, {
			type: 'member.joinComplete',
			member: m.name,
			incarnation: m.incarnation
		});
	}
	schedule(state, m.heartbeatPhaseMs, {
		type: 'member.heartbeat',
		member: m.name,
		incarnation: m.incarnation
	});
	updateMode(state);
	return null;
}

/** End of the join protocol: Joined when every running member can be reached, otherwise Isolated. */
export function joinComplete(state: SimState, m: MemberState, incarnation: number): void {
	if (m.incarnation !== incarnation || m.state !== 'Joining') return;
	const unreachable = state.cluster.members.find(
		(o) => o !== m && inCluster(o) && !linkUp(findLink(state.cluster.links, m.name, o.name)!)
	);
	m.detail = unreachable ? `cannot communicate with ${unreachable.name}` : null;
	drive(
		state,
		m,
		{ type: 'member.joinComplete', reachable: !unreachable },
		m.detail ?? 'joined the cluster'
	);
	updateMode(state);
}

/** SHUTDOWN: Leaving, then Down after the shutdown time (Isolated members go down at once). */
export function shutdown(state: SimState, m: MemberState, reipl: boolean): string | null {
	if (m.state === 'Down') return `${m.name} is already down`;
	if (m.state === 'Leaving') return `${m.name} is already shutting down`;
	if (m.state === 'Isolated') {
		m.detail = 'shut down successfully';
		drive(state, m, { type: 'member.shutdown' }, 'SHUTDOWN');
		afterDown(state, m, 'system shutdown');
		if (reipl) schedule(state, state.params.reiplMs, { type: 'member.reipl', member: m.name });
		updateMode(state);
		return null;
	}
	m.detail = null;
	drive(state, m, { type: 'member.shutdown' }, reipl ? 'SHUTDOWN REIPL' : 'SHUTDOWN');
	schedule(state, state.params.shutdownMs, {
		type: 'member.shutdownComplete',
		member: m.name,
		incarnation: m.incarnation,
		reipl
	});
	updateMode(state);
	return null;
}

export function shutdownComplete(
	state: SimState,
	m: MemberState,
	incarnation: number,
	reipl: boolean
): void {
	if (m.incarnation !== incarnation || m.state !== 'Leaving') return;
	m.detail = 'shut down successfully';
	drive(state, m, { type: 'member.shutdownComplete' }, 'shut down successfully');
	afterDown(state, m, 'system shutdown');
	if (reipl) schedule(state, state.params.reiplMs, { type: 'member.reipl', member: m.name });
	updateMode(state);
}

/** An abend: the member stops at once and cannot update its PDR record, so peers must time it out. */
export function abend(state: SimState, m: MemberState): string | null {
	if (m.state === 'Down') return `${m.name} is not running`;
	m.detail = null;
	drive(state, m, { type: 'member.abend' }, 'abend: heartbeats stop', false);
	afterDown(state, m, 'member abend');
	updateMode(state);
	return null;
}

function afterDown(state: SimState, m: MemberState, reason: string): void {
	m.upSince = null;
	const gone = state.cluster.guests.filter((g) => g.on === m.name);
	state.cluster.guests = state.cluster.guests.filter((g) => g.on !== m.name);
	for (const g of gone) record(state, { kind: 'guest.logoff', user: g.user, on: m.name, reason });
	for (const peer of Object.keys(m.views)) m.views[peer] = 'ok';
}

/**
 * One heartbeat of a running member: write its PDR time stamp, send an ISFC heartbeat to every
 * peer it has a working link to, then judge each peer against the cross-system timeout.
 */
export function heartbeat(state: SimState, m: MemberState, incarnation: number): void {
	if (m.incarnation !== incarnation || !isRunning(m)) return;
	m.pdr.stamp = wallClock(state);
	m.pdr.state = m.state;
	if (m.state !== 'Isolated') {
		for (const peer of state.cluster.members) {
			if (peer === m || !inCluster(peer)) continue;
			const link = findLink(state.cluster.links, m.name, peer.name);
			if (link && linkUp(link)) peer.received[m.name] = state.now;
		}
		judgePeers(state, m);
	}
	schedule(state, state.params.heartbeatMs, {
		type: 'member.heartbeat',
		member: m.name,
		incarnation
	});
	updateMode(state);
}

/**
 * How `m` sees each peer (000 §2.4.1): a peer whose ISFC heartbeats stopped but whose PDR time
 * stamp still moves is alive but unreachable (m must suspend); a peer silent on both is Unknown.
 * Peers that are Down or Isolated in the PDR need no communication. With cross-system timeouts
 * disabled nothing ever times out (the cluster waits).
 */
function judgePeers(state: SimState, m: MemberState): void {
	if (m.state !== 'Joined' && m.state !== 'Suspended') return;
	const timeout = state.params.crossSystemTimeoutMs;
	for (const peer of state.cluster.members) {
		if (peer === m) continue;
		let view: PeerView = 'ok';
		const needed = peer.pdr.state !== 'Down' && peer.pdr.state !== 'Isolated';
		const heard = m.received[peer.name] ?? null;
		const since = heard ?? m.upSince ?? state.now;
		if (needed && state.cluster.crossSystemTimeouts && state.now - since > timeout) {
			const pdrFresh = peer.pdr.stamp !== null && wallClock(state) - peer.pdr.stamp <= timeout;
			view = pdrFresh ? 'unreachable' : 'unknown';
		} else if (needed && !state.cluster.crossSystemTimeouts) {
			view = m.views[peer.name] ?? 'ok';
		}
		const before = m.views[peer.name] ?? 'ok';
		if (before !== view) {
			m.views[peer.name] = view;
			record(state, {
				kind: 'member.view',
				observer: m.name,
				peer: peer.name,
				from: before,
				to: view
			});
		}
	}
	const lost = Object.entries(m.views).filter(([, v]) => v === 'unreachable');
	if (lost.length > 0 && m.state === 'Joined') {
		drive(
			state,
			m,
			{ type: 'member.peerLost' },
			`cannot communicate with ${lost.map(([p]) => p).join(' ')}`
		);
	} else if (lost.length === 0 && m.state === 'Suspended') {
		drive(state, m, { type: 'member.peersRestored' }, 'communication restored');
	}
}

/** Recomputes the cluster mode from the members through the cluster-mode machine. */
export function updateMode(state: SimState): void {
	const ms = state.cluster.members;
	const observers = ms.filter((m) => m.state === 'Joined' || m.state === 'Suspended');
	const unknown = ms.filter((p) => observers.some((o) => o.views[p.name] === 'unknown')).length;
	const count = (s: MemberStateName) => ms.filter((m) => m.state === s).length;
	const to = nextClusterMode(state.cluster.mode, {
		unknown,
		suspended: count('Suspended'),
		joining: count('Joining'),
		leaving: count('Leaving')
	});
	if (to !== state.cluster.mode) {
		record(state, { kind: 'cluster.mode', from: state.cluster.mode, to });
		state.cluster.mode = to;
	}
}

/** Applies an injected fault (or its repair). Returns an error text when the target does not exist. */
export function applyFault(state: SimState, fault: Fault): string | null {
	if (fault.kind === 'member.abend') {
		const m = member(state, fault.member);
		if (!m) return `no member named ${fault.member}`;
		const err = abend(state, m);
		if (!err) record(state, { kind: 'fault', fault });
		return err;
	}
	if (fault.kind === 'member.systemId') {
		const m = member(state, fault.member);
		if (!m) return `no member named ${fault.member}`;
		m.systemId = fault.systemId.toUpperCase();
		record(state, { kind: 'fault', fault });
		return null;
	}
	const link = state.cluster.links.find((l) => l.id === fault.link);
	if (!link) return `no ISFC link named ${fault.link}`;
	const failing = fault.kind.endsWith('.fail') || fault.kind === 'link.sever';
	if (!('chpid' in fault)) {
		link.severed = failing;
	} else {
		const wanted = fault.chpid.toUpperCase();
		const chpid = link.chpids.find((c) => c.id === wanted);
		if (!chpid) return `link ${link.id} has no CHPID ${wanted}`;
		if (!('ctc' in fault)) chpid.failed = failing;
		else {
			const index = fault.ctc;
			const ctc = chpid.ctcs[index];
			if (!ctc) return `CHPID ${chpid.id} of link ${link.id} has no CTC number ${index}`;
			ctc.failed = failing;
		}
	}
	record(state, { kind: 'fault', fault });
	logCapacity(state, link, fault.kind);
	return null;
}

/** Logs a link's working CTCs and one-direction capacity after a change, with what changed. */
export function logCapacity(state: SimState, link: LinkState, reason: string): void {
	record(state, {
		kind: 'link.capacity',
		link: link.id,
		ctcs: workingCtcs(link),
		mbps: linkCapacityMBps(link),
		reason
	});
}
