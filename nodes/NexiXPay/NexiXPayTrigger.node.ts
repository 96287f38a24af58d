import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { isoDate } from '../common/dates';
import { lookbackDaysField, readLookbackDays } from '../common/parameters';
import { diffSeen, loadPollState, savePollState, todayIn } from '../common/pollState';
import { listLinks } from './links';
import { XPAY_LIST_DEFAULTS } from './listDefaults';
import { listOrders } from './orders';
import { XPAY_CREDENTIAL, XPAY_ZONE } from './protocol/environment';
import type { XPayOrder } from './schemas';
import { orderStatus, simplifyOrder, xpayDateToIso } from './simplify';
import { XPayClient } from './transport';

/** A record the trigger watches: its key, the day that keeps it in the window, its value, and its item. */
interface Watched {
	key: string;
	day: string;
	value: string;
	json: IDataObject;
}

type XPayEvent = 'payMailLinkPaid' | 'orderStatusChanged' | 'newOrder';

export class NexiXPayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi XPay Trigger',
		name: 'nexiXPayTrigger',
		icon: { light: 'file:../../icons/nexi.svg', dark: 'file:../../icons/nexi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ { payMailLinkPaid: "PayMail link paid", orderStatusChanged: "Order status changed", newOrder: "New order" }[$parameter["event"]] }}',
		description:
			'Starts the workflow when a PayMail link is paid or an XPay order appears or changes status (checked on a schedule)',
		defaults: { name: 'Nexi XPay Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: XPAY_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'PayMail Link Paid',
						value: 'payMailLinkPaid',
						description: 'A customer paid a PayMail link: one item per paid link, once',
					},
					{
						name: 'Order Status Changed',
						value: 'orderStatusChanged',
						description:
							'An order moved to another status (for example authorized → captured); the item has previousStatus',
					},
					{ name: 'New Order', value: 'newOrder', description: 'An order appeared' },
				],
				default: 'payMailLinkPaid',
			},
			lookbackDaysField(
				"Links created (or orders dated) up to this many days back are watched. For PayMail links, use at least the links' lifetime: a link created earlier is not watched any more.",
				XPAY_LIST_DEFAULTS,
			),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const event = this.getNodeParameter('event', 'payMailLinkPaid') as XPayEvent;
		const lookbackDays = readLookbackDays(this, XPAY_LIST_DEFAULTS);
		const today = todayIn(XPAY_ZONE);
		const from = today.minus({ days: lookbackDays });
		const client = await XPayClient.connect(this, 0);
		const staticData = this.getWorkflowStaticData('node');
		const state = loadPollState(staticData);

		// A link already emitted needs no reading of its order again.
		const emitted = (code: string) => this.getMode() !== 'manual' && code in state.seen;
		const watched =
			event === 'payMailLinkPaid'
				? await paidLinks(client, from, today, emitted)
				: await orders(client, from, today);

		if (this.getMode() === 'manual') {
			const latest = watched[watched.length - 1];
			if (!latest) {
				throw new NodeOperationError(
					node,
					`No ${event === 'payMailLinkPaid' ? 'paid PayMail links' : 'orders'} from ${isoDate(from)} to ${isoDate(today)} to show as a sample`,
					{
						description: 'Raise Lookback Days to find an older one.',
					},
				);
			}
			return [
				[
					{
						json:
							event === 'orderStatusChanged' ? withPrevious(latest.json, undefined) : latest.json,
					},
				],
			];
		}

		const { seen, added, changed } = diffSeen(state, watched, isoDate(from));
		const emit: IDataObject[] = !state.initialized
			? []
			: event === 'orderStatusChanged'
				? changed.map(({ record, before }) => withPrevious(record.json, before.value))
				: added.map((record) => record.json);
		savePollState(staticData, { initialized: true, seen });
		return emit.length > 0 ? [emit.map((json) => ({ json }))] : null;
	}
}

/** Every paid link created in the window, oldest first. A link refunded since still counts as paid once. */
async function paidLinks(
	client: XPayClient,
	from: DateTime,
	to: DateTime,
	emitted: (transactionCode: string) => boolean,
): Promise<Watched[]> {
	const links = await listLinks(
		client,
		{ from, to },
		{
			windowDays: XPAY_LIST_DEFAULTS.linkWindowDays,
			concurrency: XPAY_LIST_DEFAULTS.concurrency,
			skipSettling: emitted,
		},
	);
	return links
		.filter(
			(link) =>
				(link.paymentStatus === 'paid' || link.paymentStatus === 'refunded') &&
				typeof link.transactionCode === 'string',
		)
		.map((link) => ({
			key: String(link.transactionCode),
			day: dayOf(link.createdAt),
			value: 'paid',
			json: link,
		}));
}

async function orders(client: XPayClient, from: DateTime, to: DateTime): Promise<Watched[]> {
	const list = await listOrders(client, {
		from,
		to,
		channel: 'All',
		statusTokens: [],
		windowDays: XPAY_LIST_DEFAULTS.orderWindowDays,
		concurrency: XPAY_LIST_DEFAULTS.concurrency,
	});
	return list.map((order: XPayOrder) => ({
		key: order.codiceTransazione,
		day: dayOf(xpayDateToIso(order.dataTransazione)),
		value: String(order.stato ?? ''),
		json: simplifyOrder(order),
	}));
}

function withPrevious(order: IDataObject, previousText: string | undefined): IDataObject {
	return {
		...order,
		previousStatus: previousText === undefined ? null : orderStatus(previousText),
		previousStatusText: previousText ?? null,
	};
}

function dayOf(iso: unknown): string {
	const parsed = typeof iso === 'string' ? DateTime.fromISO(iso, { setZone: true }) : undefined;
	return parsed?.isValid ? (parsed.toISODate() as string) : isoDate(todayIn(XPAY_ZONE));
}
