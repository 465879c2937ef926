// The live state charts: the graphs read from the XState machines hold every state and every
// transition (checked against the raw configs, walked independently, and against the states
// and modes of 000 §2.4.1-2.4.2), and the layout is deterministic, has no overlaps, and
// attaches every edge to the boundary of its states.
import { describe, expect, it } from 'vitest';
import { createMachine, setup, type AnyStateMachine } from 'xstate';
import { clusterModeMachine } from '$lib/core/machines/cluster-mode.machine';
import { memberMachine } from '$lib/core/machines/member.machine';
import { relocationMachine } from '$lib/core/machines/relocation.machine';
import {
	edgeLabelLines,
	estimateTextWidth,
	eventLabel,
	guardText,
	layoutBadges,
	layoutStateChart,
	type LaidOutEdge,
	type Point,
	type StateChartLayout,
	type StateGraph
} from '$lib/viz/state-chart';
import { machineGraph } from '$lib/core/machines/graph';

const machines = {
	member: memberMachine,
	clusterMode: clusterModeMachine,
	relocation: relocationMachine
} as const;

/** The raw config shapes this test reads (plain objects, as written in the machine files). */
interface RawTransition {
	target?: string | string[];
	guard?: unknown;
}
type RawTransitions = string | RawTransition | (string | RawTransition)[];
interface RawState {
	type?: string;
	on?: Record<string, RawTransitions>;
	always?: RawTransitions;
	states?: Record<string, RawState>;
	initial?: string;
}

function asList(t: RawTransitions | undefined): RawTransition[] {
	if (t === undefined) return [];
	return (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? { target: x } : x));
}

/** A target as written (`Joined`, `.Evaluating`), as the name of a top-level state. */
function targetName(target: string | string[] | undefined): string | undefined {
	const first = Array.isArray(target) ? target[0] : target;
	return first?.replace(/^\./, '');
}

/**
 * The transitions of a flat machine from its raw `config`, as `from -event[guard]-> to`
 * strings: each state's own `on` and `always`, and the root's `on` from every state that is
 * not left at once by an unguarded `always`. Guards are those written in the config.
 */
function expectedTransitions(machine: AnyStateMachine): string[] {
	const config = machine.config as RawState;
	const states = config.states ?? {};
	const out: string[] = [];
	const emit = (from: string, event: string, list: RawTransition[]) => {
		for (const t of list) {
			const to = targetName(t.target);
			const guard = typeof t.guard === 'string' ? t.guard : '';
			if (to) out.push(`${from} -${event}[${guard}]-> ${to}`);
			if (!t.guard) break;
		}
	};
	for (const [name, state] of Object.entries(states)) {
		const always = asList(state.always);
		for (const [event, t] of Object.entries(state.on ?? {})) emit(name, event, asList(t));
		if (always.length) emit(name, 'always', always);
		const leftAtOnce = always.some((t) => !t.guard && t.target);
		if (leftAtOnce) continue;
		for (const [event, t] of Object.entries(config.on ?? {})) {
			if (!(state.on && event in state.on)) emit(name, event, asList(t));
		}
	}
	return out.sort();
}

function graphTransitions(graph: StateGraph): string[] {
	return graph.edges
		.map((e) => `${e.from} -${e.event ?? 'always'}[${e.guard ?? ''}]-> ${e.to}`)
		.sort();
}

const edgeKey = (g: StateGraph, from: string, to: string, event: string | null) =>
	g.edges.filter((e) => e.from === from && e.to === to && e.event === event);

