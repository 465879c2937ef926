/**
 * VMRELOCATE MOVE, STATUS and CANCEL (000 §3.6.1, §3.6.2, App. A.1.6-A.1.9; 001 "Starting and
 * Managing a Live Guest Relocation"):
 *
 *     VMRELOcate MOVE [USER] userid [TO] sysname [SYNChronous|ASYNChronous] [IMMediate]
 *                     [MAXTotal n|NOLIMit] [MAXQuiesce n|NOLIMit] [FORCE ARCHitecture|DOMain|STORage ...]
 *     VMRELOcate STATus [[USER] userid] [DETails]
 *     VMRELOcate CANCel [USER] userid
 *
 * The transcripts abbreviate `async`, `maxq`, `maxt` (001) and `vmrelo` (000 Example A-15); the
 * other minimum abbreviations are the simulator's choice. Times are whole seconds.
 */
import {
	activeRelocations,
	cancelRelocation,
	optionsLine,
	passCounts,
	startRelocation,
	type RelocationOptions,
	type RelocationState
} from '../model/lgr/relocation';
import { LGR_LINES } from '../model/lgr/messages';
import { STATUS_TEXT } from '../machines/relocation.machine';
import type { CommandContext } from './context';
import { HCP, ok, type CommandOutput } from './responses';
import { parseVmrelocateOperands } from './vmrelocate-operands';
import { kw, matches } from './words';

