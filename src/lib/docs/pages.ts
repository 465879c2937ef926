/**
 * The pages of the reference at /docs, in the order the sidebar and the index list them. The
 * embed API's page (`/docs/embed`) is written by the embed work; it is listed only when its route
 * exists in the build (`hasEmbedPage`), so the prerenderer never follows a link to a missing page.
 */
export interface DocsPage {
	/** Path under /docs: '' for the index, 'commands', … */
	readonly slug: string;
	readonly title: string;
	readonly summary: string;
}

export const DOCS_PAGES: readonly DocsPage[] = [
	{
		slug: 'commands',
		title: 'Commands',
		summary:
			'Every command the console accepts: syntax, operands, minimum abbreviations and an example from the documents.'
	},
	{
		slug: 'scenarios',
		title: 'Scenario format',
		summary:
			'The scenario file, property by property, generated from its JSON Schema, with the schema to download and an annotated example.'
	},
	{
		slug: 'embed',
		title: 'Embed API',
		summary: 'Putting one focused scenario in another page, and talking to it.'
	},
	{
		slug: 'model',
		title: 'How the model works',
		summary:
			'The pre-copy algorithm and its convergence, the z/VM, QEMU and Xen policies, quiesce and the limits, every parameter with its source, and what the simulator simplifies.'
	}
];

/** The docs pages present in this build: the embed page only when `hasEmbedPage`. */
export function docsPages(hasEmbedPage: boolean): readonly DocsPage[] {
	return DOCS_PAGES.filter((p) => p.slug !== 'embed' || hasEmbedPage);
}
