import { describe, expect, it } from 'vitest';
import {
	memberEventsIn,
	nextMemberState,
	type MemberEvent
} from '$lib/core/machines/member.machine';
import type { MemberStateName } from '$lib/core/model/types';

const ev = {
	iplOk: { type: 'member.ipl', compatible: true },
	iplBad: { type: 'member.ipl', compatible: false },
	joined: { type: 'member.joinComplete', reachable: true },
	joinFailed: { type: 'member.joinComplete', reachable: false },
	shutdown: { type: 'member.shutdown' },
	down: { type: 'member.shutdownComplete' },
	abend: { type: 'member.abend' },
	lost: { type: 'member.peerLost' },
	restored: { type: 'member.peersRestored' }
} satisfies Record<string, MemberEvent>;

/** Every legal transition of 000 §2.4.1, as [from, event, to]. */
const legal: [MemberStateName, MemberEvent, MemberStateName][] = [
	['Down', ev.iplOk, 'Joining'],
	['Down', ev.iplBad, 'Isolated'],
	['Joining', ev.joined, 'Joined'],
	['Joining', ev.joinFailed, 'Isolated'],
	['Joining', ev.shutdown, 'Leaving'],
	['Joining', ev.abend, 'Down'],
	['Joined', ev.shutdown, 'Leaving'],
	['Joined', ev.abend, 'Down'],
	['Joined', ev.lost, 'Suspended'],
	['Suspended', ev.restored, 'Joined'],
	['Suspended', ev.shutdown, 'Leaving'],
	['Suspended', ev.abend, 'Down'],
	['Leaving', ev.down, 'Down'],
	['Leaving', ev.abend, 'Down'],
	['Isolated', ev.shutdown, 'Down'],
	['Isolated', ev.abend, 'Down']
];

describe('member machine (000 §2.4.1 member states)', () => {
	it.each(legal)('%s --%o--> %s', (from, event, to) => {
		expect(nextMemberState(from, event)).toBe(to);
	});

	const states: MemberStateName[] = [
		'Down',
		'Joining',
		'Joined',
		'Leaving',
		'Suspended',
		'Isolated'
	];
	it('ignores every event that is not legal in a state (no other transition exists)', () => {
		for (const s of states) {
			for (const e of Object.values(ev)) {
				if (legal.some(([f, le]) => f === s && le === e)) continue;
				expect(nextMemberState(s, e), `${s} on ${JSON.stringify(e)}`).toBe(s);
			}
		}
	});

	it('a Down member accepts only IPL; a Leaving one cannot be suspended', () => {
		expect(memberEventsIn('Down')).toEqual(['member.ipl']);
		expect(memberEventsIn('Leaving')).not.toContain('member.peerLost');
	});
});
