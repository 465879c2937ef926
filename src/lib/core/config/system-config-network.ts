/**
 * SYSTEM CONFIG network and ISFC statements: ACTIVATE ISLINK, VMLAN, RDEVICE, DEFINE VSWITCH
 * and MODIFY VSWITCH GRANT (000 Example 2-3, 2-4, 4-1, 5-9; 001 "Networks").
 */
import { quote } from './diagnostics';
import type { PrefixOperand, VmlanStatement, VswitchType } from './system-config.types';
import { isName, parseDevice, parseDeviceRange, type DeviceRange, type Token } from './tokens';
import { needName, noMore, type StatementContext } from './system-config-context';

/**
 * Reads device numbers and ranges up to one of the `stopAt` keywords. With `reportBad`, a
 * word that is not a device is reported and skipped; otherwise it ends the device list
 * (RDEVICE operands may follow in any order).
 */
function readDevices(
	ctx: StatementContext,
	stopAt: readonly string[],
	reportBad: boolean
): DeviceRange[] {
	const devices: DeviceRange[] = [];
	for (let t = ctx.cur.peek(); t && !stopAt.includes(t.upper); t = ctx.cur.peek()) {
		const r = parseDeviceRange(t.upper);
		if (typeof r === 'string') {
			if (!reportBad) break;
			ctx.diag.error(t.line, t.column, `${quote(t.text)} ${r}`);
		} else devices.push(r);
		ctx.cur.next();
	}
	return devices;
}

/** `ACTIVATE ISLINK rdev [rdev ...] NODE sysname` (000 Example 4-1, 5-9; Table 4-1 ranges). */
export function parseIslink(ctx: StatementContext): void {
	const { cur, diag, config, base } = ctx;
	const devices = readDevices(ctx, ['NODE'], true);
	if (devices.length === 0) {
		diag.error(
			cur.here.line,
			cur.here.column,
			'ACTIVATE ISLINK needs at least one CTC device number'
		);
		return;
	}
	let node: string | null = null;
	if (cur.accept('NODE')) {
		const n = needName(ctx, 'a member name after NODE');
		if (!n) return;
		node = n.upper;
	} else {
		diag.warn(
			ctx.keyword.line,
			ctx.keyword.column,
			'ACTIVATE ISLINK without NODE: the simulator cannot tell which member the link reaches'
		);
	}
	noMore(ctx, 'the ISLINK operands');
	const deviceCount = devices.reduce((sum, d) => sum + d.count, 0);
	config.islinks.push({ ...base, devices, deviceCount, node });
}

function readPrefix(ctx: StatementContext, keyword: Token): PrefixOperand | null {
	const v = ctx.cur.next();
	if (!v || !/^[0-9A-F]{6}$/.test(v.upper)) {
		const at = v ?? ctx.cur.end;
		ctx.diag.error(
			at.line,
			at.column,
			`${keyword.upper} ${v ? quote(v.text) : '(missing)'} must be six hexadecimal digits (000 §2.2.8)`
		);
		return null;
	}
	return { value: v.upper, line: v.line, column: v.column };
}

/** `VMLAN MACPREFIX xxxxxx USERPREFIX xxxxxx [MACIDRANGE ...]` (000 §2.2.8; 001). */
export function parseVmlan(ctx: StatementContext): void {
	const { cur, diag, config, base } = ctx;
	const stmt: VmlanStatement = {
		...base,
		macPrefix: null,
		userPrefix: null,
		macIdRange: null,
		otherOperands: []
	};
	if (cur.done)
		diag.error(cur.end.line, cur.end.column, 'VMLAN needs operands such as MACPREFIX 021111');
	while (!cur.done) {
		const t = cur.next() as Token;
		if (t.upper === 'MACPREFIX') stmt.macPrefix = readPrefix(ctx, t) ?? stmt.macPrefix;
		else if (t.upper === 'USERPREFIX') stmt.userPrefix = readPrefix(ctx, t) ?? stmt.userPrefix;
		else if (t.upper === 'MACIDRANGE') {
			const parts: string[] = [];
			for (let p = cur.peek(); p && (p.upper === 'SYSTEM' || p.upper === 'USER'); p = cur.peek()) {
				cur.next();
				const range = cur.next();
				parts.push(range ? `${p.upper} ${range.upper}` : p.upper);
			}
			stmt.macIdRange = { value: parts.join(' '), line: t.line, column: t.column };
		} else stmt.otherOperands.push(t.text);
	}
	config.vmlan.push(stmt);
}

