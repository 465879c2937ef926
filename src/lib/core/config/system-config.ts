/**
 * Parser for the SYSTEM CONFIG subset the seeds use (000 Example 2-3, 2-4, 3-2, 4-1, 5-9;
 * 001 "Shared System Configuration File" and "Networks").
 *
 * Layout (comments, continuations, `sysname:` qualifiers) is handled by `config-lexer.ts`;
 * each modelled statement by `system-config-statements.ts`. Statements the simulator does
 * not model are kept, with their line, in `others`. Cluster-wide rules (MAC prefixes,
 * ISLINKs, EQIDs, virtual switches) are checked separately by {@link checkSsiNetworkRules}.
 */
import {
	createCollector,
	finish,
	quote,
	type DiagnosticCollector,
	type ParseResult
} from './diagnostics';
import { lexSystemConfig, type ConfigStatement } from './config-lexer';
import type { StatementContext } from './system-config-context';
import {
	parseDefineVswitch,
	parseIslink,
	parseModifyVswitch,
	parseRdevice,
	parseVmlan
} from './system-config-network';
import {
	parseCpOwned,
	parseRelocationDomain,
	parseSsi,
	parseSystemIdentifier,
	parseSystemIdentifierDefault,
	parseUserVolumes
} from './system-config-statements';
import type { ConfigStatementBase, SystemConfig } from './system-config.types';
import { endOf, isName, TokenCursor, type Token } from './tokens';

export type * from './system-config.types';
export { checkSsiNetworkRules, effectiveVmlan, appliesTo } from './ssi-rules';
export { forMember } from './system-config-view';
export type { SsiRuleDiagnostic, SsiRuleId, EffectiveVmlan } from './ssi-rules';

/**
 * SYSTEM CONFIG statements CP knows that the simulator keeps without modelling; they are
 * accepted silently. Any other keyword is kept too, with a warning.
 */
const KNOWN_UNMODELLED = new Set([
	'ASSOCIATE',
	'CHARACTER_DEFAULTS',
	'CP_ACCESS',
	'CP_ADDON_INITIALIZE_ROUTINES',
	'CPXLOAD',
	'CRYPTO',
	'CU',
	'DEVICES',
	'DISABLE',
	'DRAIN',
	'EDEVICE',
	'EMERGENCY_MESSAGE_CONSOLES',
	'ENABLE',
	'ENFORCE_BY_VOLID',
	'EQUATE',
	'EXTERNAL_SYNTAX',
	'FEATURES',
	'FORM_DEFAULT',
	'HOT_IO_RATE',
	'IMBED',
	'IODF',
	'JOURNALING',
	'LOGO_CONFIG',
	'OPERATOR_CONSOLES',
	'PAGING',
	'PRINTER_TITLE',
	'PRIV_CLASSES',
	'PRODUCT',
	'SAY',
	'SET',
	'SIGNAL',
	'START',
	'STORAGE',
	'STP_TIMEZONE',
	'SYSTEM_ALIAS',
	'SYSTEM_DATEFORMAT',
	'SYSTEM_RESIDENCE',
	'SYSTEM_USERIDS',
	'THROTTLE',
	'TIMEZONE_BOUNDARY',
	'TIMEZONE_DEFINITION',
	'TOLERATE_CONFIG_ERRORS',
	'TRANSLATE_TABLE',
	'USER_DEFAULTS',
	'USER_VOLUME_EXCLUDE',
	'USER_VOLUME_RDEV',
	'USERFORM',
	'XLINK_DEVICE_DEFAULTS',
	'XLINK_SYSTEM_EXCLUDE',
	'XLINK_SYSTEM_INCLUDE',
	'XLINK_VOLUME_EXCLUDE',
	'XLINK_VOLUME_INCLUDE',
	'XSPOOL_SYSTEM',
	'XSPOOL_TRACE',
	'XSPOOL_XLIST_INPUT',
	'XSPOOL_XLIST_OUTPUT',
	'ACTIVATE',
	'DEFINE',
	'MODIFY'
]);

