/**
 * Handlers for the statements inside a USER, IDENTITY, PROFILE or SUBCONFIG entry of the
 * user directory. Each reads one record's words and adds what it finds to the entry body;
 * problems become diagnostics at the offending word. Device statements live in
 * `user-direct-devices.ts`.
 */
import { quote } from './diagnostics';
import type { MachineMode } from './user-direct.types';
import { endOf, isHex, isName, parseDecimal, parseDevice, TokenCursor, type Token } from './tokens';
import type { EntryContext } from './user-direct-context';
import {
	parseCommand,
	parseDedicate,
	parseLink,
	parseMdisk,
	parseNicdef,
	parseUnitRecord
} from './user-direct-devices';

/** Statements CP's directory knows that the simulator keeps without modelling. */
const KNOWN_UNMODELLED = new Set([
	'ACCOUNT',
	'ACIGROUP',
	'APPCPASS',
	'AUTOLOG',
	'CRYPTO',
	'D8ONECMD',
	'DATEFORMAT',
	'IUCV',
	'LOAD',
	'LOADDEV',
	'LOGONBY',
	'MINIOPT',
	'NAMESAVE',
	'NOPDATA',
	'PASSWORD',
	'POSIXGLIST',
	'POSIXGROUP',
	'POSIXINFO',
	'POSIXOPT',
	'SCREEN',
	'SHARE',
	'STDEVOPT',
	'STORAGE',
	'SYSAFFIN',
	'XAUTOLOG',
	'XCONFIG',
	'XSTORE'
]);

const MACHINE_MODES: readonly MachineMode[] = ['ESA', 'XA', 'XC', 'Z'];

const CPU_TYPES = ['CP', 'IFL', 'ZIIP', 'ZAAP', 'ICF'];

function parseMachine(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const t = cur.next();
	if (!t || !MACHINE_MODES.includes(t.upper as MachineMode)) {
		const at = t ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`machine mode ${t ? quote(t.text) : '(missing)'} must be ESA, XA, XC or Z`
		);
		return;
	}
	let maxCpus: number | null = null;
	const n = cur.next();
	if (n) {
		maxCpus = parseDecimal(n.upper);
		if (maxCpus === null || maxCpus < 1 || maxCpus > 64) {
			ctx.diag.error(
				n.line,
				n.column,
				`maximum CPUs ${quote(n.text)} must be a number from 1 to 64`
			);
			maxCpus = null;
		}
	}
	if (ctx.body.machine) {
		ctx.diag.error(
			kw.line,
			kw.column,
			`second MACHINE statement in ${ctx.name} (the first is on line ${ctx.body.machine.line})`
		);
		return;
	}
	ctx.body.machine = { line: kw.line, column: kw.column, mode: t.upper as MachineMode, maxCpus };
}

function parseCpu(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const a = cur.next();
	const address = a && isHex(a.upper, 2) ? parseInt(a.upper, 16) : -1;
	if (!a || address < 0 || address > 0x3f) {
		const at = a ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`CPU address ${a ? quote(a.text) : '(missing)'} must be hexadecimal 00-3F`
		);
		return;
	}
	const cpu = {
		line: kw.line,
		column: kw.column,
		address,
		base: false,
		cpuid: null as string | null,
		dedicate: null as boolean | null,
		cpuType: null as string | null
	};
	for (let t = cur.next(); t; t = cur.next()) {
		if (t.upper === 'BASE') cpu.base = true;
		else if (t.upper === 'NODEDICATE' || t.upper === 'DEDICATE')
			cpu.dedicate = t.upper === 'DEDICATE';
		else if (t.upper === 'CRYPTO' || t.upper === 'NOCRYPTO') continue;
		else if (CPU_TYPES.includes(t.upper)) cpu.cpuType = t.upper;
		else if (t.upper === 'CPUID') {
			const id = cur.next();
			if (!id || !/^[0-9A-F]{6}$/.test(id.upper)) {
				const at = id ?? cur.end;
				ctx.diag.error(
					at.line,
					at.column,
					`CPUID ${id ? quote(id.text) : '(missing)'} must be six hexadecimal digits`
				);
			} else cpu.cpuid = id.upper;
		} else
			ctx.diag.error(
				t.line,
				t.column,
				`unknown CPU operand ${quote(t.text)} (expected BASE, CPUID, NODEDICATE, DEDICATE, CRYPTO or a CPU type)`
			);
	}
	const dup = ctx.body.cpus.find((c) => c.address === address);
	if (dup)
		ctx.diag.error(a.line, a.column, `CPU ${a.upper} is already defined on line ${dup.line}`);
	else ctx.body.cpus.push(cpu);
}

