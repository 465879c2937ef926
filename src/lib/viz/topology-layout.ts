/**
 * Layout of the cluster topology view: members in a row grouped into CEC boxes, every ISFC
 * logical link as an arc above the row (an arc diagram: each pair of members gets its own
 * arc, higher the further apart they are, so up to six links stay apart), and the shared PDR
 * volume below with a connector to each member. D3 computes; the Svelte view only renders.
 */
import { scaleLinear } from 'd3-scale';
import { curveNatural, line } from 'd3-shape';

export interface TopoMemberInput {
	name: string;
	cec: string;
}

export interface TopoLinkInput {
	id: string;
	between: readonly [string, string];
	capacityMBps: number;
	/** CTC devices on each CHPID, in the link's order. */
	chpids: readonly number[];
}

/** One CTC device's square in a CHPID block (absolute coordinates). */
export interface TopoCtc {
	x: number;
	y: number;
	size: number;
}

/** One CHPID drawn as a block of its CTC devices under the link's label (absolute coordinates). */
export interface TopoChpid {
	x: number;
	y: number;
	width: number;
	height: number;
	/** Where its id is written (left of its devices, vertically centred). */
	idX: number;
	idY: number;
	ctcs: TopoCtc[];
}

export interface TopoNode {
	name: string;
	x: number;
	y: number;
	width: number;
	height: number;
	cx: number;
}

