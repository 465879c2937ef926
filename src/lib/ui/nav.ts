/** A page of the app, by its route path (what `resolve` from `$app/paths` takes). */
export type NavPath = '/' | '/learn' | '/present' | '/compare' | '/scenarios' | '/docs';

/** The app's pages, in the order the site navigation lists them. */
export const NAV_PAGES: readonly { path: NavPath; label: string }[] = [
	{ path: '/', label: 'Lab' },
	{ path: '/learn', label: 'Learn' },
	{ path: '/present', label: 'Present' },
	{ path: '/compare', label: 'Compare' },
	{ path: '/scenarios', label: 'Scenarios' },
	{ path: '/docs', label: 'Docs' }
];
