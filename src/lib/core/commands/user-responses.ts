/**
 * The lines CP writes when users log on and off, worded as the documents print them:
 *
 *     AUTO LOGON ***       ITSOLNX2 USERS = 19                   (000 Example A-13)
 *     HCPCLS6056I XAUTOLOG information for ITSOLNX2: The IPL command is verified by the IPL command processor.
 *     USER DSC LOGOFF AS VMLOGS USERS = 18 FORCED BY MAINT620  (000 Example A-10)
 *     USER DSC LOGOFF AS ITSOLNX2 USERS = 18 AFTER SIGNAL        (000 Example A-14)
 *     HCPSIG2113I User ITSOLNX2 has reported successful termination
 *     CONNECT= 99:59:59 VIRTCPU= 000:00.85 TOTCPU= 000:02.85      (the guest's own console)
 *     LOGOFF AT 16:24:44 EST MONDAY 11/07/11 BY MAINT620
 *
 * The book wraps HCPCLS6056I at 80 columns ("... verified by the / IPL command processor."); it
 * is one message. `USER DSC` names the terminal of a disconnected user; a connected guest of the
 * simulator is on logical device L0003 (as QUERY userid shows it), so its notices start
 * `LDEV L0003`.
 */
import { civil, formatClock } from '../sim/time-format';
import type { GuestState } from '../model/types';

/**
 * The time zone CP prints in its LOGON, LOGOFF and DISCONNECT stamps. The simulated clock has
 * no zone of its own; the documents' systems ran on EST (000 Example A-6, A-10, A-32).
 */
export const CLOCK_ZONE = 'EST';

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const DAY_MS = 86_400_000;
const two = (n: number) => String(n).padStart(2, '0');

/** `16:24:44 EST MONDAY 11/07/11`: the stamp of LOGON AT, LOGOFF AT, DISCONNECT AT. */
export function eventStamp(epochMs: number): string {
	const c = civil(epochMs);
	// 1 January 1970 was a Thursday.
	const day = DAYS[(((Math.floor(epochMs / DAY_MS) + 4) % 7) + 7) % 7]!;
	return `${formatClock(epochMs)} ${CLOCK_ZONE} ${day} ${two(c.month)}/${two(c.day)}/${two(c.year % 100)}`;
}

/** CONNECT= hh:mm:ss, at most 99:59:59 (000 Example A-10 shows a long-running VMLOGS so). */
export function connectTime(ms: number): string {
	const s = Math.min(Math.max(0, Math.floor(ms / 1000)), 99 * 3600 + 59 * 60 + 59);
	return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/** CPU time as `mmm:ss.hh` (000 Example A-6: `VIRTCPU= 000:04.92`). */
export function cpuTime(ms: number): string {
	const hundredths = Math.floor(Math.max(0, ms) / 10);
	const minutes = Math.min(999, Math.floor(hundredths / 6000));
	const rest = hundredths - minutes * 6000;
	return `${String(minutes).padStart(3, '0')}:${two(Math.floor(rest / 100))}.${two(rest % 100)}`;
}

/** The terminal field of a notice: `USER DSC` for a disconnected user, else its logical device. */
export const terminalOf = (g: Pick<GuestState, 'status'>): string =>
	g.status === 'disconnected' ? 'USER DSC' : 'LDEV L0003';

export const USER_LINES = {
	/** 000 Example A-13. */
	autoLogon: (user: string, users: number) => `AUTO LOGON *** ${user} USERS = ${users}`,
	/** 000 Example A-13, A-14: when the directory entry has an IPL statement. */
	xautologIpl: (user: string) =>
		`HCPCLS6056I XAUTOLOG information for ${user}: The IPL command is verified by the IPL command processor.`,
	/** 000 Example A-13, A-14, A-10 ("Command accepted"). */
	accepted: 'Command accepted',
	/** 000 Example A-10. */
	forced: (g: GuestState, users: number, by: string) =>
		`${terminalOf(g)} LOGOFF AS ${g.user} USERS = ${users} FORCED BY ${by}`,
	/** 000 Example A-14. */
	afterSignal: (g: GuestState, users: number) =>
		`${terminalOf(g)} LOGOFF AS ${g.user} USERS = ${users} AFTER SIGNAL`,
	/** 000 Example A-14. */
	signalled: (user: string) => `HCPSIG2113I User ${user} has reported successful termination`,
	/** The guest's console at logoff (000 Example A-6, A-10). */
	accounting: (g: GuestState, now: number) =>
		`CONNECT= ${connectTime(now - g.accounting.logonAt)} VIRTCPU= ${cpuTime(g.accounting.virtualCpuMs)} TOTCPU= ${cpuTime(g.accounting.totalCpuMs)}`,
	logoffAt: (epochMs: number, by: string | null) =>
		`LOGOFF AT ${eventStamp(epochMs)}${by === null ? '' : ` BY ${by}`}`
} as const;
