/**
 * Builds {@link Reason}s: from a numbered message of the documents, or from a text alone where
 * the documents state the condition without a message.
 */
import type { MessageText } from './messages';
import type { ForceOptions, Reason, ReasonGroup, RuleId } from './rule-types';

/** Where a rule files its reasons, which section it cites and what can force it. */
export interface RuleMeta {
	rule: RuleId;
	group: ReasonGroup;
	section: string;
	forcedBy?: keyof ForceOptions;
}

/** A reason with a message number and text from the documents. */
export function numbered(meta: RuleMeta, m: MessageText, vdev: string | null = null): Reason {
	return {
		rule: meta.rule,
		message: m.id,
		text: m.text,
		group: meta.group,
		vdev,
		forcedBy: meta.forcedBy ?? null,
		section: meta.section
	};
}

/** A reason the documents give no message number for: its text only. */
export function textOnly(meta: RuleMeta, text: string, vdev: string | null = null): Reason {
	return {
		rule: meta.rule,
		message: null,
		text,
		group: meta.group,
		vdev,
		forcedBy: meta.forcedBy ?? null,
		section: meta.section
	};
}
