import { member } from '../model/cluster-dynamics';
import { record } from '../sim/kernel';
import type { SimState } from '../sim/state';
import type { CommandContext } from './context';
import { isDeviceWord } from './device-operands';
import { attachCommand, detachCommand, varyCommand } from './devices';
import { formssi } from './formssi';
import { linkCommand } from './link';
import { iplCommand, setSsi, shutdownCommand } from './member-control';
import { queryAlloc } from './query-alloc';
import { queryOsa, queryRdev } from './query-devices';
import { querySsi } from './query-ssi';
import { queryNames, queryUser, queryUsers } from './query-users';
import { defineRelodomain, queryRelodomain } from './relodomain';
import { HCP, fail, ok, readyLine, type CommandOutput } from './responses';
import { sendCommand } from './send';
import { setRdev } from './set-rdev';
import {
	disconnectCommand,
	forceCommand,
	logonCommand,
	signalCommand,
	xautologCommand
} from './user-control';
import { defineVfb } from './virtual-devices';
import { VMRELOCATE_SUBCOMMANDS, vmrelocateCommand } from './vmrelocate';
import { queryVmrelocate, setVmrelocate } from './vmrelocate-settings';
import { kw, matches, words, type Keyword } from './words';

/** A command: its keyword (with minimum abbreviation) and its handler. */
interface CommandDef {
	keyword: Keyword;
	run: (ctx: CommandContext, args: string[]) => CommandOutput;
}

/**
 * Subcommands of QUERY; then a device number or range is QUERY rdev (000 Example A-3: `q
 * 9a26`), and anything else a user ID (QUERY userid).
 */
const QUERIES: CommandDef[] = [
	{ keyword: kw('SSI'), run: querySsi },
	{ keyword: kw('RELODomain'), run: queryRelodomain },
	{ keyword: kw('Names'), run: queryNames },
	{ keyword: kw('VMRELOcate'), run: queryVmrelocate },
	{ keyword: kw('USERs'), run: queryUsers },
	{ keyword: kw('OSA'), run: queryOsa },
	{ keyword: kw('ALLOC'), run: queryAlloc }
];

/** Subcommands of DEFINE; VFB-512 has no abbreviation (000 A.1.3, sent to a guest). */
const DEFINES: CommandDef[] = [
	{ keyword: kw('RELODomain'), run: defineRelodomain },
	{ keyword: kw('VFB-512'), run: defineVfb }
];

/** Subcommands of SET. */
const SETS: CommandDef[] = [
	{ keyword: kw('SSI'), run: setSsi },
	{ keyword: kw('VMRELOcate'), run: setVmrelocate },
	{ keyword: kw('RDEVice'), run: setRdev }
];

/** Runs the subcommand of `table` the first word names, or CP's error for a missing or unknown one. */
function subcommand(table: CommandDef[], ctx: CommandContext, [sub, ...rest]: string[]) {
	if (sub === undefined) return HCP.missingOperand();
	const def = table.find((d) => matches(sub, d.keyword));
	return def ? def.run(ctx, rest) : HCP.invalidOption(sub);
}

