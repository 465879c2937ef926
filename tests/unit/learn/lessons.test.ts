// Lessons 1-6 of /learn, checked on the real simulation (lesson-checks.ts).
import { LESSONS } from '$lib/learn/lessons/index';
import { describeLessons } from './lesson-checks';

describeLessons(LESSONS);
