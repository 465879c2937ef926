/**
 * Number and time formats shared by the lab's charts (convergence, quiesce window). Pure and
 * locale-fixed (`en-US`), so tests, tables and image descriptions read the same everywhere.
 */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', {
	notation: 'compact',
	maximumSignificantDigits: 3
});

/** A whole count with thousands separators: `1,310,720`. */
export function formatCount(n: number): string {
	return Number.isFinite(n) ? grouped.format(n) : String(n);
}

/** A count for an axis tick: `250K`, `1.25M`, `10`. */
export function formatCompact(n: number): string {
	return Number.isFinite(n) ? compact.format(n) : String(n);
}

/** `n` to `digits` significant digits, without trailing zeros. */
function sig(n: number, digits: number): string {
	return String(Number(n.toPrecision(digits)));
}

/**
 * A duration as a learner reads it: `0.4 ms`, `173 ms`, `1.25 s`, `10 s`, `2 min 5 s`;
 * `NOLIMIT` for null or Infinity (VMRELOCATE's word for no limit).
 */
export function formatMs(ms: number | null): string {
	if (ms === null || ms === Infinity) return 'NOLIMIT';
	if (!Number.isFinite(ms)) return String(ms);
	const a = Math.abs(ms);
	if (a < 10) return `${sig(ms, 2)} ms`;
	if (a < 1000) return `${Math.round(ms)} ms`;
	if (a < 60_000) return `${sig(ms / 1000, 3)} s`;
	const min = Math.floor(a / 60_000);
	const s = Math.round((a - min * 60_000) / 1000);
	return `${ms < 0 ? '-' : ''}${min} min${s ? ` ${s} s` : ''}`;
}

/** A rate in pages per ms to 3 significant digits: `262 pages/ms`. */
export function formatRate(pagesPerMs: number): string {
	return `${Number.isFinite(pagesPerMs) ? sig(pagesPerMs, 3) : String(pagesPerMs)} pages/ms`;
}

/** A ratio to 3 significant digits (`0.125`). */
export function formatRatio(r: number): string {
	return Number.isFinite(r) ? sig(r, 3) : String(r);
}
