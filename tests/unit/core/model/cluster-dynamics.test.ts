import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '$lib/core/sim/state';
import { simFrom, simOf, stateOf } from '../../helpers';

const T = DEFAULT_PARAMS.crossSystemTimeoutMs;
const HB = DEFAULT_PARAMS.heartbeatMs;
const LINK = 'ITSOSSI5-ITSOSSI6';

function modes(sim: ReturnType<typeof simOf>) {
	return sim.state.log
		.filter((e) => e.kind === 'cluster.mode')
		.map((e) => (e.kind === 'cluster.mode' ? e.to : ''));
}

describe('heartbeats and the PDR (000 §2.2.10, §2.4.1)', () => {
	it('every running member rewrites its PDR time stamp each heartbeat and peers receive ISFC heartbeats', () => {
		const sim = simOf('itsossib');
		sim.runUntil(10_000);
		const [a, b] = sim.state.cluster.members;
		expect(sim.state.epochMs + 10_000 - a!.pdr.stamp!).toBeLessThanOrEqual(HB);
		expect(10_000 - a!.received['ITSOSSI6']!).toBeLessThanOrEqual(HB);
		expect(10_000 - b!.received['ITSOSSI5']!).toBeLessThanOrEqual(HB);
	});
});

describe('a member abends (issue: heartbeats stop)', () => {
	it('peers show it Unknown after the cross-system timeout and the cluster goes Safe', () => {
		const sim = simOf('itsossib');
		sim.runUntil(5_000);
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Down');
		// Its own PDR record still says Joined: it could not update it.
		expect(sim.state.cluster.members[1]!.pdr.state).toBe('Joined');
		// The last heartbeat heard was at most one interval before the abend.
		sim.runUntil(5_000 + T - HB - 1);
		expect(sim.state.cluster.mode).toBe('Stable');
		sim.runUntil(5_000 + T + HB + 1);
		expect(sim.state.cluster.members[0]!.views['ITSOSSI6']).toBe('unknown');
		expect(sim.state.cluster.mode).toBe('Safe');
		// The survivor keeps running: existing work continues (001).
		expect(stateOf(sim, 'ITSOSSI5')).toBe('Joined');
		expect(sim.state.cluster.guests.map((g) => g.user)).toEqual(['LNXSU11', 'LNXSU12']);
	});

	it('the crashed member’s guests are gone; re-IPL goes through Influx back to Stable', () => {
		const sim = simOf('itsossib');
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		expect(sim.state.cluster.guests.some((g) => g.on === 'ITSOSSI6')).toBe(false);
		sim.runUntil(30_000);
		expect(sim.state.cluster.mode).toBe('Safe');
		sim.apply({ kind: 'ipl', member: 'ITSOSSI6' });
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Joining');
		sim.runUntil(30_000 + DEFAULT_PARAMS.joinMs + HB);
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Joined');
		expect(sim.state.cluster.mode).toBe('Stable');
		expect(modes(sim)).toEqual(['Safe', 'Influx', 'Stable']);
	});

	it('with cross-system timeouts disabled nothing is timed out: the cluster waits (000 Example 2-5)', () => {
		const sim = simOf('itsossib');
		sim.state.cluster.crossSystemTimeouts = false;
		sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'ITSOSSI6' } });
		sim.runUntil(5 * T);
		expect(sim.state.cluster.members[0]!.views['ITSOSSI6']).toBe('ok');
		expect(sim.state.cluster.mode).toBe('Stable');
	});
});

describe('ISFC link faults', () => {
	it('one failed CTC lowers capacity but the members stay Joined', () => {
		const sim = simOf('itsossib');
		const r = sim.apply({
			kind: 'fault',
			fault: { kind: 'ctc.fail', link: LINK, chpid: '40', ctc: 0 }
		});
		expect(r.ok).toBe(true);
		sim.runUntil(3 * T);
		const cap = sim.state.log.filter((e) => e.kind === 'link.capacity');
		expect(cap.at(-1)).toMatchObject({ ctcs: 7 });
		expect(sim.state.cluster.mode).toBe('Stable');
	});

	it('a failed CHPID removes its CTCs from the link', () => {
		const sim = simOf('itsossib');
		sim.apply({ kind: 'fault', fault: { kind: 'chpid.fail', link: LINK, chpid: '50' } });
		expect(sim.state.log.at(-1)).toMatchObject({ kind: 'link.capacity', ctcs: 4 });
		sim.runUntil(3 * T);
		expect(sim.state.cluster.mode).toBe('Stable');
	});

	it('severing the logical link suspends both members and safes the cluster; repair restores Stable', () => {
		const sim = simOf('itsossib');
		sim.apply({ kind: 'fault', fault: { kind: 'link.sever', link: LINK } });
		sim.runUntil(T + 2 * HB + 1);
		expect(stateOf(sim, 'ITSOSSI5')).toBe('Suspended');
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Suspended');
		expect(sim.state.cluster.mode).toBe('Safe');
		// Both still write the PDR: the peer is alive but unreachable, not Unknown.
		expect(sim.state.cluster.members[0]!.views['ITSOSSI6']).toBe('unreachable');
		sim.apply({ kind: 'fault', fault: { kind: 'link.repair', link: LINK } });
		sim.runUntil(sim.now + 2 * HB + 1);
		expect(stateOf(sim, 'ITSOSSI5')).toBe('Joined');
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Joined');
		expect(sim.state.cluster.mode).toBe('Stable');
	});

	it('failing every CTC one by one has the same effect as severing the link', () => {
		const sim = simOf('itsossib');
		for (const ch of ['40', '50'])
			sim.apply({ kind: 'fault', fault: { kind: 'chpid.fail', link: LINK, chpid: ch } });
		sim.runUntil(T + 2 * HB + 1);
		expect(sim.state.cluster.mode).toBe('Safe');
	});

	it('a suspended member is released when the unreachable peer shuts down (Down needs no communication)', () => {
		const sim = simOf('itsossib');
		sim.apply({ kind: 'fault', fault: { kind: 'link.sever', link: LINK } });
		sim.runUntil(T + 2 * HB + 1);
		sim.apply({ kind: 'shutdown', member: 'ITSOSSI6' });
		sim.runUntil(sim.now + DEFAULT_PARAMS.shutdownMs + 2 * HB);
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Down');
		expect(stateOf(sim, 'ITSOSSI5')).toBe('Joined');
		expect(sim.state.cluster.mode).toBe('Stable');
	});

	it('faults name unknown targets instead of failing silently', () => {
		const sim = simOf('itsossib');
		expect(sim.apply({ kind: 'fault', fault: { kind: 'link.sever', link: 'NOPE' } })).toMatchObject(
			{ ok: false, lines: ['no ISFC link named NOPE'] }
		);
		expect(
			sim.apply({ kind: 'fault', fault: { kind: 'chpid.fail', link: LINK, chpid: '99' } }).lines[0]
		).toContain('no CHPID 99');
		expect(
			sim.apply({ kind: 'fault', fault: { kind: 'ctc.fail', link: LINK, chpid: '40', ctc: 9 } })
				.lines[0]
		).toContain('no CTC number 9');
		expect(sim.apply({ kind: 'fault', fault: { kind: 'member.abend', member: 'X' } }).ok).toBe(
			false
		);
	});
});

