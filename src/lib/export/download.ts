/**
 * Saves a file from the page: a Blob behind an object URL, clicked through a temporary
 * `<a download>`. Browser only. The URL is released a minute later rather than at once:
 * some browsers start reading it only after the click has returned.
 */

/** MIME types of the files the lab saves. */
export const MIME = {
	svg: 'image/svg+xml',
	png: 'image/png',
	csv: 'text/csv;charset=utf-8',
	json: 'application/json'
} as const;

const RELEASE_AFTER_MS = 60_000;

/** Saves `blob` as a file named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.append(a);
	try {
		a.click();
	} finally {
		a.remove();
		setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
	}
}

/** Saves text as a file of type `type`. */
export function downloadText(text: string, type: string, name: string): void {
	downloadBlob(new Blob([text], { type }), name);
}
