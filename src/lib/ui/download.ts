/** Saves text as a file through the browser's download (no server involved). */
export function downloadText(name: string, text: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started from the URL by now; free it a moment later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