const COMMANDS: CommandDef[] = [
	{
		keyword: kw('Query'),
		run: (ctx, [sub, ...rest]) => {
			if (sub === undefined) return HCP.missingOperand();
			const q = QUERIES.find((d) => matches(sub, d.keyword));
			if (q) return q.run(ctx, rest);
			if (isDeviceWord(sub)) return queryRdev(ctx, [sub, ...rest]);
			if (!/^[A-Za-z0-9@#$]{1,8}$/.test(sub)) return HCP.invalidOption(sub);
			return queryUser(ctx, sub, rest);
		}
	},
	{ keyword: kw('DEFine'), run: (ctx, args) => subcommand(DEFINES, ctx, args) },
	{ keyword: kw('SET'), run: (ctx, args) => subcommand(SETS, ctx, args) },
	{ keyword: kw('VMRELOcate'), run: vmrelocateCommand },
	{ keyword: kw('FORMSSI'), run: formssi },
	{ keyword: kw('SHUTDOWN'), run: shutdownCommand },
	{ keyword: kw('AT'), run: atCommand },
	{ keyword: kw('ATTach'), run: attachCommand },
	{ keyword: kw('DETach'), run: detachCommand },
	{ keyword: kw('LINK'), run: linkCommand },
	{ keyword: kw('VARY'), run: varyCommand },
	{ keyword: kw('SEND'), run: (ctx, args) => sendCommand(ctx, args, dispatch) },
	{ keyword: kw('FORCE'), run: forceCommand },
	{ keyword: kw('SIGnal'), run: signalCommand },
	{ keyword: kw('XAUTOlog'), run: xautologCommand },
	{ keyword: kw('LOGON'), run: logonCommand },
	{ keyword: kw('DISConnect'), run: disconnectCommand }
];

/** Every command name the console accepts, for completion and the reference. */
export const COMMAND_NAMES = [...COMMANDS.map((c) => c.keyword.name), 'IPL'];

/** A command the parser knows, with the subcommands it dispatches on (none: it takes operands). */
export interface CommandKeywords {
	readonly keyword: Keyword;
	readonly subcommands: readonly Keyword[];
}

/**
 * The parser's own table of keywords and minimum abbreviations, for the command reference
 * (`reference.ts`) and its tests. IPL is matched in full (it is the only command a Down member
 * takes); QUERY also takes a device number or a user ID in place of a subcommand.
 */
export const COMMAND_KEYWORDS: readonly CommandKeywords[] = [
	...COMMANDS.map((c) => ({
		keyword: c.keyword,
		subcommands: (c.keyword.name === 'QUERY'
			? QUERIES
			: c.keyword.name === 'DEFINE'
				? DEFINES
				: c.keyword.name === 'SET'
					? SETS
					: c.keyword.name === 'VMRELOCATE'
						? VMRELOCATE_SUBCOMMANDS
						: []
		).map((d) => d.keyword)
	})),
	{ keyword: kw('IPL'), subcommands: [] }
];

/**
 * AT sysname CMD command: runs a command on another active member (001 "Cross-System CP
 * Commands"; 000 Example 4-3 `at itsossi1 cmd shutdown reipl`).
 */
function atCommand(ctx: CommandContext, args: string[]): CommandOutput {
	const [sys, cmdKw, ...rest] = args;
	if (!sys || !cmdKw || !matches(cmdKw, kw('CMD')) || rest.length === 0) {
		return fail(26, 'HCPCMD026E Operand missing or invalid', 'Usage: AT sysname CMD command');
	}
	const target = member(ctx.state, sys);
	if (!target)
		return fail(4, `${sys.toUpperCase()} is not a member of SSI cluster ${ctx.state.cluster.name}`);
	if (
		target.state === 'Down' ||
		target.state === 'Isolated' ||
		(ctx.on.views[target.name] !== 'ok' && target !== ctx.on)
	) {
		return fail(
			8,
			`${target.name} is not an active member that ${ctx.on.name} can reach (it is ${ctx.on.views[target.name] === 'unknown' ? 'Unknown' : target.state})`
		);
	}
	if (matches(rest[0], kw('AT'))) return fail(8, 'AT cannot be nested');
	return dispatch({ ...ctx, on: target, viaAt: true }, rest);
}

function dispatch(ctx: CommandContext, [verb, ...args]: string[]): CommandOutput {
	if (verb === undefined) return ok();
	if (ctx.on.state === 'Down') {
		if (verb.toUpperCase() === 'IPL') return iplCommand(ctx, args);
		return fail(8, `${ctx.on.name} is down: only IPL is accepted on its console`);
	}
	if (verb.toUpperCase() === 'IPL') {
		return fail(
			8,
			`${ctx.on.name} is already running (${ctx.on.state}): use SHUTDOWN REIPL to restart it`
		);
	}
	const def = COMMANDS.find((c) => matches(verb, c.keyword));
	if (!def) return HCP.unknownCommand(verb);
	return def.run(ctx, args);
}

/**
 * Runs one console command on a member: echoes the input, the response lines and the
 * `Ready` line to that member's console (a command that has not ended, such as a SYNCHRONOUS
 * VMRELOCATE MOVE, writes its `Ready` when it ends) and logs the command. Never throws: an unexpected
 * failure inside a handler is answered as a CP error, and the simulation carries on.
 */
export function runCommand(
	state: SimState,
	on: string,
	user: string,
	text: string
): { ok: boolean; lines: string[]; rc: number } {
	const m = member(state, on);
	if (!m) return { ok: false, lines: [`no member named ${on}`], rc: 1 };
	const line = text.slice(0, 512);
	let out: CommandOutput;
	try {
		out = dispatch(
			{ state, on: m, user: user.toUpperCase(), viaAt: false, console: m.name },
			words(line)
		);
	} catch (e) {
		out = fail(
			999,
			`The simulator could not complete the command: ${e instanceof Error ? e.message : String(e)}`
		);
	}
	const lines = out.deferReady
		? [...out.lines]
		: [...out.lines, readyLine(out.rc, state.epochMs + state.now)];
	state.console.push({ t: state.now, on: m.name, kind: 'input', text: line });
	for (const l of lines) state.console.push({ t: state.now, on: m.name, kind: 'output', text: l });
	for (const f of out.followUp ?? [])
		state.console.push({ t: state.now, on: f.on, kind: 'output', text: f.text });
	record(state, { kind: 'command', on: m.name, user: user.toUpperCase(), text: line, rc: out.rc });
	return { ok: true, lines, rc: out.rc };
}