describe('machineGraph: every state and transition of the machines', () => {
	for (const [name, machine] of Object.entries(machines)) {
		it(`${name}: the nodes are the config's states, with its initial and final states`, () => {
			const g = machineGraph(machine);
			const config = machine.config as RawState;
			const states = config.states ?? {};
			expect(g.nodes.map((n) => n.id).sort()).toEqual(Object.keys(states).sort());
			expect(g.initial).toBe(config.initial);
			expect(g.nodes.filter((n) => n.initial).map((n) => n.id)).toEqual([config.initial]);
			expect(
				g.nodes
					.filter((n) => n.final)
					.map((n) => n.id)
					.sort()
			).toEqual(
				Object.entries(states)
					.filter(([, s]) => s.type === 'final')
					.map(([k]) => k)
					.sort()
			);
		});

		it(`${name}: the edges are exactly the config's transitions`, () => {
			const g = machineGraph(machine);
			const expected = expectedTransitions(machine);
			expect(expected.length).toBeGreaterThan(0);
			expect(graphTransitions(g)).toEqual(expected);
			expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
		});
	}

	it('member: the six states of 000 §2.4.1, Down first, and its documented transitions', () => {
		const g = machineGraph(memberMachine);
		expect(g.nodes.map((n) => n.label).sort()).toEqual(
			['Down', 'Joining', 'Joined', 'Leaving', 'Suspended', 'Isolated'].sort()
		);
		expect(g.initial).toBe('Down');
		// Joining: in the process of joining; Isolated: cannot join (enablement or join failure).
		expect(edgeKey(g, 'Down', 'Joining', 'member.ipl')[0]?.guard).toBe('compatible');
		const badIpl = edgeKey(g, 'Down', 'Isolated', 'member.ipl')[0];
		expect(badIpl?.guard).toBeUndefined();
		expect(badIpl?.otherwise).toEqual(['compatible']);
		expect(edgeKey(g, 'Joining', 'Joined', 'member.joinComplete')).toHaveLength(1);
		expect(edgeKey(g, 'Joining', 'Isolated', 'member.joinComplete')).toHaveLength(1);
		// Suspended: cannot communicate with a member that is neither Down nor Isolated.
		expect(edgeKey(g, 'Joined', 'Suspended', 'member.peerLost')).toHaveLength(1);
		expect(edgeKey(g, 'Suspended', 'Joined', 'member.peersRestored')).toHaveLength(1);
		// Leaving: the member is shutting down; Down once it has.
		expect(edgeKey(g, 'Joined', 'Leaving', 'member.shutdown')).toHaveLength(1);
		expect(edgeKey(g, 'Leaving', 'Down', 'member.shutdownComplete')).toHaveLength(1);
		// Down also after an error: every state but Down abends to Down.
		for (const s of ['Joining', 'Joined', 'Suspended', 'Leaving', 'Isolated']) {
			expect(edgeKey(g, s, 'Down', 'member.abend'), s).toHaveLength(1);
		}
		expect(g.nodes.every((n) => !n.transient && !n.final)).toBe(true);
		expect(g.eventPrefix).toBe('member.');
	});

	it('cluster mode: Stable, Influx and Safe of 000 §2.4.2, decided in a transient state', () => {
		const g = machineGraph(clusterModeMachine);
		const modes = g.nodes.filter((n) => !n.transient).map((n) => n.id);
		expect(modes.sort()).toEqual(['Influx', 'Safe', 'Stable']);
		expect(g.initial).toBe('Stable');
		const evaluating = g.nodes.find((n) => n.transient);
		expect(evaluating?.id).toBe('Evaluating');
		// A change in the members re-evaluates the mode from every mode (root-level transition).
		for (const m of ['Stable', 'Influx', 'Safe']) {
			expect(edgeKey(g, m, 'Evaluating', 'cluster.membersChanged'), m).toHaveLength(1);
		}
		// Nothing leaves the transient state on an event: it is left at once.
		expect(g.edges.filter((e) => e.from === 'Evaluating').every((e) => e.event === null)).toBe(
			true
		);
		// Safe takes precedence over Influx; Stable is what remains.
		expect(edgeKey(g, 'Evaluating', 'Safe', null)[0]).toMatchObject({ guard: 'safe' });
		expect(edgeKey(g, 'Evaluating', 'Influx', null)[0]).toMatchObject({
			guard: 'influx',
			otherwise: ['safe']
		});
		const stable = edgeKey(g, 'Evaluating', 'Stable', null)[0];
		expect(stable?.guard).toBeUndefined();
		expect(stable?.otherwise).toEqual(['safe', 'influx']);
		expect(stable && guardText(stable)).toBe('else');
	});

	it('relocation: the phases of 000 §3.6.2, its four endings, cancel before the guest resumes', () => {
		const g = machineGraph(relocationMachine);
		expect(g.initial).toBe('Eligibility');
		expect(
			g.nodes
				.filter((n) => n.final)
				.map((n) => n.id)
				.sort()
		).toEqual(['Cancelled', 'Rejected', 'Relocated', 'Terminated']);
		const chain = [
			'Eligibility',
			'CreatingSkeleton',
			'MovingMemory',
			'MovingGuest',
			'FinalMemCopy',
			'Resuming',
			'CleaningUp',
			'Relocated'
		];
		for (let i = 1; i < chain.length; i++) {
			const from = chain[i - 1] as string;
			const to = chain[i] as string;
			expect(
				g.edges.filter((e) => e.from === from && e.to === to),
				`${from}->${to}`
			).toHaveLength(1);
		}
		// 001: a relocation "has been canceled" — possible in every phase before the guest resumes.
		for (const p of chain.slice(0, 5)) {
			expect(edgeKey(g, p, 'Cancelled', 'relocation.cancel'), p).toHaveLength(1);
		}
		for (const p of ['Resuming', 'CleaningUp']) {
			expect(
				g.edges.filter((e) => e.from === p && e.to !== 'Relocated' && e.to !== 'CleaningUp')
			).toEqual([]);
		}
		// Failing eligibility rejects the MOVE; failing a later re-check terminates it.
		expect(edgeKey(g, 'Eligibility', 'Rejected', 'relocation.phaseDone')[0]?.otherwise).toEqual([
			'eligible'
		]);
		expect(edgeKey(g, 'MovingMemory', 'MovingGuest', 'relocation.quiesce')[0]?.guard).toBe(
			'eligible'
		);
	});
});

