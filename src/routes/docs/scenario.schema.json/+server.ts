// The scenario file's JSON Schema, byte for byte, prerendered as a file of the static site.
import SCHEMA from '$lib/core/config/scenario.schema.json?raw';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () =>
	new Response(SCHEMA, { headers: { 'content-type': 'application/schema+json' } });
