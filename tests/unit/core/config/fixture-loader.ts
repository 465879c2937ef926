/** Reads the seed-example fixtures next to these tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The text of one fixture file. */
export function fixture(name: string): string {
	return readFileSync(`${dir}${name}`, 'utf8');
}

/** Every fixture file name ending with `ext`, sorted. */
export function fixtureNames(ext: '.direct' | '.config'): string[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith(ext))
		.sort();
}
