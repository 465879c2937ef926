import type { RelocationState } from '../model/lgr/relocation-types';
import type { ClusterState } from '../model/types';
import type { Scheduled } from './event-queue';
import type { ConsoleLine, LogEntry, SimEvent, TimedInput } from './events';
import type { PrngState } from './prng';

/**
 * Timing parameters of the SSI model. CP does not publish these; each is a choice, documented
 * in the README ("Model parameters") with its reason.
 */
export interface SimParams {
	/** Interval between a member's PDR heartbeat writes and ISFC heartbeat messages. */
	heartbeatMs: number;
	/** Cross-system timeout: silence after which a peer is no longer considered communicating. */
	crossSystemTimeoutMs: number;
	/** From IPL to the end of the join protocol (the member is Joining; the cluster is in Influx). */
	joinMs: number;
	/** From SHUTDOWN to Down (the member is Leaving). */
	shutdownMs: number;
	/** From Down to the new IPL of SHUTDOWN REIPL. */
	reiplMs: number;
	/** The "may be delayed for up to N seconds" of HCPSHU960I (000 Example 4-3 shows 530). */
	shutdownSignalSeconds: number;
	/** LGR: creating the guest's skeleton on the destination, after the eligibility check. */
	relocationSkeletonMs: number;
	/** LGR: moving the guest state and I/O devices, after the penultimate pass (in Moving Guest). */
	relocationGuestStateMs: number;
	/** LGR: resuming the guest on the destination after the final memory pass. */
	relocationResumeMs: number;
	/** LGR: Cleaning Up on the source after the guest runs on the destination. */
	relocationCleanupMs: number;
	/** LGR: the memory-transfer engine's time grid (the link's bandwidth is sampled once a slice). */
	relocationSliceMs: number;
	/** From SIGNAL SHUTDOWN to the guest's operating system reporting termination. */
	guestShutdownMs: number;
}

export const DEFAULT_PARAMS: SimParams = {
	heartbeatMs: 2_000,
	crossSystemTimeoutMs: 10_000,
	joinMs: 4_000,
	shutdownMs: 2_000,
	reiplMs: 60_000,
	shutdownSignalSeconds: 530,
	relocationSkeletonMs: 100,
	relocationGuestStateMs: 100,
	relocationResumeMs: 50,
	relocationCleanupMs: 500,
	relocationSliceMs: 100,
	guestShutdownMs: 5_000
};

/** The whole simulation: plain data, so a snapshot is JSON and restores exactly. */
export interface SimState {
	format: 'quiesce-sim/1';
	scenario: string;
	seed: number;
	/** Simulated wall clock (epoch ms, UTC) at simulated time 0; used only for printed stamps. */
	epochMs: number;
	/** Simulated time in milliseconds since the start. */
	now: number;
	/** Next scheduling number for the queue. */
	seq: number;
	rng: PrngState;
	queue: Scheduled<SimEvent>[];
	params: SimParams;
	cluster: ClusterState;
	log: LogEntry[];
	console: ConsoleLine[];
	/** Every input applied so far, in order: replaying them reproduces this state. */
	inputs: TimedInput[];
	/** Every VMRELOCATE MOVE so far (in progress or ended), in the order they were issued. */
	relocations: RelocationState[];
}
