import { error } from '@sveltejs/kit';
import { LESSONS, lessonBySlug } from '$lib/learn/lessons/index';
import type { EntryGenerator, PageLoad } from './$types';

/** Every lesson is prerendered. */
export const entries: EntryGenerator = () => LESSONS.map((l) => ({ slug: l.slug }));

export const load: PageLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson) error(404, `There is no lesson called ${params.slug}`);
	return { slug: lesson.slug };
};
