import type { WorkloadPreset } from '../engine/workload';
import type { RelocationOutcome } from '../model/lgr/relocation-types';
import type { RelocationPhase } from '../machines/relocation.machine';
import type { ClusterMode, MemberStateName, PeerView } from '../model/types';

/** A fault the user or a script injects (issue: abend, CTC, CHPID, link) and its repair. */
export type Fault =
	| { kind: 'member.abend'; member: string }
	| { kind: 'ctc.fail' | 'ctc.repair'; link: string; chpid: string; ctc: number }
	| { kind: 'chpid.fail' | 'chpid.repair'; link: string; chpid: string }
	| { kind: 'link.sever' | 'link.repair'; link: string }
	/** Mis-set the System_Identifier a member resolves to at its next IPL (000 App. A.2). */
	| { kind: 'member.systemId'; member: string; systemId: string };

/** Every fault kind: what scenario scripts, the worker protocol and links accept. */
export const FAULT_KINDS = [
	'member.abend',
	'member.systemId',
	'ctc.fail',
	'ctc.repair',
	'chpid.fail',
	'chpid.repair',
	'link.sever',
	'link.repair'
] as const satisfies readonly Fault['kind'][];

/** Something from outside the simulation: what a replay must repeat to reproduce a run. */
export type SimInput =
	| { kind: 'command'; on: string; text: string; user?: string }
	| { kind: 'fault'; fault: Fault }
	/** The HMC "Load" of a member (an IPL that does not come from CP). */
	| { kind: 'ipl'; member: string }
	| { kind: 'shutdown'; member: string; reipl?: boolean }
	/**
	 * What guest `user` on member `on` does to its memory from now on: a preset of
	 * engine/workload.ts. A relocation under way follows it from its engine's next slice.
	 */
	| { kind: 'guest.workload'; user: string; on: string; workload: WorkloadPreset }
	/**
	 * The number of CTC devices on one CHPID of an ISFC logical link (1-16 on the whole link,
	 * 001 "CTC Connections"); a relocation over it follows from its engine's next slice.
	 */
	| { kind: 'link.ctcs'; link: string; chpid: string; ctcs: number };

/** Every input kind: what the worker protocol and links accept. */
export const INPUT_KINDS = [
	'command',
	'fault',
	'ipl',
	'shutdown',
	'guest.workload',
	'link.ctcs'
] as const satisfies readonly SimInput['kind'][];

/** An input at a simulated time. */
export interface TimedInput {
	at: number;
	input: SimInput;
}

/** Events on the discrete-event queue. */
export type SimEvent =
	| { type: 'member.heartbeat'; member: string; incarnation: number }
	| { type: 'member.joinComplete'; member: string; incarnation: number }
	| { type: 'member.shutdownComplete'; member: string; incarnation: number; reipl: boolean }
	| { type: 'member.reipl'; member: string }
	/** The next step of relocation `id` (model/lgr/relocation.ts): a phase ends or memory moves on. */
	| { type: 'relocation.tick'; id: number }
	/**
	 * The end of a SIGNAL SHUTDOWN given at `since`: the guest's operating system has shut down,
	 * or the WITHIN time ran out first (`reported` false).
	 */
	| { type: 'guest.shutdownComplete'; user: string; on: string; since: number; reported: boolean }
	| { type: 'input'; input: SimInput };

/** The typed event log: everything that happened, in order, at simulated times. */
export type LogEntry = { t: number } & (
	| { kind: 'sim.start'; scenario: string; seed: number }
	| {
			kind: 'member.state';
			member: string;
			from: MemberStateName;
			to: MemberStateName;
			reason: string;
	  }
	| { kind: 'member.view'; observer: string; peer: string; from: PeerView; to: PeerView }
	| { kind: 'cluster.mode'; from: ClusterMode; to: ClusterMode }
	| { kind: 'link.capacity'; link: string; ctcs: number; mbps: number; reason: string }
	| { kind: 'fault'; fault: Fault }
	| { kind: 'command'; on: string; user: string; text: string; rc: number }
	| { kind: 'domain.defined'; name: string; members: string[] }
	| { kind: 'guest.logoff'; user: string; on: string; reason: string }
	/** A guest's workload changed (a `guest.workload` input). */
	| { kind: 'guest.workload'; user: string; on: string; from: WorkloadPreset; to: WorkloadPreset }
	/** A CHPID of a link got more or fewer CTC devices (a `link.ctcs` input); `link.capacity` follows. */
	| { kind: 'link.ctcs'; link: string; chpid: string; from: number; to: number; devices: string[] }
	| { kind: 'slot.changed'; slot: number; from: string | null; to: string | null }
	/** An input that could not be applied (e.g. IPL of a running member), and why. */
	| { kind: 'input.rejected'; input: SimInput; reason: string }
	/** VMRELOCATE MOVE accepted a relocation (it may still be rejected by eligibility). */
	| { kind: 'relocation.start'; id: number; user: string; from: string; to: string; by: string }
	/** A relocation changed phase (machines/relocation.machine.ts). */
	| {
			kind: 'relocation.phase';
			id: number;
			user: string;
			from: RelocationPhase;
			to: RelocationPhase;
			reason: string;
	  }
	/** One pass through the guest's memory ended (quiesced: the guest was stopped). */
	| {
			kind: 'relocation.pass';
			id: number;
			user: string;
			n: number;
			pages: number;
			startMs: number;
			endMs: number;
			quiesced: boolean;
	  }
	/** A relocation ended; `reason` says why when it did not relocate the guest. */
	| { kind: 'relocation.end'; id: number; user: string; outcome: RelocationOutcome; reason: string }
	/** A dedicated device re-attached by EQID: real device `from` on the source, `to` on `on` (000 App. A.1.5). */
	| { kind: 'guest.device'; user: string; vdev: string; from: string; to: string; on: string }
	/** A line on a guest's own (Linux) console, e.g. the qeth recovery of 000 App. A.4. */
	| { kind: 'guest.console'; user: string; on: string; text: string }
);

export type LogKind = LogEntry['kind'];

/** One line on a member's console: what was typed and what CP answered. */
export interface ConsoleLine {
	t: number;
	on: string;
	kind: 'input' | 'output';
	text: string;
}
