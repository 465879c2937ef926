/**
 * QUERY ALLOC PAGE: the member's paging volumes and their use (000 Example ):
 *
 *                     EXTENT     EXTENT  TOTAL  PAGES   HIGH    %
 *     VOLID  RDEV      START        END  PAGES IN USE   PAGE USED
 *     SSI6P2 9C21          1      10016  1761K      0      0   0%
 *     SSI6P1 9E2F          1      10016  1761K      2     15   1%
 *     SUMMARY                            3521K      2          1%
 *     USABLE                             3521K      2          1%
 *
 * The OCR kept the words and their order, not the columns; the columns here are right-aligned
 * under their headings, and no rule lines are printed because the book shows none. Page counts
 * of a million or more print in K (1,802,880 pages → 1761K, 3,605,760 → 3521K: rounded to
 * the nearest K); % USED rounds up (2 of 1,802,880 pages is 1%). Volumes are listed in real
 * device order (the book lists 9C21 before 9E2F). A member whose scenario gives no paging
 * volumes shows only its SUMMARY and USABLE lines, from its paging space and paging in use.
 */
import { PAGE_BYTES } from '../engine/page-map';
import { activePagingVolumes, volumePages } from '../model/paging';
import type { CommandContext } from './context';
import { HCP, ok, type CommandOutput } from './responses';
import { kw, matches } from './words';

/** A page count as CP prints it in a six-character column. */
export function pageCount(n: number): string {
	return n >= 1_000_000 ? `${Math.round(n / 1024)}K` : String(n);
}

/** % USED: rounded up, so any page in use shows at least 1%. */
export function percentUsed(inUse: number, total: number): string {
	return `${total === 0 ? 0 : Math.ceil((inUse * 100) / total)}%`;
}

const row = (
	volid: string,
	rdev: string,
	start: string,
	end: string,
	total: string,
	inUse: string,
	high: string,
	used: string
): string =>
	`${volid.padEnd(6)} ${rdev.padEnd(4)} ${start.padStart(10)} ${end.padStart(10)} ${total.padStart(6)} ${inUse.padStart(6)} ${high.padStart(6)} ${used.padStart(4)}`.trimEnd();

/** QUERY ALLOC PAGE (000 Example ). Other QUERY ALLOC operands are not modelled. */
export function queryAlloc(ctx: CommandContext, args: string[]): CommandOutput {
	const [what, extra] = args;
	if (what === undefined) return HCP.missingOperand();
	if (!matches(what, kw('PAGE'))) return HCP.invalidOption(what);
	if (extra !== undefined) return HCP.invalidOption(extra);
	const m = ctx.on;
	const volumes = activePagingVolumes(m.resources);
	const lines = [
		row('', '', 'EXTENT', 'EXTENT', 'TOTAL', 'PAGES', 'HIGH', '%'),
		row('VOLID', 'RDEV', 'START', 'END', 'PAGES', 'IN USE', 'PAGE', 'USED')
	];
	for (const v of volumes) {
		const total = volumePages(v);
		lines.push(
			row(
				v.volser,
				v.rdev,
				String(v.firstCylinder),
				String(v.lastCylinder),
				pageCount(total),
				String(v.inUsePages),
				String(v.highPage),
				percentUsed(v.inUsePages, total)
			)
		);
	}
	const total = Math.floor(m.pagingBytes / PAGE_BYTES);
	const inUse = Math.ceil(m.resources.pagingInUseBytes / PAGE_BYTES);
	const summary = (label: string) =>
		`${label.padEnd(33)} ${pageCount(total).padStart(6)} ${String(inUse).padStart(6)} ${''.padStart(6)} ${percentUsed(inUse, total).padStart(4)}`;
	lines.push(summary('SUMMARY'), summary('USABLE'));
	return ok(...lines);
}
