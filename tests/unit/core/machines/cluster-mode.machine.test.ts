import { describe, expect, it } from 'vitest';
import { nextClusterMode, type ModeInputs } from '$lib/core/machines/cluster-mode.machine';
import type { ClusterMode } from '$lib/core/model/types';

const z: ModeInputs = { unknown: 0, suspended: 0, joining: 0, leaving: 0 };
const modes: ClusterMode[] = ['Stable', 'Influx', 'Safe'];

describe('cluster modes (000 §2.4.2)', () => {
	it('Stable when every member is settled, from any mode', () => {
		for (const m of modes) expect(nextClusterMode(m, z)).toBe('Stable');
	});
	it('Influx while a member is joining or leaving', () => {
		expect(nextClusterMode('Stable', { ...z, joining: 1 })).toBe('Influx');
		expect(nextClusterMode('Stable', { ...z, leaving: 1 })).toBe('Influx');
	});
	it("Safe when a remote member's state cannot be determined", () => {
		expect(nextClusterMode('Stable', { ...z, unknown: 1 })).toBe('Safe');
	});
	it('Safe when any member is Suspended', () => {
		expect(nextClusterMode('Influx', { ...z, suspended: 2 })).toBe('Safe');
	});
	it('Safe wins over Influx (a failure safes the cluster, 001)', () => {
		expect(nextClusterMode('Stable', { unknown: 1, suspended: 0, joining: 1, leaving: 1 })).toBe(
			'Safe'
		);
	});
	it('leaves Safe only when nothing is unknown or suspended', () => {
		expect(nextClusterMode('Safe', { ...z, joining: 1 })).toBe('Influx');
		expect(nextClusterMode('Safe', z)).toBe('Stable');
	});
});
