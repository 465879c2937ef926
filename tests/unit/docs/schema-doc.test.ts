/**
 * The scenario format's documentation (`src/lib/docs/schema-doc.ts`, the page /docs/scenarios)
 * covers the whole schema: every property, under its path, with a description, its required
 * flag and its constraints, and every value type.
 */
import { describe, expect, it } from 'vitest';
import schema from '$lib/core/config/scenario.schema.json';
import { documentSchema, NOTES, type SchemaNode } from '$lib/docs/schema-doc';

const doc = documentSchema(schema as SchemaNode);
const rows = doc.sections.flatMap((s) => s.rows);

/** Every `properties` key in the schema with its object's required list, walked independently. */
function schemaProperties(node: unknown, out: { name: string; required: boolean }[] = []) {
	if (node === null || typeof node !== 'object') return out;
	const o = node as Record<string, unknown>;
	if (o.properties && typeof o.properties === 'object') {
		const req = new Set((o.required as string[] | undefined) ?? []);
		for (const [name, p] of Object.entries(o.properties as Record<string, unknown>)) {
			out.push({ name, required: req.has(name) });
			schemaProperties(p, out);
		}
	}
	for (const [k, v] of Object.entries(o)) if (k !== 'properties') schemaProperties(v, out);
	return out;
}

describe('the scenario format documentation', () => {
	it('has a row for every property of the schema, once each, with its required flag', () => {
		const props = schemaProperties(schema);
		expect(rows.length).toBe(props.length);
		const key = (p: { name: string; required: boolean }) => `${p.name}:${p.required}`;
		expect(rows.map(key).sort()).toEqual(props.map(key).sort());
	});

	it('every property has a description, from the schema or the notes', () => {
		for (const r of rows) expect(r.description, r.path).not.toBe('');
	});

	it('every note is about a property that exists', () => {
		const paths = new Set(rows.map((r) => r.path));
		for (const p of Object.keys(NOTES)) expect(paths.has(p), p).toBe(true);
	});

	it('constraints come from the schema: patterns, ranges, item counts, defaults', () => {
		const slot = rows.find((r) => r.path === 'cluster.members[].slot')!;
		expect(slot.constraints).toContain('1-4');
		const members = rows.find((r) => r.path === 'cluster.members')!;
		expect(members.constraints).toContain('1-4 items');
		expect(members.type).toBe('array of member');
		expect(members.section).toBe('scenario-cluster-members');
		const between = rows.find((r) => r.path === 'cluster.links[].between')!;
		expect(between.constraints).toContain('exactly 2 items');
		expect(rows.find((r) => r.path === 'seed')!.constraints).toContain('default 1');
		expect(rows.find((r) => r.path === 'name')!.required).toBe(true);
		expect(rows.find((r) => r.path === 'guests[].workload')!.type).toMatch(/^one of "idle"/);
	});

	it('one section per object, linked from its row; the value types of $defs', () => {
		for (const r of rows.filter((x) => x.section))
			expect(
				doc.sections.some((s) => s.id === r.section),
				r.path
			).toBe(true);
		expect(new Set(doc.sections.map((s) => s.id)).size).toBe(doc.sections.length);
		expect(doc.valueTypes.map((v) => v.name)).toEqual([
			'name',
			'rdev',
			'size',
			'duration',
			'facility'
		]);
		expect(doc.sections.find((s) => s.path === 'script[]')!.rules.join(' ')).toMatch(
			/Exactly one of: command with on; fault; ipl; shutdown/
		);
	});
});
