import { Random } from '../random';

/** Field names and sign conventions follow Nexi's own documented examples. */
export interface TaxDetail {
	rate: number;
	amount: number;
}

export interface PaymentActionRecord {
	id: string;
	paymentId: string;
	paymentAction: string;
	paymentMethod: string;
	paymentType: string;
	timestamp: string;
	reference: string;
	invoiceNumber: string | null;
	amount: number;
	vatAmount: number;
	currency: string;
	fee: number;
	flexibleFee: number;
	fixedFee: number;
	feeVATpercent: number;
	feeTaxRate: number;
	feeTaxAmount: number;
	transactionTaxDetails: TaxDetail[];
	subscriptionId: string | null;
	transactionPayoutReference: string | null;
	feeType: string;
	transactionAmount: number;
	[extra: string]: unknown;
}

export interface PayoutRecord {
	id: string;
	reference: string;
	date: string;
	bankAccountIban: string;
	bankAccountBic: string;
	currency: string;
	amount: number;
	chargedAmount: number;
	numberOfCharges: number;
	refundedAmount: number;
	numberOfRefunds: number;
	depositedAmount: number;
	numberOfDeposits: number;
	fees: number;
	feeVATpercent: number;
	feeTaxRate: number;
	feeTaxAmount: number;
	transactionTaxDetails: TaxDetail[];
	[extra: string]: unknown;
}

export interface StoredPayout {
	payout: PayoutRecord;
	actions: PaymentActionRecord[];
	/** Insertion order, the tie-breaker between payouts of the same date. */
	sequence: number;
}

const BANK_ACCOUNTS: Record<string, { iban: string; bic: string }> = {
	EUR: { iban: 'IT60X0542811101000000123456', bic: 'BPMOIT22XXX' },
	SEK: { iban: 'SE4550000000058398257466', bic: 'ESSESESS' },
	DKK: { iban: 'DK5000400440116243', bic: 'DABADKKK' },
	NOK: { iban: 'NO9386011117947', bic: 'DNBANOKK' },
};

const VAT_RATES: Record<string, number> = { EUR: 2200, SEK: 2500, DKK: 2500, NOK: 2500 };
const FIXED_FEES: Record<string, number> = { EUR: -25, SEK: -200, DKK: -100, NOK: -200 };
const METHODS = [
	['Visa', 'CARD'],
	['MasterCard', 'CARD'],
	['Visa', 'CARD'],
	['MobilePay', 'WALLET'],
	['Swish', 'A2A'],
	['SveaInvoice', 'INVOICE'],
] as const;

/** A Nexi-style 32-hex id: 4 hex, 0000, an 8-hex Unix time, 16 random hex. */
export function nexiId(random: Random, epochSeconds: number): string {
	return `${random.hex(4)}0000${epochSeconds.toString(16).padStart(8, '0').slice(-8)}${random.hex(16)}`;
}

export interface PayoutSpec {
	date: string;
	currency: string;
	/** Payment actions to generate (default: a random handful). */
	actions?: number;
}

/**
 * Builds one payout whose actions add up exactly: the payout amount is the sum of every
 * action's amount and fee, and the payout-level totals use the documented signs
 * (chargedAmount, refundedAmount and fees positive; action refunds and fees negative).
 */
export function generatePayout(
	random: Random,
	spec: PayoutSpec,
	previousReference?: string,
): StoredPayout['payout'] & { actions: PaymentActionRecord[] } {
	const currency = spec.currency.toUpperCase();
	const payoutTime = Date.parse(`${spec.date}T04:45:00Z`);
	const count = spec.actions ?? random.int(1, 40);
	const vatRate = VAT_RATES[currency] ?? 2500;
	const fixedFee = FIXED_FEES[currency] ?? -100;
	const actions: PaymentActionRecord[] = [];
	const chargedSoFar: number[] = [];

	for (let i = 0; i < count; i++) {
		const at = payoutTime - random.int(20, 72) * 3600_000 + i * 1000;
		const [paymentMethod, paymentType] = random.pick(METHODS);
		const base = {
			id: nexiId(random, Math.floor(at / 1000)),
			paymentId: nexiId(random, Math.floor(at / 1000) - random.int(60, 86400)),
			paymentMethod,
			paymentType,
			timestamp: new Date(at).toISOString(),
			reference: `order-${random.digits(6)}`,
			invoiceNumber: paymentType === 'INVOICE' ? `INV${random.digits(8)}` : null,
			currency,
			feeVATpercent: 0,
			feeTaxRate: 0,
			feeTaxAmount: 0,
			subscriptionId: random.chance(0.1) ? random.hex(32) : null,
			transactionPayoutReference: null as string | null,
			feeType: 'Net',
			transactionAmount: 0,
		};
		const roll = random.next();
		let kind: string;
		let amount = 0;
		let flexibleFee = 0;
		let fee = 0;
		let fixed = 0;
		if (roll < 0.72 || chargedSoFar.length === 0) {
			kind = 'CHARGE';
			amount = random.int(99, 60000);
			chargedSoFar.push(amount);
			flexibleFee = -Math.round(amount * 0.014);
			fixed = fixedFee;
		} else if (roll < 0.84) {
			kind = 'REFUND';
			amount = -Math.min(random.pick(chargedSoFar), random.int(99, 60000));
			fixed = -400;
		} else if (roll < 0.92 && previousReference) {
			kind = 'CHARGE_FEE';
			base.transactionAmount = random.int(99, 60000);
			base.transactionPayoutReference = previousReference;
			flexibleFee = -Math.round(base.transactionAmount * 0.014);
			fixed = fixedFee;
		} else if (roll < 0.95) {
			kind = 'REFUND_FEE';
			fixed = -400;
		} else if (roll < 0.97) {
			kind = 'FEE';
			fixed = -4900;
		} else if (roll < 0.99) {
			kind = 'ADJUSTMENT';
			amount = random.int(-2000, 2000) || 100;
		} else {
			kind = 'CHARGEBACK';
			amount = -random.int(500, 20000);
			fixed = -1500;
		}
		fee = flexibleFee + fixed;
		const vatAmount =
			kind === 'CHARGE' || kind === 'REFUND'
				? Math.round((Math.abs(amount) * vatRate) / (10000 + vatRate))
				: 0;
		actions.push({
			...base,
			paymentAction: kind,
			amount,
			vatAmount,
			fee,
			flexibleFee,
			fixedFee: fixed,
			transactionTaxDetails: vatAmount
				? [{ rate: vatRate, amount: vatAmount }]
				: [{ rate: 0, amount: 0 }],
		});
	}
	actions.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
	const payout = summarise(random, spec.date, currency, actions);
	return { ...payout, actions };
}

