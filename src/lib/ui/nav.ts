/** The app's pages, in the order the site navigation lists them. */
export const NAV_PAGES: readonly { path: '/' | '/compare'; label: string }[] = [
	{ path: '/', label: 'Lab' },
	{ path: '/compare', label: 'Compare' }
];
