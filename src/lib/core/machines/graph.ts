/**
 * The graph of an XState machine (member, cluster mode, relocation): its states and
 * transitions with events and guards, read from the machine's compiled definition. Plain data:
 * the worker reads the machines (sim-host.ts, request `machines`) and the page lays the graphs
 * out (viz/state-chart.ts) without loading XState.
 */
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';

/** One state a chart draws: an atomic or final state node of the machine. */
export interface StateGraphNode {
	/** Path from the machine's root, dot-joined (`Joined`; `Outer.Inner` for nested states). */
	id: string;
	label: string;
	/** The state the machine starts in. */
	initial: boolean;
	/** `type: 'final'`. */
	final: boolean;
	/** Left at once by an unguarded eventless (`always`) transition: a decision point. */
	transient: boolean;
}

/** One transition: an event (or `always`) from one state to another, with its guard. */
export interface StateGraphEdge {
	id: string;
	from: string;
	to: string;
	/** The event type (`member.ipl`), or null for an eventless `always` transition. */
	event: string | null;
	/** Name of the guard that must hold. */
	guard?: string;
	/**
	 * Guards of the transitions listed before this one for the same event, which must all have
	 * failed for this one to be taken (`[not eligible]`, `[else]`).
	 */
	otherwise?: string[];
}

export interface StateGraph {
	/** The machine's id (`member`). */
	id: string;
	/** The id of the initial state. */
	initial: string;
	nodes: StateGraphNode[];
	edges: StateGraphEdge[];
	/** The prefix all event types share (`member.`), dropped from the drawn labels. */
	eventPrefix: string;
}

/** The name a guard is written with in the machine (`eligible`), for any form of guard. */
function guardName(guard: unknown): string | undefined {
	if (guard === undefined || guard === null) return undefined;
	if (typeof guard === 'string') return guard;
	if (typeof guard === 'function') return guard.name || 'guard';
	if (typeof guard === 'object' && 'type' in guard && typeof guard.type === 'string') {
		return guard.type;
	}
	return 'guard';
}

/** The atomic state a transition into `node` ends in (follows initial states down). */
function enteredLeaf(node: AnyStateNode): AnyStateNode {
	let current = node;
	for (;;) {
		if (current.type === 'history' && current.parent) current = current.parent;
		else if (current.type === 'compound') {
			const next = current.initial.target[0];
			if (!next) return current;
			current = next;
		} else if (current.type === 'parallel') {
			const first = Object.values(current.states)[0];
			if (!first) return current;
			current = first;
		} else return current;
	}
}

function leavesOf(node: AnyStateNode, into: AnyStateNode[]): AnyStateNode[] {
	for (const child of Object.values(node.states)) {
		if (child.type === 'history') continue;
		if (child.type === 'atomic' || child.type === 'final') into.push(child);
		else leavesOf(child, into);
	}
	return into;
}

const pathId = (node: AnyStateNode): string => node.path.join('.');

function isTransient(node: AnyStateNode): boolean {
	return (node.always ?? []).some((t) => !t.guard && (t.target?.length ?? 0) > 0);
}

/**
 * The graph of a machine's states and transitions, read from its compiled definition
 * (`machine.root`): atomic and final states become nodes; every transition with a target
 * becomes an edge, with its event and guard. A transition declared on a parent applies to
 * each state inside it (not to transient ones, which are left at once), unless a deeper
 * state handles the event unconditionally. Transitions without a target (actions only) change
 * no state and are left out. Parallel regions are drawn flat, one after the other.
 */
export function machineGraph(machine: AnyStateMachine): StateGraph {
	const root = machine.root;
	const leaves = leavesOf(root, []);
	const initialId = pathId(enteredLeaf(root));
	const nodes: StateGraphNode[] = leaves.map((leaf) => ({
		id: pathId(leaf),
		label: leaf.key,
		initial: pathId(leaf) === initialId,
		final: leaf.type === 'final',
		transient: isTransient(leaf)
	}));

	const edges: StateGraphEdge[] = [];
	for (const leaf of leaves) {
		const from = pathId(leaf);
		/** Per event (null: eventless), the guards tried so far, deepest state first. */
		const tried = new Map<string | null, string[]>();
		/** Events an unguarded transition handles: ancestors cannot take them. */
		const closed = new Set<string | null>();
		for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
			if (node !== leaf && isTransient(leaf)) break;
			const groups: [string | null, AnyTransitionDefinition[]][] = Object.entries(node.on);
			if (node.always?.length) groups.push([null, node.always]);
			for (const [event, transitions] of groups) {
				if (closed.has(event)) continue;
				const before = tried.get(event) ?? [];
				for (const t of transitions) {
					const guard = guardName(t.guard);
					const target = t.target?.[0];
					if (target) {
						const edge: StateGraphEdge = {
							id: `e${edges.length}`,
							from,
							to: pathId(enteredLeaf(target)),
							event
						};
						if (guard !== undefined) edge.guard = guard;
						if (before.length > 0) edge.otherwise = [...before];
						edges.push(edge);
					}
					if (guard === undefined) {
						closed.add(event);
						break;
					}
					before.push(guard);
				}
				tried.set(event, before);
			}
		}
	}

	const prefixes = new Set(
		edges.flatMap((e) => (e.event === null ? [] : [e.event.slice(0, e.event.indexOf('.') + 1)]))
	);
	const [only] = [...prefixes];
	const eventPrefix = prefixes.size === 1 && only ? only : '';
	return { id: root.id, initial: initialId, nodes, edges, eventPrefix };
}