describe('machineGraph: other shapes of machine', () => {
	const nested = setup({
		guards: { ready: () => true }
	}).createMachine({
		id: 'demo',
		initial: 'A',
		on: { 'demo.reset': '.A' },
		states: {
			A: {
				on: {
					'demo.tick': 'A',
					'demo.go': [{ guard: { type: 'ready' }, target: 'B' }, { target: 'C' }],
					'demo.also': 'B'
				}
			},
			B: {
				initial: 'B1',
				on: { 'demo.back': '#demo.A' },
				states: {
					B1: { on: { 'demo.next': 'B2', 'demo.reset': 'B2' } },
					B2: { on: { 'demo.noop': { actions: [] } } }
				}
			},
			C: { type: 'final' }
		}
	});

	it('reads self-loops, guard objects, nested states, inherited and overridden transitions', () => {
		const g = machineGraph(nested);
		expect(g.nodes.map((n) => n.id)).toEqual(['A', 'B.B1', 'B.B2', 'C']);
		expect(g.nodes.find((n) => n.id === 'B.B1')?.label).toBe('B1');
		expect(graphTransitions(g)).toEqual(
			[
				'A -demo.tick[]-> A',
				'A -demo.go[ready]-> B.B1',
				'A -demo.go[]-> C',
				'A -demo.also[]-> B.B1',
				'A -demo.reset[]-> A',
				'B.B1 -demo.next[]-> B.B2',
				'B.B1 -demo.reset[]-> B.B2',
				'B.B1 -demo.back[]-> A',
				'B.B2 -demo.back[]-> A',
				'B.B2 -demo.reset[]-> A',
				'C -demo.reset[]-> A'
			].sort()
		);
		// No prefix shared by every event? Here they all start with "demo.".
		expect(eventLabel(g, 'demo.tick')).toBe('tick');
		expect(eventLabel(g, null)).toBe('always');
	});

	it('labels: event without its prefix, then the condition', () => {
		const g = machineGraph(relocationMachine);
		const rejected = edgeKey(g, 'Eligibility', 'Rejected', 'relocation.phaseDone')[0];
		const ok = edgeKey(g, 'Eligibility', 'CreatingSkeleton', 'relocation.phaseDone')[0];
		const cancel = edgeKey(g, 'Eligibility', 'Cancelled', 'relocation.cancel')[0];
		expect(rejected && edgeLabelLines(g, rejected)).toEqual(['phaseDone', '[not eligible]']);
		expect(ok && edgeLabelLines(g, ok)).toEqual(['phaseDone', '[eligible]']);
		expect(cancel && edgeLabelLines(g, cancel)).toEqual(['cancel']);
		const mode = machineGraph(clusterModeMachine);
		const safe = edgeKey(mode, 'Evaluating', 'Safe', null)[0];
		expect(safe && edgeLabelLines(mode, safe)).toEqual(['[safe]']);
		const plain = machineGraph(
			createMachine({ initial: 'a', states: { a: { on: { GO: 'b' } }, b: {} } })
		);
		expect(plain.eventPrefix).toBe('');
		expect(eventLabel(plain, 'GO')).toBe('GO');
	});
});

