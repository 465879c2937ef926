/**
 * The SSI cluster model: plain, JSON-serialisable data. Everything the simulation knows lives
 * in these shapes, so a snapshot is a deep copy of them (see core/sim/snapshot.ts).
 */

/** Member states of 000 §2.4.1. `Unknown` is not a state: it is how a peer that stopped communicating is shown. */
export type MemberStateName = 'Down' | 'Joining' | 'Joined' | 'Leaving' | 'Suspended' | 'Isolated';

/** Cluster modes of 000 §2.4.2. */
export type ClusterMode = 'Stable' | 'Influx' | 'Safe';

/** Architecture features of 000 Figure 3-5. */
export const FACILITIES = ['GIEF', 'EX-EXT', 'FLOAT-PT', 'E-MONITOR', 'FACILITY X'] as const;
export type Facility = (typeof FACILITIES)[number];

/** How one member sees one peer over ISFC. */
export type PeerView = 'ok' | 'unknown' | 'unreachable';

export interface MemberState {
	/** Slot in the SSI member list (1-4). */
	slot: number;
	/** System name (1-8 characters). */
	name: string;
	/** The name the member resolves to at IPL through System_Identifier (000 App. A.2). */
	systemId: string;
	/** Members its SYSTEM CONFIG activates an ISLINK to, or null when the scenario gives no SYSTEM CONFIG. */
	islinkTo: string[] | null;
	cec: string;
	lpar: string;
	storageBytes: number;
	pagingBytes: number;
	cpus: number;
	cpuType: 'CP' | 'IFL';
	facilities: Facility[];
	/** The member's true state. */
	state: MemberStateName;
	/** Why it is in that state, when CP says (e.g. "shut down successfully"). */
	detail: string | null;
	/** The member's own record in the PDR: state and heartbeat time stamp (epoch ms of simulated wall clock). */
	pdr: { state: MemberStateName; stamp: number | null; lastChange: string; detail: string | null };
	/** Last ISFC heartbeat this member received from each peer (simulated ms), by peer name. */
	received: Record<string, number | null>;
	/** How this member sees each peer. */
	views: Record<string, PeerView>;
	/** Offset of this member's heartbeats within the interval (seeded, keeps members out of lock-step). */
	heartbeatPhaseMs: number;
	/** Counts IPLs; timers of an earlier incarnation are ignored after an abend and re-IPL. */
	incarnation: number;
	/** Simulated ms at which the current incarnation started joining (null while down). */
	upSince: number | null;
	/** Devices, virtual switches, storage and paging in use: what LGR checks on a destination (000 §3.4, §3.7). */
	resources: MemberResources;
}

export interface CtcState {
	/** Real device number on the first member of the link. */
	rdevA: string;
	/** Real device number on the second member of the link. */
	rdevB: string;
	failed: boolean;
}

export interface ChpidState {
	/** Channel path id (two hex digits). */
	id: string;
	failed: boolean;
	ctcs: CtcState[];
}

/** An ISFC logical link between two members: 1-16 FICON CTC devices over 1-4 CHPIDs (000 §2.3.1, 001). */
export interface LinkState {
	id: string;
	between: [string, string];
	/** The whole logical link is cut (a fault injected by the user), whatever its devices' state. */
	severed: boolean;
	chpids: ChpidState[];
}

export interface DomainState {
	name: string;
	members: string[];
	/** True for the SSI domain and the single-member domains CP defines itself (000 §3.5.1). */
	implicit: boolean;
}

/**
 * A logged-on user is connected (`logged-on`) or running disconnected. A logged-off user has no
 * guest record at all: CP keeps nothing for it on any member (000 §3.7 "logged off").
 */
export type GuestStatus = 'logged-on' | 'disconnected';

export type {
	GuestCpu,
	GuestDevice,
	GuestOverhead,
	GuestState,
	GuestStorage,
	MemberResources,
	RdevClass,
	RealDeviceState,
	SavedSegment,
	VswitchState
} from './guest-types';
import type { GuestState, MemberResources, SavedSegment } from './guest-types';

export interface ClusterState {
	name: string;
	/** The SSI member list: the system name in each slot 1-4, or null when the slot is Available. */
	slots: (string | null)[];
	mode: ClusterMode;
	crossSystemTimeouts: boolean;
	/** The PDR: its volume, real device, lock, and when its member records last changed (epoch ms). */
	pdr: { volume: string; rdev: string; locked: boolean; stamp: number };
	members: MemberState[];
	links: LinkState[];
	domains: DomainState[];
	guests: GuestState[];
	/** Saved segments (NSS and DCSS) and the members holding each identical copy (000 §3.3). */
	segments: SavedSegment[];
}
