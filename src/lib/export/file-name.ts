/**
 * Names of the files the lab saves: what is in them and when, so that a folder of downloads
 * sorts and reads on its own: `quiesce-itsossia-convergence-ITSOLNX1-t0h01m42.310s.svg`.
 * Pure; the names hold only letters, digits, `.`, `_` and `-`, safe on every file system.
 */

/** Simulated ms as `0h01m42.310s`: fixed width to the hour, so names sort by time. */
export function fileTime(ms: number): string {
	const total = Math.max(0, Math.floor(Number.isFinite(ms) ? ms : 0));
	const milli = total % 1000;
	const secs = Math.floor(total / 1000);
	const s = secs % 60;
	const m = Math.floor(secs / 60) % 60;
	const h = Math.floor(secs / 3600);
	return `${h}h${String(m).padStart(2, '0')}m${String(s).padStart(2, '0')}.${String(milli).padStart(3, '0')}s`;
}

/** A part of a file name: runs of anything but letters, digits, `.` and `_` become one `-`. */
export function fileNamePart(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9._]+/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 60);
}

export interface FileNameParts {
	/** The scenario's id, or null when there is none (a chart outside the lab). */
	scenario: string | null;
	/** What the file holds: `convergence-ITSOLNX1`, `run-passes`. */
	what: string;
	/** The simulated time shown when it was saved, or null. */
	simMs: number | null;
	/** The extension, without the dot: `svg`, `png`, `csv`, `json`. */
	ext: string;
}

/** `quiesce-<scenario>-<what>-t<time>.<ext>`, leaving out the parts that are not known. */
export function exportFileName(p: FileNameParts): string {
	const parts = ['quiesce'];
	if (p.scenario !== null && fileNamePart(p.scenario)) parts.push(fileNamePart(p.scenario));
	if (fileNamePart(p.what)) parts.push(fileNamePart(p.what));
	if (p.simMs !== null) parts.push(`t${fileTime(p.simMs)}`);
	return `${parts.join('-')}.${fileNamePart(p.ext).toLowerCase() || 'dat'}`;
}