const USERID = /^[A-Za-z0-9@#$]{1,8}$/;

const SYNC = kw('SYNChronous');
const ASYNC = kw('ASYNChronous');
const IMMEDIATE = kw('IMMediate');
const MAXTOTAL = kw('MAXTotal');
const MAXQUIESCE = kw('MAXQuiesce');
const NOLIMIT = kw('NOLIMit');
const DETAILS = kw('DETails');

/** z/VM's default MAXQUIESCE (000 §3.6.1). */
export const DEFAULT_MAX_QUIESCE_S = 10;

/** Largest MAXTOTAL or MAXQUIESCE accepted: eight digits, as CP's numeric operands. */
const MAX_SECONDS = 99_999_999;

/**
 * Reads MOVE's options (the words after the destination that are not FORCE operands) and
 * applies the defaults of 000 §3.6.1: SYNCHRONOUS, MAXTOTAL NOLIMIT, MAXQUIESCE 10 seconds, or
 * NOLIMIT with IMMEDIATE. A repeated or contradictory option is refused.
 */
export function parseMoveOptions(
	rest: readonly string[],
	force: RelocationOptions['force']
): RelocationOptions | CommandOutput {
	let synchronous: boolean | undefined;
	let immediate = false;
	let maxTotal: number | null | undefined;
	let maxQuiesce: number | null | undefined;
	const seconds = (w: string | undefined): number | null | CommandOutput => {
		if (w === undefined) return HCP.missingOperand();
		if (matches(w, NOLIMIT)) return null;
		if (!/^\d{1,8}$/.test(w) || Number(w) < 1 || Number(w) > MAX_SECONDS)
			return HCP.invalidOption(w);
		return Number(w);
	};
	for (let i = 0; i < rest.length; i++) {
		const w = rest[i]!;
		if (matches(w, SYNC) || matches(w, ASYNC)) {
			if (synchronous !== undefined) return HCP.invalidOption(w);
			synchronous = matches(w, SYNC);
		} else if (matches(w, IMMEDIATE)) {
			if (immediate) return HCP.invalidOption(w);
			immediate = true;
		} else if (matches(w, MAXTOTAL) || matches(w, MAXQUIESCE)) {
			const total = matches(w, MAXTOTAL);
			if ((total ? maxTotal : maxQuiesce) !== undefined) return HCP.invalidOption(w);
			const v = seconds(rest[++i]);
			if (v !== null && typeof v === 'object') return v;
			if (total) maxTotal = v;
			else maxQuiesce = v;
		} else return HCP.invalidOption(w);
	}
	return {
		synchronous: synchronous ?? true,
		immediate,
		maxTotalS: maxTotal ?? null,
		maxQuiesceS: maxQuiesce === undefined ? (immediate ? null : DEFAULT_MAX_QUIESCE_S) : maxQuiesce,
		force: { ...force }
	};
}

/**
 * VMRELOCATE MOVE: issued on the member the guest runs on (000 §3.6.1), directly or through AT
 * sysname CMD (000 Example 4-10). SYNCHRONOUS writes its Ready when the relocation ends;
 * ASYNCHRONOUS "return[s] as soon as the initial eligibility check is done".
 */
export function vmrelocateMove(ctx: CommandContext, args: string[]): CommandOutput {
	const ops = parseVmrelocateOperands(args);
	if ('lines' in ops) return ops;
	const options = parseMoveOptions(ops.rest, ops.force);
	if ('lines' in options) return options;
	const a = startRelocation(ctx.state, {
		user: ops.user,
		destination: ops.destination,
		source: ctx.on.name,
		by: ctx.user,
		console: ctx.console,
		options
	});
	return { lines: a.lines, rc: a.rc, deferReady: a.deferReady };
}

/** Relocations in progress that involve this member, as source or destination. */
function onThisSystem(ctx: CommandContext, user?: string): RelocationState[] {
	return activeRelocations(ctx.state).filter(
		(r) =>
			(r.from === ctx.on.name || r.to === ctx.on.name) && (user === undefined || r.user === user)
	);
}

/** Splits `[USER] userid` off the front of a word list, when there is a user ID. */
function optionalUser(args: string[]): { user?: string; rest: string[] } | CommandOutput {
	const a = [...args];
	if (a.length >= 2 && a[0]!.toUpperCase() === 'USER') a.shift();
	const first = a[0];
	if (first === undefined || matches(first, DETAILS)) return { rest: a };
	if (!USERID.test(first)) return HCP.invalidOption(first);
	a.shift();
	return { user: first.toUpperCase(), rest: a };
}

/** `hh:mm:ss` of an elapsed time. */
function elapsed(ms: number): string {
	const s = Math.floor(ms / 1000);
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

/**
 * The status of a phase. The four of the documents ("Moving Memory", "Moving Guest", "Final Mem
 * Copy", "Cleaning Up") come from the machine; the short phases around them have no string in
 * the documents, so the simulator names them in words of its own.
 */
export function statusText(r: RelocationState): string {
	return (
		STATUS_TEXT[r.phase] ??
		(r.phase === 'Resuming'
			? 'Resuming'
			: r.phase === 'CreatingSkeleton'
				? 'Creating Skel'
				: 'Eligibility')
	);
}

const limit = (s: number | null) => (s === null ? 'NOLIMIT' : `${s} sec`);

/** One relocation's row of the STATUS table, columns as 001 prints them. */
function row(ctx: CommandContext, r: RelocationState): string {
	return [r.user, r.from, r.to, r.by]
		.map((c) => c.padEnd(8))
		.concat(statusText(r).padEnd(14), elapsed(ctx.state.now - r.startedAt))
		.join(' ');
}

/**
 * VMRELOCATE STATUS [userid] [DETAILS]: the relocations in progress on this member, as the
 * table of 001; DETAILS adds the options, the limits and the pass counts. The Elapsed column's
 * format (hh:mm:ss) and the NOLIMIT wording of the limits are the simulator's: the session's
 * figures are withheld.
 */
export function vmrelocateStatus(ctx: CommandContext, args: string[]): CommandOutput {
	const u = optionalUser(args);
	if ('lines' in u) return u;
	let details = false;
	for (const w of u.rest) {
		if (matches(w, DETAILS) && !details) details = true;
		else return HCP.invalidOption(w);
	}
	const found = onThisSystem(ctx, u.user);
	if (found.length === 0) return ok(LGR_LINES.noneInProgress);
	const header = ['User', 'From', 'To', 'By']
		.map((c) => c.padEnd(8))
		.concat('Status'.padEnd(14), 'Elapsed')
		.join(' ');
	const lines = [header];
	for (const r of found) {
		lines.push(row(ctx, r));
		if (!details) continue;
		const p = passCounts(ctx.state, r);
		lines.push(
			'',
			optionsLine(r.options),
			`Max Total Time ${limit(r.options.maxTotalS)}`,
			`Max Quiesce Time ${limit(r.options.maxQuiesceS)}`,
			'',
			`Total pages sent ${p.sent} in ${p.passes} passes; ${p.currentSent} pages sent in pass ${p.current}`
		);
	}
	return ok(...lines);
}

/**
 * VMRELOCATE CANCEL userid: on the source or the destination member (001 cancels a move from
 * GDLLCPX3 on GDLMCPX4), in any phase before the guest resumes on the destination.
 */
export function vmrelocateCancel(ctx: CommandContext, args: string[]): CommandOutput {
	const u = optionalUser(args);
	if ('lines' in u) return u;
	if (u.user === undefined) return HCP.missingOperand();
	if (u.rest.length > 0) return HCP.invalidOption(u.rest[0]!);
	const rel = onThisSystem(ctx, u.user)[0];
	if (!rel) return ok(LGR_LINES.noneInProgress);
	const a = cancelRelocation(ctx.state, rel, ctx.user, ctx.on.name, ctx.console);
	return { lines: a.lines, rc: 0, followUp: a.followUp };
}
