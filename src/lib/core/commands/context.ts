import type { MemberState } from '../model/types';
import type { SimState } from '../sim/state';

/** What a command handler sees: the whole simulation, the member it runs on, and who typed it. */
export interface CommandContext {
	state: SimState;
	on: MemberState;
	user: string;
	/** True when the command came through AT sysname CMD from another member. */
	viaAt: boolean;
	/** The member whose console the command was typed on (`on` differs after AT sysname CMD). */
	console: string;
}
