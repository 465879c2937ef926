/**
 * The USER DIRECT subset the simulator models (000 Examples 4-5 … 4-9, 5-3, 5-11, 5-12, 5-16,
 * A-1 … A-27, B-1 … B-9; 001 "Shared Source Directory").
 *
 * Device numbers are normalised to four upper-case hex digits (`191` → `0191`); names are
 * upper case. Every statement keeps its 1-based source line and column.
 */

/** Where a directory statement was written. */
export interface DirectoryStatementBase {
	line: number;
	column: number;
}

/** Single-configuration (`USER`) or multiconfiguration (`IDENTITY`) virtual machine (000 §2.2.4). */
export type EntryKind = 'USER' | 'IDENTITY';

/** Virtual machine architecture of the MACHINE statement. */
export type MachineMode = 'ESA' | 'XA' | 'XC' | 'Z';

/** `MACHINE ESA 4` / `MACH XA`. */
export interface MachineStatement extends DirectoryStatementBase {
	mode: MachineMode;
	/** Maximum virtual CPUs the guest may define, or null when not given. */
	maxCpus: number | null;
}

/** `CPU nn [BASE] [CPUID xxxxxx] [NODEDICATE|DEDICATE] [CRYPTO|NOCRYPTO] [type]` (000 Example 5-12, 5-16). */
export interface CpuStatement extends DirectoryStatementBase {
	/** CPU address 0-63 (00-3F). */
	address: number;
	base: boolean;
	/** Six hex digits, or null. */
	cpuid: string | null;
	/** True for DEDICATE, false for NODEDICATE, null when not given. */
	dedicate: boolean | null;
	/** Virtual CPU type (CP, IFL, ZIIP, ZAAP, ICF), or null for the default (CP). */
	cpuType: string | null;
}

/** The OPTION statements of an entry, merged (000 Example 4-6, 5-11, 5-12, 5-16). */
export interface OptionSet {
	/** Options in upper case, abbreviations expanded (`CHPIDV ONE` → `CHPIDVIRTUALIZATION ONE`). */
	keywords: string[];
	/** True when the last CHPIDVIRTUALIZATION option says ONE, as LGR needs (001, Guest Configuration). */
	chpidVirtualizationOne: boolean;
	/** Lines of the OPTION statements. */
	lines: number[];
}

/** `NICDEF vdev TYPE QDIO [DEVICES n] LAN SYSTEM vswitch` (000 Example 5-16, A-4). */
export interface NicdefStatement extends DirectoryStatementBase {
	vdev: string;
	/** QDIO, HIPERSOCKETS, IEDN or INMN; null when not given. */
	type: string | null;
	/** DEVICES operand, or null (CP then uses 3). */
	devices: number | null;
	/** LAN owner (`SYSTEM` for a virtual switch) and LAN or virtual switch name. */
	lan: { owner: string; name: string } | null;
	/** The virtual switch name when the LAN owner is SYSTEM, else null. */
	vswitch: string | null;
	/** MACID operand (six hex digits), or null. */
	macid: string | null;
	/** Other operands as written (CHPID, VLAN, ...). */
	otherOperands: string[];
}

/** `DEDICATE vdev rdev|volser [options]` (000 Example 5-12, A-12). */
export interface DedicateStatement extends DirectoryStatementBase {
	vdev: string;
	/** Real device number (four hex digits), or null when a volume serial is given instead. */
	rdev: string | null;
	volser: string | null;
	options: string[];
}

/** Fields every MDISK form shares. */
interface MdiskBase extends DirectoryStatementBase {
	vdev: string;
	/** Device type as written: `3390`, `FB-512`, ... */
	deviceType: string;
	/** Access mode (R, RR, W, WR, M, MR, MW, optionally with V), or null (CP default). */
	mode: string | null;
	/** Read / write / multiple passwords (or DIRMAINT operands) as written. */
	passwords: string[];
}

/**
 * One MDISK statement: an extent on a volume (`MDISK 0201 3390 0001 1000 LX9B25 MR`), a
 * full pack by real device (`DEVNO 9A26`, 000 A.1.1), a virtual disk in storage (`V-DISK`,
 * 000 A.1.3), a temporary disk (`T-DISK`), or a DIRMAINT automatic allocation (`AUTOV` /
 * `AUTOG` / `AUTOR`, 000 Example B-2, B-6 … B-9).
 */
export type MdiskStatement = MdiskBase &
	(
		| { kind: 'extent'; start: number; count: number | 'END'; volid: string }
		| { kind: 'devno'; rdev: string }
		| { kind: 'vdisk'; blocks: number }
		| { kind: 'tdisk'; count: number }
		| { kind: 'auto'; method: 'AUTOV' | 'AUTOG' | 'AUTOR'; count: number; location: string }
	);

/** `LINK user vdev vdev [mode]` (000 Example 4-5, B-1). */
export interface LinkStatement extends DirectoryStatementBase {
	/** Owner of the linked minidisk (`*` for the entry itself). */
	user: string;
	/** The owner's device number. */
	targetVdev: string;
	/** This entry's device number for the link. */
	vdev: string;
	mode: string | null;
}

