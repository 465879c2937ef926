/**
 * z/VM storage sizes and simulator durations.
 *
 * Storage follows the z/VM user directory convention (USER statement `6G 16G G`): a number
 * with a unit suffix K, M, G or T (binary multiples: 1K = 1024 bytes). A bare number is
 * rejected, as DIRECTXA rejects `USER X PW 512 1024` – the simulator never guesses whether
 * a bare number meant bytes or megabytes. Decimals such as `1.5G` are accepted as long as
 * the result is a whole number of bytes.
 */
import { quote } from './diagnostics';

/** Bytes per unit suffix (binary multiples, as z/VM uses them). */
export const SIZE_UNITS = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 } as const;

/** A size suffix. */
export type SizeUnit = keyof typeof SIZE_UNITS;

/** Result of {@link parseSize}. */
export type SizeResult = { ok: true; bytes: number } | { ok: false; reason: string };

/** Result of {@link parseDuration}. */
export type DurationResult = { ok: true; ms: number } | { ok: false; reason: string };

const SIZE_RE = /^(\d{1,16})(?:\.(\d{1,12}))?([KMGT])$/;
const BARE_NUMBER_RE = /^\d+(?:\.\d+)?$/;

/**
 * Parses a z/VM storage size (`512M`, `6G`, `4096K`, `1T`, `1.5G`), case-insensitively.
 * Never throws; the reason names the offending text.
 */
export function parseSize(text: string): SizeResult {
	const t = String(text).trim().toUpperCase();
	const m = SIZE_RE.exec(t);
	if (!m) {
		if (BARE_NUMBER_RE.test(t)) {
			return {
				ok: false,
				reason: `${quote(t)} has no unit: z/VM sizes need a suffix K, M, G or T (a bare number is not accepted)`
			};
		}
		return { ok: false, reason: `${quote(t)} is not a z/VM size (use K, M, G or T)` };
	}
	const [, whole = '0', frac = '', unitText = 'K'] = m;
	const unit = BigInt(SIZE_UNITS[unitText as SizeUnit]);
	const scale = BigInt(10) ** BigInt(frac.length);
	const scaled = BigInt(whole + frac) * unit;
	if (scaled % scale !== BigInt(0)) {
		return { ok: false, reason: `${quote(t)} is not a whole number of bytes` };
	}
	const bytes = scaled / scale;
	if (bytes > BigInt(Number.MAX_SAFE_INTEGER))
		return { ok: false, reason: `${quote(t)} is too large` };
	return { ok: true, bytes: Number(bytes) };
}

/**
 * Formats bytes in the z/VM form: the largest unit that divides the size exactly (`6G`,
 * `3900M`, `1536M`), as CP displays storage. Sizes that are not a multiple of 1K come out
 * as an exact decimal of K (`1.5K`), so `parseSize(formatSize(n))` gives `n` back for every
 * whole `n ≥ 0`. Negative or non-finite input gives `0M`; fractions of a byte are dropped.
 */
export function formatSize(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes <= 0) return '0M';
	const b = Math.floor(bytes);
	for (const unit of ['T', 'G', 'M', 'K'] as const) {
		const size = SIZE_UNITS[unit];
		if (b % size === 0) return `${b / size}${unit}`;
	}
	// b / 1024 always has a finite decimal expansion of at most 10 digits.
	let rest = b % 1024;
	let digits = '';
	while (rest !== 0 && digits.length < 10) {
		rest *= 10;
		digits += String(Math.floor(rest / 1024));
		rest %= 1024;
	}
	return `${Math.floor(b / 1024)}.${digits}K`;
}

const DURATION_UNITS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
const DURATION_ORDER = ['h', 'm', 's', 'ms'];
const DURATION_PART_RE = /(\d{1,12})(?:\.(\d{1,6}))?(ms|h|m|s)/y;

/**
 * Parses a duration (`5s`, `250ms`, `2m`, `1h`, `1m30s`, `1.5s`) into whole milliseconds.
 * Parts must come largest unit first, each unit at most once. A bare number is rejected
 * because seconds and milliseconds are both plausible. Never throws.
 */
export function parseDuration(text: string): DurationResult {
	const t = String(text).trim().toLowerCase();
	const bad = {
		ok: false as const,
		reason: `${quote(t)} is not a duration (use h, m, s or ms, e.g. 1m30s)`
	};
	if (t === '') return bad;
	if (BARE_NUMBER_RE.test(t)) {
		return {
			ok: false,
			reason: `${quote(t)} has no unit: write it with h, m, s or ms (e.g. 5s or 250ms)`
		};
	}
	DURATION_PART_RE.lastIndex = 0;
	let ms = 0;
	let lastRank = -1;
	let pos = 0;
	while (pos < t.length) {
		DURATION_PART_RE.lastIndex = pos;
		const m = DURATION_PART_RE.exec(t);
		if (!m) return bad;
		const [, whole = '0', frac = '', unit = 's'] = m;
		const rank = DURATION_ORDER.indexOf(unit);
		if (rank <= lastRank) {
			return {
				ok: false,
				reason: `${quote(t)}: units must go from largest to smallest, each once (e.g. 1h2m3s)`
			};
		}
		lastRank = rank;
		const factor = DURATION_UNITS[unit] ?? 1;
		const scale = 10 ** frac.length;
		const fracMs = Number(frac || '0') * factor;
		if (fracMs % scale !== 0)
			return { ok: false, reason: `${quote(t)} is not a whole number of milliseconds` };
		ms += Number(whole) * factor + fracMs / scale;
		pos = DURATION_PART_RE.lastIndex;
	}
	if (!Number.isSafeInteger(ms)) return { ok: false, reason: `${quote(t)} is too long` };
	return { ok: true, ms };
}
