import type { Fault, SimInput } from '../sim/events';
import type { SimParams } from '../sim/state';
import type { Facility, GuestStatus, MemberStateName } from '../model/types';
import type { WorkloadPreset } from '../engine/workload';

/**
 * A scenario, validated and with every size and time converted to numbers. The file format
 * (JSON) is documented in README.md and by `scenario.schema.json` beside this file.
 */
export interface ScenarioSpec {
	name: string;
	title: string;
	description: string;
	/** The document section the scenario comes from, e.g. "000 ch. 5". */
	source: string;
	seed: number;
	/** Simulated wall clock at time 0 (epoch ms, UTC). */
	startEpochMs: number;
	cluster: {
		name: string;
		pdr: { volume: string; rdev: string };
		crossSystemTimeouts: boolean;
		members: MemberSpec[];
		links: LinkSpec[];
		domains: { name: string; members: string[] }[];
	};
	directory: string | null;
	systemConfig: string | null;
	guests: GuestSpec[];
	/** Saved segments (NSS, DCSS): one entry per identical copy, with the members holding it. */
	segments: SegmentSpec[];
	script: { at: number; input: SimInput }[];
	params: Partial<SimParams>;
}

export interface MemberSpec {
	name: string;
	slot: number;
	cec: string;
	lpar: string;
	storageBytes: number;
	pagingBytes: number;
	cpus: number;
	cpuType: 'CP' | 'IFL';
	facilities: Facility[];
	/** State at time 0: a running cluster starts Joined; Down members wait for an IPL. */
	initial: Extract<MemberStateName, 'Joined' | 'Down'>;
	systemId: string;
	/** Real storage in use by CP and work the scenario does not list (default 0). */
	storageInUseBytes: number;
	/** Paging space in use (QUERY ALLOC PAGE "PAGES IN USE", default 0). */
	pagingInUseBytes: number;
	/** Real devices whose state matters (DASD attached to SYSTEM, OSAs attached to TCPIP, ...). */
	devices: DeviceSpec[];
	/** AP type of the member's crypto adapters, or null. */
	cryptoApType: string | null;
}

/** A real device (or a range of them) of a member, as the scenario gives it. */
export interface DeviceSpec {
	first: string;
	last: string;
	type: string | null;
	eqid: string | null;
	volser: string | null;
	/** `SYSTEM`, a user ID, or null for a free device. */
	owner: string | null;
	online: boolean;
	devno: boolean;
}

/** One identical copy of a saved segment (000 §3.3). */
export interface SegmentSpec {
	name: string;
	kind: 'NSS' | 'DCSS';
	ranges: string[];
	members: string[];
}

export interface LinkSpec {
	between: [string, string];
	chpids: number;
	ctcs: number;
	/** First CTC device number (hex) of the link, for the device numbers QUERY and the views show. */
	firstRdev: string;
	/** Explicit CTC devices (CHPID, device on the first member, device on the second), when given. */
	devices: { chpid: string; a: string; b: string }[] | null;
}

export interface GuestSpec {
	user: string;
	on: string;
	status: GuestStatus;
	kind: 'USER' | 'IDENTITY';
	/** Resident size in bytes, or null for the guest's current storage. */
	residentBytes: number | null;
	/** What the guest does to its memory (a preset of engine/workload.ts), or null for the default. */
	workload: WorkloadPreset | null;
	/** Virtual devices that are logical devices (000 Example 3-7). */
	logicalDevices: string[];
	/** Saved segments the guest uses, by name. */
	segments: string[];
	/** IUCV connections (`*MSG`, `*MSGALL`, other services or user IDs). */
	iucv: string[];
	/** The guest uses VMCF (000 Example A-10). */
	vmcf: boolean;
	/** CP storage for the guest beyond its page management blocks (see model/lgr/storage.ts). */
	overhead: { pageableBytes: number; fixedBytes: number };
}

/** A problem in a scenario file: where (a JSON path, and a line and column when known) and why. */
export interface ScenarioError {
	path: string;
	line?: number;
	column?: number;
	message: string;
}

export type ScenarioResult =
	{ ok: true; value: ScenarioSpec } | { ok: false; errors: ScenarioError[] };

export type { Fault };
