/**
 * USER DIRECT device statements: NICDEF, DEDICATE, MDISK, LINK, CONSOLE / SPOOL / SPECIAL,
 * and COMMAND (whose DEFINE VFB-512 defines a device too).
 */
import { quote } from './diagnostics';
import type { MdiskStatement, NicdefStatement, UnitRecordStatement } from './user-direct.types';
import {
	endOf,
	isName,
	isVolid,
	parseDecimal,
	parseDevice,
	type Token,
	type TokenCursor
} from './tokens';
import { claim, MODE_RE, needVdev, type EntryContext } from './user-direct-context';

const NIC_TYPES: Record<string, string> = {
	QDIO: 'QDIO',
	HIPERSOCKETS: 'HIPERSOCKETS',
	HIPER: 'HIPERSOCKETS',
	IEDN: 'IEDN',
	INMN: 'INMN'
};

const DEVTYPE_RE = /^(\d{4}(-\d{1,2})?|FB-512)$/;

/**
 * `NICDEF vdev [TYPE t] [DEVICES n] [LAN owner name] [MACID x]` (000 Example 5-16, A-4).
 * Several NICDEFs for one device accumulate; a NICDEF occupies DEVICES (default 3) devices.
 */
export function parseNicdef(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const v = needVdev(ctx, cur, 'NICDEF');
	if (!v) return;
	const existing = ctx.body.nicdefs.find((n) => n.vdev === v.vdev);
	const nic: NicdefStatement = existing ?? {
		line: kw.line,
		column: kw.column,
		vdev: v.vdev,
		type: null,
		devices: null,
		lan: null,
		vswitch: null,
		macid: null,
		otherOperands: []
	};
	for (let t = cur.next(); t; t = cur.next()) {
		if (t.upper === 'TYPE') {
			const ty = cur.next();
			const type = ty ? NIC_TYPES[ty.upper] : undefined;
			if (!ty || !type) {
				const at = ty ?? cur.end;
				ctx.diag.error(
					at.line,
					at.column,
					`NICDEF TYPE ${ty ? quote(ty.text) : '(missing)'} must be QDIO, HIPERSOCKETS, IEDN or INMN`
				);
			} else nic.type = type;
		} else if (t.upper === 'DEVICES') {
			const n = cur.next();
			const count = n ? parseDecimal(n.upper) : null;
			if (!n || count === null || count < 3 || count > 3072) {
				const at = n ?? cur.end;
				ctx.diag.error(
					at.line,
					at.column,
					`NICDEF DEVICES ${n ? quote(n.text) : '(missing)'} must be a number from 3 to 3072`
				);
			} else nic.devices = count;
		} else if (t.upper === 'LAN') {
			const owner = cur.next();
			const name = cur.next();
			if (!owner || !name) {
				ctx.diag.error(
					t.line,
					t.column,
					'NICDEF LAN needs an owner and a name (LAN SYSTEM vswitch)'
				);
			} else if (!isName(owner.upper) && owner.upper !== '*') {
				ctx.diag.error(
					owner.line,
					owner.column,
					`LAN owner ${quote(owner.text)} must be SYSTEM or a user ID`
				);
			} else if (!isName(name.upper)) {
				ctx.diag.error(
					name.line,
					name.column,
					`LAN name ${quote(name.text)} must be 1-8 letters, digits or @ # $ _ -`
				);
			} else {
				nic.lan = { owner: owner.upper, name: name.upper };
				nic.vswitch = owner.upper === 'SYSTEM' ? name.upper : null;
			}
		} else if (t.upper === 'MACID') {
			const m = cur.next();
			if (!m || !/^[0-9A-F]{6}$/.test(m.upper)) {
				const at = m ?? cur.end;
				ctx.diag.error(
					at.line,
					at.column,
					`MACID ${m ? quote(m.text) : '(missing)'} must be six hexadecimal digits`
				);
			} else nic.macid = m.upper;
		} else nic.otherOperands.push(t.text);
	}
	if (!existing) {
		claim(ctx, v.token, v.vdev, nic.devices ?? 3, 'NICDEF');
		ctx.body.nicdefs.push(nic);
	}
}

