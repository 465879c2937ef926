/**
 * Notes on the SYSTEM CONFIG and USER DIRECT texts that do not stop a scenario from loading,
 * for the editor to show at their lines: the parsers' warnings (a statement the simulator
 * keeps unchecked, an operand it ignores), and the SSI rules that show up at run time rather
 * than as file errors (a missing ACTIVATE ISLINK leaves the member Isolated at IPL; a duplicate
 * system identifier cannot join; 000 §2.4.1, App. A.2), which the validator lets through
 * (core/config/scenario.ts `RUNTIME_RULES`). Pure TypeScript.
 */
import type { Diagnostic } from '../core/config/diagnostics';
import {
	checkSsiNetworkRules,
	parseSystemConfig,
	type SsiRuleId
} from '../core/config/system-config';
import { parseUserDirect } from '../core/config/user-direct';

/** The rules scenario.ts leaves to the simulation (keep in step with its RUNTIME_RULES). */
const AT_RUN_TIME: readonly SsiRuleId[] = ['islink-missing', 'system-identifier-unique'];

export interface TextNotes {
	directory: Diagnostic[];
	systemConfig: Diagnostic[];
}

/**
 * The notes of a draft's texts. `members` are the member names in slot order (the SSI rules
 * need them); empty texts have none.
 */
export function textNotes(directory: string, systemConfig: string, members: string[]): TextNotes {
	const out: TextNotes = { directory: [], systemConfig: [] };
	if (directory.trim() !== '') out.directory = parseUserDirect(directory).warnings;
	if (systemConfig.trim() !== '') {
		const parsed = parseSystemConfig(systemConfig);
		out.systemConfig = [...parsed.warnings];
		if (parsed.ok) {
			for (const d of checkSsiNetworkRules(parsed.value, members)) {
				if (d.severity === 'warning')
					out.systemConfig.push({ line: d.line, column: d.column, message: d.message });
				else if (AT_RUN_TIME.includes(d.rule))
					out.systemConfig.push({
						line: d.line,
						column: d.column,
						message: `${d.message} (the scenario loads; the simulation shows what follows)`
					});
			}
		}
		out.systemConfig.sort((a, b) => a.line - b.line || a.column - b.column);
	}
	return out;
}
