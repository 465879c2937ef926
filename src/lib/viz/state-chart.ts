/**
 * State charts of the XState machines (member, cluster mode, relocation), laid out for an SVG
 * view from their graphs (core/machines/graph.ts, read from the machines' own definitions).
 * Pure: no DOM, no network.
 *
 * The layout is a small Sugiyama-style layered drawing:
 * 1. ranks by breadth-first search from the initial state;
 * 2. every rank becomes a "node layer", and between two node layers sits a "label layer": each
 *    edge gets one label item in a label layer and a bend item in every other layer it
 *    crosses, so labels never sit on a node and never on each other (they are laid out like
 *    nodes, with a minimum gap);
 * 3. edges between states of the same rank, and self-loops, dip into the label layer below;
 * 4. the order within a layer reduces crossings (barycentre sweeps and adjacent swaps);
 * 5. x positions pull every item toward its neighbours, with the order and the gaps kept
 *    exactly (weighted isotonic regression, pool-adjacent-violators);
 * 6. each edge leaves its source through a port on the box's bottom (or top) side and enters
 *    its target the same way, ports spread evenly along a side in the order of where their
 *    edges go; it crosses every layer vertically (behind its own label in the label's layer)
 *    and moves sideways only in the gaps between layers, each sideways run on a track of its
 *    own in the gap (channel routing), so no edge crosses a box or another edge's label and no
 *    two runs lie on each other. The curve through these points is a d3-shape `curveBumpY`.
 *    Parallel edges and self-loops get items, ports and tracks of their own, hence curves of
 *    their own; an edge between states of one rank (or a self-loop) dips into the label layer
 *    below and comes back up.
 * Everything iterates arrays in a fixed order, so the same graph always gives the same layout.
 */
import { curveBumpY, line } from 'd3-shape';

import type { StateGraph, StateGraphEdge, StateGraphNode } from '../core/machines/graph';

export type { StateGraph, StateGraphEdge, StateGraphNode } from '../core/machines/graph';

/** An event as a chart shows it: without the shared prefix; `always` for eventless ones. */
export function eventLabel(graph: StateGraph, event: string | null): string {
	if (event === null) return 'always';
	const after = /^xstate\.after\.([^.]+)\./.exec(event);
	if (after) return `after ${after[1]} ms`;
	return graph.eventPrefix && event.startsWith(graph.eventPrefix)
		? event.slice(graph.eventPrefix.length)
		: event;
}

/** The condition of a transition in words: `eligible`, `not eligible`, `else`, or ''. */
export function guardText(edge: StateGraphEdge): string {
	if (edge.guard !== undefined) return edge.guard;
	const others = edge.otherwise ?? [];
	if (others.length === 1) return `not ${others[0]}`;
	return others.length > 1 ? 'else' : '';
}

/** The lines of an edge's label: the event, then its condition in brackets if any. */
export function edgeLabelLines(graph: StateGraph, edge: StateGraphEdge): string[] {
	const condition = guardText(edge);
	const eventText = eventLabel(graph, edge.event);
	if (!condition) return [eventText];
	return edge.event === null ? [`[${condition}]`] : [eventText, `[${condition}]`];
}

/**
 * A conservative width of `text` in a sans-serif face at `fontSize` px (no DOM to measure
 * with): wide enough for DejaVu Sans, the widest of the theme's fallback faces.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) {
		if (/[iljtfr.,:;'|!()[\] ]/.test(ch)) em += 0.36;
		else if (/[mwMW@]/.test(ch)) em += 0.92;
		else if (/[A-Z]/.test(ch)) em += 0.74;
		else if (/[0-9]/.test(ch)) em += 0.64;
		else em += 0.62;
	}
	return em * fontSize;
}

/** One badge: its text, the x of its left edge, its width and its row (0 the first). */
export interface Badge {
	text: string;
	x: number;
	width: number;
	row: number;
}