const MODELLED = [
	'SSI',
	'SYSTEM_IDENTIFIER',
	'SYSTEM_IDENTIFIER_DEFAULT',
	'RELOCATION_DOMAIN',
	'VMLAN',
	'RDEVICE',
	'CP_OWNED',
	'USER_VOLUME_LIST',
	'USER_VOLUME_INCLUDE'
];

function isKnownKeyword(upper: string): boolean {
	return KNOWN_UNMODELLED.has(upper) || MODELLED.includes(upper);
}

function emptyConfig(): SystemConfig {
	return {
		ssi: null,
		systemIdentifiers: [],
		systemIdentifierDefault: null,
		relocationDomains: [],
		islinks: [],
		vmlan: [],
		rdevices: [],
		vswitches: [],
		vswitchGrants: [],
		cpOwned: [],
		userVolumes: [],
		others: [],
		qualifiers: []
	};
}

/** Keeps a statement the simulator does not model; warns when CP would not know it either. */
function keepOther(
	config: SystemConfig,
	diag: DiagnosticCollector,
	base: ConfigStatementBase,
	tokens: Token[]
): void {
	const [kw, ...operands] = tokens as [Token, ...Token[]];
	config.others.push({ ...base, keyword: kw.upper, text: operands.map((t) => t.text).join(' ') });
	if (isKnownKeyword(kw.upper)) return;
	// OCR often turns `System_Identifier` into `System Identifier` (000 Example 4-1).
	const joined2 = tokens
		.slice(0, 2)
		.map((t) => t.upper)
		.join('_');
	const joined3 = tokens
		.slice(0, 3)
		.map((t) => t.upper)
		.join('_');
	const hint = [joined3, joined2].find((j) => isKnownKeyword(j) && j.includes('_'));
	diag.warn(
		kw.line,
		kw.column,
		hint
			? `${quote(kw.text)} is not a SYSTEM CONFIG statement; did you mean ${hint}? (kept unchecked)`
			: `${quote(kw.text)} is not a SYSTEM CONFIG statement the simulator knows; kept unchecked`
	);
}

function dispatch(
	config: SystemConfig,
	diag: DiagnosticCollector,
	st: ConfigStatement,
	member: string | null
): void {
	const kw = st.tokens[0] as Token;
	const base: ConfigStatementBase = { line: kw.line, column: kw.column, member };
	const second = st.tokens[1];
	const twoWord = second !== undefined && ['ACTIVATE', 'DEFINE', 'MODIFY'].includes(kw.upper);
	const operands = st.tokens.slice(twoWord ? 2 : 1);
	const cur = new TokenCursor(operands, endOf(st.tokens, kw));
	const title = twoWord ? `${kw.upper} ${second.upper}` : kw.upper;
	const ctx: StatementContext = { config, diag, base, keyword: kw, title, cur };
	switch (kw.upper) {
		case 'SSI':
			return parseSsi(ctx);
		case 'SYSTEM_IDENTIFIER':
			return parseSystemIdentifier(ctx);
		case 'SYSTEM_IDENTIFIER_DEFAULT':
			return parseSystemIdentifierDefault(ctx);
		case 'RELOCATION_DOMAIN':
			return parseRelocationDomain(ctx);
		case 'VMLAN':
			return parseVmlan(ctx);
		case 'RDEVICE':
		case 'RDEV':
			return parseRdevice(ctx);
		case 'CP_OWNED':
			return parseCpOwned(ctx);
		case 'USER_VOLUME_LIST':
			return parseUserVolumes(ctx, 'list');
		case 'USER_VOLUME_INCLUDE':
			return parseUserVolumes(ctx, 'include');
	}
	if (kw.upper === 'ACTIVATE' && second?.upper === 'ISLINK') return parseIslink(ctx);
	if (kw.upper === 'DEFINE' && second?.upper === 'VSWITCH') return parseDefineVswitch(ctx);
	if (kw.upper === 'MODIFY' && second?.upper === 'VSWITCH' && parseModifyVswitch(ctx)) return;
	keepOther(config, diag, base, st.tokens);
}

