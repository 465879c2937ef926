/**
 * Guests and the member resources live guest relocation checks: plain, JSON-serialisable data
 * (snapshots are JSON). A guest carries its effective directory definition, resolved for the
 * member it is logged on to (000 §2.2.4, App. A), plus the facts the directory cannot hold,
 * which the scenario gives (000 §3.3, §3.7).
 */
import type { GuestSpec } from '../config/scenario-types';
import type { MachineMode } from '../config/user-direct.types';
import type { WorkloadPreset } from '../engine/workload';
import type { Facility, GuestStatus } from './types';

/** One virtual CPU: its address, type (CP, IFL, ZIIP, ZAAP, ICF) and whether it is dedicated. */
export interface GuestCpu {
	address: number;
	type: string;
	dedicated: boolean;
}

/**
 * A minidisk access mode of MDISK, LINK and the LINK command, without the V (virtual
 * reserve/release) an MDISK may add. The first letter is the primary access, the second the
 * alternate CP gives when the primary is not available (CP's LINK command):
 * R read-only unless another user has write access; RR read-only even so; W write only when no
 * other user is linked; WR write, else read-only; M write unless another user has write access;
 * MR write, else read-only; MW write in all cases.
 */
export type LinkMode = 'R' | 'RR' | 'W' | 'WR' | 'M' | 'MR' | 'MW';

/** Access held on a minidisk: R (read-only, R/O) or W (read/write, R/W). */
export type MinidiskAccess = 'R' | 'W';

/**
 * A virtual device of the guest, from its directory definition (000 App. A):
 * - `nic`: NICDEF, coupled to a virtual switch when the LAN owner is SYSTEM (`vswitch`);
 * - `dedicated`: DEDICATE of a real device, with the type and EQID the source member gives it;
 * - `mdisk`: MDISK by extent, DEVNO (full pack by real device), V-DISK, T-DISK or DIRMAINT AUTO;
 * - `link`: LINK to another user's minidisk; `local` when that minidisk is member-specific;
 * - both minidisk kinds carry the access mode asked for and the access held (see {@link LinkMode});
 * - `vfb512`: a private virtual disk in storage from `COMMAND DEFINE VFB-512` (000 A.1.3);
 * - `unit-record`: CONSOLE, SPOOL or SPECIAL.
 */
export type GuestDevice =
	| {
			vdev: string;
			kind: 'nic';
			/** Devices the NIC occupies (NICDEF DEVICES, default 3). */
			count: number;
			nicType: string | null;
			lanOwner: string | null;
			lan: string | null;
			/** Virtual switch name when the LAN owner is SYSTEM, else null. */
			vswitch: string | null;
	  }
	| {
			vdev: string;
			kind: 'dedicated';
			rdev: string;
			/** Real device type (OSA, FCP, HIPERSOCKETS, CTC, DASD, ...) on the source, or null when unknown. */
			rdevType: string | null;
			/** EQID of the real device on the source (SYSTEM CONFIG RDEVICE), or null. */
			eqid: string | null;
	  }
	| {
			vdev: string;
			kind: 'mdisk';
			form: 'extent' | 'devno' | 'vdisk' | 'tdisk' | 'auto';
			/** Volume of an extent minidisk, else null. */
			volid: string | null;
			/** Real device of a DEVNO minidisk, else null. */
			rdev: string | null;
			/** 512-byte blocks of a V-DISK, else null. */
			blocks: number | null;
			/** The MDISK statement's access mode (the owner's own link to it; W when it gives none). */
			mode: LinkMode;
			/** The access the owner holds: the mode's primary access. */
			access: MinidiskAccess;
	  }
	| {
			vdev: string;
			kind: 'link';
			owner: string;
			target: string;
			/** The linked minidisk is member-specific (an IDENTITY's SUBCONFIG minidisk, 000 A.1.2, 001). */
			local: boolean;
			/** The access mode asked for (LINK statement or command). */
			mode: LinkMode;
			/** The access the link holds: R (read-only) or W (read/write). */
			access: MinidiskAccess;
	  }
	| { vdev: string; kind: 'vfb512'; blocks: number }
	| {
			vdev: string;
			kind: 'unit-record';
			statement: 'CONSOLE' | 'SPOOL' | 'SPECIAL';
			deviceType: string | null;
	  };

