import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { authenticationChoice } from '../common/authentication';
import { isoDate, todayIn } from '../common/dates';
import {
	emitExistingField,
	inVersions,
	lookbackDaysField,
	optionsCollection,
	readLookbackDays,
	shownOnlyWith,
} from '../common/parameters';
import { diffSeen, loadPollState, savePollState } from '../common/pollState';
import { DEFAULT_AUTHENTICATION, XPAY_APIS } from './actions/authentication';
import { listLinks, withCustomer } from './backOffice/domain/links';
import { XPAY_LIST_DEFAULTS } from './backOffice/transport/listDefaults';
import { listOrders, simplifyOrder } from './backOffice/domain/orders';
import { XPAY_ZONE } from './backOffice/protocol/environment';
import type { XPayOrder } from './backOffice/transport/schemas';
import { orderStatus } from './backOffice/domain/statuses';
import { xpayDateToIso } from './backOffice/domain/values';
import { XPayClient } from './backOffice/transport/client';
import { versionBehaviour } from './backOffice/actions/versions';
import { keyEventProperties, pollApiKey } from './apiKey/actions/polling';

/** A record the trigger watches: its key, the day that keeps it in the window, its value, and its item. */
interface Watched {
	key: string;
	day: string;
	value: string;
	json: IDataObject;
}

/** What a check found: the records to watch, and how many it looked through to find them. */
interface Found {
	watched: Watched[];
	looked: number;
}

type XPayEvent = 'payMailLinkPaid' | 'orderStatusChanged' | 'newOrder';

/** Version 2 watches paid links over a typical link's lifetime (30 days), orders over a week. */
const PAID_LINK_LOOKBACK_DAYS = 30;

const LOOKBACK_DESCRIPTION =
	"Links created (or orders dated) up to this many days back are watched. For PayMail links, use at least the links' lifetime: a link created earlier is not watched any more.";

const lookbackFields: INodeProperties[] = [
	inVersions([1], lookbackDaysField(LOOKBACK_DESCRIPTION, XPAY_LIST_DEFAULTS)),
	inVersions([2], {
		...lookbackDaysField(LOOKBACK_DESCRIPTION, {
			lookbackDays: PAID_LINK_LOOKBACK_DAYS,
			maxLookbackDays: XPAY_LIST_DEFAULTS.maxLookbackDays,
		}),
		hint: 'At least the lifetime of your links, in days (Expires In (Hours) ÷ 24)',
		displayOptions: { show: { event: ['payMailLinkPaid'] } },
	}),
	inVersions([2], {
		...lookbackDaysField(LOOKBACK_DESCRIPTION, XPAY_LIST_DEFAULTS),
		displayOptions: { show: { event: ['orderStatusChanged', 'newOrder'] } },
	}),
];

/** Which XPay API the node speaks, and so which credential it takes. */
const AUTHENTICATION = authenticationChoice(
	XPAY_APIS,
	DEFAULT_AUTHENTICATION,
	'Which XPay API Nexi gave you: the credential tells',
);