function parseOption(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const { options } = ctx.body;
	options.lines.push(kw.line);
	for (let t = cur.next(); t; t = cur.next()) {
		// CHPIDVIRTUALIZATION may be abbreviated down to CHPIDV (000 Example 4-6: OPTION CHPIDV ONE).
		if (t.upper.length >= 6 && 'CHPIDVIRTUALIZATION'.startsWith(t.upper)) {
			const v = cur.next();
			if (!v || (v.upper !== 'ONE' && v.upper !== 'TWO')) {
				const at = v ?? cur.end;
				ctx.diag.error(
					at.line,
					at.column,
					`CHPIDVIRTUALIZATION needs ONE or TWO, found ${v ? quote(v.text) : 'nothing'}`
				);
				continue;
			}
			options.keywords.push(`CHPIDVIRTUALIZATION ${v.upper}`);
			options.chpidVirtualizationOne = v.upper === 'ONE';
		} else if (t.upper === 'MAXCONN' || t.upper === 'LANG') {
			const v = cur.next();
			options.keywords.push(v ? `${t.upper} ${v.upper}` : t.upper);
		} else options.keywords.push(t.upper);
	}
	if (cur.tokens.length === 0) {
		ctx.diag.warn(kw.line, kw.column, 'OPTION without any option');
	}
}

function parseIpl(ctx: EntryContext, kw: Token, cur: TokenCursor, record: string): void {
	const t = cur.next();
	if (!t) {
		ctx.diag.error(cur.end.line, cur.end.column, 'IPL needs a device number or system name');
		return;
	}
	const dev = parseDevice(t.upper);
	if (dev === null && !isName(t.upper)) {
		ctx.diag.error(
			t.line,
			t.column,
			`IPL target ${quote(t.text)} is not a device number or a system name of 1-8 characters`
		);
		return;
	}
	let parm: string | null = null;
	const p = cur.next();
	if (p?.upper === 'PARM') parm = record.slice(p.column - 1 + p.text.length).trim();
	else if (p)
		ctx.diag.warn(p.line, p.column, `IPL operand ${quote(p.text)} is kept but not modelled`);
	if (ctx.body.ipl)
		ctx.diag.error(
			kw.line,
			kw.column,
			`second IPL statement in ${ctx.name} (the first is on line ${ctx.body.ipl.line})`
		);
	else
		ctx.body.ipl = {
			line: kw.line,
			column: kw.column,
			target: dev ?? t.upper,
			isDevice: dev !== null,
			parm
		};
}

function parseVmrelocate(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const t = cur.next();
	if (!t || (t.upper !== 'ON' && t.upper !== 'OFF')) {
		const at = t ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`VMRELOCATE needs ON or OFF, found ${t ? quote(t.text) : 'nothing'}`
		);
		return;
	}
	let domain: string | null = null;
	if (cur.accept('DOMAIN')) {
		const d = cur.next();
		if (!d || !isName(d.upper)) {
			const at = d ?? cur.end;
			ctx.diag.error(
				at.line,
				at.column,
				`VMRELOCATE DOMAIN needs a domain name of 1-8 characters, found ${d ? quote(d.text) : 'nothing'}`
			);
			return;
		}
		domain = d.upper;
	}
	const extra = cur.peek();
	if (extra)
		ctx.diag.error(
			extra.line,
			extra.column,
			`unexpected ${quote(extra.text)} after VMRELOCATE ${t.upper}`
		);
	ctx.body.vmrelocate = { line: kw.line, column: kw.column, enabled: t.upper === 'ON', domain };
}

function parseClass(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const c = cur.next();
	if (!c || !/^[A-Z1-6]{1,32}$/.test(c.upper)) {
		const at = c ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`privilege classes ${c ? quote(c.text) : '(missing)'} must be letters A-Z or digits 1-6`
		);
		return;
	}
	ctx.body.privClassStatement = { line: kw.line, column: kw.column, classes: c.upper };
}