/**
 * Rows of badges, each centred on `centreX` within `available` px: as many of `labels` as fit
 * in `maxRows` rows, in order, then a `+n` badge for the rest. Badge width is the text plus
 * `padding` px, with `gap` px between badges.
 */
export function layoutBadges(
	labels: readonly string[],
	centreX: number,
	available: number,
	fontSize: number,
	maxRows = 1,
	padding = 10,
	gap = 4
): Badge[] {
	const width = (s: string) => estimateTextWidth(s, fontSize) + padding;
	const rowWidth = (texts: readonly string[]) =>
		texts.reduce((sum, t, i) => sum + width(t) + (i > 0 ? gap : 0), 0);
	const rows: string[][] = [[]];
	let placed = 0;
	for (const label of labels) {
		const row = rows[rows.length - 1] as string[];
		if (row.length === 0 || rowWidth([...row, label]) <= available) row.push(label);
		else if (rows.length < maxRows) rows.push([label]);
		else break;
		placed++;
	}
	if (placed < labels.length) {
		const last = rows[rows.length - 1] as string[];
		while (last.length > 0 && rowWidth([...last, `+${labels.length - placed}`]) > available) {
			last.pop();
			placed--;
		}
		last.push(`+${labels.length - placed}`);
	}
	return rows.flatMap((texts, row) => {
		let x = centreX - rowWidth(texts) / 2;
		return texts.map((text) => {
			const badge = { text, x, width: width(text), row };
			x += badge.width + gap;
			return badge;
		});
	});
}

/** Sizes of the badges a chart draws in a current state's box, px. */
export const BADGE = { fontSize: 11, height: 17, rowGap: 3, padding: 10 } as const;
/** Space kept for a state's name in its box, and between the name and the badges, px. */
const NAME_BLOCK = 18;
const NAME_GAP = 5;
const BOX_PAD_Y = 8;

/**
 * Where a state's name and its badge rows go in a box centred on `cy`: the name's centre line
 * and the top of each row, the whole block centred vertically.
 */
export function stateBoxContent(cy: number, rows: number): { nameY: number; rowTops: number[] } {
	const block =
		rows > 0 ? NAME_BLOCK + NAME_GAP + rows * BADGE.height + (rows - 1) * BADGE.rowGap : NAME_BLOCK;
	const top = cy - block / 2;
	return {
		nameY: top + NAME_BLOCK / 2,
		rowTops: Array.from(
			{ length: rows },
			(_, r) => top + NAME_BLOCK + NAME_GAP + r * (BADGE.height + BADGE.rowGap)
		)
	};
}

/** The box height that holds a state's name and `rows` rows of badges. */
export function stateBoxHeight(rows: number): number {
	const { rowTops } = stateBoxContent(0, rows);
	const bottom = rows > 0 ? (rowTops[rows - 1] ?? 0) + BADGE.height : NAME_BLOCK / 2;
	return Math.ceil(2 * (bottom + BOX_PAD_Y));
}

/** A state shown as current in a chart, with who is in it (a member, a relocating guest). */
export interface ActiveMarker {
	/** A state id of the graph (`Joined`). */
	state: string;
	/** Who is in that state; omitted for a machine with one instance (the cluster mode). */
	who?: string;
}

export interface StateChartLayoutOptions {
	/** Height of a state box, px. */
	nodeHeight?: number;
	/** Minimum width of a state box, px (room for badges). */
	minNodeWidth?: number;
	nodeFontSize?: number;
	labelFontSize?: number;
	margin?: number;
}

export type Point = [number, number];

export interface LaidOutNode extends StateGraphNode {
	/** Top-left corner and size of the state's box. */
	x: number;
	y: number;
	width: number;
	height: number;
	cx: number;
	cy: number;
	/** BFS distance from the initial state. */
	rank: number;
}

export interface EdgeLabelBox {
	/** Centre of the label, on the edge's path. */
	x: number;
	y: number;
	width: number;
	height: number;
	lines: string[];
}

