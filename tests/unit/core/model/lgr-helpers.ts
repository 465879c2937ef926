import { validateScenario } from '$lib/core/config/scenario';
import { buildInitialState } from '$lib/core/model/build';
import {
	NO_FORCE,
	checkEligibility,
	type EligibilityResult,
	type ForceOptions,
	type Reason
} from '$lib/core/model/lgr/eligibility';
import type { GuestState, MemberState } from '$lib/core/model/types';
import { builtinJson } from '$lib/core/scenarios/index';
import type { SimState } from '$lib/core/sim/state';

/** A JSON object as read from a scenario file, loose enough to patch in a test. */
export type { Json } from '../../helpers';
import type { Json } from '../../helpers';

/**
 * The directory of the lab used by the rule tests: LINDFLT (000 Example 4-6) and LINUX1, a
 * Linux guest that meets every rule (2G current, 4G maximum storage; a NIC on ITSOVSW1; one
 * minidisk on a shared user volume of Example 4-1).
 */
export const LAB_DIRECTORY = `PROFILE LINDFLT
CLASS G
OPTION CHPIDV ONE
VMRELOCATE ON
CONSOLE 0009 3215 T
SPOOL 000C 2540 READER *
SPOOL 000D 2540 PUNCH A
SPOOL 000E 1403 A
USER LINUX1 XXXXXXXX 2G 4G G
INCLUDE LINDFLT
IPL 0201
MACH ESA 2
NICDEF 0600 TYPE QDIO LAN SYSTEM ITSOVSW1
MDISK 0201 3390 0001 1000 LX9B25 MR
`;

/** A directory with LINUX1's entry extended by `lines` (statements after its MDISK). */
export const withLinux1 = (...lines: string[]): string => LAB_DIRECTORY + lines.join('\n') + '\n';

/**
 * ITSOSSIA (the itsossia scenario: four members, its SYSTEM CONFIG with ITSOVSW1 on every
 * member and Vdisk Userlim 144000 blocks) with the lab directory and LINUX1 disconnected on
 * ITSOSSI1; `patch` edits the JSON first. Throws when the result does not validate.
 */
export function lab(patch?: (j: Json) => void): SimState {
	const j = structuredClone(builtinJson('itsossia')) as Json;
	j.directory = LAB_DIRECTORY;
	j.guests = [{ user: 'LINUX1', on: 'ITSOSSI1' }];
	patch?.(j);
	const r = validateScenario(j);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return buildInitialState(r.value);
}

/** The members of a scenario JSON, to patch. */
export const membersOf = (j: Json): Json[] => (j.cluster as Json).members as Json[];

/** A member of a scenario JSON by name. */
export const memberJson = (j: Json, name: string): Json =>
	membersOf(j).find((m) => m.name === name)!;

/** A member of a built state by name. */
export function memberOf(s: SimState, name: string): MemberState {
	const m = s.cluster.members.find((x) => x.name === name);
	if (!m) throw new Error(`no member ${name}`);
	return m;
}

/** A guest of a built state by user ID. */
export function guestOf(s: SimState, user: string): GuestState {
	const g = s.cluster.guests.find((x) => x.user === user);
	if (!g) throw new Error(`no guest ${user}`);
	return g;
}

/** Eligibility of `user` (LINUX1 by default) to `to` (ITSOSSI2 by default). */
export function check(
	s: SimState,
	{
		user = 'LINUX1',
		to = 'ITSOSSI2',
		force = {}
	}: { user?: string; to?: string; force?: Partial<ForceOptions> } = {}
): EligibilityResult {
	return checkEligibility(s, user, to, { force: { ...NO_FORCE, ...force } });
}

/** The reasons a rule gives. */
export const by = (r: EligibilityResult, rule: Reason['rule']): Reason[] =>
	r.reasons.filter((x) => x.rule === rule);

/** The reason lines as CP prints them, without the header. */
export const linesOf = (r: EligibilityResult): string[] =>
	r.reasons.map((x) => `${x.message === null ? '' : `${x.message} `}${r.user}: ${x.text}`);
