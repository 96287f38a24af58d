import { DateTime } from 'luxon';
import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import { mapConcurrent } from '../../../common/concurrency';
import { isoDate, todayIn } from '../../../common/dates';
import {
	emitExistingField,
	lookbackDaysField,
	optionsCollection,
	readLookbackDays,
	shownOnlyWith,
} from '../../../common/parameters';
import { diffSeen, loadPollState, savePollState } from '../../../common/pollState';
import { XPAY_ZONE } from '../../protocol/zone';
import { getOrder, listOperations, WINDOW_CONCURRENCY } from '../domain/orderReads';
import { isoTime, linksOf, simplifyOperation, simplifyOrder } from '../domain/orders';
import { XPayKeyClient } from '../transport/client';
import type { KeyOperation } from '../transport/schemas';

type KeyEvent = 'paymentLinkPaid' | 'newOperation';

const LIMITS = { lookbackDays: 7, maxLookbackDays: 90 };

/** The trigger's fields for Authentication = API Key. */
export const keyEventProperties: INodeProperties[] = shownOnlyWith({ authentication: ['apiKey'] }, [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Payment Link Paid',
				value: 'paymentLinkPaid',
				action: 'On payment link paid',
				description:
					'A customer paid a payment link: one item per paid link, once, with the order’s customer and description',
			},
			{
				name: 'New Operation',
				value: 'newOperation',
				action: 'On new operation',
				description: 'Each new payment, capture, refund, void or cancel, once',
			},
		],
		default: 'paymentLinkPaid',
	},
	{
		...lookbackDaysField(
			'Operations made up to this many days back are watched, so that one XPay shows late is still seen (once)',
			LIMITS,
		),
	},
	{
		displayName:
			'A paid link is seen through the payment XPay records for it, whenever it was created. For the moment of payment, use the Nexi XPay Notification Trigger.',
		name: 'keyNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: ['paymentLinkPaid'] } },
	},
	optionsCollection([emitExistingField]),
]);

const PAID = new Set(['AUTHORIZED', 'EXECUTED']);

interface Watched {
	key: string;
	day: string;
	operation: KeyOperation;
}

/**
 * One check of the trigger with an API key. Every operation of the lookback window is listed
 * (all of them, whole and once, as Operation → Get Many reads them); what the trigger has seen
 * is remembered by key in the node's static data, so each operation, or each paid link, starts
 * one execution across checks, restarts and late records. Everything that can fail happens
 * before the memory changes.
 */
export async function pollApiKey(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = context.getNodeParameter('event', 'paymentLinkPaid') as KeyEvent;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const lookbackDays = readLookbackDays(context, LIMITS);
	const today = todayIn(XPAY_ZONE);
	const from = today.minus({ days: lookbackDays });
	const client = await XPayKeyClient.connect(context, 0);
	const operations = await listOperations(client, { from, to: today }, {});
	const watched: Watched[] = [];
	for (const operation of [...operations].reverse()) {
		const day = dayOf(operation.operationTime);
		if (event === 'newOperation') {
			watched.push({ key: String(operation.operationId), day, operation });
		} else if (
			operation.operationType === 'AUTHORIZATION' &&
			PAID.has(String(operation.operationResult)) &&
			operation.paymentLinkId !== null &&
			operation.paymentLinkId !== undefined &&
			operation.paymentLinkId !== ''
		) {
			watched.push({ key: String(operation.paymentLinkId), day, operation });
		}
	}
	const describe = async (records: Watched[]) =>
		event === 'newOperation'
			? records.map(({ operation }) => simplifyOperation(operation))
			: await mapConcurrent(records, WINDOW_CONCURRENCY, async ({ operation }) =>
					paidLink(client, operation),
				);

	if (context.getMode() === 'manual') {
		const latest = watched[watched.length - 1];
		if (!latest)
			throw new NodeOperationError(
				context.getNode(),
				`No ${event === 'newOperation' ? 'operation' : 'paid payment link'} from ${isoDate(from)} to ${isoDate(today)} to show as a sample`,
				{ description: 'Raise Lookback Days, or pay a link first.' },
			);
		return [(await describe([latest])).map((json) => ({ json }))];
	}

	const staticData = context.getWorkflowStaticData('node');
	const state = loadPollState(staticData);
	const { seen, added } = diffSeen(state, watched, isoDate(from));
	const records = !state.initialized ? (options.emitExisting === true ? watched : []) : added;
	const emit = await describe(records);
	savePollState(staticData, { initialized: true, seen });
	return emit.length > 0 ? [emit.map((json) => ({ json }))] : null;
}

/** A paid link as the item shows it: the payment, and the order's customer and description. */
async function paidLink(client: XPayKeyClient, operation: KeyOperation): Promise<IDataObject> {
	const payment = simplifyOperation(operation);
	const detail = operation.orderId ? await getOrder(client, operation.orderId) : undefined;
	const order = detail
		? simplifyOrder(detail.orderStatus, detail.operations ?? [], linksOf(detail))
		: undefined;
	return {
		linkId: payment.paymentLinkId,
		orderId: payment.orderId,
		status: 'paid',
		amount: payment.amount,
		amountMinor: payment.amountMinor,
		currency: payment.currency,
		paidAt: payment.time,
		operationId: payment.operationId,
		paymentMethod: payment.paymentMethod,
		orderStatus: order?.status ?? null,
		customer: order?.customer ?? null,
		description: order?.description ?? null,
	};
}

function dayOf(time: unknown): string {
	const iso = isoTime(time);
	const parsed = iso ? DateTime.fromISO(iso, { zone: XPAY_ZONE }) : undefined;
	return parsed?.isValid ? (parsed.toISODate() as string) : isoDate(todayIn(XPAY_ZONE));
}
