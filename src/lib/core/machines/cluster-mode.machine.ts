import { assign, setup, transition } from 'xstate';
import type { ClusterMode } from '../model/types';

/** What the cluster mode depends on: counts over the members (000 §2.4.2). */
export interface ModeInputs {
	/** Members some running peer cannot determine the state of (shown as Unknown). */
	unknown: number;
	suspended: number;
	joining: number;
	leaving: number;
}

export type ClusterModeEvent = { type: 'cluster.membersChanged' } & ModeInputs;

const none: ModeInputs = { unknown: 0, suspended: 0, joining: 0, leaving: 0 };

/**
 * Cluster modes of 000 §2.4.2:
 * - Safe when a remote member's state cannot be determined or any member is Suspended;
 * - Influx while members are joining or leaving;
 * - Stable otherwise.
 * Safe takes precedence over Influx: a failure "safes" the cluster whatever else is going on (001).
 */
export const clusterModeMachine = setup({
	types: { context: {} as ModeInputs, events: {} as ClusterModeEvent },
	guards: {
		safe: ({ context }) => context.unknown > 0 || context.suspended > 0,
		influx: ({ context }) => context.joining > 0 || context.leaving > 0
	},
	actions: {
		record: assign(({ event }) => ({
			unknown: event.unknown,
			suspended: event.suspended,
			joining: event.joining,
			leaving: event.leaving
		}))
	}
}).createMachine({
	id: 'clusterMode',
	context: none,
	initial: 'Stable',
	on: { 'cluster.membersChanged': { actions: 'record', target: '.Evaluating' } },
	states: {
		Evaluating: {
			always: [
				{ guard: 'safe', target: 'Safe' },
				{ guard: 'influx', target: 'Influx' },
				{ target: 'Stable' }
			]
		},
		Stable: {},
		Influx: {},
		Safe: {}
	}
});

/** The mode implied by the member counts, reached through the machine from `current`. */
export function nextClusterMode(current: ClusterMode, inputs: ModeInputs): ClusterMode {
	const [next] = transition(
		clusterModeMachine,
		clusterModeMachine.resolveState({ value: current, context: none }),
		{ type: 'cluster.membersChanged', ...inputs }
	);
	return next.value as ClusterMode;
}
