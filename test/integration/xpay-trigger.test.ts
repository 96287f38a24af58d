import { DateTime } from 'luxon';

import { Poller } from '../helpers/harness';
import { useSandbox, xpayCredentials } from '../helpers/sandbox';

jest.mock('../../nodes/common/retry', () => {
	const actual = jest.requireActual('../../nodes/common/retry');
	return {
		...actual,
		READ_RETRY_POLICY: { retries: 4, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 60_000 },
	};
});

const sandbox = useSandbox({ xpay: { orders: 0, links: 0 } });
const xpay = () => sandbox.current.xpay;

function trigger(event: string, lookbackDays = 7) {
	return new Poller({
		type: 'n8n-nodes-nexi.nexiXPayTrigger',
		parameters: { event, lookbackDays },
		credentials: xpayCredentials(sandbox.current),
	});
}

beforeEach(() => {
	xpay().reset({ orders: 0, links: 0 });
	sandbox.current.faults.clear();
	sandbox.current.requests.length = 0;
});

describe('Nexi XPay Trigger', () => {
	test('PayMail Link Paid: baseline, then each paid link once, in English', async () => {
		xpay().createLink('L-OLD', 1000, 24, 'https://x.example', {}, Date.now() - 3600_000);
		xpay().pay('L-OLD', 'paid');
		xpay().createLink('L-1', 1999, 24, 'https://x.example', {});
		xpay().createLink('L-2', 500, 24, 'https://x.example', {});
		const poller = trigger('payMailLinkPaid');
		expect(await poller.poll()).toBeNull();

		xpay().pay('L-1', 'paid');
		xpay().pay('L-2', 'declined');
		const emitted = await poller.poll();
		expect(emitted?.map((i) => i.json)).toEqual([
			expect.objectContaining({
				transactionCode: 'L-1',
				paymentStatus: 'paid',
				amount: 19.99,
				amountMinor: 1999,
				currency: 'EUR',
			}),
		]);
		expect(await poller.poll()).toBeNull();
	});

	test('Order Status Changed carries the previous status; New Order emits new orders', async () => {
		const order = xpay().addOrder({ importo: 4200 });
		const changes = trigger('orderStatusChanged');
		const news = trigger('newOrder');
		await changes.poll();
		await news.poll();

		const added = xpay().addOrder({ importo: 100 });
		const stored = xpay().orders.get(order.codiceTransazione)!;
		stored.stato = 'Contabilizzato';
		stored.captured = 4200;
		const changed = await changes.poll();
		expect(changed?.map((i) => i.json)).toEqual([
			expect.objectContaining({
				transactionCode: order.codiceTransazione,
				status: 'captured',
				statusText: 'Contabilizzato',
				previousStatus: 'authorized',
				previousStatusText: 'Autorizzato',
			}),
		]);
		expect((await news.poll())?.map((i) => i.json.transactionCode)).toEqual([
			added.codiceTransazione,
		]);
		expect(await changes.poll()).toBeNull();
		expect(await news.poll()).toBeNull();
	});

	test('a day with more links than XPay can list makes the poll fail clearly and change nothing', async () => {
		const poller = trigger('payMailLinkPaid');
		await poller.poll();
		const before = JSON.stringify(poller.staticData);
		// Yesterday at noon in Italy: all 101 links on one XPay day.
		const day = DateTime.now()
			.setZone('Europe/Rome')
			.minus({ days: 1 })
			.set({ hour: 12, minute: 0 })
			.toMillis();
		for (let i = 0; i < 101; i++)
			xpay().createLink(`FULL-${i}`, 100, 24, 'https://x.example', {}, day + i * 1000);
		await expect(poller.poll()).rejects.toThrow(
			/^More than 100 PayMail links were created on \d{2}\/\d{2}\/\d{4}, and XPay cannot list them all$/,
		);
		expect(JSON.stringify(poller.staticData)).toBe(before);
	});

	test('"Fetch test event" returns the latest and changes nothing', async () => {
		const poller = trigger('newOrder');
		await expect(poller.poll('manual')).rejects.toThrow(/^No orders from .* to show as a sample$/);
		xpay().addOrder({ importo: 100, createdAt: Date.now() - 7200_000 });
		const latest = xpay().addOrder({ importo: 200 });
		expect((await poller.poll('manual'))?.map((i) => i.json.transactionCode)).toEqual([
			latest.codiceTransazione,
		]);
		expect(poller.staticData).toEqual({});
	});

	test('exactly once: 500 polls of paid links with faults and restarts, more links than one search returns', async () => {
		let seed = 7;
		const random = () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed / 2147483648;
		};
		const poller = trigger('payMailLinkPaid', 3);
		const unpaid: string[] = [];
		const paid: string[] = [];
		const emitted: string[] = [];
		let failures = 0;
		let counter = 0;
		await poller.poll();
		for (let round = 0; round < 500; round++) {
			if (random() < 0.45) {
				const code = `SIM-${counter++}`;
				// Spread over the last three days: the window holds more than the 100 links one
				// search returns, while no single day does (XPay could not list that day whole).
				xpay().createLink(
					code,
					100 + counter,
					72,
					'https://x.example',
					{},
					Date.now() - Math.floor(random() * 3 * 86_400_000),
				);
				unpaid.push(code);
			}
			if (unpaid.length > 0 && random() < 0.7) {
				const code = unpaid.splice(Math.floor(random() * unpaid.length), 1)[0];
				xpay().pay(code, random() < 0.85 ? 'paid' : 'declined');
				if (xpay().links.get(code)!.state === 'paid') paid.push(code);
			}
			const faulty = random() < 0.3;
			sandbox.current.faults.configure(
				faulty ? { errorRate: 0.3, dropRate: 0.15, tamperMacRate: 0.05, seed: round } : {},
			);
			try {
				for (const item of (await poller.poll()) ?? [])
					emitted.push(item.json.transactionCode as string);
			} catch {
				failures++;
			}
			if (random() < 0.08) poller.restart();
		}
		sandbox.current.faults.clear();
		for (const item of (await poller.poll()) ?? [])
			emitted.push(item.json.transactionCode as string);
		expect(counter).toBeGreaterThan(200);
		expect(paid.length).toBeGreaterThan(150);
		expect(failures).toBeGreaterThan(3);
		expect([...emitted].sort()).toEqual([...paid].sort());
		// eslint-disable-next-line no-console
		console.log(
			`XPay exactly-once simulation: ${counter} links, ${paid.length} paid, ${emitted.length} emitted, ${failures} failed polls`,
		);
	}, 180_000);
});
