/**
 * The HTML a documentation site pastes to embed a run: an iframe of `/embed/`, or embed.js and
 * a `<quiesce-embed>` tag with the same parameters as attributes. Pure: addresses come in.
 */

/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('"', '&quot;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;');
}

export const EMBED_TITLE = 'Quiesce: z/VM SSI cluster lab';
/** The iframe's height before the host resizes it (the embed reports its own by postMessage). */
export const DEFAULT_HEIGHT = 640;

/** An iframe of the embed at `src` (an absolute `/embed/#…` address). */
export function iframeSnippet(src: string, title = EMBED_TITLE, height = DEFAULT_HEIGHT): string {
	return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" loading="lazy" style="border: 0"></iframe>`;
}

/**
 * embed.js and a `<quiesce-embed>` with the embed's parameters as attributes. `origin` is left
 * out: the element always gives the embed its own page's origin.
 */
export function elementSnippet(scriptSrc: string, paramText: string): string {
	const attributes = [...new URLSearchParams(paramText)]
		.filter(([name]) => name !== 'origin')
		.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
		.join('');
	return `<script src="${escapeAttribute(scriptSrc)}" defer></script>\n<quiesce-embed${attributes}></quiesce-embed>`;
}
