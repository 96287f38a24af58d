import { formatMinor, toMinorUnits } from '../../../common/money';
import { invalidInput, type ItemAt } from '../../../common/validation';

/** An order line as Checkout takes it: every amount in whole minor units. */
export interface OrderItem {
	reference: string;
	name: string;
	quantity: number;
	unit: string;
	unitPrice: number;
	taxRate: number;
	taxAmount: number;
	grossTotalAmount: number;
	netTotalAmount: number;
}

/** An order line as the user types it: prices in major units, the tax rate in percent. */
export interface LineInput {
	name?: unknown;
	reference?: unknown;
	quantity?: unknown;
	unit?: unknown;
	unitPrice?: unknown;
	taxRate?: unknown;
}

const MAX_TEXT = 128;

/** A decimal with up to `decimals` places as an integer scaled by 10^decimals, read from its digits. */
function scaled(value: unknown, decimals: number): number | undefined {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
	if (!match) return undefined;
	const fraction = (match[2] ?? '').replace(/0+$/, '');
	if (fraction.length > decimals) return undefined;
	return Number(match[1] + fraction.padEnd(decimals, '0'));
}

function requiredText(where: ItemAt, field: string, value: unknown, fallback?: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const chosen = text || fallback || '';
	if (!chosen || chosen.length > MAX_TEXT)
		throw invalidInput(
			where.node,
			where.itemIndex,
			field,
			value,
			`text of 1 to ${MAX_TEXT} characters`,
		);
	return chosen;
}

/**
 * The user's order lines in Checkout's form, with Checkout's arithmetic done exactly on whole
 * minor units: net = unit price × quantity, tax = net × rate, gross = net + tax (each rounded
 * to the minor unit, half up).
 */
export function orderItems(where: ItemAt, inputs: LineInput[], decimals: number): OrderItem[] {
	return inputs.map((input, index) => {
		const at = `Order Line ${index + 1}`;
		const name = requiredText(where, `${at} Name`, input.name);
		const price = toMinorUnits(input.unitPrice, decimals);
		if (!price.ok)
			throw invalidInput(
				where.node,
				where.itemIndex,
				`${at} Unit Price`,
				input.unitPrice,
				`a positive price in major units with at most ${decimals} decimals (${price.problem})`,
			);
		const quantity = scaled(input.quantity ?? 1, 3);
		if (quantity === undefined || quantity === 0)
			throw invalidInput(
				where.node,
				where.itemIndex,
				`${at} Quantity`,
				input.quantity,
				'a positive number with at most 3 decimals',
			);
		const rate = scaled(input.taxRate ?? 0, 2);
		if (rate === undefined || rate > 99_999)
			throw invalidInput(
				where.node,
				where.itemIndex,
				`${at} Tax Rate`,
				input.taxRate,
				'a percentage from 0 to 999.99 with at most 2 decimals, such as 25',
			);
		const net = Math.round((price.minor * quantity) / 1000);
		const tax = Math.round((net * rate) / 10_000);
		return {
			reference: requiredText(where, `${at} Reference`, input.reference, name.slice(0, MAX_TEXT)),
			name,
			quantity: quantity / 1000,
			unit: requiredText(where, `${at} Unit`, input.unit, 'pcs'),
			unitPrice: price.minor,
			taxRate: rate,
			taxAmount: tax,
			grossTotalAmount: net + tax,
			netTotalAmount: net,
		};
	});
}

/** One line for a whole amount: what Checkout gets when the user gives an amount and no lines. */
export function singleLine(minor: number, name: string, reference: string): OrderItem {
	return {
		reference: reference.slice(0, MAX_TEXT) || 'payment',
		name: name.slice(0, MAX_TEXT),
		quantity: 1,
		unit: 'pcs',
		unitPrice: minor,
		taxRate: 0,
		taxAmount: 0,
		grossTotalAmount: minor,
		netTotalAmount: minor,
	};
}

export function linesTotal(items: OrderItem[]): number {
	return items.reduce((sum, item) => sum + item.grossTotalAmount, 0);
}

/** Checkout refuses lines that do not add up to the amount: so does the node, before sending. */
export function requireLinesMatch(
	where: ItemAt,
	items: OrderItem[],
	minor: number,
	currency: string,
	decimals: number,
): void {
	const total = linesTotal(items);
	if (total !== minor)
		throw invalidInput(
			where.node,
			where.itemIndex,
			'Order Lines',
			formatMinor(total, currency, decimals),
			`lines whose gross totals (price × quantity + tax) add up to the Amount, ${formatMinor(minor, currency, decimals)}`,
			'Correct a line or the Amount; nothing was sent to Nexi.',
		);
}
