import { formatClock } from '../sim/time-format';

/** What a command produced: response lines and the return code of the `Ready` line. */
export interface CommandOutput {
	lines: string[];
	rc: number;
	/**
	 * The command has not ended: its `Ready` line is written later (a SYNCHRONOUS VMRELOCATE
	 * MOVE returns "only after the relocation is completed", 000 §3.6.1).
	 */
	deferReady?: boolean;
	/** Lines for consoles (possibly others) written after this command's own output. */
	followUp?: { on: string; text: string }[];
}

export const ok = (...lines: string[]): CommandOutput => ({ lines, rc: 0 });

export const fail = (rc: number, ...lines: string[]): CommandOutput => ({ lines, rc });

/**
 * CP's standard error messages used by the interpreter. Numbers and texts are CP's own
 * (z/VM CP Messages and Codes); the return code is the message number, as CP sets it.
 */
export const HCP = {
	unknownCommand: (cmd: string) => fail(1, `HCPCMD001E Unknown CP command: ${cmd.toUpperCase()}`),
	invalidOption: (opt: string) => fail(3, `HCPCMD003E Invalid option - ${opt.toUpperCase()}`),
	missingOperand: () => fail(26, `HCPCMD026E Operand missing or invalid`),
	notLoggedOn: (user: string) => fail(45, `HCPCQU045E ${user.toUpperCase()} not logged on`)
};

/**
 * The line CMS writes after each command: `Ready;` or `Ready(rc);` with the virtual/total CPU
 * time and the clock (000 Example 3-1: `Ready; T=0.01/0.01 17:27:45`).
 */
export function readyLine(rc: number, epochMs: number): string {
	const head = rc === 0 ? 'Ready;' : `Ready(${String(rc).padStart(5, '0')});`;
	return `${head} T=0.01/0.01 ${formatClock(epochMs)}`;
}
