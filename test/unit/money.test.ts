import { formatMinor, toMajorUnits, toMinorUnits } from '../../nodes/common/money';

describe('toMinorUnits', () => {
	test.each<[unknown, number]>([
		[19.99, 1999],
		[0.07, 7],
		[0.1, 10],
		[12.5, 1250],
		[100, 10000],
		['19.99', 1999],
		['0.07', 7],
		[' 12.50 ', 1250],
		['12,50', 1250],
		['12,5', 1250],
		['1.10', 110],
		['1.100', 110],
		[4.35, 435],
		[1.15, 115],
		[8.7, 870],
		['99999999.99', 9999999999],
	])('%p → %i', (value, minor) => {
		expect(toMinorUnits(value)).toEqual({ ok: true, minor });
	});

	test('every cent from 0.01 to 100.00 converts exactly', () => {
		for (let cents = 1; cents <= 10000; cents++) {
			const major = Number((cents / 100).toFixed(2));
			expect(toMinorUnits(major)).toEqual({ ok: true, minor: cents });
		}
	});

	test.each<[unknown, string]>([
		[19.999, 'more than 2 decimal places'],
		// A float computed in an expression that missed its cents is refused, never rounded.
		[1.005 * 1000, 'more than 2 decimal places'],
		['0.001', 'more than 2 decimal places'],
		[0, 'zero'],
		['0.00', 'zero'],
		[-5, 'negative'],
		['-0.01', 'negative'],
		['1,250', 'not a number'],
		['12.5 EUR', 'not a number'],
		['', 'not a number'],
		[null, 'not a number'],
		[NaN, 'not a number'],
		[1e21, 'out of range'],
		['100000000.00', 'too large'],
	])('%p is refused: %s', (value, problem) => {
		expect(toMinorUnits(value)).toEqual({ ok: false, problem });
	});
});

describe('toMajorUnits', () => {
	test.each([
		[1999, 19.99],
		[7, 0.07],
		[1250, 12.5],
		[0, 0],
		[-3190, -31.9],
		[9999999999, 99999999.99],
	])('%i → %d', (minor, major) => {
		expect(toMajorUnits(minor)).toBe(major);
	});

	test('round trip over every cent up to 100.00', () => {
		for (let cents = 1; cents <= 10000; cents++) {
			const result = toMinorUnits(toMajorUnits(cents));
			expect(result).toEqual({ ok: true, minor: cents });
		}
	});

	test('formatMinor', () => {
		expect(formatMinor(1999, 'EUR')).toBe('19.99 EUR');
		expect(formatMinor(7, 'EUR')).toBe('0.07 EUR');
	});
});
