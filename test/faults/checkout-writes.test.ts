import type { Sandbox } from '../../sandbox/server';
import { runNode } from '../helpers/harness';
import { checkoutCredentials, useSandbox } from '../helpers/sandbox';

jest.mock('../../nodes/common/retry', () => jest.requireActual('./fast-retries').fastRetries());

const sandbox = useSandbox();

const MOVES = ['charge', 'refund', 'cancel'] as const;

/** A paid payment of 100.00 SEK, made without faults; charged in full when it is to be refunded. */
async function paidPayment(target: Sandbox, chargedFirst: boolean): Promise<string> {
	const run = async (parameters: Record<string, unknown>) =>
		await runNode({
			type: 'n8n-nodes-nexi.nexiCheckout',
			parameters: { resource: 'payment', ...parameters } as never,
			credentials: checkoutCredentials(target),
		});
	const { items } = await run({
		operation: 'create',
		amount: 100,
		currency: 'SEK',
		reference: 'faults',
		returnUrl: 'https://shop.example/thanks',
		termsUrl: 'https://shop.example/terms',
	});
	const paymentId = items[0].json.paymentId as string;
	await target.checkout.pay(paymentId);
	if (chargedFirst) await run({ operation: 'charge', paymentId, amount: 0 });
	return paymentId;
}

/**
 * Checkout's charges, refunds and cancels under faults on every request, the reads that check
 * the payment included. The sandbox's payment is the truth: no move is ever applied twice, and
 * every result says what really happened.
 */
describe.each([0.1, 0.3, 0.5])('Checkout charges, refunds and cancels at %p faults', (rate) => {
	test('never twice; a lost answer settled by reading the payment back', async () => {
		const checkout = sandbox.current.checkout;
		const payments: Array<{ paymentId: string; move: (typeof MOVES)[number] }> = [];
		for (let i = 0; i < 24; i++) {
			const move = MOVES[i % 3];
			payments.push({ paymentId: await paidPayment(sandbox.current, move === 'refund'), move });
		}
		sandbox.current.faults.configure({
			dropRate: rate / 4,
			dropAfterRate: rate / 4,
			errorRate: rate / 4,
			malformedRate: rate / 4,
			seed: rate * 1000 + 7,
		});
		const tally = { applied: 0, notApplied: 0, unknown: 0, refused: 0 };
		for (const { paymentId, move } of payments) {
			const { items, error } = await runNode({
				type: 'n8n-nodes-nexi.nexiCheckout',
				parameters: { resource: 'payment', operation: move, paymentId, amount: 12.34 },
				credentials: checkoutCredentials(sandbox.current),
			});
			const stored = checkout.payments.get(paymentId)!;
			const moved =
				move === 'charge'
					? stored.charges.map((c) => c.amount)
					: move === 'refund'
						? stored.refunds.map((r) => r.amount)
						: stored.cancelled > 0
							? [stored.cancelled]
							: [];
			// Applied once at the most, whatever was lost on the way.
			expect(moved.length).toBeLessThanOrEqual(1);
			if (!error) {
				expect(moved).toEqual([1234]);
				expect(items[0].json).toMatchObject({ operation: move, amountMinor: 1234 });
				tally.applied++;
			} else if (
				/it was not applied, and running the item again is safe/.test(String(error.description))
			) {
				expect(moved).toEqual([]);
				tally.notApplied++;
			} else if (/is not known/.test(String(error.description))) {
				tally.unknown++;
			} else {
				// Faults on the read before the move: nothing was sent.
				expect(moved).toEqual([]);
				expect(error.message).toMatch(
					/^(Could not get an answer from Nexi Checkout|Nexi Checkout (had an internal error|returned a response this node does not understand))/,
				);
				tally.refused++;
			}
		}
		sandbox.current.faults.clear();
		// eslint-disable-next-line no-console
		console.log(`Checkout moves at ${rate * 100}% faults: ${JSON.stringify(tally)}`);
		expect(tally.applied + tally.notApplied + tally.unknown + tally.refused).toBe(24);
	}, 120_000);
});