describe('shutdown and IPL (000 §2.4)', () => {
	it('SHUTDOWN: Leaving (Influx) then Down with "shut down successfully", Stable again', () => {
		const sim = simOf('itsossib');
		sim.apply({ kind: 'shutdown', member: 'ITSOSSI5' });
		expect(stateOf(sim, 'ITSOSSI5')).toBe('Leaving');
		expect(sim.state.cluster.mode).toBe('Influx');
		sim.runUntil(DEFAULT_PARAMS.shutdownMs);
		const m = sim.state.cluster.members[0]!;
		expect(m.state).toBe('Down');
		expect(m.pdr).toMatchObject({ state: 'Down', detail: 'shut down successfully' });
		expect(sim.state.cluster.mode).toBe('Stable');
		// The survivor does not time out a member that left cleanly.
		sim.runUntil(5 * T);
		expect(sim.state.cluster.mode).toBe('Stable');
	});

	it('SHUTDOWN REIPL brings the member back through Joining', () => {
		const sim = simOf('itsossib');
		sim.apply({ kind: 'shutdown', member: 'ITSOSSI6', reipl: true });
		sim.runUntil(DEFAULT_PARAMS.shutdownMs + DEFAULT_PARAMS.reiplMs);
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Joining');
		sim.runUntil(sim.now + DEFAULT_PARAMS.joinMs);
		expect(stateOf(sim, 'ITSOSSI6')).toBe('Joined');
	});

	it('IPL of a running member and SHUTDOWN of a down member are refused', () => {
		const sim = simOf('myclustr');
		expect(sim.apply({ kind: 'ipl', member: 'MEMBER1' }).ok).toBe(false);
		expect(sim.apply({ kind: 'shutdown', member: 'MEMBER3' }).ok).toBe(false);
	});

	it('a member with no ISLINK to some member cannot join: Isolated', () => {
		const sim = simFrom({
			name: 'no-islink',
			cluster: {
				name: 'C',
				members: [
					{ name: 'A', storage: '8G', paging: '4G' },
					{ name: 'B', storage: '8G', paging: '4G' },
					{ name: 'C', storage: '8G', paging: '4G', state: 'Down' }
				],
				links: [{ between: ['A', 'B'] }, { between: ['A', 'C'] }]
			}
		});
		sim.apply({ kind: 'ipl', member: 'C' });
		expect(stateOf(sim, 'C')).toBe('Isolated');
		expect(sim.state.cluster.members[2]!.detail).toBe('no ISLINK to B');
		// An Isolated member is not in the cluster: the others stay Stable.
		sim.runUntil(3 * T);
		expect(sim.state.cluster.mode).toBe('Stable');
		sim.apply({ kind: 'shutdown', member: 'C' });
		expect(stateOf(sim, 'C')).toBe('Down');
	});

	it('a member resolving to a system identifier already in use cannot join (000 App. A.2)', () => {
		const sim = simOf('myclustr');
		sim.apply({
			kind: 'fault',
			fault: { kind: 'member.systemId', member: 'MEMBER3', systemId: 'MEMBER1' }
		});
		sim.apply({ kind: 'ipl', member: 'MEMBER3' });
		expect(stateOf(sim, 'MEMBER3')).toBe('Isolated');
		expect(sim.state.cluster.members[2]!.detail).toContain('already in use');
	});

	it('a joining member that cannot reach a running member becomes Isolated when it tries to join', () => {
		const sim = simOf('myclustr');
		sim.apply({ kind: 'fault', fault: { kind: 'link.sever', link: 'MEMBER2-MEMBER3' } });
		sim.apply({ kind: 'ipl', member: 'MEMBER3' });
		expect(stateOf(sim, 'MEMBER3')).toBe('Joining');
		sim.runUntil(DEFAULT_PARAMS.joinMs);
		expect(stateOf(sim, 'MEMBER3')).toBe('Isolated');
		expect(sim.state.cluster.members[2]!.detail).toBe('cannot communicate with MEMBER2');
	});
});
