/**
 * One member's view of a shared SYSTEM CONFIG: what that member reads at IPL, i.e. the
 * unqualified statements plus those qualified for it (000 Example 4-1 keeps all four
 * members' definitions in one file on PMAINT CF0).
 */
import { appliesTo } from './ssi-rules';
import type { SystemConfig } from './system-config.types';

/**
 * The statements of `config` that apply to `member` (unqualified, or qualified for it).
 * The SSI statement and System_Identifier statements are kept whole: every member reads
 * the whole member list and all identifiers to find out which member it is.
 */
export function forMember(config: SystemConfig, member: string): SystemConfig {
	const mine = <T extends { member: string | null }>(list: T[]): T[] =>
		list.filter((s) => appliesTo(s, member));
	return {
		...config,
		relocationDomains: mine(config.relocationDomains),
		islinks: mine(config.islinks),
		vmlan: mine(config.vmlan),
		rdevices: mine(config.rdevices),
		vswitches: mine(config.vswitches),
		vswitchGrants: mine(config.vswitchGrants),
		cpOwned: mine(config.cpOwned),
		userVolumes: mine(config.userVolumes),
		others: mine(config.others)
	};
}
