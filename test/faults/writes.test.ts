import { runNode } from '../helpers/harness';
import { useSandbox, xpayCredentials } from '../helpers/sandbox';

jest.mock('../../nodes/common/retry', () => jest.requireActual('./fast-retries').fastRetries());

const sandbox = useSandbox({ xpay: { orders: 0, links: 0 } });

/**
 * Captures and refunds under faults on every request, the reads that check the order
 * included. The sandbox's ledger is the truth: no order is ever captured or refunded twice,
 * and every result says what really happened.
 */
describe.each([0.1, 0.3, 0.5])('captures and refunds at %p faults', (rate) => {
	test('never twice; every unknown outcome reported with the real state', async () => {
		const xpay = sandbox.current.xpay;
		const orders = Array.from({ length: 25 }, (_, i) =>
			xpay.addOrder({
				codiceTransazione: `W${rate * 100}-${i}`,
				importo: 10_000,
				stato: i % 2 ? 'Autorizzato' : 'Contabilizzato',
			}),
		);
		sandbox.current.faults.configure({
			dropRate: rate / 4,
			dropAfterRate: rate / 4,
			errorRate: rate / 4,
			tamperMacRate: rate / 8,
			malformedRate: rate / 8,
			seed: rate * 1000,
		});
		const tally = { applied: 0, notApplied: 0, unknown: 0, refused: 0 };
		for (const order of orders) {
			const operation = order.stato === 'Autorizzato' ? 'capture' : 'refund';
			const { items, error } = await runNode({
				type: 'n8n-nodes-nexi.nexiXPay',
				parameters: {
					resource: 'order',
					operation,
					transactionCode: order.codiceTransazione,
					amount: 12.34,
				},
				credentials: xpayCredentials(sandbox.current),
			});
			const ledger = xpay.ledger.filter(
				(entry) => entry.codiceTransazione === order.codiceTransazione,
			);
			// Sent once at the most: never a second capture or refund of the same request.
			expect(ledger.length).toBeLessThanOrEqual(1);
			const stored = xpay.orders.get(order.codiceTransazione)!;
			if (!error) {
				expect(ledger).toHaveLength(1);
				expect(items[0].json).toMatchObject({ success: true, amountMinor: 1234 });
				// The state afterwards, when the order could be read again (null when it could not).
				expect([stored.stato, null]).toContain(items[0].json.orderStatusText);
				tally.applied++;
			} else if (/was not (applied|sent)/.test(error.message)) {
				expect(ledger).toHaveLength(0);
				tally.notApplied++;
			} else if (/outcome unknown|unknown outcome/.test(error.message)) {
				expect(error.description).toMatch(/Do not run it again|Check order/);
				tally.unknown++;
			} else {
				// Faults on the reading before the write: nothing was sent.
				expect(ledger).toHaveLength(0);
				expect(error.message).toMatch(/^Nexi XPay could not read order/);
				tally.refused++;
			}
		}
		sandbox.current.faults.clear();
		// eslint-disable-next-line no-console
		console.log(`writes at ${rate * 100}% faults: ${JSON.stringify(tally)}`);
		expect(tally.applied + tally.notApplied + tally.unknown + tally.refused).toBe(25);
	}, 120_000);
});
