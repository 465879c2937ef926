/**
 * Simulated wall-clock formatting for console output, without the host's Date (the core runs
 * on simulated time only). Civil-from-days after Howard Hinnant's algorithm, in UTC.
 */

const DAY_MS = 86_400_000;

/** Calendar fields of an epoch-millisecond instant (UTC). */
export function civil(ms: number): {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
} {
	const days = Math.floor(ms / DAY_MS);
	const rem = ms - days * DAY_MS;
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
	const secs = Math.floor(rem / 1000);
	return {
		year,
		month,
		day,
		hour: Math.floor(secs / 3600),
		minute: Math.floor(secs / 60) % 60,
		second: secs % 60
	};
}

/** Epoch milliseconds of a UTC calendar time given as `YYYY-MM-DDTHH:MM:SS`, or null if malformed. */
export function parseCivil(text: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z?$/.exec(text);
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
		number,
		number,
		number,
		number,
		number,
		number
	];
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
	const yy = mo <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	const days = era * 146097 + doe - 719468;
	return days * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `mm/dd/yy hh:mm:ss`, the form QUERY SSI and FORMSSI print (000 Example 2-5, 2-6). */
export function formatStamp(ms: number): string {
	const c = civil(ms);
	return `${two(c.month)}/${two(c.day)}/${two(c.year % 100)} ${two(c.hour)}:${two(c.minute)}:${two(c.second)}`;
}

/** `hh:mm:ss`, the clock at the end of a CP `Ready;` line. */
export function formatClock(ms: number): string {
	const c = civil(ms);
	return `${two(c.hour)}:${two(c.minute)}:${two(c.second)}`;
}
