// Every route is prerendered: the site is static and works from any host or sub-path.
export const prerender = true;
export const trailingSlash = 'always';
