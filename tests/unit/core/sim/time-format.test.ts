import { describe, expect, it } from 'vitest';
import { civil, formatClock, formatStamp, parseCivil } from '$lib/core/sim/time-format';

describe('simulated wall clock', () => {
	it('formats the stamps QUERY SSI prints (000 Example 2-6: 11/11/11 11:10:37)', () => {
		const t = parseCivil('2011-11-11T11:10:37');
		expect(t).not.toBeNull();
		expect(formatStamp(t!)).toBe('11/11/11 11:10:37');
		expect(formatClock(t!)).toBe('11:10:37');
	});

	it('agrees with the host calendar across leap years and month ends', () => {
		for (const iso of [
			'2000-02-29T23:59:59',
			'2012-12-31T00:00:00',
			'1999-03-01T12:34:56',
			'2024-02-29T01:02:03'
		]) {
			const ms = parseCivil(iso)!;
			expect(ms).toBe(Date.parse(iso + 'Z'));
			const c = civil(ms);
			expect(
				`${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`
			).toBe(iso.slice(0, 10));
		}
	});

	it('rejects malformed times', () => {
		for (const bad of [
			'',
			'2011-13-01T00:00:00',
			'2011-11-11 11:10:37',
			'2011-11-11T25:00:00',
			'yesterday'
		]) {
			expect(parseCivil(bad)).toBeNull();
		}
	});
});
