/**
 * The parameters of "How the model works" (`src/lib/docs/parameters.ts`) against the code's
 * constants and the README's tables: a value changed in one place and not the others fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPARE_HORIZON_MS } from '$lib/core/compare/compare';
import { QEMU_DOWNTIME_LIMIT_MS } from '$lib/core/engine/policy-qemu';
import { XEN_LEGACY } from '$lib/core/engine/policy-xen';
import {
	DEFAULT_MAX_QUIESCE_MS,
	ZVM_POLICY_DEFAULTS,
	zvmPolicy
} from '$lib/core/engine/policy-zvm';
import { WORKLOAD_NAMES, WORKLOAD_PRESETS } from '$lib/core/engine/workload';
import { CHPID_MBPS, CTC_MBPS, linkCapacityMBps, buildLink } from '$lib/core/model/link';
import { DEFAULT_PARAMS } from '$lib/core/sim/state';
import { PARAMETER_GROUPS, WORKLOAD_ROWS, duration } from '$lib/docs/parameters';

const all = PARAMETER_GROUPS.flatMap((g) => g.parameters);
const byCode = (code: string) => {
	const p = all.find((x) => x.code === code);
	if (!p) throw new Error(`no parameter ${code}`);
	return p;
};

/** The README's markdown table rows: first cell → second cell (the value). */
function readmeRows(): Map<string, string> {
	const text = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
	const rows = new Map<string, string>();
	for (const line of text.split('\n')) {
		const m = /^\|(.+?)\|(.+?)\|/.exec(line);
		if (m) rows.set(m[1]!.trim(), m[2]!.trim());
	}
	return rows;
}

describe('the documented parameters are the code’s', () => {
	it('every timing parameter a scenario may set (DEFAULT_PARAMS) is documented, with its value', () => {
		for (const [key, v] of Object.entries(DEFAULT_PARAMS)) {
			const p = byCode(`params.${key}`);
			expect(p.raw, key).toBe(v);
			expect(p.value, key).toBe(key === 'shutdownSignalSeconds' ? `${v} s` : duration(v));
		}
	});

	it('the policies’ defaults', () => {
		expect(byCode('DEFAULT_MAX_QUIESCE_MS').raw).toBe(DEFAULT_MAX_QUIESCE_MS);
		expect(byCode('DEFAULT_MAX_QUIESCE_MS').value).toMatch(/^10 s;/);
		expect(byCode('quiescedPasses').raw).toBe(zvmPolicy().quiescedPasses);
		expect(byCode('shrinkRatio').raw).toBe(ZVM_POLICY_DEFAULTS.shrinkRatio);
		expect(byCode('stallPasses').raw).toBe(ZVM_POLICY_DEFAULTS.stallPasses);
		expect(byCode('maxPasses').raw).toBe(ZVM_POLICY_DEFAULTS.maxPasses);
		expect(byCode('QEMU_DOWNTIME_LIMIT_MS').value).toBe(`${QEMU_DOWNTIME_LIMIT_MS} ms`);
		expect(byCode('XEN_LEGACY').value).toBe(
			`${XEN_LEGACY.maxIterations} iterations, ${XEN_LEGACY.maxFactor}× memory, ${XEN_LEGACY.dirtyThreshold} pages`
		);
		expect(byCode('COMPARE_HORIZON_MS').value).toBe('1 h');
		expect(COMPARE_HORIZON_MS).toBe(3_600_000);
	});

	it('the defaults are what the z/VM policy does without options: 16 passes at most', () => {
		const policy = zvmPolicy();
		const stats = (passes: number[]) => ({
			unit: 'page' as const,
			passes,
			passMs: passes.map(() => 1000),
			pending: 1_000_000,
			totalUnits: 10_000_000,
			sentUnits: passes.reduce((a, b) => a + b, 0),
			elapsedMs: passes.length * 1000,
			measuredUnitsPerMs: 1
		});
		// Shrinking by half each pass: neither fits nor stalls, so only the cap stops it.
		const halving = (k: number) => Array.from({ length: k }, (_, i) => 2 ** (40 - i));
		const cap = ZVM_POLICY_DEFAULTS.maxPasses;
		expect(policy.decide({ ...stats(halving(cap - 1)), pending: 2 ** 20 }).action).toBe('continue');
		expect(policy.decide({ ...stats(halving(cap)), pending: 2 ** 20 }).action).toBe('quiesce');
	});

	it('the link rates: a 4-CHPID, 16-CTC link carries the documented fastest rate', () => {
		expect(byCode('CTC_MBPS, CHPID_MBPS').value).toBe(`${CTC_MBPS} MB/s, ${CHPID_MBPS} MB/s`);
		const link = buildLink('A', 'B', 4, 16);
		const fastest = all.find((p) => p.name === 'Fastest link, one direction')!;
		expect(fastest.raw).toBe(linkCapacityMBps(link));
		expect(fastest.value).toMatch(/^1,400 MB\/s/);
	});

	it('every workload preset is in the table, with its figures', () => {
		expect(WORKLOAD_ROWS.map((r) => r.name)).toEqual([...WORKLOAD_NAMES]);
		const db = WORKLOAD_ROWS.find((r) => r.name === 'database')!;
		expect(db.resident).toBe(`${WORKLOAD_PRESETS.database.resident * 100} %`);
		expect(db.hotWrites).toBe('25,000');
		expect(WORKLOAD_ROWS.find((r) => r.name === 'muncher')!.io).toBe('none');
	});
});

describe('the documented parameters agree with the README’s tables', () => {
	const rows = readmeRows();
	for (const p of all.filter((x) => x.readmeRow !== undefined)) {
		it(`${p.readmeRow}: ${p.value}`, () => {
			const cell = rows.get(p.readmeRow!);
			expect(cell, `README row "${p.readmeRow}"`).toBeDefined();
			expect(cell!.includes(p.value) || p.value.includes(cell!), `${cell} vs ${p.value}`).toBe(
				true
			);
		});
	}

	it('each README parameter table row the docs can hold is held', () => {
		expect(all.filter((x) => x.readmeRow).length).toBeGreaterThanOrEqual(13);
	});
});