function parseInto(text: string, config: SystemConfig, diag: DiagnosticCollector): void {
	let block: { member: string; token: Token } | null = null;
	const qualifierUses: Token[] = [];
	for (const st of lexSystemConfig(text, diag)) {
		const q = st.qualifier;
		if (q) {
			if (!isName(q.upper)) {
				diag.error(
					q.line,
					q.column,
					`qualifier ${quote(q.text)} must be a member name of 1-8 letters, digits or @ # $ _ -`
				);
				continue;
			}
			qualifierUses.push(q);
			if (!config.qualifiers.includes(q.upper)) config.qualifiers.push(q.upper);
		}
		const kw = st.tokens[0] as Token;
		if (kw.upper === 'BEGIN' || kw.upper === 'END') {
			const extra = st.tokens[1];
			if (extra)
				diag.error(extra.line, extra.column, `unexpected ${quote(extra.text)} after ${kw.upper}`);
			if (!q) {
				diag.error(
					kw.line,
					kw.column,
					`${kw.upper} needs a member qualifier (e.g. ITSOSSI1: ${kw.upper})`
				);
			} else if (kw.upper === 'BEGIN') {
				// Recover as if the missing END had been there, so one lost record gives one error.
				if (block)
					diag.error(
						q.line,
						q.column,
						`${q.upper}: BEGIN inside the ${block.member} block of line ${block.token.line} (missing ${block.member}: END?)`
					);
				block = { member: q.upper, token: q };
			} else if (!block) {
				diag.error(q.line, q.column, `${q.upper}: END without a matching ${q.upper}: BEGIN`);
			} else {
				if (block.member !== q.upper)
					diag.error(
						q.line,
						q.column,
						`${q.upper}: END does not match ${block.member}: BEGIN on line ${block.token.line}`
					);
				block = null;
			}
			continue;
		}
		if (q && block && q.upper !== block.member) {
			diag.error(
				q.line,
				q.column,
				`qualifier ${q.upper}: inside the ${block.member}: BEGIN block of line ${block.token.line}`
			);
			continue;
		}
		dispatch(config, diag, st, q?.upper ?? block?.member ?? null);
	}
	if (block) {
		const b = block.token;
		diag.error(b.line, b.column, `${block.member}: BEGIN has no matching ${block.member}: END`);
	}
	// A qualifier naming no member of the cluster is probably a typo: the statement never applies.
	const known = new Set([
		...(config.ssi?.slots.map((s) => s.member ?? '') ?? []),
		...config.systemIdentifiers.map((s) => s.sysname),
		config.systemIdentifierDefault?.sysname ?? ''
	]);
	if (config.ssi) {
		const warned = new Set<string>();
		for (const q of qualifierUses) {
			if (known.has(q.upper) || warned.has(q.upper)) continue;
			warned.add(q.upper);
			diag.warn(
				q.line,
				q.column,
				`qualifier ${q.upper}: names no member of SSI ${config.ssi.clusterName}; its statements never apply`
			);
		}
	}
}

/**
 * Parses SYSTEM CONFIG text. Never throws: every problem is a diagnostic with line, column
 * and a reason naming the offending text.
 */
export function parseSystemConfig(text: string): ParseResult<SystemConfig> {
	const diag = createCollector();
	const config = emptyConfig();
	try {
		parseInto(typeof text === 'string' ? text : String(text), config, diag);
	} catch (e) {
		// A parser bug must not take the lab down with it; report it like any other error.
		diag.error(1, 1, `internal parser error: ${e instanceof Error ? e.message : String(e)}`);
	}
	return finish(diag, config);
}
