/**
 * VMRELOCATE (000 §3.6.1, App. B): `VMRELOcate TEST [USER] userid [TO] sysname [FORCE
 * ARCHitecture|DOMain|STORage ...]` checks whether a guest can relocate; MOVE, STATUS and
 * CANCEL are in vmrelocate-move.ts. It runs on the member
 * the guest is on (000 §3.6.1), directly or through AT sysname CMD (000 Example 4-10). The
 * transcripts use `vmrelocate test itsolnx1 itsossi2` and `vmrelocate test user itsolnx2 to
 * itsossi1`; both forms are accepted, abbreviated down to VMRELO.
 */
import { checkEligibility, eligibilityLines } from '../model/lgr/eligibility';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { vmrelocateCancel, vmrelocateMove, vmrelocateStatus } from './vmrelocate-move';
import { parseVmrelocateOperands } from './vmrelocate-operands';
import { kw, matches, type Keyword } from './words';

export { parseVmrelocateOperands, type VmrelocateOperands } from './vmrelocate-operands';

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
}[] = [
	{ keyword: kw('TEST'), run: vmrelocateTest },
	{ keyword: kw('MOVE'), run: vmrelocateMove },
	{ keyword: kw('STATus'), run: vmrelocateStatus },
	{ keyword: kw('CANCel'), run: vmrelocateCancel }
];

/** VMRELOCATE: dispatches to its subcommand. */
export function vmrelocateCommand(ctx: CommandContext, [sub, ...rest]: string[]): CommandOutput {
	if (sub === undefined) return HCP.missingOperand();
	const def = VMRELOCATE_SUBCOMMANDS.find((d) => matches(sub, d.keyword));
	return def ? def.run(ctx, rest) : HCP.invalidOption(sub);
}
