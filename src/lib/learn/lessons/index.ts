/** The lessons of /learn, in order. */
import type { Lesson } from '../lesson';
import { WHAT_IS_SSI } from './01-what-is-ssi';
import { STATES_AND_MODES } from './02-states-and-modes';
import { PDR_AND_HEARTBEATS } from './03-pdr-and-heartbeats';
import { PLANNING_ISFC } from './04-planning-isfc';
import { SHARED_RESOURCES } from './05-shared-resources';
import { RELOCATION_DOMAINS } from './06-relocation-domains';
import { PART_TWO } from './part-two';

export const LESSONS: readonly Lesson[] = [
	WHAT_IS_SSI,
	STATES_AND_MODES,
	PDR_AND_HEARTBEATS,
	PLANNING_ISFC,
	SHARED_RESOURCES,
	RELOCATION_DOMAINS,
	...PART_TWO
];

/** The lesson at `slug`, or undefined. */
export function lessonBySlug(slug: string): Lesson | undefined {
	return LESSONS.find((l) => l.slug === slug);
}
