/**
 * The gallery of built-in scenarios: for each, what a reader needs to choose it (title, what
 * it shows, members and their CECs, links, guests, the document section it reproduces), read
 * through the same validator as every scenario file. Pure TypeScript.
 */
import type { ScenarioSpec } from '../core/config/scenario-types';
import { BUILTIN_IDS, DEFAULT_SCENARIO, loadBuiltin } from '../core/scenarios/index';

export interface GalleryMember {
	name: string;
	cec: string;
	down: boolean;
}

export interface GalleryEntry {
	id: string;
	title: string;
	description: string;
	source: string;
	isDefault: boolean;
	cluster: string;
	members: GalleryMember[];
	/** CEC names in the order of their first member. */
	cecs: string[];
	links: { between: [string, string]; ctcs: number; chpids: number }[];
	guests: { user: string; on: string; workload: string | null }[];
	/** Script steps the scenario runs by itself. */
	steps: number;
	hasDirectory: boolean;
	hasSystemConfig: boolean;
}

/** A gallery entry of a validated scenario. */
export function galleryEntry(id: string, s: ScenarioSpec): GalleryEntry {
	const cecs: string[] = [];
	for (const m of s.cluster.members) if (!cecs.includes(m.cec)) cecs.push(m.cec);
	return {
		id,
		title: s.title,
		description: s.description,
		source: s.source,
		isDefault: id === DEFAULT_SCENARIO,
		cluster: s.cluster.name,
		members: s.cluster.members.map((m) => ({
			name: m.name,
			cec: m.cec,
			down: m.initial === 'Down'
		})),
		cecs,
		links: s.cluster.links.map((l) => ({ between: l.between, ctcs: l.ctcs, chpids: l.chpids })),
		guests: s.guests.map((g) => ({ user: g.user, on: g.on, workload: g.workload })),
		steps: s.script.length,
		hasDirectory: s.directory !== null,
		hasSystemConfig: s.systemConfig !== null
	};
}

/** Every built-in scenario, the default first; one that fails to validate is reported. */
export function galleryEntries(): { entries: GalleryEntry[]; problems: string[] } {
	const entries: GalleryEntry[] = [];
	const problems: string[] = [];
	for (const id of BUILTIN_IDS) {
		const r = loadBuiltin(id);
		if (r.ok) entries.push(galleryEntry(id, r.value));
		else problems.push(`${id}: ${r.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
	}
	return { entries, problems };
}

/** "2 members on 2 CECs", "4 members on 1 CEC". */
export function membersSummary(e: GalleryEntry): string {
	const m = e.members.length;
	const c = e.cecs.length;
	return `${m} ${m === 1 ? 'member' : 'members'} on ${c} ${c === 1 ? 'CEC' : 'CECs'}`;
}

/** Members grouped by CEC: `Z10: ITSOSSI1, ITSOSSI3 (down)`. */
export function membersByCec(e: GalleryEntry): { cec: string; members: string }[] {
	return e.cecs.map((cec) => ({
		cec,
		members: e.members
			.filter((m) => m.cec === cec)
			.map((m) => (m.down ? `${m.name} (down at the start)` : m.name))
			.join(', ')
	}));
}
