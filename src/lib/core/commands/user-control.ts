/**
 * Starting and stopping virtual machines from the console: FORCE, SIGNAL SHUTDOWN, XAUTOLOG
 * (000 App. A.1.4, A.1.5, Examples A-10, A-13, A-14), and the simulator's LOGON and DISCONNECT.
 *
 * The console model: each member's console is its operator's (OPERATOR, or the user a script
 * names, such as MAINT620), always logged on and never a guest. Messages CP sends the operator
 * about a member's users (`AUTO LOGON ***`, `USER DSC LOGOFF AS`) go to that member's console;
 * through AT they appear on the target member's console, not the issuer's (000 Example A-10:
 * `at itsossi1 cmd xautolog vmlogs` answers only `Command accepted`). What a guest's own console
 * shows (`CONNECT=`, `LOGOFF AT`) is logged as `guest.console` and is not on the operator's
 * console, which would need SET OBSERVER (000 Example A-31).
 *
 * Time: a guest that gets SIGNAL SHUTDOWN shuts down for `params.guestShutdownMs` (5 s by
 * default) and then reports termination, after the command's Ready (the order of Example A-14;
 * the book's next command came 19 s later, so the guest took less than that). With WITHIN n
 * shorter than that, CP logs it off when the n seconds are up, without the report.
 */
import { logoffGuest, logonUser, memberUsers } from '../model/logon';
import type { GuestState } from '../model/types';
import { record, schedule } from '../sim/kernel';
import type { SimState } from '../sim/state';
import { formatClock } from '../sim/time-format';
import type { CommandContext } from './context';
import { HCP, fail, ok, type CommandOutput } from './responses';
import { USER_LINES, eventStamp } from './user-responses';
import { kw, matches } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;

/** The single user ID operand of a command, upper case, or the CP error for a bad operand list. */
function oneUser(args: string[]): string | CommandOutput {
	const [user, extra] = args;
	if (user === undefined) return HCP.missingOperand();
	if (!USERID.test(user)) return HCP.invalidOption(user);
	if (extra !== undefined) return HCP.invalidOption(extra);
	return user.toUpperCase();
}

/**
 * The guest `user` on the member the command runs on; when it is not there, HCPCQU045E, and
 * where it is logged on instead when that is another member (commands act on one member).
 */
function guestHere(ctx: CommandContext, user: string): GuestState | CommandOutput {
	const records = ctx.state.cluster.guests.filter((g) => g.user === user);
	const here = records.find((g) => g.on === ctx.on.name);
	if (here) return here;
	const out = HCP.notLoggedOn(user);
	const other = records[0];
	if (other)
		out.lines.push(`${user} is logged on to ${other.on}: use AT ${other.on} CMD to reach it there`);
	return out;
}

/** Lines for the operator of the member the command ran on: in the response when that is this console. */
function toOperator(ctx: CommandContext, lines: string[], after: boolean): CommandOutput {
	if (!after && ctx.on.name === ctx.console) return ok(...lines);
	return { ...ok(), followUp: lines.map((text) => ({ on: ctx.on.name, text })) };
}

/** Logs a guest off and writes what its own console shows (CONNECT=, LOGOFF AT). */
function logOff(ctx: CommandContext, g: GuestState, by: string | null, reason: string): void {
	const s = ctx.state;
	for (const text of [USER_LINES.accounting(g, s.now), USER_LINES.logoffAt(s.epochMs + s.now, by)])
		record(s, { kind: 'guest.console', user: g.user, on: g.on, text });
	logoffGuest(s, g, reason);
}

/**
 * FORCE userid: logs the guest off its member now (000 A.1.4, Example A-10: `at itsossi4 cmd
 * force vmlogs` → `USER DSC LOGOFF AS VMLOGS USERS = 18 FORCED BY MAINT620`). A relocation of
 * the guest that is in progress ends: the guest is gone from its source.
 */
export function forceCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const user = oneUser(args);
	if (typeof user !== 'string') return user;
	const g = guestHere(ctx, user);
	if ('lines' in g) return g;
	logOff(ctx, g, ctx.user, `FORCED BY ${ctx.user}`);
	return toOperator(ctx, [USER_LINES.forced(g, memberUsers(ctx.state, ctx.on), ctx.user)], false);
}

/**
 * SIGNAL SHUTDOWN [USER] userid [WITHIN seconds]: asks the guest's operating system to shut
 * down; it reports successful termination and CP logs it off (000 A.1.4: "If it is a Linux
 * guest, you must use the SIGNAL SHUTDOWN command instead of the FORCE command"; Example A-14).
 */
