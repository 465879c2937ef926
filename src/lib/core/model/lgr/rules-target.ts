/**
 * Rules about the destination and the cluster: a relocation goes from the member the guest
 * runs on to another Joined member it can reach over ISFC, while the cluster is Stable, to a
 * member the user is not already logged on to (000 §2.4, §3.1, §3.6.1; 001 "Live Guest
 * Relocation", single logon enforcement).
 */
import { findLink, linkUp } from '../link';
import { textOnly, type RuleMeta } from './reason';
import type { EligibilityRule } from './rule-types';

const differs: RuleMeta = { rule: 'destination-differs', group: 'target', section: '000 §3.1' };
const joined: RuleMeta = {
	rule: 'destination-joined',
	group: 'target',
	section: '000 §2.4.1, §3.1'
};
const reachable: RuleMeta = {
	rule: 'destination-reachable',
	group: 'target',
	section: '000 §2.3, §3.2.1 (ISFC)'
};
const mode: RuleMeta = { rule: 'cluster-mode', group: 'target', section: '000 §2.4.2' };
const logon: RuleMeta = {
	rule: 'single-logon',
	group: 'target',
	section: '001 single logon enforcement'
};

/** The destination rules, in listing order. */
export const TARGET_RULES: EligibilityRule[] = [
	{
		id: 'destination-differs',
		section: differs.section,
		// LGR moves a guest from one member to another (000 §3.1).
		check: ({ source, destination }) =>
			source.name === destination.name
				? [
						textOnly(
							differs,
							`Destination ${destination.name} is the member the virtual machine is running on`
						)
					]
				: []
	},
	{
		id: 'destination-joined',
		section: joined.section,
		check: ({ source, destination }) =>
			source.name !== destination.name && destination.state !== 'Joined'
				? [
						textOnly(
							joined,
							`Destination ${destination.name} is not a joined member of the SSI cluster (it is ${destination.state})`
						)
					]
				: []
	},
	{
		id: 'destination-reachable',
		section: reachable.section,
		// Guest memory moves over the ISFC logical link between the two members (000 §3.2.1).
		check: ({ cluster, source, destination }) => {
			if (source.name === destination.name || destination.state !== 'Joined') return [];
			const link = findLink(cluster.links, source.name, destination.name);
			const ok = source.views[destination.name] === 'ok' && !!link && linkUp(link);
			return ok
				? []
				: [
						textOnly(
							reachable,
							`Destination ${destination.name} cannot be reached from ${source.name} over ISFC`
						)
					];
		}
	},
	{
		id: 'cluster-mode',
		section: mode.section,
		check: ({ cluster }) => {
			if (cluster.mode === 'Safe')
				return [
					textOnly(
						mode,
						'The SSI cluster is in SAFE mode: shared resources cannot be accessed until the failure is resolved'
					)
				];
			if (cluster.mode === 'Influx')
				return [
					textOnly(
						mode,
						'The SSI cluster is in INFLUX mode: cross-system functions are suspended while members join or leave'
					)
				];
			return [];
		}
	},
	{
		id: 'single-logon',
		section: logon.section,
		// A single-configuration user is logged on to one member at a time (001; 000 §2.2.4).
		check: ({ cluster, guest, destination }) =>
			cluster.guests.some((g) => g.user === guest.user && g.on === destination.name)
				? [textOnly(logon, `User ${guest.user} is already logged on to ${destination.name}`)]
				: []
	}
];
