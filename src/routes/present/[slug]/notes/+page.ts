import { error } from '@sveltejs/kit';
import { DECKS, deckBySlug } from '$lib/present/decks';
import type { EntryGenerator, PageLoad } from './$types';

/** Every deck's notes window is prerendered. */
export const entries: EntryGenerator = () => DECKS.map((d) => ({ slug: d.slug }));

export const load: PageLoad = ({ params }) => {
	const deck = deckBySlug(params.slug);
	if (!deck) error(404, `No deck "${params.slug}"`);
	return { deck };
};
