/**
 * Shapes shared by the eligibility rules of live guest relocation.
 */
import type { ClusterState, GuestState, MemberState } from '../types';

/** The FORCE operands of VMRELOCATE (000 §3.6.1). */
export interface ForceOptions {
	architecture: boolean;
	domain: boolean;
	storage: boolean;
}

/** Every eligibility rule, by id. */
export type RuleId =
	| 'logged-on'
	| 'destination-member'
	| 'destination-differs'
	| 'destination-joined'
	| 'destination-reachable'
	| 'cluster-mode'
	| 'single-logon'
	| 'relocation-domain'
	| 'architecture'
	| 'disconnected'
	| 'chpid-virtualization'
	| 'vmcf'
	| 'single-configuration'
	| 'relocation-enabled'
	| 'machine-mode'
	| 'cpu-types-mixed'
	| 'cpu-types-cp-ifl'
	| 'cpu-cp-to-ifl'
	| 'dedicated-cpu'
	| 'crypto-dedicated'
	| 'crypto-ap-type'
	| 'coupling-facility'
	| 'iucv'
	| 'logical-device'
	| 'vdisk-mdisk'
	| 'devno-mdisk'
	| 'tdisk'
	| 'mdisk-volume'
	| 'local-minidisk'
	| 'dedicated-eqid'
	| 'dedicated-equivalent'
	| 'dedicated-same-address'
	| 'nic-guest-lan'
	| 'nic-vswitch'
	| 'storage-fit'
	| 'storage-paging'
	| 'max-storage-capacity'
	| 'max-storage-paging'
	| 'segment-identical'
	| 'segment-page-ranges'
	| 'vdisk-limit';

/**
 * Where a reason is listed: the destination and cluster first, then the virtual machine (E:
 * HCPRLE messages), its devices in device-number order (I: HCPRLI), and limits and resources
 * (L: HCPRLL). That is the order of every listing in the documents (000 Example 3-7, A-10,
 *
 */
export type ReasonGroup = 'target' | 'machine' | 'device' | 'limit';

/** One reason a guest cannot relocate. */
export interface Reason {
	rule: RuleId;
	/** The message id the documents print (e.g. `HCPRLE1950I`), or null where they print none. */
	message: string | null;
	/** The text after `<user>: `. */
	text: string;
	group: ReasonGroup;
	/** The virtual device the reason is about (device reasons are listed in device order). */
	vdev: string | null;
	/** The FORCE operand that overrides this reason, or null when none can (000 §3.4, §3.6.1). */
	forcedBy: keyof ForceOptions | null;
	/** The document section the rule comes from. */
	section: string;
}

/** What a rule sees. */
export interface RuleContext {
	cluster: ClusterState;
	guest: GuestState;
	source: MemberState;
	destination: MemberState;
}

/** A rule: its id, its section and the reasons it finds (empty when the guest passes). */
export interface EligibilityRule {
	id: RuleId;
	section: string;
	check(ctx: RuleContext): Reason[];
}
