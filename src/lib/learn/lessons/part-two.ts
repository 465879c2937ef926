/**
 * Lessons 7-12 of /learn, in order: relocation in depth, from eligibility to where live guest
 * relocation fits among availability solutions. Each lesson lives in its own file.
 */
import type { Lesson } from '../lesson';
import { ELIGIBILITY } from './07-eligibility';
import { PRE_COPY_PASSES } from './08-pre-copy-passes';
import { QUIESCE_LIMITS } from './09-quiesce-limits';
import { STORAGE_CHECKS } from './10-storage-checks';
import { RELOCATION_FAILURES } from './11-relocation-failures';
import { LGR_AND_AVAILABILITY } from './12-lgr-and-availability';

export const PART_TWO: readonly Lesson[] = [
	ELIGIBILITY,
	PRE_COPY_PASSES,
	QUIESCE_LIMITS,
	STORAGE_CHECKS,
	RELOCATION_FAILURES,
	LGR_AND_AVAILABILITY
];