export interface TopoCec {
	name: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface TopoLink {
	id: string;
	path: string;
	/** Where the label sits (the top of the arc); the label's box is {@link LABEL_BOX} around it. */
	labelX: number;
	labelY: number;
	/** Width of the label's box (its CHPID blocks may need more than the default). */
	labelWidth: number;
	strokeWidth: number;
	chpids: TopoChpid[];
}

export interface TopoLayout {
	width: number;
	height: number;
	nodes: TopoNode[];
	cecs: TopoCec[];
	links: TopoLink[];
	pdr: { cx: number; top: number; rx: number; ry: number; height: number };
	pdrConnectors: string[];
}

export const NODE_W = 176;
export const NODE_H = 92;
const MEMBER_GAP = 44;
const CEC_GAP = 70;
const CEC_PAD = 16;
const CEC_LABEL_H = 30;
/**
 * A link's label box around its anchor (the top of the arc): three lines of text (capacity,
 * devices, traffic), then the CHPID blocks. Relocation lines go under it.
 */
export const LABEL_BOX = { top: -26, bottom: 62, minWidth: 150 } as const;
/** Where the CHPID blocks start, below the anchor. */
const STRIP_Y = 32;
/** A CTC device's square, the gap between squares, and what a CHPID block adds around them. */
export const CTC_SIZE = 11;
const CTC_GAP = 2;
const BLOCK_PAD = 3;
const BLOCK_ID_W = 16;
const BLOCK_GAP = 5;
/** Height of an arc spanning one neighbour, and what each further span adds (a label box and a line). */
const ARC_BASE = 112;
const ARC_STEP = 100;
/** Room above the highest arc for its label. */
const LABEL_ROOM = 30;
/** Horizontal spacing of link endpoints along a node's top edge. */
const PORT_SPACING = 30;
const PDR_GAP = 46;
const PDR_RX = 92;
const PDR_RY = 14;
const PDR_H = 54;
const MARGIN = 14;

/** Stroke width of a link from its capacity (MB/s): wider carries more. */
export const capacityWidth = scaleLinear().domain([0, 1600]).range([3, 12]).clamp(true);

const arcLine = line<[number, number]>().curve(curveNatural);

/** The CHPID blocks of a link, centred under its label anchor, and the width they take. */
export function chpidBlocks(
	counts: readonly number[],
	cx: number,
	cy: number
): { blocks: TopoChpid[]; width: number } {
	const step = CTC_SIZE + CTC_GAP;
	const shapes = counts.map((n) => {
		const rows = n >= 2 ? 2 : 1;
		const cols = Math.max(1, Math.ceil(n / rows));
		return {
			n,
			rows,
			cols,
			width: BLOCK_PAD + BLOCK_ID_W + cols * step - CTC_GAP + BLOCK_PAD,
			height: BLOCK_PAD + rows * step - CTC_GAP + BLOCK_PAD
		};
	});
	const width =
		shapes.reduce((a, b) => a + b.width, 0) + Math.max(0, shapes.length - 1) * BLOCK_GAP;
	const height = Math.max(0, ...shapes.map((b) => b.height));
	let x = cx - width / 2;
	const y0 = cy + STRIP_Y;
	const blocks = shapes.map((b) => {
		const y = y0 + (height - b.height) / 2;
		const ctcs: TopoCtc[] = Array.from({ length: b.n }, (_, i) => ({
			x: x + BLOCK_PAD + BLOCK_ID_W + Math.floor(i / b.rows) * step,
			y: y + BLOCK_PAD + (i % b.rows) * step,
			size: CTC_SIZE
		}));
		const block: TopoChpid = {
			x,
			y,
			width: b.width,
			height: b.height,
			idX: x + BLOCK_PAD + BLOCK_ID_W / 2 - 1,
			idY: y + b.height / 2 + 4,
			ctcs
		};
		x += b.width + BLOCK_GAP;
		return block;
	});
	return { blocks, width };
}

/**
 * Positions for a cluster: members keep their order within a CEC; CECs appear in the order
 * of their first member.
 */
export function layoutTopology(
	members: readonly TopoMemberInput[],
	links: readonly TopoLinkInput[],
	minWidth = 1000
): TopoLayout {
	const cecNames: string[] = [];
	for (const m of members) if (!cecNames.includes(m.cec)) cecNames.push(m.cec);
	const ordered = cecNames.flatMap((c) => members.filter((m) => m.cec === c));
	const index = new Map(ordered.map((m, i) => [m.name, i]));

	const spans = links.map((l) =>
		Math.abs((index.get(l.between[0]) ?? 0) - (index.get(l.between[1]) ?? 0))
	);
	const maxSpan = Math.max(1, ...spans);
	const arcHeight = (span: number) => ARC_BASE + ARC_STEP * (Math.max(1, span) - 1);
	const rowY = MARGIN + LABEL_ROOM + arcHeight(maxSpan) + CEC_PAD;

	// Horizontal placement: members side by side, a wider gap between CECs, all centred.
	const content =
		ordered.length * NODE_W +
		(ordered.length - cecNames.length) * MEMBER_GAP +
		(cecNames.length - 1) * CEC_GAP +
		cecNames.length * 2 * CEC_PAD;
	const width = Math.max(minWidth, content + 2 * MARGIN);
	let x = (width - content) / 2;
	const nodes: TopoNode[] = [];
	const cecs: TopoCec[] = [];
	for (const c of cecNames) {
		const inCec = ordered.filter((m) => m.cec === c);
		const cecX = x;
		x += CEC_PAD;
		inCec.forEach((m, i) => {
			if (i > 0) x += MEMBER_GAP;
			nodes.push({ name: m.name, x, y: rowY, width: NODE_W, height: NODE_H, cx: x + NODE_W / 2 });
			x += NODE_W;
		});
		x += CEC_PAD;
		cecs.push({
			name: c,
			x: cecX,
			y: rowY - CEC_PAD,
			width: x - cecX,
			height: NODE_H + 2 * CEC_PAD + CEC_LABEL_H
		});
		x += CEC_GAP;
	}
	const byName = new Map(nodes.map((n) => [n.name, n]));

	// Each node spreads its link endpoints along its top edge, ordered by where the peer is.
	const ports = new Map<string, number>();
	for (const n of nodes) {
		const attached = links
			.filter((l) => l.between.includes(n.name))
			.map((l) => {
				const other = l.between[0] === n.name ? l.between[1] : l.between[0];
				return { id: l.id, otherX: byName.get(other)?.cx ?? n.cx };
			})
			.sort((a, b) => a.otherX - b.otherX);
		attached.forEach((a, i) => {
			ports.set(`${n.name}|${a.id}`, n.cx + (i - (attached.length - 1) / 2) * PORT_SPACING);
		});
	}

	const topoLinks: TopoLink[] = links.flatMap((l, i) => {
		const a = byName.get(l.between[0]);
		const b = byName.get(l.between[1]);
		if (!a || !b) return [];
		const [left, right] = a.cx <= b.cx ? [a, b] : [b, a];
		const x1 = ports.get(`${left.name}|${l.id}`) ?? left.cx;
		const x2 = ports.get(`${right.name}|${l.id}`) ?? right.cx;
		const apexY = rowY - arcHeight(spans[i] ?? 1);
		const midX = (x1 + x2) / 2;
		const path =
			arcLine([
				[x1, rowY],
				[midX, apexY],
				[x2, rowY]
			]) ?? '';
		const strip = chpidBlocks(l.chpids, midX, apexY);
		return [
			{
				id: l.id,
				path,
				labelX: midX,
				labelY: apexY,
				labelWidth: Math.max(LABEL_BOX.minWidth, strip.width + 14),
				strokeWidth: capacityWidth(l.capacityMBps),
				chpids: strip.blocks
			}
		];
	});

	const cecBottom = rowY - CEC_PAD + NODE_H + 2 * CEC_PAD + CEC_LABEL_H;
	const pdrTop = cecBottom + PDR_GAP;
	const pdrCx = width / 2;
	const pdrConnectors = nodes.map((n) => {
		const y0 = n.y + n.height;
		return (
			line<[number, number]>().curve(curveNatural)([
				[n.cx, y0],
				[n.cx + (pdrCx - n.cx) * 0.35, (y0 + pdrTop) / 2 + 12],
				[
					pdrCx + Math.sign(n.cx - pdrCx) * Math.min(PDR_RX - 12, Math.abs(n.cx - pdrCx) * 0.3),
					pdrTop
				]
			]) ?? ''
		);
	});

	return {
		width,
		height: pdrTop + PDR_H + 2 * PDR_RY + MARGIN,
		nodes,
		cecs,
		links: topoLinks,
		pdr: { cx: pdrCx, top: pdrTop, rx: PDR_RX, ry: PDR_RY, height: PDR_H },
		pdrConnectors
	};
}
