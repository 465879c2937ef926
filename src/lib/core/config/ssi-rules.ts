/**
 * Cluster-wide rules over a parsed SYSTEM CONFIG: MAC prefixes (000 §2.2.8; 001 "Networks –
 * MAC Addresses"), ISFC links (001 "Shared System Configuration File"; 000 §2.3.1, §2.3.3),
 * system identifiers (000 App. A.2), virtual switches (001 "Networks – Virtual Switches";
 * 000 §2.3.3), EQIDs (001 "Networks"; 000 §2.2.7) and relocation domains (001 "Relocation
 * Domains").
 */
import type { Diagnostic } from './diagnostics';
import type { PrefixOperand, SystemConfig, VswitchDefinition } from './system-config.types';

/** Which rule a diagnostic comes from, so callers and tests can pick rules out. */
export type SsiRuleId =
	| 'prefix-range'
	| 'macprefix-unique'
	| 'userprefix-identical'
	| 'userprefix-not-macprefix'
	| 'macidrange-ignored'
	| 'islink-missing'
	| 'islink-too-many'
	| 'system-identifier-unique'
	| 'system-identifier-missing'
	| 'vswitch-missing'
	| 'vswitch-type'
	| 'eqid-type'
	| 'domain-member';

/** A {@link Diagnostic} from {@link checkSsiNetworkRules}, with its rule and severity. */
export interface SsiRuleDiagnostic extends Diagnostic {
	rule: SsiRuleId;
	/** `error`: CP or LGR would fail; `warning`: accepted but ignored or risky. */
	severity: 'error' | 'warning';
}

/** True when a statement applies to `member`: unqualified, or qualified for that member. */
export function appliesTo(stmt: { member: string | null }, member: string): boolean {
	return stmt.member === null || stmt.member === member.toUpperCase();
}

/** The MAC prefixes a member ends up with, and which operand (if any) set each. */
export interface EffectiveVmlan {
	member: string;
	slot: number;
	/** Effective MACPREFIX, six hex digits. */
	macPrefix: string;
	/** The operand that set it, or null when it is the default `02xxxx` (xxxx = slot number). */
	macPrefixFrom: PrefixOperand | null;
	/** Effective USERPREFIX, six hex digits. */
	userPrefix: string;
	/** The operand that set it, or null when it is the SSI default `020000`. */
	userPrefixFrom: PrefixOperand | null;
}

/**
 * A member's effective VMLAN prefixes: the last MACPREFIX / USERPREFIX among the VMLAN
 * statements that apply to it, else the SSI defaults of 000 §2.2.8 – MACPREFIX 02xxxx with
 * xxxx the member's slot number (020001 for slot 1), USERPREFIX 020000.
 */
export function effectiveVmlan(config: SystemConfig, member: string, slot: number): EffectiveVmlan {
	let macPrefixFrom: PrefixOperand | null = null;
	let userPrefixFrom: PrefixOperand | null = null;
	for (const v of config.vmlan) {
		if (!appliesTo(v, member)) continue;
		macPrefixFrom = v.macPrefix ?? macPrefixFrom;
		userPrefixFrom = v.userPrefix ?? userPrefixFrom;
	}
	return {
		member: member.toUpperCase(),
		slot,
		macPrefix: macPrefixFrom?.value ?? `02${slot.toString(16).toUpperCase().padStart(4, '0')}`,
		macPrefixFrom,
		userPrefix: userPrefixFrom?.value ?? '020000',
		userPrefixFrom
	};
}

const MAC = '(000 §2.2.8; 001, Networks – MAC Addresses)';

type Where = { line: number; column: number };

/**
 * Checks the SSI cluster rules for `members` (system names; when empty, the members in the
 * SSI statement's slots). A member's slot comes from the SSI statement, else its position
 * in `members` (1-based). Unqualified statements apply to every member; an unqualified
 * `ACTIVATE ISLINK ... NODE x` counts as a link from every other member to x.
 */
