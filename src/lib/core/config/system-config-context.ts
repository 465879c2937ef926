/**
 * What the SYSTEM CONFIG statement handlers share: the statement being read and helpers
 * that report a missing or malformed operand at the right word.
 */
import { quote, type DiagnosticCollector } from './diagnostics';
import type { ConfigStatementBase, SystemConfig } from './system-config.types';
import { isName, type Token, type TokenCursor } from './tokens';

/** What a statement handler works with. */
export interface StatementContext {
	config: SystemConfig;
	diag: DiagnosticCollector;
	/** Position and member of the statement. */
	base: ConfigStatementBase;
	/** The statement keyword. */
	keyword: Token;
	/** The statement's name for messages: `SSI`, `ACTIVATE ISLINK`, `DEFINE VSWITCH`. */
	title: string;
	/** The operands after the keyword (after `ISLINK` / `VSWITCH` for two-word statements). */
	cur: TokenCursor;
}

/** How a 1-8 character z/VM name is described in messages. */
export const NAME_RULE = '1-8 letters, digits or @ # $ _ -';

/** Reads a required 1-8 character name; reports `what` when it is missing or malformed. */
export function needName(ctx: StatementContext, what: string): Token | null {
	const t = ctx.cur.next();
	if (!t) {
		ctx.diag.error(ctx.cur.end.line, ctx.cur.end.column, `${ctx.title} needs ${what}`);
		return null;
	}
	if (!isName(t.upper)) {
		ctx.diag.error(
			t.line,
			t.column,
			`${ctx.title}: ${quote(t.text)} is not ${what} (${NAME_RULE})`
		);
		return null;
	}
	return t;
}

/** Reports any words left over after a statement's last operand. */
export function noMore(ctx: StatementContext, after: string): void {
	const t = ctx.cur.peek();
	if (t) ctx.diag.error(t.line, t.column, `unexpected ${quote(t.text)} after ${after}`);
}