/** CP storage a guest uses besides its own pages and page management blocks (see lgr/storage.ts). */
export interface GuestOverhead {
	/** Pageable: counted in pageable storage use (HCPRLL1813I) and in storage use (HCPRLL1811I). */
	pageableBytes: number;
	/** Not pageable: counted in storage use (HCPRLL1811I) only. */
	fixedBytes: number;
}

/** The guest's storage sizes, from its USER / IDENTITY statement and the scenario. */
export interface GuestStorage {
	/** Current (initial) storage size. */
	currentBytes: number;
	/** Maximum storage size (reserved and standby included, 000 §3.4). */
	maxBytes: number;
	/** Pages the guest actually uses (scenario `resident`, default its current storage). */
	residentBytes: number;
	overhead: GuestOverhead;
}

/** A logged-on guest: who and where it is, and its effective definition (see guest-definition.ts). */
export interface GuestState {
	user: string;
	/** USER (single configuration) or IDENTITY (multiconfiguration), 000 §2.2.4. */
	kind: 'USER' | 'IDENTITY';
	on: string;
	status: GuestStatus;
	/** `directory`: the scenario's USER DIRECT defines it; `default`: the simulator's default Linux guest. */
	definedBy: 'directory' | 'default';
	/** MACHINE ESA / XA / XC / Z (ESA when the directory gives none). */
	machine: MachineMode;
	cpus: GuestCpu[];
	storage: GuestStorage;
	/** OPTION keywords, abbreviations expanded (e.g. `CHPIDVIRTUALIZATION ONE`, `CFUSER`). */
	options: string[];
	/** OPTION CHPIDVIRTUALIZATION ONE is in effect (001, Guest Configuration). */
	chpidVirtualizationOne: boolean;
	/** IPL device or system name, or null. */
	ipl: string | null;
	/** VMRELOCATE setting: enabled and the relocation domain (000 §3.5.1, §3.5.3). */
	relocation: { enabled: boolean; domain: string };
	/** Virtual architecture level assigned at logon (000 §3.5.1). */
	architecture: Facility[];
	/** Virtual devices, in device-number order. */
	devices: GuestDevice[];
	/** Virtual devices that are logical devices (000 Example 3-7: the console of a logged-on user). */
	logicalDevices: string[];
	/** Saved segments (NSS or DCSS) the guest uses; an IPL by name of a saved NSS adds it. */
	segments: string[];
	/** IUCV connections: CP system services (`*MSG`) or user IDs (000 §3.3, §3.7). */
	iucv: string[];
	/** The guest uses VMCF (000 Example A-10). */
	vmcf: boolean;
	/** CRYPTO statement: none, APVIRTUAL (shared), or dedicated domains (000 §3.3, §3.7). */
	crypto: 'none' | 'apvirtual' | 'dedicated';
	/**
	 * What the guest does to its memory while it relocates (the scenario's `workload`, `idle`
	 * by default): a preset of engine/workload.ts, sized to its storage, whose resident set is the
	 * guest's {@link GuestStorage.residentBytes}.
	 */
	workload: WorkloadPreset;
	/** CP's accounting for the LOGOFF message (000 Example A-10); see {@link GuestAccounting}. */
	accounting: GuestAccounting;
	/** Simulated ms of a SIGNAL SHUTDOWN the guest is still acting on (absent otherwise). */
	signalledAt?: number;
}

/**
 * When the guest logged on (simulated ms; negative when before the scenario starts) and the CPU
 * time it used, which the simulator takes from the scenario and does not add to.
 */
