/**
 * The operands VMRELOCATE's subcommands share (000 §3.6.1, App. B): `[USER] userid [TO] sysname
 * [FORCE ARCHitecture|DOMain|STORage ...]`, as the transcripts write them (`vmrelocate test
 * itsolnx1 itsossi2`, `vmrelocate test user itsolnx2 to itsossi1`).
 */
import { NO_FORCE, type ForceOptions } from '../model/lgr/eligibility';
import { HCP, type CommandOutput } from './responses';
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