/** The payout header computed from its actions, with Nexi's documented signs. */
export function summarise(
	random: Random,
	date: string,
	currency: string,
	actions: PaymentActionRecord[],
): PayoutRecord {
	const sum = (kinds: string[], field: 'amount' | 'fee') =>
		actions
			.filter((a) => kinds.includes(a.paymentAction))
			.reduce((total, a) => total + a[field], 0);
	const all = ['CHARGE', 'REFUND', 'CHARGE_FEE', 'REFUND_FEE', 'FEE', 'ADJUSTMENT', 'CHARGEBACK'];
	const chargedAmount = sum(['CHARGE'], 'amount');
	// `0 - x` rather than `-x`: no negative zero in a total.
	const refundedAmount = 0 - sum(['REFUND'], 'amount');
	const depositedAmount = sum(['ADJUSTMENT', 'CHARGEBACK'], 'amount');
	const fees = 0 - sum(all, 'fee');
	const taxes = new Map<number, number>();
	for (const action of actions) {
		if (action.paymentAction !== 'CHARGE') continue;
		for (const detail of action.transactionTaxDetails)
			taxes.set(detail.rate, (taxes.get(detail.rate) ?? 0) + detail.amount);
	}
	const bank = BANK_ACCOUNTS[currency] ?? BANK_ACCOUNTS.EUR;
	return {
		id: nexiId(random, Math.floor(Date.parse(`${date}T04:45:00Z`) / 1000)),
		reference: random.digits(10),
		date,
		bankAccountIban: bank.iban,
		bankAccountBic: bank.bic,
		currency,
		amount: chargedAmount - refundedAmount + depositedAmount - fees,
		chargedAmount,
		numberOfCharges: actions.filter((a) => a.paymentAction === 'CHARGE').length,
		refundedAmount,
		numberOfRefunds: actions.filter((a) => a.paymentAction === 'REFUND').length,
		depositedAmount,
		numberOfDeposits: actions.filter((a) => ['ADJUSTMENT', 'CHARGEBACK'].includes(a.paymentAction))
			.length,
		fees,
		feeVATpercent: 0,
		feeTaxRate: 0,
		feeTaxAmount: 0,
		transactionTaxDetails: [...taxes.entries()].map(([rate, amount]) => ({ rate, amount })),
	};
}

export interface DataOptions {
	seed: number;
	/** Last payout date (YYYY-MM-DD); default today (UTC). */
	endDate?: string;
	days: number;
	currencies: string[];
}

export const DEFAULT_DATA: DataOptions = { seed: 1, days: 365, currencies: ['EUR', 'SEK', 'DKK'] };

/** EUR pays out every weekday, SEK on Mondays and Thursdays, DKK on Wednesdays. */
const SCHEDULE: Record<string, number[]> = {
	EUR: [1, 2, 3, 4, 5],
	SEK: [1, 4],
	DKK: [3],
	NOK: [2],
};

export function generateYear(
	options: DataOptions,
): Array<{ payout: PayoutRecord; actions: PaymentActionRecord[] }> {
	const random = new Random(options.seed);
	const end = Date.parse(`${options.endDate ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
	const result: Array<{ payout: PayoutRecord; actions: PaymentActionRecord[] }> = [];
	const lastReference: Record<string, string> = {};
	for (let day = options.days - 1; day >= 0; day--) {
		const at = new Date(end - day * 86400_000);
		const date = at.toISOString().slice(0, 10);
		for (const currency of options.currencies) {
			if (!(SCHEDULE[currency] ?? [1]).includes(at.getUTCDay())) continue;
			const { actions, ...payout } = generatePayout(
				random,
				{ date, currency },
				lastReference[currency],
			);
			lastReference[currency] = payout.reference;
			result.push({ payout, actions });
		}
	}
	return result;
}