export interface GuestAccounting {
	logonAt: number;
	virtualCpuMs: number;
	totalCpuMs: number;
}

/** EQID and type of a range of real devices (SYSTEM CONFIG RDEVICE); a later class wins. */
export interface RdevClass {
	first: string;
	last: string;
	type: string;
	eqid: string | null;
}

/** What one real device is doing, for devices the scenario lists or guests dedicate. */
export interface RealDeviceState {
	rdev: string;
	/** Device type when the scenario gives it (RDEVICE classes give it otherwise). */
	type: string | null;
	/** EQID when the scenario gives it (RDEVICE classes win over it). */
	eqid: string | null;
	/** Volume label of a DASD, or null. */
	volser: string | null;
	/** `SYSTEM`, the user ID it is attached to, or null when it is free. */
	owner: string | null;
	online: boolean;
	/** In use as a DEVNO-defined minidisk (000 Example A-3: `DASD 9A26 CP SYSTEM DEVNO`). */
	devno: boolean;
	/** The owner's virtual device number when the owner is not a guest the scenario lists (000 Example A-11: `DTCVSW1 0600`), else null. */
	vdev: string | null;
	/** Channel path of a network device (000 Example A-11: `CHPID 0C OSD`), or null. */
	chpid: string | null;
}

/**
 * A CP-owned volume with a PAGE extent (000 Example 5-1 ... 5-2, A-23, A-25). CP pages to it
 * while its real device is attached to SYSTEM (see model/paging.ts).
 */
export interface PagingVolume {
	volser: string;
	rdev: string;
	firstCylinder: number;
	lastCylinder: number;
	inUsePages: number;
	highPage: number;
}

/** A virtual switch as defined on one member (SYSTEM CONFIG DEFINE VSWITCH). */
export interface VswitchState {
	name: string;
	type: 'IP' | 'ETHERNET';
	/** Uplink real devices. */
	uplinks: string[];
	/** VLAN operand as written, or null. */
	vlan: string | null;
}

/** What a member offers a relocating guest (000 §3.4, §3.7; 001 Networks). */
export interface MemberResources {
	/** Real storage in use by CP and by work the scenario does not list as guests. */
	storageInUseBytes: number;
	/** Auxiliary paging space in use (QUERY ALLOC PAGE "PAGES IN USE"). */
	pagingInUseBytes: number;
	rdevClasses: RdevClass[];
	devices: RealDeviceState[];
	vswitches: VswitchState[];
	/** SYSTEM CONFIG `Features Vdisk Userlim n blocks`, or null when there is no limit. */
	vdiskUserLimitBlocks: number | null;
	/** AP type of the member's crypto adapters, or null when it has none. */
	cryptoApType: string | null;
	/** Volumes with page space; those attached to SYSTEM make up the member's paging space. */
	pagingVolumes: PagingVolume[];
	/** Users logged on besides the guests the model holds (operator, service machines), for `USERS = n`. */
	otherUsers: number;
	/** What LOGON and XAUTOLOG need to log a user on here: see {@link LogonCatalog}. */
	logon: LogonCatalog;
}

/**
 * The source directory CP brings online on each member (one shared USER DIRECT in an SSI
 * cluster, 000 §2.2.4, 001 "Shared Source Directory"), as text (null when the scenario has
 * none, and every user is the simulator's default Linux guest), and the scenario's facts about
 * its users beyond their directory entries (VMCF, IUCV, saved segments, workload, ...).
 */
export interface LogonCatalog {
	directory: string | null;
	facts: GuestSpec[];
}

/** An NSS or DCSS; one identical copy, available on `members` (000 §3.3). */
export interface SavedSegment {
	name: string;
	kind: 'NSS' | 'DCSS';
	/** Page range types (EW, EN, ER, SW, SN, SR, SC). */
	ranges: string[];
	members: string[];
}