/** `DEDICATE vdev rdev|volser [options]` (000 Example 5-12, A-12). */
export function parseDedicate(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const v = needVdev(ctx, cur, 'DEDICATE');
	if (!v) return;
	const r = cur.next();
	if (!r) {
		ctx.diag.error(
			cur.end.line,
			cur.end.column,
			'DEDICATE needs a real device number or volume serial'
		);
		return;
	}
	const rdev = parseDevice(r.upper);
	if (rdev === null && !isVolid(r.upper)) {
		ctx.diag.error(
			r.line,
			r.column,
			`real device ${quote(r.text)} is not a device number (1-4 hex digits) or volume serial`
		);
		return;
	}
	claim(ctx, v.token, v.vdev, 1, 'DEDICATE');
	ctx.body.dedicates.push({
		line: kw.line,
		column: kw.column,
		vdev: v.vdev,
		rdev,
		volser: rdev === null ? r.upper : null,
		options: cur.rest().map((t) => t.upper)
	});
}

/** Reads an optional access mode and the passwords after it. */
function readModeAndPasswords(
	ctx: EntryContext,
	cur: TokenCursor
): { mode: string | null; passwords: string[] } {
	const m = cur.next();
	if (!m) return { mode: null, passwords: [] };
	if (!MODE_RE.test(m.upper)) {
		ctx.diag.error(
			m.line,
			m.column,
			`access mode ${quote(m.text)} must be R, RR, W, WR, M, MR or MW (optionally followed by V)`
		);
		return { mode: null, passwords: [] };
	}
	const passwords = cur.rest().map((t) => t.text);
	return { mode: m.upper, passwords };
}

function needCount(
	ctx: EntryContext,
	cur: TokenCursor,
	what: string,
	allowEnd: boolean
): number | 'END' | null {
	const t = cur.next();
	if (allowEnd && t?.upper === 'END') return 'END';
	const n = t ? parseDecimal(t.upper) : null;
	if (!t || n === null || n < 1) {
		const at = t ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`${what} ${t ? quote(t.text) : '(missing)'} must be a whole number of at least 1${allowEnd ? ' or END' : ''}`
		);
		return null;
	}
	return n;
}

/** `MDISK vdev type start count volid [mode [pw...]]` and its DEVNO, V-DISK, T-DISK and AUTOx forms. */
export function parseMdisk(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const v = needVdev(ctx, cur, 'MDISK');
	if (!v) return;
	const dt = cur.next();
	if (!dt || !DEVTYPE_RE.test(dt.upper)) {
		const at = dt ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`device type ${dt ? quote(dt.text) : '(missing)'} must be a DASD type such as 3390 or FB-512`
		);
		return;
	}
	const base = { line: kw.line, column: kw.column, vdev: v.vdev, deviceType: dt.upper };
	const form = cur.peek();
	let disk: MdiskStatement | null = null;
	if (form?.upper === 'DEVNO') {
		cur.next();
		const r = needVdev(ctx, cur, 'MDISK DEVNO', 'real device');
		if (!r) return;
		disk = { ...base, kind: 'devno', rdev: r.vdev, ...readModeAndPasswords(ctx, cur) };
	} else if (form?.upper === 'V-DISK' || form?.upper === 'T-DISK') {
		cur.next();
		const n = needCount(ctx, cur, form.upper === 'V-DISK' ? 'V-DISK blocks' : 'T-DISK size', false);
		if (typeof n !== 'number') return;
		const rest = readModeAndPasswords(ctx, cur);
		disk =
			form.upper === 'V-DISK'
				? { ...base, kind: 'vdisk', blocks: n, ...rest }
				: { ...base, kind: 'tdisk', count: n, ...rest };
	} else if (form && /^AUTO[VGR]$/.test(form.upper)) {
		// DIRMAINT automatic allocation (000 Example B-2, B-6): size, then volume or group.
		cur.next();
		const n = needCount(ctx, cur, `${form.upper} size`, false);
		const loc = cur.next();
		if (typeof n !== 'number') return;
		if (!loc) {
			ctx.diag.error(
				cur.end.line,
				cur.end.column,
				`${form.upper} needs a volume or group name after the size`
			);
			return;
		}
		const method = form.upper as 'AUTOV' | 'AUTOG' | 'AUTOR';
		disk = {
			...base,
			kind: 'auto',
			method,
			count: n,
			location: loc.upper,
			...readModeAndPasswords(ctx, cur)
		};
	} else {
		const s = cur.next();
		const start = s ? parseDecimal(s.upper) : null;
		if (!s || start === null) {
			const at = s ?? cur.end;
			ctx.diag.error(
				at.line,
				at.column,
				`MDISK start ${s ? quote(s.text) : '(missing)'} must be a cylinder or block number (or DEVNO, V-DISK, T-DISK)`
			);
			return;
		}
		const count = needCount(ctx, cur, 'MDISK size', true);
		if (count === null) return;
		const vol = cur.next();
		if (!vol || !isVolid(vol.upper)) {
			const at = vol ?? cur.end;
			ctx.diag.error(
				at.line,
				at.column,
				`MDISK needs a volume serial of 1-6 characters, found ${vol ? quote(vol.text) : 'nothing'}`
			);
			return;
		}
		disk = {
			...base,
			kind: 'extent',
			start,
			count,
			volid: vol.upper,
			...readModeAndPasswords(ctx, cur)
		};
	}
	if (disk.passwords.length > 3) {
		ctx.diag.warn(
			kw.line,
			kw.column,
			`MDISK ${v.vdev} has ${disk.passwords.length} words after the access mode; only read, write and multiple passwords are expected`
		);
	}
	claim(ctx, v.token, v.vdev, 1, 'MDISK');
	ctx.body.mdisks.push(disk);
}