export interface LaidOutEdge extends StateGraphEdge {
	/**
	 * The points the curve passes through, in travel order: the start, where it enters and leaves
	 * each layer and each gap's track, the end. Between two of them the curve stays inside their
	 * bounding box.
	 */
	points: Point[];
	/** SVG path data of the curve. */
	path: string;
	/** Where the edge leaves its source's box and reaches its target's box. */
	start: Point;
	end: Point;
	label: EdgeLabelBox;
	selfLoop: boolean;
}

export interface StateChartLayout {
	width: number;
	height: number;
	nodes: LaidOutNode[];
	edges: LaidOutEdge[];
	/** The initial-state arrow (a dot at 1, the arrow tip at 2 on the box's top). */
	initialArrow: { x1: number; y1: number; x2: number; y2: number } | null;
	nodeFontSize: number;
	labelFontSize: number;
	/** Distance between the baselines of an edge label's lines. */
	labelLineHeight: number;
	nodeCornerRadius: number;
}

const NODE_PAD_X = 16;
const NODE_GAP = 28;
const ITEM_GAP = 10;
const BEND_WIDTH = 10;
const LABEL_PAD_X = 5;
const LABEL_PAD_Y = 3;
const LAYER_GAP = 22;
/** Vertical distance between two sideways runs in one gap. */
const TRACK_SPACING = 6;
/** Horizontal clearance between two runs sharing a track. */
const TRACK_CLEARANCE = 6;
const MIN_LABEL_LAYER = 10;
const INITIAL_ARROW = 26;
const CORNER = 8;
const SWEEPS = 24;
const PLACEMENT_ROUNDS = 40;

type ItemKind = 'node' | 'label' | 'bend';

interface Item {
	kind: ItemKind;
	layer: number;
	width: number;
	height: number;
	/** Items this one is joined to by an edge segment (repeats allowed). */
	links: number[];
	/** For node items, the node's index. */
	node: number;
}

/** Monotone chains: cubic bumps, vertical at every point, so no curve overshoots sideways. */
const bump = line<Point>().curve(curveBumpY);

/** Coordinates to 1/100 px: d3-path writes no more, and the layout's numbers match its paths. */
const r2 = (n: number) => Math.round(n * 100) / 100;

/** Ranks by BFS from the initial state; states it cannot reach start further BFS at rank 0. */
function bfsRanks(graph: StateGraph): { rank: Map<string, number>; order: string[] } {
	const rank = new Map<string, number>();
	const order: string[] = [];
	const out = new Map<string, string[]>(graph.nodes.map((n) => [n.id, []]));
	for (const e of graph.edges) out.get(e.from)?.push(e.to);
	const roots = [graph.initial, ...graph.nodes.map((n) => n.id)];
	for (const root of roots) {
		if (rank.has(root) || !out.has(root)) continue;
		rank.set(root, 0);
		order.push(root);
		for (let head = order.length - 1; head < order.length; head++) {
			const id = order[head] as string;
			const r = rank.get(id) ?? 0;
			for (const next of out.get(id) ?? []) {
				if (rank.has(next)) continue;
				rank.set(next, r + 1);
				order.push(next);
			}
		}
	}
	return { rank, order };
}

/** Weighted least squares fit to `values` that never decreases (pool adjacent violators). */
function isotonic(values: readonly number[], weights: readonly number[]): number[] {
	const blocks: { v: number; w: number; n: number }[] = [];
	values.forEach((v, i) => {
		blocks.push({ v, w: weights[i] ?? 1, n: 1 });
		for (;;) {
			const b = blocks[blocks.length - 1];
			const a = blocks[blocks.length - 2];
			if (!a || !b || a.v <= b.v) break;
			blocks.splice(blocks.length - 2, 2, {
				v: (a.v * a.w + b.v * b.w) / (a.w + b.w),
				w: a.w + b.w,
				n: a.n + b.n
			});
		}
	});
	return blocks.flatMap((b) => Array<number>(b.n).fill(b.v));
}

