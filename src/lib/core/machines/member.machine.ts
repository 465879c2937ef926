import { setup, transition } from 'xstate';
import type { MemberStateName } from '../model/types';

/**
 * Member lifecycle of 000 §2.4.1: Down, Joining, Joined, Leaving, Suspended, Isolated.
 * The simulation owns time; this machine owns which transitions are legal. It is used as a
 * pure transition function (`nextMemberState`), so its state is a plain string in a snapshot.
 */
export type MemberEvent =
	/** IPL of the member. `compatible` is false when its configuration cannot join (Isolated). */
	| { type: 'member.ipl'; compatible: boolean }
	/** End of the join protocol. `reachable` is false when a running member cannot be reached. */
	| { type: 'member.joinComplete'; reachable: boolean }
	| { type: 'member.shutdown' }
	| { type: 'member.shutdownComplete' }
	/** The member stops without updating the PDR (heartbeats stop). */
	| { type: 'member.abend' }
	/** The member cannot communicate with a peer that is neither Down nor Isolated. */
	| { type: 'member.peerLost' }
	| { type: 'member.peersRestored' };

export const memberMachine = setup({
	types: { events: {} as MemberEvent },
	guards: {
		compatible: ({ event }) => event.type === 'member.ipl' && event.compatible,
		reachable: ({ event }) => event.type === 'member.joinComplete' && event.reachable
	}
}).createMachine({
	id: 'member',
	initial: 'Down',
	states: {
		Down: {
			on: { 'member.ipl': [{ guard: 'compatible', target: 'Joining' }, { target: 'Isolated' }] }
		},
		Joining: {
			on: {
				'member.joinComplete': [{ guard: 'reachable', target: 'Joined' }, { target: 'Isolated' }],
				'member.shutdown': 'Leaving',
				'member.abend': 'Down'
			}
		},
		Joined: {
			on: {
				'member.shutdown': 'Leaving',
				'member.abend': 'Down',
				'member.peerLost': 'Suspended'
			}
		},
		Suspended: {
			on: {
				'member.peersRestored': 'Joined',
				'member.shutdown': 'Leaving',
				'member.abend': 'Down'
			}
		},
		Leaving: {
			on: { 'member.shutdownComplete': 'Down', 'member.abend': 'Down' }
		},
		Isolated: {
			on: { 'member.shutdown': 'Down', 'member.abend': 'Down' }
		}
	}
});

/** The state after `event`, or the same state when the event is not legal there. */
export function nextMemberState(state: MemberStateName, event: MemberEvent): MemberStateName {
	const [next] = transition(
		memberMachine,
		memberMachine.resolveState({ value: state, context: {} }),
		event
	);
	return next.value as MemberStateName;
}

/** Events the machine accepts in a state (for the UI and tests). */
export function memberEventsIn(state: MemberStateName): MemberEvent['type'][] {
	const node = memberMachine.states[state];
	return Object.keys(node?.on ?? {}) as MemberEvent['type'][];
}
