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
	/**
	 * Users logged on besides the scenario's guests (the operator, TCPIP, the virtual switch
	 * controllers, ...): CP counts them in `USERS = n` (000 Example ). Default 0.
	 */
	otherUsers: number;
	/** CP-owned volumes formatted with page space (QUERY ALLOC PAGE, 000 Example ). */
	pagingVolumes: PagingVolumeSpec[];
}

/**
 * A volume with a PAGE extent (CPFMTXA allocation, 000 Example 5-1 ... 5-2): in use for paging
 * while its device is attached to SYSTEM (`attached`), else waiting for ATTACH rdev TO SYSTEM.
 */
export interface PagingVolumeSpec {
	volser: string;
	rdev: string;
	/** First and last cylinder of the PAGE extent (000 Example A-23: 1-10016). */
	firstCylinder: number;
	lastCylinder: number;
	/** Pages in use and the highest page slot used (000 Example A-25: 2 and 15). */
	inUsePages: number;
	highPage: number;
	attached: boolean;
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
	/** The owner's virtual device number for the first device of the range (000 Example A-11: DTCVSW1 0600), or null for the real number. */
	vdev: string | null;
	/** Channel path (two hex digits) of a network device (000 Example A-11: CHPID 0C), or null. */
	chpid: string | null;
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
	/**
	 * What CP's accounting shows at logoff (000 Example A-10: `CONNECT= 99:59:59 VIRTCPU=
	 * 000:00.85 TOTCPU= 000:02.85`): how long before the scenario starts the guest logged on, and
	 * the CPU time it had used by then. The simulator does not model CPU use; default 0.
	 */
	accounting: GuestAccountingSpec;
}

/** See {@link GuestSpec.accounting}. */
export interface GuestAccountingSpec {
	loggedOnForMs: number;
	virtualCpuMs: number;
	totalCpuMs: number;
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