/** A sideways run of an edge across the gap between layers `gap` and `gap + 1`. */
interface Run {
	gap: number;
	/** x where the run meets the upper layer and the lower one. */
	upper: number;
	lower: number;
	/** Its track in the gap, 0 the highest; -1 when it goes straight down. */
	track: number;
}

/**
 * Tracks for the runs of one gap (channel routing): a run whose upper end lies over another's
 * span goes above it, and one whose lower end lies under another's span goes below it, so
 * the vertical legs do not cut across sideways runs (cycles of such rules are broken with the
 * fewest violations first). Runs whose spans are apart share a track. Returns the track count.
 */
function assignTracks(list: Run[]): number {
	const lo = (r: Run) => Math.min(r.upper, r.lower);
	const hi = (r: Run) => Math.max(r.upper, r.lower);
	const inside = (v: number, r: Run) => v > lo(r) + 0.5 && v < hi(r) - 0.5;
	const above = list.map((b) =>
		list.flatMap((a, ai) => (a !== b && (inside(a.upper, b) || inside(b.lower, a)) ? [ai] : []))
	);
	const done = list.map(() => false);
	const order: number[] = [];
	while (order.length < list.length) {
		let pick = -1;
		let best = Infinity;
		list.forEach((r, i) => {
			if (done[i]) return;
			const waiting = (above[i] ?? []).filter((a) => !done[a]).length;
			const key = waiting * 1e7 + lo(r);
			if (key < best) {
				best = key;
				pick = i;
			}
		});
		done[pick] = true;
		order.push(pick);
	}
	const tracks: [number, number][][] = [];
	for (const i of order) {
		const r = list[i] as Run;
		let t = Math.max(0, ...(above[i] ?? []).map((a) => (list[a] as Run).track + 1));
		const clash = (k: number) =>
			(tracks[k] ?? []).some(
				([a, b]) => lo(r) < b + TRACK_CLEARANCE && a < hi(r) + TRACK_CLEARANCE
			);
		while (clash(t)) t++;
		r.track = t;
		(tracks[t] ??= []).push([lo(r), hi(r)]);
	}
	return tracks.length;
}

