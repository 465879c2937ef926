import { describe, expect, it } from 'vitest';
import {
	createCollector,
	finish,
	formatDiagnostic,
	MAX_DIAGNOSTICS,
	quote
} from '../../../../src/lib/core/config/diagnostics';

describe('diagnostics', () => {
	it('formats a diagnostic as "line L, column C: reason"', () => {
		expect(
			formatDiagnostic({ line: 3, column: 7, message: 'storage "6Q" is not a z/VM size' })
		).toBe('line 3, column 7: storage "6Q" is not a z/VM size');
	});

	it('sorts diagnostics by position and fails when there is an error', () => {
		const d = createCollector();
		d.error(4, 2, 'b');
		d.error(1, 9, 'a');
		d.warn(2, 1, 'w');
		expect(finish(d, 1)).toEqual({
			ok: false,
			errors: [
				{ line: 1, column: 9, message: 'a' },
				{ line: 4, column: 2, message: 'b' }
			],
			warnings: [{ line: 2, column: 1, message: 'w' }]
		});
	});

	it('caps a flood of errors and says how many were left out', () => {
		const d = createCollector();
		for (let i = 1; i <= MAX_DIAGNOSTICS + 10; i++) d.error(i, 1, 'x');
		const r = finish(d, null);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors).toHaveLength(MAX_DIAGNOSTICS + 1);
			expect(r.errors.at(-1)?.message).toBe('10 more problems not listed');
		}
	});

	it('quotes text safely: control characters hidden, long text cut', () => {
		expect(quote('a\u0000b')).toBe('"a?b"');
		expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(23)}…"`);
	});
});