/** `COMMAND text` (000 Example 4-7, A-12). */
export interface CommandStatement extends DirectoryStatementBase {
	/** The command as written. */
	text: string;
	/** For `COMMAND DEFINE VFB-512 AS vdev BLK n`: the private virtual disk it defines (000 A.1.3). */
	vdisk: { vdev: string; blocks: number } | null;
}

/** `IPL dev|name [PARM text]` (000 Example 4-8, 5-11). */
export interface IplStatement extends DirectoryStatementBase {
	/** Device number (four hex digits) or system name (`CMS`), upper case. */
	target: string;
	/** True when `target` is a device number. */
	isDevice: boolean;
	/** PARM text as written, or null. */
	parm: string | null;
}

/** `VMRELOCATE ON|OFF [DOMAIN name]` (000 Example 4-6, §3.5.3). */
export interface VmrelocateStatement extends DirectoryStatementBase {
	enabled: boolean;
	/** Relocation domain, or null for the default (the SSI domain for a USER; 001). */
	domain: string | null;
}

/** `CONSOLE`, `SPOOL` or `SPECIAL` device statements. */
export interface UnitRecordStatement extends DirectoryStatementBase {
	statement: 'CONSOLE' | 'SPOOL' | 'SPECIAL';
	vdev: string;
	/** Device type as written (`3215`, `2540`, `1403`, `3270`), or null. */
	deviceType: string | null;
	operands: string[];
}

/** `CLASS classes`: privilege classes that replace those of the USER statement. */
export interface ClassStatement extends DirectoryStatementBase {
	classes: string;
}

/** `INCLUDE profile`; line and column are those of the profile name. */
export interface IncludeStatement extends DirectoryStatementBase {
	profile: string;
}

/** `BUILD ON member USING SUBCONFIG name` (000 Example B-3); line and column are those of the subconfig name. */
export interface BuildStatement extends DirectoryStatementBase {
	member: string;
	subconfig: string;
}

/** A statement the simulator keeps without modelling (ACCOUNT, IUCV, POSIXINFO, ...). */
export interface OtherDirectoryStatement extends DirectoryStatementBase {
	keyword: string;
	operands: string[];
}

/** Statements that may appear in a USER, IDENTITY, PROFILE or SUBCONFIG entry. */
export interface EntryBody {
	machine: MachineStatement | null;
	cpus: CpuStatement[];
	options: OptionSet;
	nicdefs: NicdefStatement[];
	dedicates: DedicateStatement[];
	mdisks: MdiskStatement[];
	links: LinkStatement[];
	commands: CommandStatement[];
	ipl: IplStatement | null;
	vmrelocate: VmrelocateStatement | null;
	/** CONSOLE, SPOOL and SPECIAL statements. */
	unitRecords: UnitRecordStatement[];
	privClassStatement: ClassStatement | null;
	others: OtherDirectoryStatement[];
}

/** A USER or IDENTITY entry. */
export interface DirectoryEntry extends EntryBody, DirectoryStatementBase {
	kind: EntryKind;
	userid: string;
	/** Password as written (`NOLOG`, `XXXXXXXX`), or null when missing (a DIRMAINT prototype). */
	password: string | null;
	/** Initial storage in bytes, or null when not given (CP then uses its default). */
	storage: number | null;
	/** Maximum storage in bytes, or null when not given. */
	maxStorage: number | null;
	/** Privilege classes of the USER statement, or null when not given. */
	privClasses: string | null;
	includes: IncludeStatement[];
	/** BUILD statements (IDENTITY only). */
	builds: BuildStatement[];
}

/** A PROFILE entry, merged into entries that INCLUDE it. */
export interface DirectoryProfile extends EntryBody, DirectoryStatementBase {
	name: string;
}

/** A SUBCONFIG entry: the member-specific part of an IDENTITY (000 §2.2.4, Example B-2). */
export interface DirectorySubconfig extends EntryBody, DirectoryStatementBase {
	name: string;
}

/** A `DIRECTORY` statement at the top of the file. */
export interface DirectoryControlStatement extends DirectoryStatementBase {
	operands: string[];
}

/** A parsed USER DIRECT. */
export interface Directory {
	entries: DirectoryEntry[];
	profiles: DirectoryProfile[];
	subconfigs: DirectorySubconfig[];
	directoryStatements: DirectoryControlStatement[];
}

/** Options for {@link parseUserDirect}. */
export interface ParseUserDirectOptions {
	/**
	 * Profiles defined outside this text (e.g. IBM's `IBMDFLT`, which 000 Examples 5-11, 5-12,
	 * A-9 and B-5 include but never show). INCLUDEs of these are not errors.
	 */
	externalProfiles?: readonly string[];
}

/** The effective definition of a guest: PROFILE, entry and (for an IDENTITY) SUBCONFIG merged. */
export interface ResolvedEntry extends EntryBody {
	kind: EntryKind;
	userid: string;
	/** The member the definition is for (IDENTITY), or null. */
	member: string | null;
	/** The included profile, or null. */
	profile: string | null;
	/** The SUBCONFIG used for `member`, or null. */
	subconfig: string | null;
	storage: number | null;
	maxStorage: number | null;
	/** Effective privilege classes: a CLASS statement, else the USER statement's, else `G`. */
	privClasses: string;
}

/** Result of {@link resolveEntry}. */
export type ResolveResult =
	{ ok: true; entry: ResolvedEntry; warnings: string[] } | { ok: false; reason: string };