/** `LINK user vdev vdev [mode]` (000 Example 4-5, B-1). */
export function parseLink(ctx: EntryContext, kw: Token, cur: TokenCursor): void {
	const user = cur.next();
	if (!user || (!isName(user.upper) && user.upper !== '*')) {
		const at = user ?? cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`LINK needs the owner's user ID, found ${user ? quote(user.text) : 'nothing'}`
		);
		return;
	}
	const target = needVdev(ctx, cur, 'LINK', "owner's device");
	const own = target && needVdev(ctx, cur, 'LINK');
	if (!target || !own) return;
	const m = cur.next();
	if (m && !MODE_RE.test(m.upper)) {
		ctx.diag.error(
			m.line,
			m.column,
			`link mode ${quote(m.text)} must be R, RR, W, WR, M, MR or MW (optionally followed by V)`
		);
		return;
	}
	claim(ctx, own.token, own.vdev, 1, 'LINK');
	ctx.body.links.push({
		line: kw.line,
		column: kw.column,
		user: user.upper,
		targetVdev: target.vdev,
		vdev: own.vdev,
		mode: m?.upper ?? null
	});
}

/** `COMMAND text`; recognises `DEFINE VFB-512 AS vdev BLK n` (000 Example A-12). */
export function parseCommand(ctx: EntryContext, kw: Token, cur: TokenCursor, record: string): void {
	const text = record.slice(kw.column - 1 + kw.text.length).trim();
	if (text === '') {
		ctx.diag.error(kw.line, kw.column, 'COMMAND needs a CP command');
		return;
	}
	const words = cur.rest();
	const u = words.map((w) => w.upper);
	const at = u[0] === 'CP' ? 1 : 0;
	let vdisk: { vdev: string; blocks: number } | null = null;
	// COMMAND DEFINE VFB-512 AS vdev BLK n: a private virtual disk that does not block LGR (000 A.1.3).
	if ((u[at] === 'DEFINE' || u[at] === 'DEF') && u[at + 1] === 'VFB-512' && u[at + 2] === 'AS') {
		const vt = words[at + 3];
		const vdev = vt ? parseDevice(vt.upper) : null;
		const blocks =
			u[at + 4] === 'BLK' || u[at + 4] === 'BLKS' ? parseDecimal(u[at + 5] ?? '') : null;
		if (!vt || vdev === null) {
			const where = vt ?? endOf(words, kw);
			ctx.diag.error(
				where.line,
				where.column,
				`DEFINE VFB-512 AS ${vt ? quote(vt.text) : '(missing)'}: the virtual device must be 1-4 hex digits`
			);
		} else if (blocks === null || blocks < 1) {
			const bt = words[at + 5] ?? words[at + 4] ?? vt;
			ctx.diag.error(
				bt.line,
				bt.column,
				'DEFINE VFB-512 needs BLK and a number of 512-byte blocks'
			);
		} else {
			vdisk = { vdev, blocks };
			claim(ctx, vt, vdev, 1, 'COMMAND DEFINE VFB-512');
		}
	}
	ctx.body.commands.push({ line: kw.line, column: kw.column, text, vdisk });
}

/** `CONSOLE`, `SPOOL` or `SPECIAL vdev type [operands]` (000 Example 4-5, 5-12). */
export function parseUnitRecord(
	ctx: EntryContext,
	kw: Token,
	cur: TokenCursor,
	statement: UnitRecordStatement['statement']
): void {
	const v = needVdev(ctx, cur, statement);
	if (!v) return;
	const dt = cur.next();
	claim(ctx, v.token, v.vdev, 1, statement);
	ctx.body.unitRecords.push({
		line: kw.line,
		column: kw.column,
		statement,
		vdev: v.vdev,
		deviceType: dt?.upper ?? null,
		operands: cur.rest().map((t) => t.text)
	});
}
