import { FACILITIES, type DomainState, type Facility, type MemberState } from './types';

/**
 * Relocation domains (000 §3.5.1, 001 "Relocation Domains"): CP defines the SSI domain with
 * every member and a single-member domain per member; users add their own.
 */
export function implicitDomains(
	members: readonly Pick<MemberState, 'name' | 'slot'>[]
): DomainState[] {
	const names = [...members].sort((a, b) => a.slot - b.slot).map((m) => m.name);
	return [
		{ name: 'SSI', members: names, implicit: true },
		...names.map((n) => ({ name: n, members: [n], implicit: true }))
	];
}

/**
 * A domain's architecture level: the maximal common subset of its members' facilities
 * (001 "What is a Relocation Domain?"). An empty domain has no level.
 */
export function domainFacilities(
	domain: Pick<DomainState, 'members'>,
	members: readonly Pick<MemberState, 'name' | 'facilities'>[]
): Facility[] {
	const sets = domain.members.map(
		(n) => new Set(members.find((m) => m.name === n)?.facilities ?? [])
	);
	if (sets.length === 0) return [];
	return FACILITIES.filter((f) => sets.every((s) => s.has(f)));
}

/**
 * The virtual architecture level of a guest of `domain` logged on to `member`: when the member
 * is outside the domain, the features common to the domain and that member (000 §3.5.1, the
 * domain-X guest logged on to VMSYS04).
 */
export function virtualArchitecture(
	domain: Pick<DomainState, 'members'>,
	member: Pick<MemberState, 'name' | 'facilities'>,
	members: readonly Pick<MemberState, 'name' | 'facilities'>[]
): Facility[] {
	const level = domainFacilities(domain, members);
	if (domain.members.includes(member.name)) return level;
	return level.filter((f) => member.facilities.includes(f));
}

/** Sort order of QUERY RELODOMAIN ALL: alphabetical, as 000 Example 3-3 prints. */
export function sortDomains(domains: readonly DomainState[]): DomainState[] {
	return [...domains].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
