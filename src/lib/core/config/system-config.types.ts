/**
 * The SYSTEM CONFIG subset the simulator models (000 ch. 2, 4, 5, App. A; 001 "Shared System
 * Configuration File", "Networks").
 *
 * Every statement keeps its source position and the member it applies to: `member` is the
 * `sysname:` record qualifier or the enclosing `sysname: BEGIN` … `sysname: END` block, and
 * null for an unqualified statement, which applies to every member reading the shared file.
 */
import type { DeviceRange } from './tokens';

/** Where a statement came from and which member it applies to. */
export interface ConfigStatementBase {
	/** 1-based line of the statement's keyword. */
	line: number;
	/** 1-based column of the statement's keyword. */
	column: number;
	/** Member (system name, upper case) the statement is qualified for; null = every member. */
	member: string | null;
}

/** One `SLOT n name` of the SSI statement. */
export interface SsiSlot {
	/** Slot number 1-4; it orders the members and gives each its default MACPREFIX (000 §2.2.8). */
	slot: number;
	/** Member system name, or null for `AVAILABLE`. */
	member: string | null;
	line: number;
	column: number;
}

/** `SSI name PDR_VOLUME volid, SLOT n member|AVAILABLE, ...` (000 Example 4-1; 001). */
export interface SsiStatement extends ConfigStatementBase {
	/** Cluster name, 1-8 characters (`ITSOSSIA`). */
	clusterName: string;
	/** Volume holding the persistent data record (PDR), normally the common volume (000 §2.2.10). */
	pdrVolume: string;
	/** 1-4 slots in the order written. */
	slots: SsiSlot[];
}

/**
 * `System_Identifier LPAR lparname sysname` or `System_Identifier machinetype serial sysname`:
 * how an IPLing system learns which member it is (000 App. A.2).
 */
export type SystemIdentifier = ConfigStatementBase & { sysname: string } & (
		{ kind: 'lpar'; lpar: string } | { kind: 'machine'; machineType: string; serial: string }
	);

/** `System_Identifier_Default sysname`: the name used when no System_Identifier matches. */
export interface SystemIdentifierDefault extends ConfigStatementBase {
	sysname: string;
}

/** `RELOCATION_DOMAIN name MEMBERS m1 m2 ...` (000 Example 3-2, 4-1; 001 "Relocation Domains"). */
export interface RelocationDomainDef extends ConfigStatementBase {
	name: string;
	members: string[];
}

/** `ACTIVATE ISLINK rdev [rdev ...] NODE sysname`: CTC devices of an ISFC logical link (000 §2.3.3). */
export interface IslinkStatement extends ConfigStatementBase {
	/** CTC devices and ranges (000 Table 4-1: `4A60-4A63`). */
	devices: DeviceRange[];
	/** Total CTC devices named by the statement. */
	deviceCount: number;
	/** The member at the other end, or null when NODE is omitted. */
	node: string | null;
}

/** A MAC prefix operand with where it was written. */
export interface PrefixOperand {
	/** Six upper-case hex digits as written (range checked by the SSI rules, not the parser). */
	value: string;
	line: number;
	column: number;
}

/** `VMLAN MACPREFIX xxxxxx USERPREFIX xxxxxx [MACIDRANGE ...]` (000 §2.2.8, Example 2-4; 001). */
export interface VmlanStatement extends ConfigStatementBase {
	macPrefix: PrefixOperand | null;
	userPrefix: PrefixOperand | null;
	/** MACIDRANGE operands as written, or null; ignored in an SSI cluster (001). */
	macIdRange: PrefixOperand | null;
	/** Other operands kept as written (LIMIT, MACPROTECT, ...). */
	otherOperands: string[];
}

/** Device types the simulator distinguishes for EQID checks; other TYPE values are kept as written. */
export type RdeviceType = 'OSA' | 'FCP' | 'HIPERSOCKETS' | 'CTC' | (string & {});

/** `RDEVICE 3080-308F EQID OSA1 TYPE OSA` (000 Example 2-3, 4-1). */
export interface RdeviceStatement extends ConfigStatementBase {
	devices: DeviceRange[];
	/** Equivalency identifier (upper case), or null (000 §2.2.7). */
	eqid: string | null;
	/** Device type, upper case; `CTCA` is normalised to `CTC`, `HIPER` to `HIPERSOCKETS`. */
	type: RdeviceType;
	/** Other operands kept as written (SHARED YES, ...). */
	otherOperands: string[];
}

/** Transport of a virtual switch. */
export type VswitchType = 'IP' | 'ETHERNET';

/** `DEFINE VSWITCH name RDEV rdev [rdev] [IP|ETHERNET]` (000 Example 2-3, 4-1, 5-9). */
export interface VswitchDefinition extends ConfigStatementBase {
	name: string;
	/** Uplink real devices (port suffixes `.P01` dropped). */
	rdevs: string[];
	/** Transport as written, or null (CP then uses IP). */
	type: VswitchType | null;
	/** Other operands kept as written (VLAN, CONTROLLER, ...). */
	otherOperands: string[];
}

/** `MODIFY VSWITCH name GRANT userid` (000 Example 4-1). */
export interface VswitchGrant extends ConfigStatementBase {
	vswitch: string;
	userid: string;
}

/** `CP_OWNED SLOT n volid` (000 Example 4-1, 5-9; 001). */
export interface CpOwnedStatement extends ConfigStatementBase {
	/** Slot 1-255. */
	slot: number;
	volid: string;
	otherOperands: string[];
}

/** `USER_VOLUME_LIST volid ...` or `USER_VOLUME_INCLUDE pattern ...` (000 Example 4-1). */
export interface UserVolumeStatement extends ConfigStatementBase {
	kind: 'list' | 'include';
	/** Volume serials (LIST) or patterns such as `SSI*` (INCLUDE). */
	volumes: string[];
}

/** Any statement the simulator does not model (System_Residence, Features, ...), kept as written. */
export interface OtherConfigStatement extends ConfigStatementBase {
	/** Statement keyword, upper case (`SYSTEM_RESIDENCE`). */
	keyword: string;
	/** The statement's operands joined by single blanks, as written. */
	text: string;
}

/** A parsed SYSTEM CONFIG. */
export interface SystemConfig {
	/** The SSI statement, or null for a non-SSI configuration. */
	ssi: SsiStatement | null;
	systemIdentifiers: SystemIdentifier[];
	systemIdentifierDefault: SystemIdentifierDefault | null;
	relocationDomains: RelocationDomainDef[];
	islinks: IslinkStatement[];
	vmlan: VmlanStatement[];
	rdevices: RdeviceStatement[];
	vswitches: VswitchDefinition[];
	vswitchGrants: VswitchGrant[];
	cpOwned: CpOwnedStatement[];
	userVolumes: UserVolumeStatement[];
	/** Statements kept but not modelled, in file order. */
	others: OtherConfigStatement[];
	/** Every member name used as a record qualifier, upper case, in first-use order. */
	qualifiers: string[];
}