export function signalCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const a = [...args];
	const what = a.shift();
	if (what === undefined) return HCP.missingOperand();
	if (!matches(what, kw('SHUTDOWN'))) return HCP.invalidOption(what);
	if (a.length >= 2 && matches(a[0], kw('USER'))) a.shift();
	let withinMs = Infinity;
	const within = a.findIndex((w) => matches(w, kw('Within')));
	if (within >= 0) {
		const secs = a[within + 1];
		if (secs === undefined) return HCP.missingOperand();
		if (!/^\d{1,5}$/.test(secs) || Number(secs) < 1) return HCP.invalidOption(secs);
		withinMs = Number(secs) * 1000;
		a.splice(within, 2);
	}
	const user = oneUser(a);
	if (typeof user !== 'string') return user;
	const g = guestHere(ctx, user);
	if ('lines' in g) return g;
	if (g.signalledAt !== undefined)
		return fail(
			8,
			`${g.user} is already shutting down after a signal at ${clockAt(ctx.state, g.signalledAt)}`
		);
	const s = ctx.state;
	g.signalledAt = s.now;
	const reported = s.params.guestShutdownMs <= withinMs;
	schedule(s, Math.min(s.params.guestShutdownMs, withinMs), {
		type: 'guest.shutdownComplete',
		user: g.user,
		on: g.on,
		since: s.now,
		reported
	});
	record(s, {
		kind: 'guest.console',
		user: g.user,
		on: g.on,
		text: `Signal SHUTDOWN received${withinMs === Infinity ? '' : ` (within ${withinMs / 1000} seconds)`}`
	});
	return ok();
}

function clockAt(state: SimState, t: number): string {
	return formatClock(state.epochMs + t);
}

/**
 * The guest signalled at `since` has shut down (`reported`: HCPSIG2113I, Example A-14) or its
 * WITHIN time is up: CP logs it off and tells the operator of its member. Nothing happens when
 * the guest is no longer there as it was signalled (forced, relocated or logged off meanwhile).
 */
export function guestShutdownComplete(
	state: SimState,
	e: { user: string; on: string; since: number; reported: boolean }
): void {
	const g = state.cluster.guests.find((x) => x.user === e.user && x.on === e.on);
	if (!g || g.signalledAt !== e.since) return;
	delete g.signalledAt;
	const member = state.cluster.members.find((m) => m.name === e.on);
	if (!member) return;
	const ctx: CommandContext = { state, on: member, user: 'SYSTEM', viaAt: false, console: e.on };
	logOff(ctx, g, null, e.reported ? 'AFTER SIGNAL SHUTDOWN' : 'SIGNAL SHUTDOWN TIME EXPIRED');
	const lines = [
		e.reported
			? USER_LINES.signalled(g.user)
			: `User ${g.user} did not report termination within ${(state.now - e.since) / 1000} seconds`,
		USER_LINES.afterSignal(g, memberUsers(state, member))
	];
	for (const text of lines) state.console.push({ t: state.now, on: e.on, kind: 'output', text });
}

/**
 * XAUTOLOG userid: logs the user on to this member, disconnected, from its directory entry
 * (000 Example A-10, A-13, A-14). `Command accepted` answers at once; the AUTO LOGON notice and,
 * when the entry has an IPL statement, HCPCLS6056I follow after the Ready.
 */
export function xautologCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const user = oneUser(args);
	if (typeof user !== 'string') return user;
	const r = logonUser(ctx.state, ctx.on, user, 'disconnected');
	if (!r.ok) return fail(8, r.reason);
	const lines = [USER_LINES.autoLogon(user, memberUsers(ctx.state, ctx.on))];
	if (r.guest.ipl !== null) lines.push(USER_LINES.xautologIpl(user));
	lines.push(...r.notices);
	return { ...ok(USER_LINES.accepted), followUp: lines.map((text) => ({ on: ctx.on.name, text })) };
}

/**
 * LOGON userid: the simulator's stand-in for a user logging on at a terminal of this member
 * (the console itself stays the operator's). The guest is connected, at logical device L0003,
 * so it is not relocatable until it disconnects (000 Example 3-7, HCPRLE1950I).
 */
export function logonCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const user = oneUser(args);
	if (typeof user !== 'string') return user;
	const r = logonUser(ctx.state, ctx.on, user, 'logged-on');
	if (!r.ok) return fail(8, r.reason);
	const s = ctx.state;
	record(s, {
		kind: 'guest.console',
		user,
		on: ctx.on.name,
		text: `LOGON AT ${eventStamp(s.epochMs + s.now)}`
	});
	return ok(
		`${user} logged on to ${ctx.on.name} at logical device L0003 (connected)`,
		...r.notices
	);
}

/**
 * DISCONNECT [userid]: the guest's terminal session ends and it runs on disconnected, as
 * `#CP DISCONNECT` at its terminal would do (CP's DISCONNECT has no user ID: it disconnects the
 * issuer, so `SEND CP userid DISCONNECT` works too). The operator's console is not a guest and
 * stays connected.
 */
export function disconnectCommand(ctx: CommandContext, args: string[]): CommandOutput {
	let user = ctx.user;
	if (args.length > 0) {
		const u = oneUser(args);
		if (typeof u !== 'string') return u;
		user = u;
	} else if (!ctx.state.cluster.guests.some((g) => g.user === user && g.on === ctx.on.name)) {
		return fail(
			8,
			`${user} is the operator of this console and stays connected: DISCONNECT userid disconnects a guest`
		);
	}
	const g = guestHere(ctx, user);
	if ('lines' in g) return g;
	if (g.status === 'disconnected') return fail(8, `${user} is already disconnected`);
	g.status = 'disconnected';
	const s = ctx.state;
	record(s, {
		kind: 'guest.console',
		user,
		on: g.on,
		text: `DISCONNECT AT ${eventStamp(s.epochMs + s.now)}`
	});
	return ok(`${user} disconnected from logical device L0003: it runs on disconnected (DSC)`);
}
