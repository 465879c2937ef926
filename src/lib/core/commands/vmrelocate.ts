/**
 * VMRELOCATE (000 §3.6.1, App. B): `VMRELOcate TEST [USER] userid [TO] sysname [FORCE
 * ARCHitecture|DOMain|STORage ...]` checks whether a guest can relocate. It runs on the member
 * the guest is on (000 §3.6.1), directly or through AT sysname CMD (000 Example 4-10). The
 * transcripts use `vmrelocate test itsolnx1 itsossi2` and `vmrelocate test user itsolnx2 to
 * itsossi1`; both forms are accepted, abbreviated down to VMRELO.
 */
import {
	NO_FORCE,
	checkEligibility,
	eligibilityLines,
	type ForceOptions
} from '../model/lgr/eligibility';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches, type Keyword } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;

/** FORCE operands. The minimum abbreviations are the simulator's choice (the books show full words). */
const FORCE_WORDS: [Keyword, keyof ForceOptions][] = [
	[kw('ARCHitecture'), 'architecture'],
	[kw('DOMain'), 'domain'],
	[kw('STORage'), 'storage']
];

/** What a VMRELOCATE subcommand gets: the words after its name. */
export interface VmrelocateOperands {
	user: string;
	destination: string;
	force: ForceOptions;
	/** Words after the destination that are not FORCE operands (MOVE's options), upper case. */
	rest: string[];
}

/**
 * Parses `[USER] userid [TO] sysname [FORCE word ...]` and hands other trailing words back in
 * `rest`. Returns a CP error when the user ID or destination is missing or malformed.
 */
export function parseVmrelocateOperands(args: string[]): VmrelocateOperands | CommandOutput {
	const a = [...args];
	if (a.length >= 3 && a[0]!.toUpperCase() === 'USER') a.shift();
	const user = a.shift();
	if (a.length >= 2 && a[0]!.toUpperCase() === 'TO') a.shift();
	const destination = a.shift();
	if (user === undefined || destination === undefined) return HCP.missingOperand();
	if (!USERID.test(user)) return HCP.invalidOption(user);
	if (!USERID.test(destination)) return HCP.invalidOption(destination);
	const force: ForceOptions = { ...NO_FORCE };
	const rest: string[] = [];
	while (a.length > 0) {
		const w = a.shift()!;
		if (!matches(w, kw('FORCE'))) {
			rest.push(w.toUpperCase());
			continue;
		}
		let any = false;
		while (a.length > 0) {
			const hit = FORCE_WORDS.find(([k]) => matches(a[0], k));
			if (!hit) break;
			force[hit[1]] = true;
			any = true;
			a.shift();
		}
		if (!any) return a.length > 0 ? HCP.invalidOption(a[0]!) : HCP.missingOperand();
	}
	return { user: user.toUpperCase(), destination: destination.toUpperCase(), force, rest };
}

/** VMRELOCATE TEST: the eligibility check alone (000 §3.6.2 step 3, Example 3-6, 3-7). */
export function vmrelocateTest(ctx: CommandContext, args: string[]): CommandOutput {
	const ops = parseVmrelocateOperands(args);
	if ('lines' in ops) return ops;
	if (ops.rest.length > 0) return HCP.invalidOption(ops.rest[0]!);
	const r = checkEligibility(ctx.state, ops.user, ops.destination, {
		force: ops.force,
		source: ctx.on.name
	});
	const lines = eligibilityLines(r);
	return r.eligible ? ok(...lines) : fail(1940, ...lines);
}

/** VMRELOCATE subcommands. */
export const VMRELOCATE_SUBCOMMANDS: {
	keyword: Keyword;
	run: (ctx: CommandContext, args: string[]) => CommandOutput;
}[] = [{ keyword: kw('TEST'), run: vmrelocateTest }];

/** VMRELOCATE: dispatches to its subcommand. */
export function vmrelocateCommand(ctx: CommandContext, [sub, ...rest]: string[]): CommandOutput {
	if (sub === undefined) return HCP.missingOperand();
	const def = VMRELOCATE_SUBCOMMANDS.find((d) => matches(sub, d.keyword));
	return def ? def.run(ctx, rest) : HCP.invalidOption(sub);
}
