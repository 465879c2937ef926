/**
 * Live guest relocation eligibility: every rule of 000 §3.3, §3.4, §3.5, §3.7 and App.
 * A.1.1-A.1.9, and the guest rules of 001, checked together. CP lists all the reasons a guest
 * cannot relocate at once, under HCPRLH1940E (000 App. A.1: "The VMRELOCATE command failure
 * lists all those reasons"); VMRELOCATE TEST prints them, and a relocation checks them again
 * as it goes.
 */
import type { ClusterState } from '../types';
import { HCPRLH1940E, reasonLine } from './messages';
import { textOnly, type RuleMeta } from './reason';
import type { EligibilityRule, ForceOptions, Reason, ReasonGroup } from './rule-types';
import { DEVICE_RULES } from './rules-devices';
import { LIMIT_RULES } from './rules-limits';
import { MACHINE_RULES } from './rules-machine';
import { TARGET_RULES } from './rules-target';

export type * from './rule-types';

/** No FORCE operand. */
export const NO_FORCE: ForceOptions = { architecture: false, domain: false, storage: false };

/** Options of {@link checkEligibility}. */
export interface EligibilityOptions {
	force: ForceOptions;
	/** The member the command runs on: the guest must be logged on there (000 §3.6.1). */
	source?: string;
}

/** The outcome: eligible when no reason is left after the FORCE operands. */
export interface EligibilityResult {
	user: string;
	destination: string;
	eligible: boolean;
	/** Reasons that stop the relocation, in the order CP lists them. */
	reasons: Reason[];
	/** Reasons a FORCE operand overrode (e.g. for "started with FORCE STORAGE in effect"). */
	forced: Reason[];
}

/** Every rule, in listing order. */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
	...TARGET_RULES,
	...MACHINE_RULES,
	...DEVICE_RULES,
	...LIMIT_RULES
];

const LOGGED_ON: RuleMeta = { rule: 'logged-on', group: 'machine', section: '000 §3.6.1, §3.7' };
const MEMBER: RuleMeta = { rule: 'destination-member', group: 'target', section: '000 §3.6.1' };

const GROUP_ORDER: ReasonGroup[] = ['target', 'machine', 'device', 'limit'];

/** Group order; device reasons by device number (000 Example A-10); otherwise rule order (stable sort). */
function listingOrder(a: Reason, b: Reason): number {
	const g = GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group);
	if (g !== 0) return g;
	if (a.group === 'device' && a.vdev !== null && b.vdev !== null)
		return a.vdev < b.vdev ? -1 : a.vdev > b.vdev ? 1 : 0;
	return 0;
}

/** Drops repeated lines: the domain and architecture rules both say HCPRLE1944I once. */
function unique(reasons: Reason[]): Reason[] {
	const seen = new Set<string>();
	return reasons.filter((r) => {
		const key = `${r.message} ${r.text}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Checks whether `user` can relocate to `destination`, with the FORCE operands of `options`.
 * Pure: reads the cluster, changes nothing. Returns every reason, each from its named rule.
 */
export function checkEligibility(
	state: { cluster: ClusterState },
	user: string,
	destination: string,
	options: EligibilityOptions = { force: NO_FORCE }
): EligibilityResult {
	const cluster = state.cluster;
	const id = user.toUpperCase();
	const dest = destination.toUpperCase();
	const result = (reasons: Reason[], forced: Reason[] = []): EligibilityResult => ({
		user: id,
		destination: dest,
		eligible: reasons.length === 0,
		reasons,
		forced
	});
	const source = options.source?.toUpperCase();
	const records = cluster.guests.filter((g) => g.user === id);
	const guest = source === undefined ? records[0] : records.find((g) => g.on === source);
	if (!guest) {
		const elsewhere = records.map((g) => g.on).join(', ');
		return result([
			textOnly(
				LOGGED_ON,
				elsewhere
					? `Virtual machine is not logged on to ${source} (it is logged on to ${elsewhere})`
					: 'Virtual machine is not logged on'
			)
		]);
	}
	const from = cluster.members.find((m) => m.name === guest.on);
	const to = cluster.members.find((m) => m.name === dest);
	if (!from || !to)
		return result([
			textOnly(MEMBER, `Destination ${dest} is not a member of SSI cluster ${cluster.name}`)
		]);
	const ctx = { cluster, guest, source: from, destination: to };
	const all = ELIGIBILITY_RULES.flatMap((r) => r.check(ctx)).sort(listingOrder);
	const forced = all.filter((r) => r.forcedBy !== null && options.force[r.forcedBy]);
	return result(unique(all.filter((r) => !forced.includes(r))), unique(forced));
}

/**
 * The console lines of VMRELOCATE TEST: `User X is eligible for relocation to Y` (000 Example
 * 3-6), or HCPRLH1940E and one line per reason (000 Example 3-7, App. A).
 */
export function eligibilityLines(r: EligibilityResult): string[] {
	if (r.eligible) return [`User ${r.user} is eligible for relocation to ${r.destination}`];
	return [HCPRLH1940E(r.user), ...r.reasons.map((x) => reasonLine(r.user, x.message, x.text))];
}
