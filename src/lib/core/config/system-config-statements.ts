/**
 * Handlers for the cluster-level SYSTEM CONFIG statements: SSI, System_Identifier,
 * System_Identifier_Default, RELOCATION_DOMAIN, CP_OWNED, USER_VOLUME_LIST / _INCLUDE.
 * Each reads the operands of one logical statement and adds what it finds to the
 * `SystemConfig`; problems become diagnostics at the offending word. Network
 * statements live in `system-config-network.ts`.
 */
import { quote } from './diagnostics';
import type { SsiSlot } from './system-config.types';
import { isName, isVolid, parseDecimal, type Token } from './tokens';
import { NAME_RULE, needName, noMore, type StatementContext } from './system-config-context';

/** `SSI name PDR_VOLUME volid, SLOT n member|AVAILABLE, ...` (000 Example 4-1; 001). */
export function parseSsi(ctx: StatementContext): void {
	const { config, diag, cur, keyword } = ctx;
	if (config.ssi) {
		diag.error(
			keyword.line,
			keyword.column,
			`only one SSI statement is allowed; the first is on line ${config.ssi.line}`
		);
		return;
	}
	const name = needName(ctx, 'a cluster name');
	if (!name) return;
	const pdr = cur.next();
	// 000 Example 4-1 writes "PDR VOLUME" (the OCR lost the underscore); both forms are accepted.
	const pdrOk =
		pdr && (pdr.upper === 'PDR_VOLUME' || (pdr.upper === 'PDR' && cur.accept('VOLUME')));
	if (!pdrOk) {
		const at = pdr ?? cur.end;
		diag.error(
			at.line,
			at.column,
			`expected PDR_VOLUME after the cluster name, found ${pdr ? quote(pdr.text) : 'nothing'}`
		);
		return;
	}
	const volid = cur.next();
	if (!volid || !isVolid(volid.upper)) {
		const at = volid ?? cur.end;
		diag.error(
			at.line,
			at.column,
			`PDR_VOLUME needs a volume serial of 1-6 characters, found ${volid ? quote(volid.text) : 'nothing'}`
		);
		return;
	}
	if (cur.accept('TYPE')) cur.next();
	const slots: SsiSlot[] = [];
	let sawSlot = false;
	while (!cur.done) {
		const kw = cur.next() as Token;
		sawSlot ||= kw.upper === 'SLOT';
		if (kw.upper !== 'SLOT') {
			diag.error(kw.line, kw.column, `expected SLOT n member, found ${quote(kw.text)}`);
			break;
		}
		const num = cur.peek() as Token;
		const n = slotNumber(
			ctx,
			4,
			(t) => `slot number ${t} must be 1-4: an SSI cluster has 1-4 members (000 §2.2)`
		);
		if (n === null) break;
		const who = cur.next();
		if (!who) {
			diag.error(cur.end.line, cur.end.column, `SLOT ${n} needs a member name or AVAILABLE`);
			break;
		}
		const member = who.upper === 'AVAILABLE' ? null : who.upper;
		if (member !== null && !isName(member)) {
			diag.error(who.line, who.column, `member name ${quote(who.text)} must be ${NAME_RULE}`);
			continue;
		}
		const sameSlot = slots.find((s) => s.slot === n);
		const sameMember = member === null ? undefined : slots.find((s) => s.member === member);
		if (sameSlot)
			diag.error(num.line, num.column, `slot ${n} is given twice (first on line ${sameSlot.line})`);
		else if (sameMember)
			diag.error(
				who.line,
				who.column,
				`member ${member} is in two slots (${sameMember.slot} and ${n})`
			);
		else slots.push({ slot: n, member, line: num.line, column: num.column });
	}
	if (!sawSlot) diag.error(cur.end.line, cur.end.column, 'SSI needs at least one SLOT n member');
	config.ssi = { ...ctx.base, clusterName: name.upper, pdrVolume: volid.upper, slots };
}

/** `System_Identifier LPAR lparname sysname` or `System_Identifier machinetype serial sysname` (000 App. A.2). */
export function parseSystemIdentifier(ctx: StatementContext): void {
	const { cur, diag, config, base } = ctx;
	const first = cur.peek();
	if (first?.upper === 'LPAR') {
		cur.next();
		const lpar = needName(ctx, 'an LPAR name');
		const sys = lpar && needName(ctx, 'a system name');
		if (!lpar || !sys) return;
		noMore(ctx, 'the system name');
		config.systemIdentifiers.push({ ...base, kind: 'lpar', lpar: lpar.upper, sysname: sys.upper });
		return;
	}
	const type = cur.next();
	if (!type || !/^\d{4}$/.test(type.upper)) {
		const at = type ?? cur.end;
		diag.error(
			at.line,
			at.column,
			`System_Identifier needs LPAR lparname or a 4-digit machine type, found ${type ? quote(type.text) : 'nothing'}`
		);
		return;
	}
	const serial = cur.next();
	if (!serial || !/^[0-9A-Z]{1,8}$/.test(serial.upper)) {
		const at = serial ?? cur.end;
		diag.error(
			at.line,
			at.column,
			`System_Identifier needs a serial number (1-8 letters or digits) after machine type ${type.upper}`
		);
		return;
	}
	const sys = needName(ctx, 'a system name');
	if (!sys) return;
	noMore(ctx, 'the system name');
	config.systemIdentifiers.push({
		...base,
		kind: 'machine',
		machineType: type.upper,
		serial: serial.upper,
		sysname: sys.upper
	});
}