type Box = { x: number; y: number; width: number; height: number };
const labelBox = (e: LaidOutEdge): Box => ({
	x: e.label.x - e.label.width / 2,
	y: e.label.y - e.label.height / 2,
	width: e.label.width,
	height: e.label.height
});
/** Whether the interiors of two boxes meet (touching edges do not count). */
const overlaps = (a: Box, b: Box, slack = 0.5) =>
	a.x + slack < b.x + b.width &&
	b.x + slack < a.x + a.width &&
	a.y + slack < b.y + b.height &&
	b.y + slack < a.y + a.height;
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function onBoundary(p: Point, b: Box): boolean {
	const [x, y] = p;
	const inX = x >= b.x - 1e-6 && x <= b.x + b.width + 1e-6;
	const inY = y >= b.y - 1e-6 && y <= b.y + b.height + 1e-6;
	return (
		((near(x, b.x) || near(x, b.x + b.width)) && inY) ||
		((near(y, b.y) || near(y, b.y + b.height)) && inX)
	);
}

function checkLayout(layout: StateChartLayout, graph: StateGraph) {
	const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
	expect(layout.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
	expect(layout.edges.map((e) => e.id)).toEqual(graph.edges.map((e) => e.id));

	// Nothing overlaps: no two states, no two labels, no label on a state; all inside the chart.
	const all: [string, Box][] = [
		...layout.nodes.map((n): [string, Box] => [`node ${n.id}`, n]),
		...layout.edges.map((e): [string, Box] => [`label ${e.id}`, labelBox(e)])
	];
	for (let i = 0; i < all.length; i++) {
		const [na, a] = all[i] as [string, Box];
		expect(a.x >= 0 && a.y >= 0, na).toBe(true);
		expect(a.x + a.width <= layout.width && a.y + a.height <= layout.height, na).toBe(true);
		for (let j = i + 1; j < all.length; j++) {
			const [nb, b] = all[j] as [string, Box];
			expect(overlaps(a, b), `${na} overlaps ${nb}`).toBe(false);
		}
	}

	for (const e of layout.edges) {
		const from = boxes.get(e.from) as Box;
		const to = boxes.get(e.to) as Box;
		// Endpoints on the boundary of their own states.
		expect(onBoundary(e.start, from), `${e.id} start`).toBe(true);
		expect(onBoundary(e.end, to), `${e.id} end`).toBe(true);
		expect(e.points[0]).toEqual(e.start);
		expect(e.points[e.points.length - 1]).toEqual(e.end);
		expect(e.path.startsWith(`M${e.start[0]},${e.start[1]}`)).toBe(true);
		// The label sits on its own path: a piece of the path goes through its centre.
		const through = e.points.some((p, k) => {
			const q = e.points[k + 1];
			if (!q) return false;
			const vertical = near(p[0], q[0]) && near(p[0], e.label.x);
			const horizontal = near(p[1], q[1]) && near(p[1], e.label.y);
			const [x0, x1] = [Math.min(p[0], q[0]), Math.max(p[0], q[0])];
			const [y0, y1] = [Math.min(p[1], q[1]), Math.max(p[1], q[1])];
			return (
				(vertical && y0 <= e.label.y && e.label.y <= y1) ||
				(horizontal && x0 <= e.label.x && e.label.x <= x1)
			);
		});
		expect(through, `${e.id} passes through its label`).toBe(true);
		// Between two of its points a bump curve stays in their bounding box, so no piece of an
		// edge may enter a state's box or another edge's label.
		for (let k = 0; k + 1 < e.points.length; k++) {
			const [p, q] = [e.points[k] as Point, e.points[k + 1] as Point];
			const seg: Box = {
				x: Math.min(p[0], q[0]),
				y: Math.min(p[1], q[1]),
				width: Math.abs(p[0] - q[0]),
				height: Math.abs(p[1] - q[1])
			};
			for (const n of layout.nodes) expect(overlaps(seg, n), `${e.id} crosses ${n.id}`).toBe(false);
			for (const other of layout.edges) {
				if (other === e) continue;
				expect(overlaps(seg, labelBox(other)), `${e.id} crosses label ${other.id}`).toBe(false);
			}
		}
	}

	// No two edges share an endpoint on the same state.
	const ends = layout.edges.flatMap((e) => [e.start.join(','), e.end.join(',')]);
	expect(new Set(ends).size).toBe(ends.length);

	// The initial arrow ends on the initial state's top side.
	const initial = boxes.get(graph.initial) as Box;
	expect(layout.initialArrow).not.toBeNull();
	if (layout.initialArrow) {
		expect(onBoundary([layout.initialArrow.x2, layout.initialArrow.y2], initial)).toBe(true);
		expect(layout.initialArrow.y1).toBeGreaterThanOrEqual(0);
	}
}

describe('layoutStateChart', () => {
	for (const [name, machine] of Object.entries(machines)) {
		it(`${name}: deterministic`, () => {
			const a = layoutStateChart(machineGraph(machine));
			const b = layoutStateChart(machineGraph(machine));
			expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		});

		it(`${name}: no overlaps, edges on their states' boundaries and through their labels`, () => {
			const graph = machineGraph(machine);
			checkLayout(layoutStateChart(graph), graph);
			checkLayout(layoutStateChart(graph, { nodeHeight: 70, minNodeWidth: 200 }), graph);
		});
	}

	it('ranks states by distance from the initial state, top to bottom', () => {
		const layout = layoutStateChart(machineGraph(memberMachine));
		const rank = new Map(layout.nodes.map((n) => [n.id, n.rank]));
		expect(Object.fromEntries(rank)).toEqual({
			Down: 0,
			Joining: 1,
			Isolated: 1,
			Joined: 2,
			Leaving: 2,
			Suspended: 3
		});
		for (const a of layout.nodes) {
			for (const b of layout.nodes) if (a.rank < b.rank) expect(a.y + a.height).toBeLessThan(b.y);
		}
	});

	it('boxes are wide enough for their names', () => {
		const layout = layoutStateChart(machineGraph(relocationMachine));
		for (const n of layout.nodes) {
			expect(n.width).toBeGreaterThanOrEqual(estimateTextWidth(n.label, layout.nodeFontSize) + 16);
		}
	});

	it('keeps self-loops and parallel edges apart', () => {
		const machine = createMachine({
			id: 'p',
			initial: 'A',
			states: {
				A: {
					on: {
						'p.tick': 'A',
						'p.tock': 'A',
						'p.one': 'B',
						'p.two': 'B',
						'p.side': 'C'
					}
				},
				B: { on: { 'p.back': 'A', 'p.again': 'A', 'p.over': 'C', 'p.self': 'B' } },
				C: { on: { 'p.over': 'B', 'p.home': 'A' } }
			}
		});
		const graph = machineGraph(machine);
		const layout = layoutStateChart(graph);
		checkLayout(layout, graph);
		const loops = layout.edges.filter((e) => e.selfLoop);
		expect(loops.map((e) => e.event).sort()).toEqual(['p.self', 'p.tick', 'p.tock']);
		const a = layout.nodes.find((n) => n.id === 'A') as Box;
		for (const loop of loops.filter((e) => e.from === 'A')) {
			// Out of the bottom and back into it, dipping to a label below the state.
			expect(near(loop.start[1], a.y + a.height) && near(loop.end[1], a.y + a.height)).toBe(true);
			expect(loop.start[0]).not.toBe(loop.end[0]);
			expect(loop.label.y).toBeGreaterThan(a.y + a.height);
		}
		// A→B twice and B→A twice: four different curves with four labels apart.
		const between = layout.edges.filter(
			(e) => (e.from === 'A' && e.to === 'B') || (e.from === 'B' && e.to === 'A')
		);
		expect(between).toHaveLength(4);
		expect(new Set(between.map((e) => e.path)).size).toBe(4);
		expect(new Set(between.map((e) => e.label.x)).size).toBe(4);
		// B and C share a rank: their edges dip below them.
		const bc = layout.edges.find((e) => e.from === 'B' && e.to === 'C') as LaidOutEdge;
		const cb = layout.edges.find((e) => e.from === 'C' && e.to === 'B') as LaidOutEdge;
		expect(bc.label.y).toBeGreaterThan(bc.start[1]);
		expect(bc.path).not.toBe(cb.path);
	});

	it('lays out a machine with unreachable states and no transitions', () => {
		const graph = machineGraph(
			createMachine({ initial: 'a', states: { a: {}, b: { on: { GO: 'a' } }, c: {} } })
		);
		const layout = layoutStateChart(graph);
		checkLayout(layout, graph);
		expect(layout.nodes).toHaveLength(3);
	});

	it('keeps its guarantees on arbitrary machines (seeded, reproducible)', () => {
		let seed = 12345;
		const rnd = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed % n;
		};
		for (let trial = 0; trial < 40; trial++) {
			const count = 2 + rnd(8);
			const names = Array.from({ length: count }, (_, i) => `S${i}${'x'.repeat(rnd(9))}`);
			const states: Record<string, { on: Record<string, string>; type?: 'final' }> = {};
			for (const n of names) states[n] = { on: {} };
			const edges = rnd(3 * count) + 1;
			for (let k = 0; k < edges; k++) {
				const from = names[rnd(count)] as string;
				const to = names[rnd(count)] as string;
				(states[from] as { on: Record<string, string> }).on[`t.e${k}${'y'.repeat(rnd(12))}`] = to;
			}
			const graph = machineGraph(createMachine({ id: 't', initial: names[0], states }));
			const layout = layoutStateChart(graph);
			checkLayout(layout, graph);
			expect(JSON.stringify(layoutStateChart(graph))).toBe(JSON.stringify(layout));
		}
	});

	it('lays out a machine without states as an empty chart', () => {
		const graph = machineGraph(createMachine({ id: 'empty' }));
		expect(graph.nodes).toEqual([]);
		const layout = layoutStateChart(graph);
		expect(layout.nodes).toEqual([]);
		expect(layout.edges).toEqual([]);
		expect(Number.isFinite(layout.width) && Number.isFinite(layout.height)).toBe(true);
	});
});