function parseInclude(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	if (!ctx.entry) {
		ctx.diag.error(
			kw.line,
			kw.column,
			`INCLUDE is only valid in a USER or IDENTITY entry, not in ${ctx.container} ${ctx.name}`
		);
		return;
	}
	const p = cur.next();
	if (!p || !isName(p.upper)) {
		const at = p ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`INCLUDE needs a profile name of 1-8 characters, found ${p ? quote(p.text) : 'nothing'}`
		);
		return;
	}
	const first = ctx.entry.includes[0];
	if (first)
		ctx.diag.warn(
			kw.line,
			kw.column,
			`a second INCLUDE in ${ctx.name} (the first is on line ${first.line}); CP allows one per entry`
		);
	else if (
		ctx.firstStatementLine !== null &&
		ctx.firstStatementLine < kw.line &&
		ctx.entry.builds.length === 0
	) {
		ctx.diag.warn(
			kw.line,
			kw.column,
			`INCLUDE should directly follow the ${ctx.entry.kind} statement`
		);
	}
	ctx.entry.includes.push({ line: p.line, column: p.column, profile: p.upper });
}

function parseBuild(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	if (ctx.entry?.kind !== 'IDENTITY') {
		ctx.diag.error(
			kw.line,
			kw.column,
			`BUILD is only valid in an IDENTITY entry, not in ${ctx.container} ${ctx.name} (000 §2.2.4)`
		);
		return;
	}
	const on = cur.next();
	const member = cur.next();
	const using = cur.next();
	const sub = cur.next();
	const name = cur.next();
	if (
		on?.upper !== 'ON' ||
		!member ||
		using?.upper !== 'USING' ||
		sub?.upper !== 'SUBCONFIG' ||
		!name
	) {
		const bad = [on, member, using, sub, name].find(
			(t, i) =>
				!t ||
				(i === 0 && t.upper !== 'ON') ||
				(i === 2 && t.upper !== 'USING') ||
				(i === 3 && t.upper !== 'SUBCONFIG')
		);
		const at = bad ?? cur.end;
		ctx.diag.error(at.line, at.column, 'expected BUILD ON member USING SUBCONFIG name');
		return;
	}
	if (!isName(member.upper)) {
		ctx.diag.error(
			member.line,
			member.column,
			`member name ${quote(member.text)} must be 1-8 letters, digits or @ # $ _ -`
		);
		return;
	}
	if (!isName(name.upper)) {
		ctx.diag.error(
			name.line,
			name.column,
			`SUBCONFIG name ${quote(name.text)} must be 1-8 letters, digits or @ # $ _ -`
		);
		return;
	}
	const dup = ctx.entry.builds.find((b) => b.member === member.upper);
	if (dup) {
		ctx.diag.error(
			member.line,
			member.column,
			`IDENTITY ${ctx.name} already has a BUILD ON ${member.upper} (line ${dup.line})`
		);
		return;
	}
	ctx.entry.builds.push({
		line: name.line,
		column: name.column,
		member: member.upper,
		subconfig: name.upper
	});
}

/** Parses one statement inside an entry; `record` is the statement's source text. */
export function parseBodyStatement(ctx: EntryContext, tokens: Token[], record: string): void {
	const kw = tokens[0];
	if (!kw) return;
	const cur = new TokenCursor(tokens.slice(1), endOf(tokens, kw));
	switch (kw.upper) {
		case 'MACHINE':
		case 'MACH':
			return parseMachine(ctx, kw, cur);
		case 'CPU':
			return parseCpu(ctx, kw, cur);
		case 'OPTION':
			return parseOption(ctx, kw, cur);
		case 'NICDEF':
			return parseNicdef(ctx, kw, cur);
		case 'DEDICATE':
			return parseDedicate(ctx, kw, cur);
		case 'MDISK':
			return parseMdisk(ctx, kw, cur);
		case 'LINK':
			return parseLink(ctx, kw, cur);
		case 'COMMAND':
			return parseCommand(ctx, kw, cur, record);
		case 'IPL':
			return parseIpl(ctx, kw, cur, record);
		case 'VMRELOCATE':
			return parseVmrelocate(ctx, kw, cur);
		case 'CONSOLE':
		case 'SPOOL':
		case 'SPECIAL':
			return parseUnitRecord(ctx, kw, cur, kw.upper);
		case 'CLASS':
			return parseClass(ctx, kw, cur);
		case 'INCLUDE':
			return parseInclude(ctx, kw, cur);
		case 'BUILD':
			return parseBuild(ctx, kw, cur);
	}
	ctx.body.others.push({
		line: kw.line,
		column: kw.column,
		keyword: kw.upper,
		operands: cur.rest().map((t) => t.text)
	});
	if (!KNOWN_UNMODELLED.has(kw.upper)) {
		ctx.diag.warn(
			kw.line,
			kw.column,
			`${quote(kw.text)} is not a directory statement the simulator knows; kept unchecked`
		);
	}
}