/** `System_Identifier_Default sysname`. */
export function parseSystemIdentifierDefault(ctx: StatementContext): void {
	const sys = needName(ctx, 'a system name');
	if (!sys) return;
	noMore(ctx, 'the system name');
	ctx.config.systemIdentifierDefault = { ...ctx.base, sysname: sys.upper };
}

/** `RELOCATION_DOMAIN name MEMBERS m1 m2 ...` (000 Example 3-2, 4-1). */
export function parseRelocationDomain(ctx: StatementContext): void {
	const { cur, diag, config, base } = ctx;
	const name = needName(ctx, 'a domain name');
	if (!name) return;
	if (name.upper === 'SSI') {
		// CP defines the SSI domain itself (001 "Relocation Domains": default domains).
		diag.error(
			name.line,
			name.column,
			'domain name SSI is reserved for the default domain of all members (001, Relocation Domains)'
		);
	}
	const kw = cur.next();
	if (!kw || (kw.upper !== 'MEMBERS' && kw.upper !== 'MEMBER')) {
		const at = kw ?? cur.end;
		diag.error(
			at.line,
			at.column,
			`expected MEMBERS after domain ${name.upper}, found ${kw ? quote(kw.text) : 'nothing'}`
		);
		return;
	}
	const members: string[] = [];
	for (const t of cur.rest()) {
		if (!isName(t.upper))
			diag.error(t.line, t.column, `member name ${quote(t.text)} must be ${NAME_RULE}`);
		else if (members.includes(t.upper))
			diag.warn(t.line, t.column, `member ${t.upper} is listed twice in domain ${name.upper}`);
		else members.push(t.upper);
	}
	if (members.length === 0)
		diag.error(cur.end.line, cur.end.column, `domain ${name.upper} needs at least one member`);
	const dup = config.relocationDomains.find((d) => d.name === name.upper);
	if (dup)
		diag.error(
			name.line,
			name.column,
			`domain ${name.upper} is already defined on line ${dup.line}`
		);
	else config.relocationDomains.push({ ...base, name: name.upper, members });
}

/**
 * Reads a slot number 1-`max`; on anything else reports `message(quoted token or "(missing)")`
 * at the token (or the end of the statement) and returns null.
 */
function slotNumber(
	ctx: StatementContext,
	max: number,
	message: (text: string) => string
): number | null {
	const { cur, diag } = ctx;
	const num = cur.next();
	const n = num ? parseDecimal(num.upper) : null;
	if (num && n !== null && n >= 1 && n <= max) return n;
	const at = num ?? cur.end;
	diag.error(at.line, at.column, message(num ? quote(num.text) : '(missing)'));
	return null;
}

/** `CP_OWNED SLOT n volid` (000 Example 4-1, 5-9; 001). */
export function parseCpOwned(ctx: StatementContext): void {
	const { cur, diag, config, base } = ctx;
	if (!cur.accept('SLOT')) {
		const at = cur.here;
		diag.error(at.line, at.column, 'CP_OWNED needs SLOT n volid');
		return;
	}
	const n = slotNumber(ctx, 255, (t) => `CP_OWNED slot ${t} must be 1-255`);
	if (n === null) return;
	const volid = cur.next();
	if (!volid || !isVolid(volid.upper)) {
		const at = volid ?? cur.end;
		diag.error(
			at.line,
			at.column,
			`CP_OWNED SLOT ${n} needs a volume serial of 1-6 characters, found ${volid ? quote(volid.text) : 'nothing'}`
		);
		return;
	}
	config.cpOwned.push({
		...base,
		slot: n,
		volid: volid.upper,
		otherOperands: cur.rest().map((t) => t.text)
	});
}

/** `USER_VOLUME_LIST volid ...` / `USER_VOLUME_INCLUDE pattern ...` (000 Example 4-1). */
export function parseUserVolumes(ctx: StatementContext, kind: 'list' | 'include'): void {
	const { cur, diag, config, base } = ctx;
	const volumes: string[] = [];
	for (const t of cur.rest()) {
		const ok = kind === 'list' ? isVolid(t.upper) : /^[A-Z0-9@#$*%]{1,6}$/.test(t.upper);
		if (ok) volumes.push(t.upper);
		else
			diag.error(
				t.line,
				t.column,
				`${quote(t.text)} is not a volume serial${kind === 'include' ? ' pattern' : ''} (1-6 characters)`
			);
	}
	if (volumes.length === 0 && cur.tokens.length === 0) {
		diag.error(cur.end.line, cur.end.column, `${ctx.keyword.upper} needs at least one volume`);
	}
	config.userVolumes.push({ ...base, kind, volumes });
}