describe('layoutBadges', () => {
	const right = (b: { x: number; width: number }) => b.x + b.width;

	it('centres a row that fits', () => {
		const row = layoutBadges(['SSI1', 'SSI2'], 100, 200, 11);
		expect(row.map((b) => [b.text, b.row])).toEqual([
			['SSI1', 0],
			['SSI2', 0]
		]);
		const [first, last] = [row[0], row[row.length - 1]];
		expect(first && last && near((first.x + right(last)) / 2, 100)).toBe(true);
		expect(first && last && right(last) - first.x).toBeLessThanOrEqual(200);
	});

	it('ends with a +n badge when the rest does not fit', () => {
		const names = ['LINUX01', 'LINUX02', 'LINUX03', 'LINUX04', 'LINUX05'];
		const row = layoutBadges(names, 80, 160, 11);
		const last = row[row.length - 1];
		const shown = row.length - 1;
		expect(shown).toBeGreaterThan(0);
		expect(last?.text).toBe(`+${names.length - shown}`);
		expect(row.slice(0, -1).map((b) => b.text)).toEqual(names.slice(0, shown));
		const first = row[0];
		expect(first && last && right(last) - first.x).toBeLessThanOrEqual(160);
	});

	it('wraps onto further rows, each within the width, before giving up with +n', () => {
		const names = ['ITSOSSI5', 'ITSOSSI6', 'ITSOSSI7', 'ITSOSSI8'];
		const width = estimateTextWidth('ITSOSSI5', 11) * 2 + 2 * 10 + 4 + 1;
		const two = layoutBadges(names, 100, width, 11, 2);
		expect(two.map((b) => [b.text, b.row])).toEqual([
			['ITSOSSI5', 0],
			['ITSOSSI6', 0],
			['ITSOSSI7', 1],
			['ITSOSSI8', 1]
		]);
		for (const r of [0, 1]) {
			const inRow = two.filter((b) => b.row === r);
			const [first, last] = [inRow[0], inRow[inRow.length - 1]];
			expect(first && last && right(last) - first.x).toBeLessThanOrEqual(width);
			expect(first && last && near((first.x + right(last)) / 2, 100)).toBe(true);
		}
		const more = layoutBadges([...names, 'ITSOSSI9'], 100, width, 11, 2);
		expect(more.filter((b) => b.row === 0).map((b) => b.text)).toEqual(['ITSOSSI5', 'ITSOSSI6']);
		expect(more.filter((b) => b.row === 1).map((b) => b.text)).toEqual(['ITSOSSI7', '+2']);
	});
});
