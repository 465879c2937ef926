import { setup, transition } from 'xstate';

/**
 * One live guest relocation (000 §3.6.2; issue 3 "The phase machine"): eligibility checks,
 * creating the guest's skeleton on the destination, Moving Memory (pre-copy passes while the
 * guest runs), Moving Guest (quiesced: guest state, I/O devices and the penultimate memory
 * pass), Final Mem Copy (quiesced, last pass), resuming on the destination, Cleaning Up on the
 * source. Quiesce therefore covers Moving Guest and Final Mem Copy: the final two passes
 * through storage (IBM z/VM 6.2 performance report, MODEL-NOTES).
 *
 * Any phase before the guest resumes on the destination can end the relocation with the guest
 * still running on the source: a CANCEL (001: "has been canceled by CELESKEY on GDLMCPX4"),
 * MAXQUIESCE or MAXTOTAL exceeded (HCPRLU1930I for quiesce, 000 App. A.1.7), or an eligibility
 * re-check that fails at a phase boundary (HCPRLH1939E). Once the guest runs on the
 * destination, only cleaning up remains and it cannot be undone.
 */
export type RelocationPhase =
	| 'Eligibility'
	| 'CreatingSkeleton'
	| 'MovingMemory'
	| 'MovingGuest'
	| 'FinalMemCopy'
	| 'Resuming'
	| 'CleaningUp'
	| 'Relocated'
	| 'Cancelled'
	| 'Terminated'
	| 'Rejected';

export type RelocationEvent =
	/** The current phase's work is done; `eligible` is the re-check made at the phase boundary. */
	| { type: 'relocation.phaseDone'; eligible: boolean }
	/** The policy decided to stop pre-copying and quiesce (or IMMEDIATE after its one pass). */
	| { type: 'relocation.quiesce'; eligible: boolean }
	| { type: 'relocation.cancel'; by: string }
	| { type: 'relocation.limitExceeded'; limit: 'MAXQUIESCE' | 'MAXTOTAL' }
	/** The destination left the cluster or the ISFC link was severed mid-flight. */
	| { type: 'relocation.destinationLost' };

const undoable = {
	'relocation.cancel': 'Cancelled',
	'relocation.limitExceeded': 'Cancelled',
	'relocation.destinationLost': 'Terminated'
} as const;

export const relocationMachine = setup({
	types: { events: {} as RelocationEvent },
	guards: {
		eligible: ({ event }) =>
			(event.type === 'relocation.phaseDone' || event.type === 'relocation.quiesce') &&
			event.eligible
	}
}).createMachine({
	id: 'relocation',
	initial: 'Eligibility',
	states: {
		Eligibility: {
			on: {
				'relocation.phaseDone': [
					{ guard: 'eligible', target: 'CreatingSkeleton' },
					{ target: 'Rejected' }
				],
				'relocation.cancel': 'Cancelled'
			}
		},
		CreatingSkeleton: {
			on: {
				'relocation.phaseDone': [
					{ guard: 'eligible', target: 'MovingMemory' },
					{ target: 'Terminated' }
				],
				...undoable
			}
		},
		MovingMemory: {
			on: {
				'relocation.quiesce': [
					{ guard: 'eligible', target: 'MovingGuest' },
					{ target: 'Terminated' }
				],
				...undoable
			}
		},
		MovingGuest: {
			on: {
				'relocation.phaseDone': [
					{ guard: 'eligible', target: 'FinalMemCopy' },
					{ target: 'Terminated' }
				],
				...undoable
			}
		},
		FinalMemCopy: {
			on: {
				'relocation.phaseDone': [
					{ guard: 'eligible', target: 'Resuming' },
					{ target: 'Terminated' }
				],
				...undoable
			}
		},
		Resuming: { on: { 'relocation.phaseDone': 'CleaningUp' } },
		CleaningUp: { on: { 'relocation.phaseDone': 'Relocated' } },
		Relocated: { type: 'final' },
		Cancelled: { type: 'final' },
		Terminated: { type: 'final' },
		Rejected: { type: 'final' }
	}
});

/** The phase after `event`, or the same phase when the event does not apply there. */
export function nextRelocationPhase(
	phase: RelocationPhase,
	event: RelocationEvent
): RelocationPhase {
	const [next] = transition(
		relocationMachine,
		relocationMachine.resolveState({ value: phase, context: {} }),
		event
	);
	return next.value as RelocationPhase;
}

/** The status VMRELOCATE STATUS prints for a phase (001 transcript: "Final Mem Copy"). */
export const STATUS_TEXT: Partial<Record<RelocationPhase, string>> = {
	MovingMemory: 'Moving Memory',
	MovingGuest: 'Moving Guest',
	FinalMemCopy: 'Final Mem Copy',
	CleaningUp: 'Cleaning Up'
};

/** Whether the guest is quiesced in a phase: Moving Guest and Final Mem Copy. */
export function isQuiesced(phase: RelocationPhase): boolean {
	return phase === 'MovingGuest' || phase === 'FinalMemCopy';
}
