/**
 * SEND CP userid command: runs a CP command as a guest of this member, as though typed at its
 * console (000 A.1.2, Example A-6):
 *
 *     send cp itsolnx2 det 190 19d 19e
 *     Ready; T=0.01/0.01 15:48:18
 *     ITSOLNX2: 0190 019D 019E DETACHED
 *
 * SEND's own answer is the Ready; what the command writes on the guest's console comes after
 * it, with the guest's ID in front (`ITSOLNX2: `, the user ID padded to eight characters as in
 * `VMLOGS  : `, 000 Example A-10). A Linux guest has no CMS, so no `Ready` of its own follows.
 * SEND of console input (without CP) is not modelled: the simulator's guests read no input.
 */
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;

/** How SEND runs the guest's command: the interpreter's dispatcher. */
export type Dispatch = (ctx: CommandContext, words: string[]) => CommandOutput;

/** SEND CP userid command (see the module comment). */
export function sendCommand(
	ctx: CommandContext,
	args: string[],
	dispatch: Dispatch
): CommandOutput {
	const [cp, user, ...command] = args;
	if (cp === undefined) return HCP.missingOperand();
	if (!matches(cp, kw('CP')))
		return fail(
			8,
			'The simulator models SEND CP userid command only: its guests read no console input'
		);
	if (user === undefined || command.length === 0) return HCP.missingOperand();
	if (!USERID.test(user)) return HCP.invalidOption(user);
	const id = user.toUpperCase();
	const records = ctx.state.cluster.guests.filter((g) => g.user === id);
	if (!records.some((g) => g.on === ctx.on.name)) {
		const out = HCP.notLoggedOn(id);
		const other = records[0];
		if (other)
			out.lines.push(`${id} is logged on to ${other.on}: use AT ${other.on} CMD SEND CP ${id} ...`);
		return out;
	}
	const out = dispatch({ ...ctx, user: id }, command);
	const prefix = `${id.padEnd(8)}: `;
	const followUp = [
		...out.lines.map((text) => ({ on: ctx.console, text: prefix + text })),
		...(out.followUp ?? [])
	];
	return { ...ok(), followUp };
}