export function checkSsiNetworkRules(config: SystemConfig, members: string[]): SsiRuleDiagnostic[] {
	const out: SsiRuleDiagnostic[] = [];
	const add = (
		rule: SsiRuleId,
		at: Where,
		message: string,
		severity: 'error' | 'warning' = 'error'
	): void => {
		out.push({ line: at.line, column: at.column, message, rule, severity });
	};
	const fromSsi = config.ssi?.slots.flatMap((s) => (s.member ? [s.member] : [])) ?? [];
	const list = [...new Set((members.length > 0 ? members : fromSsi).map((m) => m.toUpperCase()))];
	const anchor: Where = config.ssi ?? { line: 1, column: 1 };
	const slotOf = (m: string, i: number): number =>
		config.ssi?.slots.find((s) => s.member === m)?.slot ?? i + 1;
	const whereMember = (m: string): Where => config.ssi?.slots.find((s) => s.member === m) ?? anchor;

	checkPrefixes(config, list, slotOf, anchor, add);
	checkIslinks(config, list, whereMember, add);
	checkSystemIdentifiers(config, list, whereMember, add);
	checkVswitches(config, list, add);

	// 001 "Networks": devices assigned the same EQID on each member must be the same type.
	const firstByEqid = new Map<string, { type: string; line: number }>();
	for (const r of config.rdevices) {
		if (r.eqid === null) continue;
		const first = firstByEqid.get(r.eqid);
		if (!first) firstByEqid.set(r.eqid, { type: r.type, line: r.line });
		else if (first.type !== r.type) {
			add(
				'eqid-type',
				r,
				`EQID ${r.eqid} is TYPE ${r.type} here but TYPE ${first.type} on line ${first.line}: devices with the same EQID must be the same type (001, Networks; 000 §2.2.7)`
			);
		}
	}

	// 001 "Relocation Domains": a domain is a set of members of the cluster.
	for (const d of config.relocationDomains) {
		for (const m of d.members) {
			if (!list.includes(m)) {
				add(
					'domain-member',
					d,
					`relocation domain ${d.name} names ${m}, which is not a member of the cluster: a domain is a set of members of the SSI cluster (001, Relocation Domains)`
				);
			}
		}
		if (list.includes(d.name)) {
			add(
				'domain-member',
				d,
				`relocation domain ${d.name} has the name of a member, whose single-member domain CP defines by default (001, Relocation Domains)`
			);
		}
	}
	return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

type Add = (rule: SsiRuleId, at: Where, message: string, severity?: 'error' | 'warning') => void;

function checkPrefixes(
	config: SystemConfig,
	list: string[],
	slotOf: (m: string, i: number) => number,
	anchor: Where,
	add: Add
): void {
	for (const v of config.vmlan) {
		const on = v.member ? ` on ${v.member}` : '';
		for (const [name, op] of [
			['MACPREFIX', v.macPrefix],
			['USERPREFIX', v.userPrefix]
		] as const) {
			if (op && !/^02[0-9A-F]{4}$/.test(op.value)) {
				add(
					'prefix-range',
					op,
					`${name} ${op.value}${on} is outside 020000-02FFFF: it must be six hexadecimal digits in that range (000 §2.2.8)`
				);
			}
		}
		if (v.macIdRange) {
			add(
				'macidrange-ignored',
				v.macIdRange,
				`MACIDRANGE${on} is ignored in an SSI cluster, because MAC assignment is coordinated among the members (001, Networks – MAC Addresses)`,
				'warning'
			);
		}
	}
	const eff = list.map((m, i) => effectiveVmlan(config, m, slotOf(m, i)));
	const describe = (e: EffectiveVmlan): string =>
		e.macPrefixFrom ? e.member : `${e.member} (default for slot ${e.slot})`;
	for (let j = 1; j < eff.length; j++) {
		const b = eff[j] as EffectiveVmlan;
		const a = eff.slice(0, j).find((x) => x.macPrefix === b.macPrefix);
		if (a) {
			add(
				'macprefix-unique',
				b.macPrefixFrom ?? a.macPrefixFrom ?? anchor,
				`MACPREFIX ${b.macPrefix} on ${describe(b)} is the same as on ${describe(a)}: it must differ for each member ${MAC}`
			);
		}
	}
	const first = eff[0];
	if (first) {
		for (const b of eff.slice(1)) {
			if (b.userPrefix !== first.userPrefix) {
				add(
					'userprefix-identical',
					b.userPrefixFrom ?? first.userPrefixFrom ?? anchor,
					`USERPREFIX ${b.userPrefix} on ${b.member} differs from ${first.userPrefix} on ${first.member}: it must be identical on every member (001, Networks – MAC Addresses)`
				);
			}
		}
	}
	const reported = new Set<string>();
	for (const u of eff) {
		for (const k of eff) {
			if (u.userPrefix !== k.macPrefix) continue;
			const at = u.userPrefixFrom ?? k.macPrefixFrom ?? anchor;
			const key = `${at.line}:${at.column}:${k.member}`;
			if (reported.has(key)) continue;
			reported.add(key);
			add(
				'userprefix-not-macprefix',
				at,
				`USERPREFIX ${u.userPrefix} on ${u.member} equals the MACPREFIX of ${k.member}: the USERPREFIX must not equal any member's MACPREFIX ${MAC}`
			);
		}
	}
}

function checkIslinks(
	config: SystemConfig,
	list: string[],
	whereMember: (m: string) => Where,
	add: Add
): void {
	for (const a of list) {
		for (const b of list) {
			if (a === b) continue;
			const links = config.islinks.filter((l) => l.node === b && appliesTo(l, a));
			if (links.length === 0) {
				add(
					'islink-missing',
					whereMember(a),
					`${a} has no ACTIVATE ISLINK to ${b}: every member needs at least one ISLINK to every other member (001, Shared System Configuration File; 000 §2.3.3 ISFC)`
				);
				continue;
			}
			const devices = links.reduce((n, l) => n + l.deviceCount, 0);
			if (devices > 16) {
				const last = links[links.length - 1] as Where;
				add(
					'islink-too-many',
					last,
					`${a} has ${devices} CTC devices to ${b}: an ISFC logical link between two members has at most 16 (000 §2.3.1)`
				);
			}
		}
	}
}

function checkSystemIdentifiers(
	config: SystemConfig,
	list: string[],
	whereMember: (m: string) => Where,
	add: Add
): void {
	const seen = new Map<string, { sysname: string; line: number }>();
	for (const s of config.systemIdentifiers) {
		const key =
			s.kind === 'lpar' ? `LPAR ${s.lpar}` : `machine ${s.machineType} serial ${s.serial}`;
		const first = seen.get(key);
		if (!first) seen.set(key, { sysname: s.sysname, line: s.line });
		else if (first.sysname !== s.sysname) {
			add(
				'system-identifier-unique',
				s,
				`${key} identifies both ${first.sysname} (line ${first.line}) and ${s.sysname}: system identifiers must be unique for each member; when LPAR names repeat on separate CECs, use the machine type and serial number (000 App. A.2)`
			);
		} else {
			add(
				'system-identifier-unique',
				s,
				`${key} is given twice for ${s.sysname} (first on line ${first.line})`,
				'warning'
			);
		}
	}
	if (config.systemIdentifiers.length === 0 || config.systemIdentifierDefault) return;
	for (const m of list) {
		if (!config.systemIdentifiers.some((s) => s.sysname === m)) {
			add(
				'system-identifier-missing',
				whereMember(m),
				`no System_Identifier statement names ${m}, and there is no System_Identifier_Default: the member cannot tell which system it is at IPL (001, Shared System Configuration File)`,
				'warning'
			);
		}
	}
}

function checkVswitches(config: SystemConfig, list: string[], add: Add): void {
	const names = [...new Set(config.vswitches.map((v) => v.name))];
	for (const name of names) {
		const perMember = list.map((m) => {
			const defs = config.vswitches.filter((v) => v.name === name && appliesTo(v, m));
			return { member: m, def: defs[defs.length - 1] as VswitchDefinition | undefined };
		});
		const having = perMember.filter((p) => p.def);
		const first = having[0];
		if (!first?.def) continue; // defined only for systems outside the cluster
		for (const p of perMember) {
			if (!p.def) {
				add(
					'vswitch-missing',
					first.def,
					`VSWITCH ${name} is defined on ${having.map((h) => h.member).join(', ')} but not on ${p.member}: define virtual switches with the same name on each member (001, Networks – Virtual Switches; 000 §2.3.3)`
				);
				continue;
			}
			const t = p.def.type ?? 'IP';
			const t0 = first.def.type ?? 'IP';
			if (t !== t0) {
				add(
					'vswitch-type',
					p.def,
					`VSWITCH ${name} is ${t} on ${p.member} but ${t0} on ${first.member}: name and type must match on every member (001, Networks – Virtual Switches; 000 §2.3.3)`
				);
			}
		}
	}
}