export class NexiXPayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi XPay Trigger',
		name: 'nexiXPayTrigger',
		icon: { light: 'file:../../icons/nexi.svg', dark: 'file:../../icons/nexi.dark.svg' },
		group: ['trigger'],
		// 2: PayMail Link Paid looks back 30 days by default, and its item carries the customer's
		// e-mail and name and the link's description.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ { payMailLinkPaid: "PayMail link paid", orderStatusChanged: "Order status changed", newOrder: "New order", paymentLinkPaid: "Payment link paid", newOperation: "New operation" }[$parameter["event"]] }}',
		description:
			'Starts the workflow when a payment link is paid, or an XPay order or operation appears or changes status (checked on a schedule)',
		defaults: { name: 'Nexi XPay Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: AUTHENTICATION.credentials,
		properties: [
			AUTHENTICATION.property,
			...keyEventProperties,
			...shownOnlyWith({ authentication: ['aliasMacKey'] }, [
				{
					displayName: 'Event',
					name: 'event',
					type: 'options',
					noDataExpression: true,
					options: [
						// `action` is what n8n's node panel lists; without it n8n derives "On pay mail link paid".
						{
							name: 'PayMail Link Paid',
							value: 'payMailLinkPaid',
							action: 'On PayMail link paid',
							description: 'A customer paid a PayMail link: one item per paid link, once',
						},
						{
							name: 'Order Status Changed',
							value: 'orderStatusChanged',
							action: 'On order status changed',
							description:
								'An order moved to another status (for example authorized → captured); the item has previousStatus',
						},
						{
							name: 'New Order',
							value: 'newOrder',
							action: 'On new order',
							description: 'An order appeared',
						},
					],
					default: 'payMailLinkPaid',
				},
				...lookbackFields,
				{
					displayName:
						'A link is watched from the day it was created: one paid more than Lookback Days after that is not seen. For the moment of payment, use the Nexi XPay Notification Trigger.',
					name: 'lookbackNotice',
					type: 'notice',
					default: '',
					displayOptions: { show: { event: ['payMailLinkPaid'] } },
				},
				optionsCollection([
					{
						...emitExistingField,
						displayOptions: { show: { '/event': ['payMailLinkPaid', 'newOrder'] } },
					},
				]),
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getNodeParameter('authentication', DEFAULT_AUTHENTICATION) === 'apiKey')
			return await pollApiKey(this);
		const node = this.getNode();
		const event = this.getNodeParameter('event', 'payMailLinkPaid') as XPayEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const lookbackDays = readLookbackDays(this, XPAY_LIST_DEFAULTS);
		const today = todayIn(XPAY_ZONE);
		const from = today.minus({ days: lookbackDays });
		const client = await XPayClient.connect(this, 0);
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		const state = loadPollState(staticData);
		const withDetails = versionBehaviour(node).paidLinksWithCustomer && event === 'payMailLinkPaid';
		const describe = async (records: IDataObject[]) =>
			withDetails ? await withCustomer(client, records, XPAY_LIST_DEFAULTS.concurrency) : records;

		// A link already emitted needs no reading of its order again.
		const emitted = (code: string) => !manual && code in state.seen;
		const { watched, looked } =
			event === 'payMailLinkPaid'
				? await paidLinks(client, from, today, emitted)
				: await orders(client, from, today);

		if (manual) {
			// "Fetch test event": the most recent match, and no change to what the trigger remembers.
			const latest = watched[watched.length - 1];
			if (!latest) throw nothingToShow(node, event, looked, from, today);
			const [sample] = await describe([latest.json]);
			return [
				[{ json: event === 'orderStatusChanged' ? withPrevious(sample, undefined) : sample }],
			];
		}

		const { seen, added, changed } = diffSeen(state, watched, isoDate(from));
		const emitExisting = options.emitExisting === true && event !== 'orderStatusChanged';
		const records = !state.initialized
			? emitExisting
				? watched.map((record) => record.json)
				: []
			: event === 'orderStatusChanged'
				? changed.map(({ record, before }) => withPrevious(record.json, before.value))
				: added.map((record) => record.json);
		// Everything that can fail happens before the state changes: a failed check leaves it as it was.
		const emit = await describe(records);
		savePollState(staticData, { initialized: true, seen });
		return emit.length > 0 ? [emit.map((json) => ({ json }))] : null;
	}
}

/** What Fetch Test Event says when there is nothing to show: what it looked through, and where. */
function nothingToShow(
	node: ReturnType<IPollFunctions['getNode']>,
	event: XPayEvent,
	looked: number,
	from: DateTime,
	to: DateTime,
): NodeOperationError {
	const range = `from ${isoDate(from)} to ${isoDate(to)}`;
	if (event === 'payMailLinkPaid') {
		return new NodeOperationError(
			node,
			`No paid PayMail link among the ${looked} link${looked === 1 ? '' : 's'} created ${range}`,
			{
				description:
					looked === 0
						? 'XPay lists no PayMail link created in the lookback window. Create one (PayMail Link → Create) or raise Lookback Days.'
						: 'None of them is paid yet. Pay one, or raise Lookback Days to look at older links.',
			},
		);
	}
	return new NodeOperationError(node, `No orders ${range} to show as a sample`, {
		description:
			'XPay lists no order in the lookback window. Raise Lookback Days to find an older one.',
	});
}

/** Every paid link created in the window, oldest first. A link refunded since still counts as paid once. */
async function paidLinks(
	client: XPayClient,
	from: DateTime,
	to: DateTime,
	emitted: (transactionCode: string) => boolean,
): Promise<Found> {
	const links = await listLinks(
		client,
		{ from, to },
		{
			windowDays: XPAY_LIST_DEFAULTS.linkWindowDays,
			concurrency: XPAY_LIST_DEFAULTS.concurrency,
			skipSettling: emitted,
		},
	);
	const watched = links
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
	return { watched, looked: links.length };
}

async function orders(client: XPayClient, from: DateTime, to: DateTime): Promise<Found> {
	const list = await listOrders(client, {
		from,
		to,
		channel: 'All',
		statusTokens: [],
		windowDays: XPAY_LIST_DEFAULTS.orderWindowDays,
		concurrency: XPAY_LIST_DEFAULTS.concurrency,
	});
	const watched = list.map((order: XPayOrder) => ({
		key: order.codiceTransazione,
		day: dayOf(xpayDateToIso(order.dataTransazione)),
		value: String(order.stato ?? ''),
		json: simplifyOrder(order),
	}));
	return { watched, looked: list.length };
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