const RDEVICE_TYPES: Record<string, string> = { CTCA: 'CTC', HIPER: 'HIPERSOCKETS' };

/** `RDEVICE 3080-308F EQID OSA1 TYPE OSA` (000 Example 2-3, 4-1). */
export function parseRdevice(ctx: StatementContext): void {
	const { cur, diag, config, base } = ctx;
	const devices = readDevices(ctx, ['EQID', 'TYPE'], false);
	if (devices.length === 0) {
		diag.error(
			cur.here.line,
			cur.here.column,
			'RDEVICE needs a device number or range first (e.g. 3080-308F)'
		);
		return;
	}
	let eqid: string | null = null;
	let type: string | null = null;
	const otherOperands: string[] = [];
	while (!cur.done) {
		const t = cur.next() as Token;
		if (t.upper === 'EQID' || t.upper === 'TYPE') {
			const v = cur.next();
			if (!v || (t.upper === 'EQID' ? !isName(v.upper, 50) : !isName(v.upper, 16))) {
				const at = v ?? cur.end;
				diag.error(
					at.line,
					at.column,
					`${t.upper} needs a value of ${t.upper === 'EQID' ? '1-50' : '1-16'} letters or digits, found ${v ? quote(v.text) : 'nothing'}`
				);
				continue;
			}
			if (t.upper === 'EQID') eqid = v.upper;
			else type = RDEVICE_TYPES[v.upper] ?? v.upper;
		} else otherOperands.push(t.text);
	}
	if (type === null) {
		diag.error(
			ctx.keyword.line,
			ctx.keyword.column,
			'RDEVICE needs TYPE (OSA, FCP, HIPERSOCKETS, CTC, ...)'
		);
		return;
	}
	config.rdevices.push({ ...base, devices, eqid, type, otherOperands });
}

/** `DEFINE VSWITCH name RDEV rdev [rdev] [IP|ETHERNET]` (000 Example 2-3, 4-1, 5-9). */
export function parseDefineVswitch(ctx: StatementContext): void {
	const { cur, diag, config, base } = ctx;
	const name = needName(ctx, 'a virtual switch name');
	if (!name) return;
	const rdevs: string[] = [];
	let type: VswitchType | null = null;
	const otherOperands: string[] = [];
	while (!cur.done) {
		const t = cur.next() as Token;
		if (t.upper === 'RDEV') {
			// Up to three uplink devices; a `.Pnn` suffix names the OSA port and is not modelled.
			for (let p = cur.peek(); p; p = cur.peek()) {
				const d = parseDevice(p.upper.replace(/\.P[0-9A-F]{1,2}$/, ''));
				if (d === null) break;
				rdevs.push(d);
				cur.next();
			}
			if (rdevs.length === 0)
				diag.error(t.line, t.column, 'RDEV needs a real device number (1-4 hex digits)');
			if (rdevs.length > 3)
				diag.error(
					t.line,
					t.column,
					`RDEV names ${rdevs.length} devices; a virtual switch has at most 3`
				);
		} else if (t.upper === 'IP' || t.upper === 'ETHERNET') type = t.upper;
		else otherOperands.push(t.text);
	}
	const dup = config.vswitches.find((v) => v.name === name.upper && v.member === base.member);
	if (dup)
		diag.warn(
			name.line,
			name.column,
			`VSWITCH ${name.upper} is defined again${base.member ? ` for ${base.member}` : ''} (first on line ${dup.line}); CP rejects the second definition`
		);
	config.vswitches.push({ ...base, name: name.upper, rdevs, type, otherOperands });
}

/** `MODIFY VSWITCH name GRANT userid` (000 Example 4-1); other MODIFY forms return false. */
export function parseModifyVswitch(ctx: StatementContext): boolean {
	const { cur, config, base } = ctx;
	const name = cur.next();
	const grant = cur.accept('GRANT');
	if (!name || !grant || !isName(name.upper)) return false;
	const user = needName(ctx, 'a user ID after GRANT');
	if (!user) return true;
	config.vswitchGrants.push({ ...base, vswitch: name.upper, userid: user.upper });
	return true;
}
