import type { MemberSpec } from './scenario-types';
import { appliesTo, parseSystemConfig } from './system-config';

/** What a scenario's SYSTEM CONFIG text contributes to the cluster model. */
export interface ClusterConfig {
	/** For each member, the members its ACTIVATE ISLINK statements name (000 Example 4-1). */
	islinkNodes: Record<string, string[]>;
	/** For each member, the system name it resolves to at IPL through System_Identifier (000 App. A.2). */
	systemIds: Record<string, string>;
	/** RELOCATION_DOMAIN statements (000 Example 3-2). */
	domains: { name: string; members: string[] }[];
}

/**
 * Reads the parts of SYSTEM CONFIG that decide whether a member can join: which ISLINKs each
 * member activates, which system name its LPAR resolves to, and the relocation domains. Returns
 * null when there is no text or it does not parse (the validator reports that).
 */
export function clusterConfig(
	text: string | null,
	members: readonly MemberSpec[]
): ClusterConfig | null {
	if (text === null) return null;
	const parsed = parseSystemConfig(text);
	if (!parsed.ok) return null;
	const config = parsed.value;
	const islinkNodes: Record<string, string[]> = {};
	const systemIds: Record<string, string> = {};
	for (const m of members) {
		const ids = config.systemIdentifiers.filter(
			(s) => s.kind === 'lpar' && s.lpar.toUpperCase() === m.lpar.toUpperCase()
		);
		systemIds[m.name] = ids[0]?.sysname ?? config.systemIdentifierDefault?.sysname ?? m.systemId;
	}
	for (const m of members) {
		const me = systemIds[m.name]!;
		islinkNodes[m.name] = [
			...new Set(
				config.islinks
					.filter((l) => l.node !== null && appliesTo(l, me))
					.map((l) => l.node!.toUpperCase())
			)
		];
	}
	return {
		islinkNodes,
		systemIds,
		domains: config.relocationDomains.map((d) => ({
			name: d.name.toUpperCase(),
			members: d.members.map((x) => x.toUpperCase())
		}))
	};
}