/** Positions for every state and transition of `graph`; see the module comment. */
export function layoutStateChart(
	graph: StateGraph,
	options: StateChartLayoutOptions = {}
): StateChartLayout {
	const nodeHeight = options.nodeHeight ?? 52;
	const minNodeWidth = options.minNodeWidth ?? 96;
	const nodeFontSize = options.nodeFontSize ?? 15;
	const labelFontSize = options.labelFontSize ?? 12;
	const margin = options.margin ?? 12;
	const lineHeight = Math.round(labelFontSize * 1.25);

	const { rank, order } = bfsRanks(graph);
	const nodeIndex = new Map(graph.nodes.map((n, i) => [n.id, i]));

	// Items: the states first (in BFS order), then each edge's label and bends.
	const items: Item[] = [];
	const nodeItem = new Map<string, number>();
	for (const id of order) {
		const n = graph.nodes[nodeIndex.get(id) ?? -1];
		if (!n) continue;
		nodeItem.set(id, items.length);
		items.push({
			kind: 'node',
			layer: 2 * (rank.get(id) ?? 0),
			width: Math.ceil(
				Math.max(minNodeWidth, estimateTextWidth(n.label, nodeFontSize) + 2 * NODE_PAD_X)
			),
			height: nodeHeight,
			links: [],
			node: nodeIndex.get(id) ?? -1
		});
	}

	const labelLoad = new Map<number, number>();
	const chains: { edge: StateGraphEdge; chain: number[]; labelItem: number; lines: string[] }[] =
		[];
	for (const edge of graph.edges) {
		const src = nodeItem.get(edge.from);
		const tgt = nodeItem.get(edge.to);
		if (src === undefined || tgt === undefined) continue;
		const ls = (items[src] as Item).layer;
		const lt = (items[tgt] as Item).layer;
		let between: number[];
		let labelLayer: number;
		if (ls === lt) {
			between = [ls + 1];
			labelLayer = ls + 1;
		} else {
			const step = lt > ls ? 1 : -1;
			between = [];
			for (let l = ls + step; l !== lt; l += step) between.push(l);
			// The label goes in the least crowded label layer, the middle one on a tie.
			const odd = between.filter((l) => l % 2 === 1);
			const mid = (odd.length - 1) / 2;
			let best = odd[0] ?? ls + step;
			let bestKey = Infinity;
			odd.forEach((l, i) => {
				const key = (labelLoad.get(l) ?? 0) * 1000 + Math.abs(i - mid);
				if (key < bestKey) {
					bestKey = key;
					best = l;
				}
			});
			labelLayer = best;
		}
		const lines = edgeLabelLines(graph, edge);
		const labelWidth = Math.ceil(
			Math.max(...lines.map((s) => estimateTextWidth(s, labelFontSize))) + 2 * LABEL_PAD_X
		);
		labelLoad.set(labelLayer, (labelLoad.get(labelLayer) ?? 0) + labelWidth);
		const chain = [src];
		let labelItem = -1;
		for (const l of between) {
			const isLabel = l === labelLayer;
			if (isLabel) labelItem = items.length;
			items.push({
				kind: isLabel ? 'label' : 'bend',
				layer: l,
				width: isLabel ? labelWidth : BEND_WIDTH,
				height: isLabel ? lines.length * lineHeight + 2 * LABEL_PAD_Y : 0,
				links: [],
				node: -1
			});
			chain.push(items.length - 1);
		}
		chain.push(tgt);
		for (let i = 1; i < chain.length; i++) {
			const a = chain[i - 1] as number;
			const b = chain[i] as number;
			(items[a] as Item).links.push(b);
			(items[b] as Item).links.push(a);
		}
		chains.push({ edge, chain, labelItem, lines });
	}

	const layerCount = Math.max(0, ...items.map((it) => it.layer + 1));
	if (layerCount === 0) {
		return {
			width: 2 * margin,
			height: 2 * margin,
			nodes: [],
			edges: [],
			initialArrow: null,
			nodeFontSize,
			labelFontSize,
			labelLineHeight: lineHeight,
			nodeCornerRadius: CORNER
		};
	}
	let layers: number[][] = Array.from({ length: layerCount }, () => []);
	items.forEach((it, i) => layers[it.layer]?.push(i));
	const pos = new Array<number>(items.length).fill(0);
	const reindex = () => layers.forEach((ids) => ids.forEach((id, p) => (pos[id] = p)));
	reindex();

	const item = (i: number) => items[i] as Item;
	const crossingsBetween = (upper: number): number => {
		const segs: Point[] = [];
		for (const i of layers[upper] ?? []) {
			for (const j of item(i).links) {
				if (item(j).layer === upper + 1) segs.push([pos[i] ?? 0, pos[j] ?? 0]);
			}
		}
		let c = 0;
		for (let a = 0; a < segs.length; a++) {
			for (let b = a + 1; b < segs.length; b++) {
				const [a0, a1] = segs[a] as Point;
				const [b0, b1] = segs[b] as Point;
				if ((a0 - b0) * (a1 - b1) < 0) c++;
			}
		}
		return c;
	};
	const crossings = () => {
		let c = 0;
		for (let l = 0; l + 1 < layerCount; l++) c += crossingsBetween(l);
		return c;
	};
	const around = (l: number) => (l > 0 ? crossingsBetween(l - 1) : 0) + crossingsBetween(l);

	// Crossing reduction: barycentre sweeps down and up, then swaps of neighbours that help.
	let best = layers.map((ids) => [...ids]);
	let bestCrossings = crossings();
	for (let sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
		const down = sweep % 2 === 0;
		for (let k = 1; k < layerCount; k++) {
			const l = down ? k : layerCount - 1 - k;
			const ref = down ? l - 1 : l + 1;
			const ids = layers[l] as number[];
			const refSize = Math.max(1, (layers[ref]?.length ?? 1) - 1);
			const ownSize = Math.max(1, ids.length - 1);
			const key = new Map(
				ids.map((i) => {
					const ns = item(i).links.filter((j) => item(j).layer === ref);
					const own = (pos[i] ?? 0) / ownSize;
					if (ns.length === 0) return [i, own];
					return [i, ns.reduce((s, j) => s + (pos[j] ?? 0), 0) / ns.length / refSize];
				})
			);
			ids.sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0) || (pos[a] ?? 0) - (pos[b] ?? 0));
			ids.forEach((id, p) => (pos[id] = p));
		}
		for (let l = 0; l < layerCount; l++) {
			const ids = layers[l] as number[];
			for (let p = 0; p + 1 < ids.length; p++) {
				const before = around(l);
				const a = ids[p] as number;
				const b = ids[p + 1] as number;
				ids[p] = b;
				ids[p + 1] = a;
				pos[a] = p + 1;
				pos[b] = p;
				if (around(l) >= before) {
					ids[p] = a;
					ids[p + 1] = b;
					pos[a] = p;
					pos[b] = p + 1;
				}
			}
		}
		const c = crossings();
		if (c < bestCrossings) {
			bestCrossings = c;
			best = layers.map((ids) => [...ids]);
		}
	}
	layers = best;
	reindex();

	// Horizontal placement: each layer packed, then pulled toward neighbours with order and gaps kept.
	const x = new Array<number>(items.length).fill(0);
	const gapBetween = (a: number, b: number) =>
		(item(a).width + item(b).width) / 2 +
		(item(a).kind === 'node' && item(b).kind === 'node' ? NODE_GAP : ITEM_GAP);
	const offsets = (ids: number[]) => {
		const o = [0];
		for (let p = 1; p < ids.length; p++) {
			o.push((o[p - 1] ?? 0) + gapBetween(ids[p - 1] as number, ids[p] as number));
		}
		return o;
	};
	for (const ids of layers) {
		const o = offsets(ids);
		const centre = (o[o.length - 1] ?? 0) / 2;
		ids.forEach((id, p) => (x[id] = (o[p] ?? 0) - centre));
	}
	const weight: Record<ItemKind, number> = { node: 1, label: 2, bend: 4 };
	for (let round = 0; round < PLACEMENT_ROUNDS; round++) {
		const down = round % 2 === 0;
		for (let k = 0; k < layerCount; k++) {
			const ids = layers[down ? k : layerCount - 1 - k] as number[];
			if (ids.length === 0) continue;
			const o = offsets(ids);
			const targets = ids.map((id, p) => {
				const ns = item(id).links;
				const want = ns.length ? ns.reduce((s, j) => s + (x[j] ?? 0), 0) / ns.length : (x[id] ?? 0);
				return want - (o[p] ?? 0);
			});
			const fitted = isotonic(
				targets,
				ids.map((id) => weight[item(id).kind])
			);
			ids.forEach((id, p) => (x[id] = (fitted[p] ?? 0) + (o[p] ?? 0)));
		}
	}
	const left = Math.min(...items.map((it, i) => (x[i] ?? 0) - it.width / 2));
	const right = Math.max(...items.map((it, i) => (x[i] ?? 0) + it.width / 2));
	const shift = margin - left;

	const X = (i: number) => r2((x[i] ?? 0) + shift);

	// Ports: every edge leaves and enters a box through its top or bottom side, the ports of a
	// side spread evenly in the order of where their edges go, so endpoints never coincide.
	interface Port {
		edge: number;
		end: 'start' | 'end';
		toward: number;
	}
	const ports = new Map<string, Port[]>();
	const attach = (item: number, side: 'top' | 'bottom', port: Port) => {
		const key = `${side}|${item}`;
		ports.set(key, [...(ports.get(key) ?? []), port]);
	};
	const routed = chains.map(({ edge, chain, labelItem, lines }, i) => {
		const src = chain[0] as number;
		const tgt = chain[chain.length - 1] as number;
		const inner = chain.slice(1, -1);
		const sameRank = item(src).layer === item(tgt).layer;
		const down = item(tgt).layer > item(src).layer;
		const labelWidth = item(labelItem).width;
		/** Half the distance between the two legs of an edge that dips into its label and back. */
		const leg = Math.min(labelWidth / 4, 12);
		const dir = X(tgt) >= X(src) ? 1 : -1;
		if (sameRank) {
			attach(src, 'bottom', { edge: i, end: 'start', toward: X(labelItem) - dir * leg });
			attach(tgt, 'bottom', { edge: i, end: 'end', toward: X(labelItem) + dir * leg });
		} else {
			attach(src, down ? 'bottom' : 'top', { edge: i, end: 'start', toward: X(inner[0] ?? tgt) });
			attach(tgt, down ? 'top' : 'bottom', {
				edge: i,
				end: 'end',
				toward: X(inner[inner.length - 1] ?? src)
			});
		}
		return { edge, src, tgt, inner, labelItem, lines, sameRank, down, leg, dir };
	});
	const portX = routed.map(() => ({ start: 0, end: 0 }));
	for (const [key, list] of ports) {
		const id = Number(key.slice(key.indexOf('|') + 1));
		const width = item(id).width;
		list.sort(
			(a, b) =>
				a.toward - b.toward || a.edge - b.edge || (a.end === b.end ? 0 : a.end === 'start' ? -1 : 1)
		);
		const inset = Math.min(CORNER + 4, width / 4);
		const span = width - 2 * inset;
		list.forEach((p, k) => {
			const ends = portX[p.edge];
			if (ends) ends[p.end] = r2(X(id) - width / 2 + inset + (span * (k + 0.5)) / list.length);
		});
	}

	// Each edge crosses every layer between its ends vertically (behind its label in the label's
	// layer) and moves sideways only in the gaps between layers, each sideways run on a track of
	// its own height in the gap, so no two runs lie on each other and none crosses a box.
	const runs: Run[][] = routed.map((r, i) => {
		const ends = portX[i] as { start: number; end: number };
		const ls = item(r.src).layer;
		const columns: [number, number][] = r.sameRank
			? [
					[ls, ends.start],
					[ls + 1, X(r.labelItem) - r.dir * r.leg],
					[ls + 1, X(r.labelItem) + r.dir * r.leg],
					[ls, ends.end]
				]
			: [
					[ls, ends.start],
					...r.inner.map((id): [number, number] => [item(id).layer, X(id)]),
					[item(r.tgt).layer, ends.end]
				];
		const list: Run[] = [];
		for (let k = 1; k < columns.length; k++) {
			const [la, xa] = columns[k - 1] as [number, number];
			const [lb, xb] = columns[k] as [number, number];
			if (la === lb) continue;
			list.push({
				gap: Math.min(la, lb),
				upper: la < lb ? xa : xb,
				lower: la < lb ? xb : xa,
				track: -1
			});
		}
		return list;
	});
	const trackCount = new Array<number>(Math.max(0, layerCount - 1)).fill(0);
	for (let g = 0; g + 1 < layerCount; g++) {
		const inGap = runs.flat().filter((r) => r.gap === g && Math.abs(r.upper - r.lower) >= 0.5);
		trackCount[g] = assignTracks(inGap);
	}

	// Vertical placement: node layers as tall as a box, label layers as their tallest label,
	// gaps as tall as their tracks need.
	const hasInitial = nodeItem.has(graph.initial);
	let cursor = margin + (hasInitial ? INITIAL_ARROW : 0);
	const layerTop: number[] = [];
	const layerBottom: number[] = [];
	const gapTrack: number[] = [];
	for (let l = 0; l < layerCount; l++) {
		const tallest = Math.max(0, ...(layers[l] ?? []).map((i) => item(i).height));
		const h = l % 2 === 0 ? nodeHeight : Math.max(MIN_LABEL_LAYER, tallest);
		layerTop.push(cursor);
		layerBottom.push(cursor + h);
		cursor += h;
		if (l + 1 < layerCount) {
			const tracks = trackCount[l] ?? 0;
			const gap = Math.max(LAYER_GAP, (tracks + 1) * TRACK_SPACING);
			gapTrack.push(gap / (tracks + 1));
			cursor += gap;
		}
	}
	const mid = (i: number) =>
		((layerTop[item(i).layer] ?? 0) + (layerBottom[item(i).layer] ?? 0)) / 2;

	const nodes: LaidOutNode[] = [];
	for (const [i, it] of items.entries()) {
		const n = graph.nodes[it.node];
		if (it.kind !== 'node' || !n) continue;
		const [cx, cy] = [X(i), mid(i)];
		nodes.push({
			...n,
			x: cx - it.width / 2,
			y: cy - it.height / 2,
			width: it.width,
			height: it.height,
			cx,
			cy,
			rank: rank.get(n.id) ?? 0
		});
	}
	nodes.sort((a, b) => (nodeIndex.get(a.id) ?? 0) - (nodeIndex.get(b.id) ?? 0));

	const edges: LaidOutEdge[] = routed.map((r, i) => {
		const label: EdgeLabelBox = {
			x: X(r.labelItem),
			y: mid(r.labelItem),
			width: item(r.labelItem).width,
			height: item(r.labelItem).height,
			lines: r.lines
		};
		const ends = portX[i] as { start: number; end: number };
		const ls = item(r.src).layer;
		const lt = item(r.tgt).layer;
		const start: Point = [
			ends.start,
			r.down || r.sameRank ? (layerBottom[ls] ?? 0) : (layerTop[ls] ?? 0)
		];
		const end: Point = [ends.end, r.down ? (layerTop[lt] ?? 0) : (layerBottom[lt] ?? 0)];
		const points: Point[] = [start];
		const gapTop = (g: number) => layerBottom[g] ?? 0;
		const cross = (run: Run | undefined, from: number, to: number, downward: boolean) => {
			if (!run || run.track < 0) return;
			const spacing = gapTrack[run.gap] ?? LAYER_GAP;
			const ty = r2(gapTop(run.gap) + (run.track + 1) * spacing);
			const bend = r2(Math.min(spacing * 0.45, 8));
			points.push([from, downward ? ty - bend : ty + bend], [to, downward ? ty + bend : ty - bend]);
		};
		const own = runs[i] as Run[];
		if (r.sameRank) {
			const [a, b] = [label.x - r.dir * r.leg, label.x + r.dir * r.leg];
			const top = layerTop[ls + 1] ?? 0;
			cross(own[0], start[0], a, true);
			points.push([a, top], [a, label.y], [b, label.y], [b, top]);
			cross(own[1], b, end[0], false);
		} else {
			let from = start[0];
			r.inner.forEach((id, k) => {
				const l = item(id).layer;
				cross(own[k], from, X(id), r.down);
				from = X(id);
				const [top, bottom] = [layerTop[l] ?? 0, layerBottom[l] ?? 0];
				points.push([from, r.down ? top : bottom], [from, r.down ? bottom : top]);
			});
			cross(own[r.inner.length], from, end[0], r.down);
		}
		points.push(end);
		return {
			...r.edge,
			points,
			path: bump(points) ?? '',
			start,
			end,
			label,
			selfLoop: r.edge.from === r.edge.to
		};
	});

	const initialNode = nodes.find((n) => n.id === graph.initial);
	return {
		width: Math.ceil(right - left + 2 * margin),
		height: Math.ceil(cursor + margin),
		nodes,
		edges,
		initialArrow: initialNode
			? {
					x1: initialNode.cx,
					y1: initialNode.y - INITIAL_ARROW + 4,
					x2: initialNode.cx,
					y2: initialNode.y
				}
			: null,
		nodeFontSize,
		labelFontSize,
		labelLineHeight: lineHeight,
		nodeCornerRadius: CORNER
	};
}
